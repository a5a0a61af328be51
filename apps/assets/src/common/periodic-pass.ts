/** `run()` on a pass that was stopped (the process is draining): no new pass starts. */
export class PassStoppedError extends Error {
  constructor() {
    super('The background pass was stopped: the process is shutting down');
    this.name = 'PassStoppedError';
  }
}

/**
 * A background pass run on a timer and on demand: concurrent runs in this process share the pass
 * in flight, and `stop()` ends the timer and waits for that pass. A pass that fails on the timer
 * is dropped here (each pass logs its own failures); callers of `run()` see its result or error.
 * A pass checks `stopping` between its items: once stopped it takes no new one.
 */
export class PeriodicPass<T> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T>;
  private stopped = false;

  constructor(private readonly pass: () => Promise<T>) {}

  /** True once `stop()` was called: the pass in flight finishes its current item and takes no other. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Runs a pass every `intervalMs`; none on a timer when `intervalMs` is 0 or less. The timer keeps no process alive. */
  start(intervalMs: number): void {
    this.stopped = false;
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.run().catch(() => undefined), intervalMs).unref();
  }

  /** No pass starts after this (timer or `run()`); resolves once the pass in flight has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * One pass (`pass`, by default the one given at construction), or the one already in flight.
   * Once stopped, only the one in flight: none starts (PassStoppedError).
   */
  run(pass: () => Promise<T> = this.pass): Promise<T> {
    if (this.stopped && !this.running) return Promise.reject(new PassStoppedError());
    this.running ??= pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
