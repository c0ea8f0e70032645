/**
 * One y-websocket connection: decodes each message, applies the permission gate and limits, and
 * hands the message to its Room. Messages that arrive while the room loads wait, in order.
 * A message that cannot be decoded or applied closes this connection (4400) and nothing else.
 */
import type { Logger } from 'pino';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, YjsMessageType, closeReason } from '../../shared/protocol';
import { encodePermissionDenied } from './messages';
import { TokenBucket } from './rate-limiter';
import type { Room, RoomPeer } from './room';

/** What a connection may do: resolved at the upgrade, `canWrite` read again at every update. */
export interface YjsAccess {
  /** May be a getter: read for each update, so that a role change applies to open connections. */
  readonly canWrite: boolean;
  /** The session that opened the connection; the connection closes when it ends. */
  sessionId?: string;
  /** Checked at each ping: false closes the connection (4401), e.g. when its session expired. */
  isSessionLive?: () => boolean;
  /** Called once per connection, with the first update refused (for the audit log). */
  onRefusedUpdate?: () => void;
  /** Called with each update applied from this connection (authorship of client ids); must be cheap and never throw. */
  onAcceptedUpdate?: (documentName: string, update: Uint8Array) => void;
}

export interface YjsConnectionOptions {
  id: string;
  access: YjsAccess;
  messagesPerSecond: number;
  messageBurst: number;
  /** Close a connection whose unsent output exceeds this (a stalled client must not eat memory). */
  maxBufferedBytes: number;
  logger: Logger;
}

const permissionDeniedReason = 'read-only: updates from this connection are not applied';

export class YjsConnection implements RoomPeer {
  readonly id: string;
  readonly access: YjsAccess;
  isAlive = true;
  private readonly ws: WebSocket;
  private readonly options: YjsConnectionOptions;
  private readonly rate: TokenBucket;
  private room: Room | undefined;
  private queued: Uint8Array[] | undefined = [];
  private hasBeenToldReadOnly = false;
  private isClosed = false;

  constructor(ws: WebSocket, options: YjsConnectionOptions) {
    this.ws = ws;
    this.options = options;
    this.id = options.id;
    this.access = options.access;
    this.rate = new TokenBucket(options.messagesPerSecond, options.messageBurst);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary) => this.receive(data, isBinary));
    ws.on('pong', () => (this.isAlive = true));
    ws.on('error', (error) => options.logger.debug({ err: error, connection: this.id }, 'websocket error'));
    ws.on('close', () => {
      this.isClosed = true;
      this.room?.leave(this);
    });
  }

  /** Binds the connection to its loaded room and replays what arrived meanwhile. */
  attach(room: Room): void {
    if (this.isClosed) return;
    this.room = room;
    room.join(this);
    const queued = this.queued ?? [];
    this.queued = undefined;
    for (const message of queued) this.handle(message);
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.isClosed) return;
    if (!this.rate.take()) return this.close(CloseCode.rateLimited);
    if (!isBinary) return this.close(CloseCode.malformedMessage);
    if (this.queued !== undefined) this.queued.push(new Uint8Array(data));
    else this.handle(data);
  }

  private handle(message: Uint8Array): void {
    const room = this.room;
    if (room === undefined || this.isClosed) return;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case YjsMessageType.sync: {
          const syncType = decoding.readVarUint(decoder);
          const payload = readPayload(decoder);
          if (syncType === syncProtocol.messageYjsSyncStep1) room.answerSyncStep1(this, payload);
          else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
            this.receiveUpdate(room, payload);
          } else throw new Error(`unknown sync message ${syncType}`);
          break;
        }
        case YjsMessageType.awareness:
          room.applyAwareness(this, readPayload(decoder));
          break;
        case YjsMessageType.queryAwareness:
          room.sendAllAwareness(this);
          break;
        case YjsMessageType.auth:
          break; // clients have nothing to say on this channel; ignore as the reference does
        default:
          throw new Error(`unknown message type ${type}`);
      }
    } catch (error) {
      this.options.logger.info({ err: error, connection: this.id, document: room.name }, 'malformed y-websocket message');
      this.close(CloseCode.malformedMessage);
    }
  }

  /** The permission gate: read-only connections never change the document, disk or others. */
  private receiveUpdate(room: Room, update: Uint8Array): void {
    if (this.options.access.canWrite) {
      room.applyUpdate(this, update);
      this.options.access.onAcceptedUpdate?.(room.name, update);
      return;
    }
    if (room.isAlreadyContained(update)) return;
    if (!this.hasBeenToldReadOnly) {
      this.hasBeenToldReadOnly = true;
      this.send(encodePermissionDenied(permissionDeniedReason));
      this.options.access.onRefusedUpdate?.();
    }
  }

  send(message: Uint8Array): void {
    if (this.isClosed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
      this.close(CloseCode.goingAway);
      return;
    }
    this.ws.send(message, { binary: true });
  }

  close(code: CloseCode): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.ws.close(code, closeReason[code]);
    this.room?.leave(this);
  }

  /** Ends a connection that stopped answering pings. */
  terminate(): void {
    this.isClosed = true;
    this.ws.terminate();
    this.room?.leave(this);
  }

  ping(): void {
    this.isAlive = false;
    this.ws.ping();
  }
}

/** Reads a length-prefixed payload, refusing one that claims more bytes than the message has. */
function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (decoder.pos + length > decoder.arr.length) throw new Error('truncated message');
  return decoding.readUint8Array(decoder, length);
}
