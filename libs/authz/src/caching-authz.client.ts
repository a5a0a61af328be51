import {
  AuthzClient,
  type CheckRequest,
  type ListObjectsRequest,
  type ReadTuplesFilter,
  type TupleKey,
} from './authz-client.js';

/**
 * Remembers *allowed* decisions for a short time so hot read paths skip the authorization
 * round trip. Denials are never cached (a new grant works at once), writes made through this
 * client clear the cache (a revocation here applies at once), and a revocation made elsewhere
 * reaches this process within `ttlMs` — the same trade-off as OpenFGA's own check cache.
 *
 * Concurrent misses for one check share the round trip in flight: when an entry expires under
 * load, the requests waiting on it cost one check, not one each.
 */
export class CachingAuthzClient extends AuthzClient {
  private readonly allowed = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  /** Bumped by every write: an answer to a check sent before a write is neither shared nor kept. */
  private generation = 0;
  /** Told how many checks of each batch the cache answered (metrics). */
  onLookup: ((hits: number, misses: number) => void) | null = null;

  constructor(
    private readonly inner: AuthzClient,
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
    /** Milliseconds since the epoch; tests pass their own clock to move past the TTL without sleeping. */
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  override async check(request: CheckRequest): Promise<boolean> {
    return (await this.batchCheck([request]))[0];
  }

  override async batchCheck(requests: CheckRequest[]): Promise<boolean[]> {
    const now = this.now();
    const results: boolean[] = new Array<boolean>(requests.length);
    const shared: Array<Promise<void>> = [];
    const misses: number[] = [];
    requests.forEach((request, i) => {
      const key = this.keyOf(request);
      const until = key ? this.allowed.get(key) : undefined;
      if (until !== undefined && until > now) {
        results[i] = true;
        return;
      }
      const pending = key ? this.inFlight.get(key) : undefined;
      if (pending) shared.push(pending.then((allowed) => void (results[i] = allowed)));
      else misses.push(i);
    });
    this.onLookup?.(requests.length - misses.length - shared.length, misses.length + shared.length);
    if (misses.length) shared.push(this.checkMisses(requests, misses, results, now));
    await Promise.all(shared);
    return results;
  }

  /** Asks the inner client about `misses`, publishing each keyed check while it is in flight. */
  private async checkMisses(
    requests: CheckRequest[],
    misses: number[],
    results: boolean[],
    now: number,
  ): Promise<void> {
    const generation = this.generation;
    const answers = this.inner.batchCheck(misses.map((i) => requests[i]));
    const keys = misses.map((i) => this.keyOf(requests[i]));
    const published = new Map<string, Promise<boolean>>();
    keys.forEach((key, n) => {
      if (!key || this.inFlight.has(key)) return;
      const answer = answers.then((all) => all[n]);
      // A failure reaches the callers sharing it, and is no unhandled rejection when there are none.
      answer.catch(() => undefined);
      published.set(key, answer);
      this.inFlight.set(key, answer);
    });
    try {
      const answered = await answers;
      misses.forEach((i, n) => {
        results[i] = answered[n];
        const key = keys[n];
        if (answered[n] && key && generation === this.generation) this.remember(key, now);
      });
    } finally {
      for (const [key, answer] of published) if (this.inFlight.get(key) === answer) this.inFlight.delete(key);
    }
  }

  override listObjects(request: ListObjectsRequest): Promise<string[]> {
    return this.inner.listObjects(request);
  }

  override async writeTuples(writes: TupleKey[], deletes: TupleKey[] = []): Promise<void> {
    this.forget();
    try {
      await this.inner.writeTuples(writes, deletes);
    } finally {
      this.forget();
    }
  }

  override readTuples(filter: ReadTuplesFilter): Promise<TupleKey[]> {
    return this.inner.readTuples(filter);
  }

  override healthCheck(): Promise<void> {
    return this.inner.healthCheck();
  }

  /** Requests with contextual tuples depend on more than the stored graph: never cached. */
  private keyOf(request: CheckRequest): string | null {
    if (request.contextualTuples?.length) return null;
    return `${request.user}\u0000${request.relation}\u0000${request.object}`;
  }

  private forget(): void {
    this.generation += 1;
    this.allowed.clear();
    this.inFlight.clear();
  }

  private remember(key: string, now: number): void {
    if (this.allowed.size >= this.maxEntries) this.allowed.clear();
    this.allowed.set(key, now + this.ttlMs);
  }
}
