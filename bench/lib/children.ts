/**
 * Every process the bench starts is registered here, so that none outlives the bench: on normal
 * exit, on an exception, and on Ctrl-C, each one still alive is killed by its own pid.
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
let isInstalled = false;

/** Tracks a child until it exits. */
export function track(child: ChildProcess): ChildProcess {
  installHandlers();
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Resolves when the child has exited (immediately if it already has). */
export function whenExited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Asks a child to stop with `signal`, then SIGKILLs it after `graceMs`. Resolves once it exited. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<{ graceful: boolean }> {
  if (child.exitCode !== null || child.signalCode !== null) return { graceful: true };
  const exited = whenExited(child);
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
  return { graceful: !timedOut };
}

/** Kills every tracked child still alive (SIGKILL), synchronously. */
export function killAll(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

export function liveChildCount(): number {
  return live.size;
}

function installHandlers(): void {
  if (isInstalled) return;
  isInstalled = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}
