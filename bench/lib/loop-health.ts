/**
 * How healthy this process's event loop was over a window: its delay (p99, max) and the longest
 * garbage-collection pause. A latency tail that matches the observer's own loop delay comes from
 * the client side, not from the server.
 */
import { PerformanceObserver, monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface LoopHealth {
  eventLoopUtilization: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcPauseMaxMs: number;
  gcPauseTotalMs: number;
}

export class LoopMonitor {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly elu = performance.eventLoopUtilization();
  private gcMax = 0;
  private gcTotal = 0;
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.gcMax = Math.max(this.gcMax, entry.duration);
      this.gcTotal += entry.duration;
    }
  });

  constructor() {
    this.histogram.enable();
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Stops monitoring and returns the window's figures. */
  stop(): LoopHealth {
    this.histogram.disable();
    this.observer.disconnect();
    return {
      eventLoopUtilization: performance.eventLoopUtilization(this.elu).utilization,
      loopDelayP99Ms: this.histogram.percentile(99) / 1e6,
      loopDelayMaxMs: this.histogram.max / 1e6,
      gcPauseMaxMs: this.gcMax,
      gcPauseTotalMs: this.gcTotal,
    };
  }
}
