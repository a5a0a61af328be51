/**
 * A background pass run on a timer and on demand: concurrent runs in this process share the pass
 * in flight, and `stop()` ends the timer and waits for that pass. A pass that fails on the timer
 * is dropped here (each pass logs its own failures); callers of `run()` see its result or error.
 */
export class PeriodicPass<T> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T>;

  constructor(private readonly pass: () => Promise<T>) {}

  /** Runs a pass every `intervalMs`; none on a timer when `intervalMs` is 0 or less. The timer keeps no process alive. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.run().catch(() => undefined), intervalMs).unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass (`pass`, by default the one given at construction), or the one already in flight. */
  run(pass: () => Promise<T> = this.pass): Promise<T> {
    this.running ??= pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
