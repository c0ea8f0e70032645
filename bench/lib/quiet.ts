/**
 * On a shared machine, other people's work lands in the middle of a measurement. Before each
 * measured run, wait (a bounded time) until the processes outside this bench are nearly idle.
 */
import { hostBusyPercent, readHost, readUsage } from './process-usage';

/** CPU used over one second by everything except this process and `ownPids`, in % of one core. */
async function othersBusyPercent(ownPids: readonly number[]): Promise<number> {
  const ownCpuMs = (): number => ownPids.reduce((sum, pid) => sum + (readUsage(pid)?.cpuMs ?? 0), 0) + process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
  const hostStart = readHost();
  const ownStart = ownCpuMs();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const ownPercent = ((ownCpuMs() - ownStart) / (performance.now() - started)) * 100;
  return hostBusyPercent(hostStart, readHost()) - ownPercent;
}

/**
 * Waits until the rest of the machine uses less than `maxBusyPercent` of one core, at most
 * `maxWaitMs`; returns the last reading.
 */
export async function waitForQuiet(ownPids: readonly number[], maxBusyPercent: number, maxWaitMs: number, log: (line: string) => void): Promise<number> {
  const deadline = performance.now() + maxWaitMs;
  let warned = false;
  for (;;) {
    const busy = await othersBusyPercent(ownPids);
    if (!(busy > maxBusyPercent)) return busy;
    if (performance.now() > deadline) {
      log(`  (other processes still use ${busy.toFixed(0)} % of a core; measuring anyway)`);
      return busy;
    }
    if (!warned) log(`  (waiting for other processes to calm down: they use ${busy.toFixed(0)} % of a core)`);
    warned = true;
  }
}
