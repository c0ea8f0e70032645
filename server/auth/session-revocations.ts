/**
 * Tells the live channels (Socket.IO, y-websocket) that sessions ended, so that they close the
 * connections those sessions opened.
 */
import { EventEmitter } from 'node:events';

export class SessionRevocations {
  private readonly emitter = new EventEmitter();

  notify(sessionIds: readonly string[]): void {
    if (sessionIds.length > 0) this.emitter.emit('revoked', sessionIds);
  }

  onRevoked(listener: (sessionIds: readonly string[]) => void): () => void {
    this.emitter.on('revoked', listener);
    return () => this.emitter.off('revoked', listener);
  }
}
