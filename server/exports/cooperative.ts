/**
 * Rendering an export is CPU work in the server's only thread, which also carries everyone's
 * keystrokes. Long renders are cut into steps: between two steps they hand the event loop back
 * (`setImmediate`: pending I/O and socket messages run first), and report their progress.
 */

/** Lets the event loop run pending I/O callbacks before going on. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Told after each step: how far the render is (0..1) and the French words of the step. */
export type ProgressReporter = (fraction: number, step: string) => void;

/**
 * A render's steps: `step(fraction, words)` reports and yields. Renderers map their own progress
 * into a slice of the whole job (`within`), so building the model and rendering share one bar.
 */
export class Steps {
  constructor(
    private readonly report: ProgressReporter = () => undefined,
    private readonly from = 0,
    private readonly to = 1,
  ) {}

  async step(fraction: number, words: string): Promise<void> {
    this.report(this.from + (this.to - this.from) * Math.min(1, Math.max(0, fraction)), words);
    await yieldToLoop();
  }

  /** The same reporter, for the slice [from, to] of this one. */
  within(from: number, to: number): Steps {
    const span = this.to - this.from;
    return new Steps(this.report, this.from + span * from, this.from + span * to);
  }
}
