import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { demoWorkspaceId } from '../../../server/demo/seed-demo';
import { CloseCode, YjsMessageType } from '../../../shared/protocol';
import { openRawSocket, upgradeStatus } from '../../helpers/raw-socket';
import { signInAs } from '../../helpers/sessions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { connectClient, disconnectAll, waitFor, whenSynced } from '../../helpers/yjs-clients';

const documentName = `${demoWorkspaceId}.contract`;

/** A sync "update" message carrying `update`. */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, YjsMessageType.sync);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('y-websocket endpoint, bad input', () => {
  let server: TestServer;
  let token: string;
  const providers: WebsocketProvider[] = [];
  const start = async (overrides: Parameters<typeof startTestServer>[0] = {}): Promise<void> => {
    server = await startTestServer(overrides);
    token = (await signInAs(server.url, 'member')).token;
  };
  const documentUrl = (): string => `${server.wsUrl}/${documentName}?token=${token}`;
  afterEach(async () => {
    disconnectAll(...providers.splice(0));
    await server.destroy();
  });
  const logBytes = (): number => statSync(join(server.dataDir, 'docs', `${documentName}.ylog`)).size;
  const serverText = (): string => server.trame.rooms.openRooms.get(documentName)?.doc.getText('notes').toString() ?? '';

  it('refuses upgrades to unknown documents, invalid names and other paths with an HTTP status', async () => {
    await start();
    const base = server.url.replace('http', 'ws');
    expect(await upgradeStatus(`${base}/yjs/no-such-document`)).toBe(404);
    expect(await upgradeStatus(`${base}/yjs/..%2F..%2Fetc%2Fpasswd`)).toBe(400);
    expect(await upgradeStatus(`${base}/yjs/%E0%A4%A`)).toBe(400);
    expect(await upgradeStatus(`${base}/elsewhere`)).toBe(404);
    expect(await upgradeStatus(`${base}/yjs/${documentName}?token=${token}`)).toBe(101);
  });

  const malformed: [string, Uint8Array | string][] = [
    ['a truncated message (declared length beyond its end)', new Uint8Array([YjsMessageType.sync, 2, 200, 1, 2, 3])],
    ['an unknown message type', new Uint8Array([99, 1, 2])],
    ['an empty message', new Uint8Array([])],
    ['an update that is not a Yjs update', updateMessage(new Uint8Array([255, 255, 255, 255, 1, 2, 3, 4, 5]))],
    ['an awareness message that is not JSON', new Uint8Array([YjsMessageType.awareness, 6, 1, 1, 1, 2, 123, 123])],
    ['a text frame', 'hello'],
  ];
  for (const [what, message] of malformed) {
    it(`closes only the sender's connection (4400) on ${what}, and stores nothing`, async () => {
      await start();
      const bystander = connectClient(server.wsUrl, documentName, token);
      providers.push(bystander);
      await whenSynced(bystander);
      const before = logBytes();
      const raw = await openRawSocket(documentUrl());
      raw.ws.send(message);
      expect((await raw.closed).code).toBe(CloseCode.malformedMessage);
      expect(logBytes()).toBe(before);
      bystander.doc.getText('notes').insert(0, 'toujours là');
      await waitFor(() => serverText() === 'toujours là', 5000, 'server still applying updates');
    });
  }

  it('closes a connection whose message exceeds the size limit (1009) and stores none of it', async () => {
    await start({ maxMessageBytes: 64 * 1024 });
    const raw = await openRawSocket(documentUrl());
    await waitFor(() => raw.messages.length > 0); // the room is loaded and answering
    const before = logBytes();
    raw.ws.send(updateMessage(textUpdate('x'.repeat(100 * 1024))));
    expect((await raw.closed).code).toBe(CloseCode.messageTooBig);
    expect(logBytes()).toBe(before);
    expect(serverText()).toBe('');
  });

  it('closes a connection that floods messages (4429)', async () => {
    await start();
    const raw = await openRawSocket(documentUrl());
    for (let i = 0; i < 2000; i++) raw.ws.send(new Uint8Array([YjsMessageType.auth, 0]));
    expect((await raw.closed).code).toBe(CloseCode.rateLimited);
  });
});

describe('read-only connections', () => {
  let server: TestServer;
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    disconnectAll(...providers.splice(0));
    await server.destroy();
  });

  for (const role of ['observer', 'partner'] as const) {
    it(`sync and receive edits, but a ${role}'s updates never reach the document, the disk or other clients`, async () => {
      server = await startTestServer();
      const writer = connectClient(server.wsUrl, documentName, (await signInAs(server.url, 'member')).token);
      const reader = connectClient(server.wsUrl, documentName, (await signInAs(server.url, role)).token);
      providers.push(writer, reader);
      await Promise.all([whenSynced(writer), whenSynced(reader)]);
      writer.doc.getText('notes').insert(0, 'du rédacteur');
      await waitFor(() => reader.doc.getText('notes').toString() === 'du rédacteur', 5000, 'reader receives edits');

      const logPath = join(server.dataDir, 'docs', `${documentName}.ylog`);
      await server.trame.rooms.openRooms.get(documentName)?.whenDurable();
      const before = statSync(logPath).size;
      reader.doc.getText('notes').insert(0, 'INTRUS ');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.trame.rooms.openRooms.get(documentName)?.doc.getText('notes').toString()).toBe('du rédacteur');
      expect(writer.doc.getText('notes').toString()).toBe('du rédacteur');
      expect(statSync(logPath).size).toBe(before);
    });
  }

  it('are told once, with the y-websocket permission-denied message', async () => {
    server = await startTestServer();
    const { token } = await signInAs(server.url, 'observer');
    const raw = await openRawSocket(`${server.wsUrl}/${documentName}?token=${token}`);
    raw.ws.send(updateMessage(textUpdate('a')));
    raw.ws.send(updateMessage(textUpdate('b')));
    await waitFor(() => raw.messages.some((m) => m[0] === YjsMessageType.auth), 5000, 'permission denied');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(raw.messages.filter((m) => m[0] === YjsMessageType.auth)).toHaveLength(1);
    raw.ws.close();
  });
});
