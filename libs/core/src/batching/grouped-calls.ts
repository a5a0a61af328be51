export interface GroupedCallsOptions<T, R> {
  /** Serves one batch of a group: one result per item, in the items' order. */
  run: (group: string, items: T[]) => Promise<R[]>;
  /** True when a failed batch failed on its items (retry them alone), not on what serves them. */
  isItemError?: (error: unknown) => boolean;
  /** Most items in one batch (default 100). */
  maxBatch?: number;
  /** Batches of one group in flight at once (default 1). */
  maxInFlight?: number;
  /** Told the size of every batch as it starts (metrics). */
  onBatch?: (size: number) => void;
  /**
   * A batch that could start at once waits for the end of the current event-loop turn
   * (setImmediate) instead, so items submitted together (the steps of one request that fans out,
   * requests read from several sockets at once) go in one batch, not the first alone.
   */
  gatherWithinTurn?: boolean;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface GroupState<T, R> {
  queue: Waiting<T, R>[];
  running: number;
  inBatch: number;
}

/**
 * Coalesces independent calls per group: while `maxInFlight` batches of a group are in flight,
 * the items that arrive for that group wait and then go together in the next batch (up to
 * `maxBatch`). An item that finds its group with room is served at once (or at the end of the
 * current turn: `gatherWithinTurn`), so a lone caller waits no longer than before; under load one
 * round trip serves many callers instead of one each.
 *
 * Each caller learns its own item's fate. When a batch fails on its items (`isItemError`), they
 * are retried one by one, so one bad item cannot fail its neighbours; any other failure (the
 * server is down) fails the whole batch at once rather than retrying each item against it.
 */
export class GroupedCalls<T, R> {
  private readonly groups = new Map<string, GroupState<T, R>>();
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(private readonly options: GroupedCallsOptions<T, R>) {
    this.maxBatch = options.maxBatch ?? 100;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  /** Resolves with `item`'s result once its batch is served, or rejects with what stopped it. */
  submit(group: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let state = this.groups.get(group);
      if (!state) {
        state = { queue: [], running: 0, inBatch: 0 };
        this.groups.set(group, state);
      }
      state.queue.push({ item, resolve, reject });
      if (state.running < this.maxInFlight) {
        state.running++;
        if (this.options.gatherWithinTurn) setImmediate(() => void this.drain(group, state));
        else void this.drain(group, state);
      }
    });
  }

  /** Items queued or in a batch in flight (diagnostics, tests). */
  get pending(): number {
    let count = 0;
    for (const state of this.groups.values()) count += state.queue.length + state.inBatch;
    return count;
  }

  /** Serves the group's queue batch by batch until it is empty, then forgets the group. */
  private async drain(group: string, state: GroupState<T, R>): Promise<void> {
    while (state.queue.length > 0) {
      const batch = state.queue.splice(0, this.maxBatch);
      state.inBatch += batch.length;
      await this.runBatch(group, batch);
      state.inBatch -= batch.length;
    }
    state.running--;
    if (state.running === 0) this.groups.delete(group);
  }

  private async runBatch(group: string, batch: Waiting<T, R>[]): Promise<void> {
    this.options.onBatch?.(batch.length);
    try {
      const results = await this.options.run(
        group,
        batch.map((w) => w.item),
      );
      batch.forEach((waiting, i) => waiting.resolve(results[i]));
      return;
    } catch (error) {
      if (batch.length === 1 || !this.options.isItemError?.(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
    }
    for (const waiting of batch) {
      try {
        const [result] = await this.options.run(group, [waiting.item]);
        waiting.resolve(result);
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}
