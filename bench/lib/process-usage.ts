/**
 * CPU and memory of another process, read by hand from /proc (Linux): utime+stime from
 * `/proc/<pid>/stat`, VmRSS and VmHWM (peak RSS) from `/proc/<pid>/status`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (almost always 100). */
const clockTicksPerSecond = readClockTicks();

function readClockTicks(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

export interface UsageReading {
  /** performance.now() of this process when read. */
  atMs: number;
  /** User + system CPU time of the process so far, in milliseconds. */
  cpuMs: number;
  rssBytes: number;
  /** Peak RSS of the process's whole life so far. */
  peakRssBytes: number;
}

/** Reads a process's CPU time and memory; undefined once the process is gone. */
export function readUsage(pid: number): UsageReading | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state is field 3, so utime (14) and stime (15) are at indices 11 and 12.
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      atMs: performance.now(),
      cpuMs: (ticks / clockTicksPerSecond) * 1000,
      rssBytes: statusKb(status, 'VmRSS') * 1024,
      peakRssBytes: statusKb(status, 'VmHWM') * 1024,
    };
  } catch {
    return undefined;
  }
}

function statusKb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

export interface WindowUsage {
  seconds: number;
  /** CPU time over wall time, in percent of one core. */
  cpuPercent: number;
  /** Largest RSS sampled during the window. */
  maxRssBytes: number;
  /** The process's lifetime peak RSS (VmHWM) at the window's end. */
  peakRssBytes: number;
}

/** Samples a process periodically, so that windows between two marks can be summarised. */
export class UsageSampler {
  private readonly samples: UsageReading[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly pid: number,
    intervalMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** Takes a reading now (use at the start and end of a measured window). */
  sample(): UsageReading | undefined {
    const reading = readUsage(this.pid);
    if (reading !== undefined) this.samples.push(reading);
    return reading;
  }

  /** CPU and memory between two readings taken with `sample()`. */
  between(start: UsageReading, end: UsageReading): WindowUsage {
    const inWindow = this.samples.filter((s) => s.atMs >= start.atMs && s.atMs <= end.atMs);
    const seconds = (end.atMs - start.atMs) / 1000;
    return {
      seconds,
      cpuPercent: seconds > 0 ? ((end.cpuMs - start.cpuMs) / 1000 / seconds) * 100 : Number.NaN,
      maxRssBytes: Math.max(start.rssBytes, end.rssBytes, ...inWindow.map((s) => s.rssBytes)),
      peakRssBytes: end.peakRssBytes,
    };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export interface HostReading {
  atMs: number;
  /** CPU time spent busy by all cores, and in total (busy + idle), in ms. */
  busyMs: number;
  totalMs: number;
}

/** Reads the whole machine's CPU counters (first line of /proc/stat). */
export function readHost(): HostReading | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const toMs = 1000 / clockTicksPerSecond;
    return { atMs: performance.now(), busyMs: (total - idle) * toMs, totalMs: total * toMs };
  } catch {
    return undefined;
  }
}

/** Busy CPU of the whole machine between two readings, in percent of one core (200 = 2 cores busy). */
export function hostBusyPercent(start: HostReading | undefined, end: HostReading | undefined): number {
  if (start === undefined || end === undefined || end.atMs <= start.atMs) return Number.NaN;
  return ((end.busyMs - start.busyMs) / (end.atMs - start.atMs)) * 100;
}
