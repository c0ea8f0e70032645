/**
 * Exports of a realistic contract (the demo programme plus a member's passage holding a
 * `<script>`, marks, a list and a table, a closed consent round, decided amendments), adopted as
 * a version, through the real REST API and Socket.IO: each of the five formats is downloaded and
 * read back with an independent parser — every section title, axis and sheet title, financing
 * amount, envelope total, contributing structure and decision must be there; the HTML holds no
 * script. Also: the download's name, who may export, French problems, progress events, and the
 * public link that works until it is revoked.
 */
import MarkdownIt from 'markdown-it';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SocketEvent, type ClientToServerEvents, type ExportProgress, type ServerToClientEvents } from '../../../shared/protocol';
import type { ExportFormat, VersionView } from '../../../shared/schemas/versions';
import { fetchAs, signInAs, type TestSession } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { prepareContract, readDocx, readHtml, readOdt, readPdf, scriptText, squeeze, workspacePath, type PreparedContract } from './export-fixture';

let server: TestServer;
let prepared: PreparedContract;
let socket: Socket<ServerToClientEvents, ClientToServerEvents>;
const heard: ExportProgress[] = [];

beforeAll(async () => {
  server = await startTestServer();
  prepared = await prepareContract(server);
  socket = io(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: prepared.member.token } });
  socket.on(SocketEvent.exportProgress, (progress) => heard.push(progress));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
});

afterAll(async () => {
  socket?.disconnect();
  await server?.destroy();
});

async function startExport(session: TestSession, body: unknown): Promise<Response> {
  return fetchAs(session, server.url, `${workspacePath}/exports`, { method: 'POST', body: JSON.stringify(body) });
}

/** Starts an export, polls it to the end, downloads the file. */
async function exportFile(session: TestSession, versionId: string, format: ExportFormat): Promise<{ bytes: Uint8Array; response: Response; job: ExportProgress }> {
  const started = await startExport(session, { versionId, format });
  expect(started.status, await started.clone().text()).toBe(202);
  let job = (await started.json()) as ExportProgress;
  expect(job).toMatchObject({ workspaceId: prepared.version.workspaceId, problem: null });
  const until = Date.now() + 30_000;
  while (job.state !== 'done' && job.state !== 'failed' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const polled = await fetchAs(session, server.url, `${workspacePath}/exports/${job.jobId}`);
    expect(polled.status).toBe(200);
    job = (await polled.json()) as ExportProgress;
  }
  expect(job.state, job.problem ?? '').toBe('done');
  expect(job.progress).toBe(1);
  const response = await fetchAs(session, server.url, `${workspacePath}/exports/${job.jobId}/file`);
  expect(response.status).toBe(200);
  return { bytes: new Uint8Array(await response.arrayBuffer()), response, job };
}

/** Checks that every expected piece is in the text (spaces ignored: PDF lines wrap anywhere). */
function expectAll(text: string, format: string): void {
  const haystack = squeeze(text);
  const { expected } = prepared;
  const missing = [...expected.headings, ...expected.axisTitles, ...expected.sheetTitles, ...expected.amounts, ...expected.envelope, ...expected.structures, ...expected.decisions, ...expected.richWords, 'Version adoptée']
    .filter((piece) => piece !== '' && !haystack.includes(squeeze(piece)));
  expect(missing, `${format}: missing ${missing.join(' | ')}`).toEqual([]);
}

