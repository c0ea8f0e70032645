/** The parent's side of an editor fleet: forks it, sends it orders, awaits its reports. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopChild, track, whenExited } from '../lib/children';
import { repoRoot } from '../lib/child-server';
import type { FleetConfig, FleetMessage, ParentMessage } from './fleet-protocol';

const fleetEntry = fileURLToPath(new URL('./editor-fleet.ts', import.meta.url));

type Report<T extends FleetMessage['type']> = Extract<FleetMessage, { type: T }>;

export class FleetHandle {
  readonly process: ChildProcess;
  readonly pid: number;
  private readonly inbox: FleetMessage[] = [];
  private waiter: { resolve: () => void } | undefined;
  private exitError: Error | undefined;

  private constructor(child: ChildProcess) {
    this.process = child;
    if (child.pid === undefined) throw new Error('could not fork an editor fleet');
    this.pid = child.pid;
    child.on('message', (message: FleetMessage) => {
      this.inbox.push(message);
      this.waiter?.resolve();
    });
    child.once('exit', (code, signal) => {
      this.exitError = new Error(`editor fleet exited (${code ?? signal})`);
      this.waiter?.resolve();
    });
  }

  static start(): FleetHandle {
    const child = track(
      fork(fleetEntry, [], {
        cwd: repoRoot,
        execArgv: ['--import', 'tsx'],
        serialization: 'advanced', // typed arrays of latency samples cross as they are
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    return new FleetHandle(child);
  }

  send(message: ParentMessage): void {
    this.process.send(message);
  }

  /** The next report of `type` (earlier reports of other types are skipped); fails on an error report. */
  async next<T extends FleetMessage['type']>(type: T, timeoutMs: number): Promise<Report<T>> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type || m.type === 'error');
      if (index >= 0) {
        const [message] = this.inbox.splice(index, 1);
        if (message?.type === 'error') throw new Error(`editor fleet failed: ${message.message}`);
        return message as Report<T>;
      }
      if (this.exitError !== undefined) throw this.exitError;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`editor fleet: no '${type}' report within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = {
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
      this.waiter = undefined;
    }
  }

  async connect(config: FleetConfig, timeoutMs: number): Promise<Report<'connected'>> {
    this.send({ type: 'connect', config });
    return this.next('connected', timeoutMs);
  }

  /** Asks the fleet to close its editors and exit; kills it if it does not. */
  async close(): Promise<void> {
    if (this.process.connected) this.send({ type: 'close' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([whenExited(this.process), new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
    await stopChild(this.process, 'SIGKILL', 5000);
  }
}
