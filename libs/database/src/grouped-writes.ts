export interface GroupedWritesOptions<T> {
  /** Writes one batch of a group, all or nothing (one statement). */
  write: (group: string, items: T[]) => Promise<void>;
  /** True when the failure is about the items (retry them alone), not about the database. */
  isItemError: (error: unknown) => boolean;
  /** Most items in one write (default 100). */
  maxBatch?: number;
  /** Told the size of every grouped write as it starts (metrics). */
  onBatch?: (size: number) => void;
}

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for independent appends: while a write of a group is in flight, the items that
 * arrive for that group wait and then go together in one write (up to `maxBatch`). An item that
 * finds its group idle is written at once, so a lone caller waits no longer than before; under
 * load one statement and one commit serve many callers instead of one each.
 *
 * Each caller learns its own item's fate. When a grouped write fails on its data (`isItemError`,
 * e.g. a value the database rejects), its items are written one by one, so one bad item cannot
 * fail its neighbours; any other failure (the database is down) fails the whole batch at once
 * rather than retrying each item against it.
 */
export class GroupedWrites<T> {
  private readonly queues = new Map<string, Waiting<T>[]>();
  private readonly maxBatch: number;

  constructor(private readonly options: GroupedWritesOptions<T>) {
    this.maxBatch = options.maxBatch ?? 100;
  }

  /** Resolves once `item` is written (committed), or rejects with the error that stopped it. */
  submit(group: string, item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const queue = this.queues.get(group);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      const fresh = [{ item, resolve, reject }];
      this.queues.set(group, fresh);
      void this.drain(group, fresh);
    });
  }

  /** Items queued or being written (diagnostics, tests). */
  get pending(): number {
    let count = 0;
    for (const queue of this.queues.values()) count += queue.length;
    return count;
  }

  /** Writes the group's queue batch by batch until it is empty, then forgets the group. */
  private async drain(group: string, queue: Waiting<T>[]): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, this.maxBatch);
      await this.writeBatch(group, batch);
      queue.splice(0, batch.length);
    }
    this.queues.delete(group);
  }

  private async writeBatch(group: string, batch: Waiting<T>[]): Promise<void> {
    this.options.onBatch?.(batch.length);
    try {
      await this.options.write(
        group,
        batch.map((w) => w.item),
      );
      for (const waiting of batch) waiting.resolve();
      return;
    } catch (error) {
      if (batch.length === 1 || !this.options.isItemError(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
    }
    for (const waiting of batch) {
      try {
        await this.options.write(group, [waiting.item]);
        waiting.resolve();
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}
