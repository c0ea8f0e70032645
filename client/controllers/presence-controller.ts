/**
 * Workspace presence over Socket.IO: joins the workspace (the server takes the name from the
 * session, the structure among the person's own), keeps the list of people present up to date,
 * re-joins after every reconnection (the server forgets a socket when it drops) and leaves when
 * the host goes away or the target changes. The socket opens only once someone is signed in: a
 * handshake refused for lack of a session is not retried by Socket.IO.
 */
import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/protocol';
import type { PresenceJoin, PresencePerson } from '../../shared/schemas/presence';

const ackTimeoutMs = 8000;
const colourPattern = /^#[0-9a-f]{6}$/i;

type PresenceSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function isPresencePerson(value: unknown): value is PresencePerson {
  if (typeof value !== 'object' || value === null) return false;
  const person = value as Record<string, unknown>;
  return (
    typeof person['connectionId'] === 'string' &&
    typeof person['personId'] === 'string' &&
    typeof person['name'] === 'string' &&
    (typeof person['structureId'] === 'string' || person['structureId'] === null) &&
    typeof person['structureName'] === 'string' &&
    typeof person['colour'] === 'string' &&
    colourPattern.test(person['colour'])
  );
}

/** Keeps `present` in sync with the server for the workspace and identity set by `setTarget`. */
export class PresenceController implements ReactiveController {
  /** People with the workspace open, one entry per open tab, as the server last reported. */
  present: PresencePerson[] = [];
  /** Why presence is unavailable, in words for people; null when all is well. */
  problem: string | null = null;

  private readonly host: ReactiveControllerHost;
  private socket: PresenceSocket | null = null;
  private target: PresenceJoin | null = null;
  private joinedWorkspaceId: string | null = null;
  /** Increments on every join so that a late acknowledgement of an older join is ignored. */
  private joinSequence = 0;

  /** Listeners of other workspace events (follow-up, programme reports), kept across sockets. */
  private readonly listeners = new Set<{ event: keyof ServerToClientEvents; listener: (...args: never[]) => void }>();

  /** Called when the server refused or dropped the socket for lack of a valid session. */
  private readonly onSessionDoubt: () => void;

  constructor(host: ReactiveControllerHost, onSessionDoubt: () => void) {
    this.host = host;
    this.onSessionDoubt = onSessionDoubt;
    host.addController(this);
  }

  /** Joins as `target` (leaving any previous workspace), or leaves with null. */
  setTarget(target: PresenceJoin | null): void {
    const current = this.target;
    if (current?.workspaceId === target?.workspaceId && current?.structureId === target?.structureId) return;
    this.target = target;
    this.leave();
    if (target !== null) this.ensureSocket();
    this.join();
  }

  /**
   * Listens to a server event of the joined workspace (the socket is shared with presence, and
   * the listener follows it when it is replaced). Returns the function that stops listening.
   */
  listen<E extends Exclude<keyof ServerToClientEvents, typeof SocketEvent.presenceChanged>>(event: E, listener: ServerToClientEvents[E]): () => void {
    const entry = { event, listener: listener as (...args: never[]) => void };
    this.listeners.add(entry);
    (this.socket as Socket | null)?.on(event as string, listener as (...args: unknown[]) => void);
    return () => {
      this.listeners.delete(entry);
      (this.socket as Socket | null)?.off(event as string, listener as (...args: unknown[]) => void);
    };
  }

  /** Joins again (the server reads the name from the account: after a name change). */
  rejoin(): void {
    this.leave();
    this.join();
  }

  /** Closes the socket (signed out): the next sign-in opens one with the new session. */
  reset(): void {
    this.target = null;
    this.leave();
    this.closeSocket();
  }

  hostConnected(): void {
    window.addEventListener('offline', this.handleOffline);
    window.addEventListener('online', this.handleOnline);
    if (this.target !== null) this.ensureSocket();
  }

  hostDisconnected(): void {
    window.removeEventListener('offline', this.handleOffline);
    window.removeEventListener('online', this.handleOnline);
    this.leave();
    this.closeSocket();
    this.present = [];
  }

  private ensureSocket(): void {
    if (this.socket !== null) return;
    const socket: PresenceSocket = io({ path: '/socket.io' });
    socket.on('connect', this.handleConnect);
    socket.on('disconnect', this.handleDisconnect);
    socket.on('connect_error', this.handleConnectError);
    socket.on(SocketEvent.presenceChanged, this.handleChanged);
    for (const { event, listener } of this.listeners) (socket as Socket).on(event as string, listener as (...args: unknown[]) => void);
    this.socket = socket;
  }

  private closeSocket(): void {
    this.socket?.off();
    this.socket?.disconnect();
    this.socket = null;
  }

  private join(): void {
    const socket = this.socket;
    const target = this.target;
    if (socket === null || target === null || !socket.connected) return;
    const sequence = ++this.joinSequence;
    this.joinedWorkspaceId = target.workspaceId;
    socket.timeout(ackTimeoutMs).emit(SocketEvent.presenceJoin, target, (error, result) => {
      if (sequence !== this.joinSequence) return;
      if (error !== null) {
        this.problem = msg('La liste des personnes présentes n’a pas pu être chargée. Nouvel essai à la reconnexion.', {
          id: 'presence.timeout',
        });
      } else if (result.ok) {
        this.present = result.data.filter(isPresencePerson);
        this.problem = null;
      } else {
        this.problem = result.problem.title;
      }
      this.host.requestUpdate();
    });
  }

  private leave(): void {
    const workspaceId = this.joinedWorkspaceId;
    this.joinedWorkspaceId = null;
    this.joinSequence++;
    this.present = [];
    this.host.requestUpdate();
    if (workspaceId === null || this.socket?.connected !== true) return;
    // Fire and forget: the server also forgets us when the socket closes, so a lost ack is harmless.
    this.socket.emit(SocketEvent.presenceLeave, { workspaceId }, () => undefined);
  }

  private readonly handleConnect = (): void => {
    this.problem = null;
    this.join();
  };

  private readonly handleDisconnect = (reason?: Socket.DisconnectReason): void => {
    // The server dropped our entry with the socket; show nobody rather than a stale list.
    this.joinedWorkspaceId = null;
    this.present = [];
    this.host.requestUpdate();
    // The server only disconnects a socket whose session ended; Socket.IO will not reconnect it.
    if (reason === 'io server disconnect') this.onSessionDoubt();
  };

  private readonly handleConnectError = (error: Error & { data?: { title?: unknown } }): void => {
    // A refusal by the server's middleware (no session, foreign origin) is final for this socket.
    if (this.socket?.active === true) return;
    const title = error.data?.title;
    this.problem = typeof title === 'string' ? title : msg('La liste des personnes présentes n’a pas pu être chargée. Nouvel essai à la reconnexion.', { id: 'presence.timeout' });
    this.host.requestUpdate();
    this.onSessionDoubt();
  };

  // Offline, the list cannot be kept current: drop the socket (and with it the stale list) at
  // once rather than after Socket.IO's ping timeout, and reconnect as soon as the network is back.
  private readonly handleOffline = (): void => {
    this.socket?.disconnect();
    this.handleDisconnect();
  };

  private readonly handleOnline = (): void => {
    this.socket?.connect();
  };

  private readonly handleChanged: ServerToClientEvents[typeof SocketEvent.presenceChanged] = (payload) => {
    if (payload.workspaceId !== this.joinedWorkspaceId || !Array.isArray(payload.present)) return;
    this.present = payload.present.filter(isPresencePerson);
    this.host.requestUpdate();
  };
}