describe('exports of an adopted version', () => {
  it('exports DOCX with real heading styles, a TOC field, header rows and the whole content', async () => {
    const { bytes, response } = await exportFile(prepared.member, prepared.version.id, 'docx');
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('attachment; filename="Contrat Economique Sectoriel ESS Rhone-Alpes 2011-2013 - Version adoptee.docx"');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '')).toBe('Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013 — Version adoptée.docx');
    const docx = readDocx(bytes);
    expectAll(docx.text, 'docx');
    expect(docx.xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(docx.xml).toMatch(/<w:pStyle w:val="Heading3"\/>/);
    expect(docx.xml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-3&quot;/);
    expect(docx.xml).toContain('<w:tblHeader/>');
    // Bold and italic runs kept, the link kept as a hyperlink.
    expect(docx.xml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>un passage en gras<\/w:t>/s);
    expect(docx.xml).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*<w:t[^>]*>un autre en italique<\/w:t>/s);
    expect(docx.xml).toContain('<w:hyperlink');
    expect(docx.text).toContain(scriptText);
  });

  it('exports ODT as a valid package: mimetype first and stored, manifest, outline headings, lists, tables, TOC', async () => {
    const { bytes, response } = await exportFile(prepared.member, prepared.version.id, 'odt');
    expect(response.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
    const odt = readOdt(bytes);
    expect(odt.firstEntryName).toBe('mimetype');
    expect(odt.firstEntryStored).toBe(true);
    expect(odt.firstEntryContent).toBe('application/vnd.oasis.opendocument.text');
    expect(odt.files).toEqual(expect.arrayContaining(['META-INF/manifest.xml', 'content.xml', 'styles.xml', 'meta.xml']));
    expectAll(odt.text, 'odt');
    expect(odt.content).toMatch(/<text:h text:style-name="Heading_20_1" text:outline-level="1">/);
    expect(odt.content).toContain('<text:table-of-content ');
    expect(odt.content).toContain('<text:list ');
    expect(odt.content).toContain('<table:table-header-rows>');
    expect(odt.content).toContain('<text:span text:style-name="TBold">un passage en gras</text:span>');
    expect(odt.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('exports a PDF whose text holds everything, accents, ’ and € included, with page numbers', async () => {
    const { bytes, response } = await exportFile(prepared.member, prepared.version.id, 'pdf');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = await readPdf(bytes);
    expectAll(pdf.text, 'pdf');
    expect(pdf.text).toContain('Programme d’actions');
    expect(pdf.text).toMatch(/page 2 sur \d+/);
    expect(pdf.pages).toBeGreaterThan(10);
  });

  it('exports Markdown with GFM financing tables, where typed HTML stays text', async () => {
    const { bytes, response } = await exportFile(prepared.member, prepared.version.id, 'md');
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const markdown = new TextDecoder().decode(bytes);
    expect(markdown).toMatch(/^# Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013$/m);
    expect(markdown).toMatch(/^\| Financeur \| 2011 \| 2012 \| 2013 \| Total \|$/m);
    expect(markdown).toContain('**un passage en gras**');
    // Escaped the CommonMark way (`\<`), never raw.
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
    // Even a reader that lets HTML through shows it as text.
    const rendered = readHtml(`<!doctype html><html><body>${new MarkdownIt({ html: true }).render(markdown)}</body></html>`);
    expect(rendered.document.querySelectorAll('script').length).toBe(0);
    expectAll(rendered.text, 'md');
  });

  it('exports standalone HTML with no script at all, the typed script shown as text', async () => {
    const { bytes, response } = await exportFile(prepared.member, prepared.version.id, 'html');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = new TextDecoder().decode(bytes);
    const { document, text } = readHtml(html);
    expect(document.documentElement.getAttribute('lang')).toBe('fr');
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(html).not.toMatch(/<script/i);
    expect(text).toContain(scriptText);
    expect(document.querySelectorAll('h1').length).toBe(1);
    expect(document.querySelector('nav a[href="#budget"]')?.textContent).toBe('Budget consolidé');
    expect(document.querySelectorAll('table caption').length).toBeGreaterThan(12);
    expect(document.querySelector('a[href="https://www.cress-rhone-alpes.org/"]')?.textContent).toBe('un lien');
    expectAll(text, 'html');
  });

  it('tells the requester’s sockets how the export goes, in French, up to the file’s name', async () => {
    const done = heard.filter((progress) => progress.state === 'done');
    expect(done.map((progress) => progress.fileName)).toEqual(expect.arrayContaining(['Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013 — Version adoptée.pdf']));
    const running = heard.filter((progress) => progress.state === 'running');
    expect(running.length).toBeGreaterThan(2);
    expect(running.some((progress) => progress.step.startsWith('Fiches action'))).toBe(true);
    for (const progress of heard) expect(progress.progress).toBeGreaterThanOrEqual(0);
  });
});

describe('who may export, and bad requests', () => {
  it('exports the live contract too, named after it', async () => {
    const { job } = await exportFile(prepared.member, 'live', 'md');
    expect(job.fileName).toBe('Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013 — État actuel du contrat.md');
  });

  it('refuses observers, hides a job from others, and answers French problems for unknown versions and formats', async () => {
    const observer = await signInAs(server.url, 'observer');
    const refused = await startExport(observer, { versionId: prepared.version.id, format: 'pdf' });
    expect(refused.status).toBe(403);

    const unknownVersion = await startExport(prepared.member, { versionId: 'nope', format: 'pdf' });
    expect(unknownVersion.status).toBe(404);
    expect(((await unknownVersion.json()) as { title: string }).title).toBe('Cette version n’existe pas.');

    const unknownFormat = await startExport(prepared.member, { versionId: prepared.version.id, format: 'rtf' });
    expect(unknownFormat.status).toBe(400);
    expect(((await unknownFormat.json()) as { fields: Record<string, string> }).fields['format']).toBe('Choisissez un format : DOCX, ODT, PDF, Markdown ou HTML.');

    const started = (await (await startExport(prepared.member, { versionId: prepared.version.id, format: 'md' })).json()) as ExportProgress;
    const coordinatorPeek = await fetchAs(prepared.coordinator, server.url, `${workspacePath}/exports/${started.jobId}/file`);
    expect(coordinatorPeek.status).toBe(404);
    expect(((await coordinatorPeek.json()) as { title: string }).title).toBe('Cet export n’existe pas ou n’est plus disponible.');
  });
});

describe('the public page', () => {
  it('serves the published version without an account, under a strict CSP, then 404 once revoked', async () => {
    const published = await fetchAs(prepared.coordinator, server.url, `${workspacePath}/versions/${prepared.version.id}/publication`, { method: 'POST' });
    expect(published.status, await published.clone().text()).toBe(200);
    const path = ((await published.json()) as VersionView).publication?.path ?? '';
    expect(path).toMatch(/^\/p\/[A-Za-z0-9_-]{43}$/);

    const page = await fetch(`${server.url}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(page.headers.get('cache-control')).toContain('private');
    const html = await page.text();
    const { document, text } = readHtml(html);
    expect(document.querySelectorAll('script').length).toBe(0);
    expectAll(text, 'public page');

    const revoked = await fetchAs(prepared.coordinator, server.url, `${workspacePath}/versions/${prepared.version.id}/publication`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    const gone = await fetch(`${server.url}${path}`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('Ce lien public n’est pas ou plus valide');
    expect((await fetch(`${server.url}/p/inconnu`)).status).toBe(404);
  });
});
