/**
 * One timer per instant a round must act on its own (its "closing soon" notice, its deadline).
 * Node's timers overflow past ~24.8 days, so a far instant is reached in steps. Timers never keep
 * the process alive; the service re-plans every open round at start-up, so a restart loses none.
 */
const maxDelayMs = 2 ** 31 - 1;

export class RoundTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly now: () => Date) {}

  /** Runs `action` at `at` (at once if it is past), replacing any timer of the same key. */
  at(key: string, at: Date, action: () => void): void {
    this.cancel(key);
    const step = (): void => {
      const delay = at.getTime() - this.now().getTime();
      if (delay <= 0) {
        this.timers.delete(key);
        action();
        return;
      }
      const timer = setTimeout(step, Math.min(delay, maxDelayMs));
      timer.unref();
      this.timers.set(key, timer);
    };
    step();
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  stopAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
