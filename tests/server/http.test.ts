import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceSummary, WorkspaceView } from '../../shared/schemas/workspace';
import { demoWorkspaceId } from '../../server/demo/seed-demo';
import { fetchAs, signInAs, type TestSession } from '../helpers/sessions';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe('REST API', () => {
  let server: TestServer;
  let member: TestSession;
  beforeAll(async () => {
    server = await startTestServer();
    member = await signInAs(server.url, 'member');
  });
  afterAll(() => server.destroy());

  const expectProblem = async (response: Response, status: number, title: RegExp): Promise<void> => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { status: number; title: string; type: string };
    expect(problem.status).toBe(status);
    expect(problem.title).toMatch(title);
    expect(problem.type).toBeTruthy();
  };

  it('answers /api/health with the version and uptime', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', version: expect.any(String), uptimeSeconds: expect.any(Number) });
  });

  it('seeds the demo workspace with the founding case figures and about 120 structures in networks', async () => {
    const list = (await (await fetchAs(member, server.url, '/api/workspaces')).json()) as WorkspaceSummary[];
    expect(list.map((w) => w.id)).toEqual([demoWorkspaceId]);
    const workspace = (await (await fetchAs(member, server.url, `/api/workspaces/${demoWorkspaceId}`)).json()) as WorkspaceView;
    expect(workspace.envelope.totalCents).toBe(3_381_649_100);
    expect(workspace.envelope.shares.map((s) => s.amountCents)).toEqual([760_250_000, 342_500_000, 2_278_899_100]);
    expect(workspace.envelope.shares.reduce((sum, s) => sum + s.amountCents, 0)).toBe(workspace.envelope.totalCents);
    expect(workspace.structures.length).toBeGreaterThanOrEqual(115);
    expect(new Set(workspace.structures.map((s) => s.id)).size).toBe(workspace.structures.length);
    expect(new Set(workspace.networks.map((n) => n.kind))).toEqual(new Set(['cooperative', 'association', 'mutual', 'foundation', 'integration', 'other']));
    for (const structure of workspace.structures) expect(workspace.networks.map((n) => n.id)).toContain(structure.networkId);
  });

  it('answers an unknown workspace with a French problem', async () => {
    await expectProblem(await fetchAs(member, server.url, '/api/workspaces/inconnu'), 404, /Espace de travail introuvable/);
  });

  it('answers unknown API paths with 404 problem details', async () => {
    await expectProblem(await fetch(`${server.url}/api/nothing/here`), 404, /n’existe pas/);
  });

  it('refuses invalid JSON with a clear problem', async () => {
    const response = await fetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' });
    await expectProblem(response, 400, /JSON valide/);
  });

  it('refuses an oversized body with 413', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(400 * 1024) });
    const response = await fetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await expectProblem(response, 413, /trop volumineux/);
  });

  it('serves the client for app routes and sends security headers', async () => {
    const response = await fetch(`${server.url}/w/${demoWorkspaceId}`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // The client is built by `npm test` before vitest runs; without a build the answer says how to build it.
    if (response.status === 200) expect(await response.text()).toContain('<title>Trame</title>');
    else await expectProblem(response, 500, /pas construite/);
  });

  it('stays up after all of the above', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
