import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { startChildServer, type ChildServer } from '../../helpers/child-server';
import { signInAs } from '../../helpers/sessions';
import { makeDataDir } from '../../helpers/test-server';
import { connectClient, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';

const documentName = `${demoWorkspaceId}.contract`;

describe('durability through a hard crash', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('loses no update that another client had received when the process is killed with SIGKILL', async () => {
    const dataDir = await makeDataDir();
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    let server: ChildServer = await startChildServer(dataDir);
    cleanup.push(() => server.kill());

    const { token } = await signInAs(server.url, 'member');
    const typist = connectClient(server.wsUrl, documentName, token);
    const witness = connectClient(server.wsUrl, documentName, token);
    const providers: WebsocketProvider[] = [typist, witness];
    cleanup.push(() => disconnectAll(...providers));
    await Promise.all([whenSynced(typist), whenSynced(witness)]);

    // The typist types steadily; the server is killed while updates are in flight.
    const text = typist.doc.getText('notes');
    let typed = 0;
    const typing = setInterval(() => {
      for (let i = 0; i < 5; i++) text.insert(text.length, `${typed++},`);
    }, 2);
    await waitFor(() => witness.doc.getText('notes').length > 2000, 10_000, 'witness receiving');
    await server.kill();
    clearInterval(typing);
    const seenByWitness = witness.doc.getText('notes').toString();
    typist.disconnect();
    witness.disconnect();

    server = await startChildServer(dataDir);
    const reader = connectClient(server.wsUrl, documentName, token); // sessions survive restarts
    providers.push(reader);
    await whenSynced(reader);
    const recovered = reader.doc.getText('notes').toString();
    expect(seenByWitness.length).toBeGreaterThan(2000);
    expect(recovered.startsWith(seenByWitness)).toBe(true);
  });
});
