import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { contractSchema } from '../../../shared/contract-schema';
import { contractFragmentName } from '../../../shared/document-names';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { RecordKind, decodeLog } from '../../../server/store/update-log-format';
import { signInAs } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';
import type { WebsocketProvider } from 'y-websocket';

const documentName = `${demoWorkspaceId}.contract`;

describe('y-websocket endpoint', () => {
  let server: TestServer;
  let token: string;
  const providers: WebsocketProvider[] = [];
  const connect = (doc?: Y.Doc): WebsocketProvider => {
    const provider = connectClient(server.wsUrl, documentName, token, doc);
    providers.push(provider);
    return provider;
  };
  const start = async (dataDir?: string): Promise<void> => {
    server = await startTestServer(dataDir === undefined ? {} : { dataDir });
    token = (await signInAs(server.url, 'member')).token;
  };
  afterEach(async () => {
    disconnectAll(...providers.splice(0));
    await server.destroy();
  });

  it('lets two standard WebsocketProvider clients co-edit and converge', async () => {
    await start();
    const alice = connect();
    const bob = connect();
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.doc.getText('notes').insert(0, 'Bonjour ');
    bob.doc.getText('notes').insert(0, 'Salut ');
    await waitFor(() => alice.doc.getText('notes').length === 14 && bob.doc.getText('notes').length === 14, 5000, 'convergence');
    expect(alice.doc.getText('notes').toString()).toBe(bob.doc.getText('notes').toString());
  });

  it('loads the document before answering: the first sync already holds the seeded contract', async () => {
    await start();
    const reader = connect();
    await whenSynced(reader);
    const contract = yXmlFragmentToProseMirrorRootNode(reader.doc.getXmlFragment(contractFragmentName), contractSchema);
    expect(contract.firstChild?.textContent).toBe('Contrat Economique Sectoriel ESS Rhône-Alpes 2011-2013');
    expect(contract.textContent).toContain('Un diagnostic partagé');
    expect(contract.textContent).toMatch(/33\s816\s491\s€/u); // fr-FR groups with narrow no-break spaces
  });

  it('keeps content across a server restart on the same data folder', async () => {
    await start();
    const writer = connect();
    await whenSynced(writer);
    writer.doc.getText('notes').insert(0, 'persisté');
    await waitFor(() => (server.trame.rooms.openRooms.get(documentName)?.doc.getText('notes').length ?? 0) === 8);
    disconnectAll(...providers.splice(0));
    const { dataDir } = server;
    await server.stop();
    await start(dataDir);
    const reader = connect();
    await whenSynced(reader);
    expect(reader.doc.getText('notes').toString()).toBe('persisté');
  });

  it('writes an update to the log before any other client receives it', async () => {
    await start();
    const writer = connect();
    const observer = connect();
    await Promise.all([whenSynced(writer), whenSynced(observer)]);
    const logPath = join(server.dataDir, 'docs', `${documentName}.ylog`);
    const onDiskWhenReceived: string[] = [];
    observer.doc.getText('notes').observe(() => {
      const onDisk = new Y.Doc();
      for (const record of decodeLog(readFileSync(logPath)).records) {
        (record.kind === RecordKind.snapshot ? Y.applyUpdateV2 : Y.applyUpdate)(onDisk, record.payload);
      }
      onDiskWhenReceived.push(onDisk.getText('notes').toString());
    });
    for (const word of ['un ', 'deux ', 'trois']) {
      writer.doc.getText('notes').insert(writer.doc.getText('notes').length, word);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitFor(() => observer.doc.getText('notes').toString() === 'un deux trois');
    // Each time the observer saw new text, the disk already held at least that text.
    expect(onDiskWhenReceived.at(-1)).toBe('un deux trois');
    for (const seen of onDiskWhenReceived) expect(seen.length).toBeGreaterThan(0);
  });

  it('relays awareness (who is here, cursors) between clients', async () => {
    await start();
    const alice = connect();
    const bob = connect();
    await Promise.all([whenSynced(alice), whenSynced(bob)]);
    alice.awareness.setLocalStateField('user', { name: 'Alice', color: '#0b57d0' });
    await waitFor(() => bob.awareness.getStates().get(alice.doc.clientID)?.['user']?.name === 'Alice', 5000, 'awareness');
    alice.disconnect();
    await waitFor(() => !bob.awareness.getStates().has(alice.doc.clientID), 5000, 'awareness removal');
  });

  it('gives a new joiner what others wrote while it was away', async () => {
    await start();
    const early = connect();
    await whenSynced(early);
    for (let i = 0; i < 100; i++) early.doc.getText('notes').insert(i, String(i % 10));
    const late = connect();
    await whenSynced(late);
    await waitFor(() => late.doc.getText('notes').length === 100);
    expect(late.doc.getText('notes').toString()).toBe(early.doc.getText('notes').toString());
  });
});
