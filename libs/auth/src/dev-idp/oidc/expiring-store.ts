/** Milliseconds since the epoch; injected so that tests control time instead of sleeping. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/**
 * An in-memory map whose entries expire, bounded in size: the dev IdP keeps its codes, sessions
 * and refresh tokens here (one process, dev only). When full, expired entries go first, then the
 * oldest ones, so a flood of logins cannot grow the heap without bound.
 */
export class ExpiringStore<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, expiresAt: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.makeRoom();
    this.entries.set(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Live entries (expired ones are dropped on the way). */
  *values(): IterableIterator<[string, V]> {
    const now = this.clock();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(key);
      else yield [key, entry.value];
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private makeRoom(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    // Still full: the oldest insertions go (Map keeps insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
