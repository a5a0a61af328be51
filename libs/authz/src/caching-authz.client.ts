import {
  AuthzClient,
  type CheckRequest,
  type ListObjectsRequest,
  type ReadTuplesFilter,
  type TupleKey,
} from './authz-client.js';

export interface CachingAuthzOptions {
  /** Entries kept at most (the cache starts over when full; default 50,000). */
  maxEntries?: number;
  /** Milliseconds since the epoch; tests pass their own clock to move past the TTL without sleeping. */
  now?: () => number;
  /** An entry used this close to its expiry is refreshed in the background (default 30% of the TTL; 0: never). */
  refreshAheadMs?: number;
  /** Background refreshes wait this long to go together in one batch check (default 50 ms, or a tenth of the TTL). */
  refreshWindowMs?: number;
  /** Runs the next background refresh after `delayMs` (default: an unref'd timer); tests run it themselves. */
  schedule?: (run: () => void, delayMs: number) => void;
}

/**
 * Remembers *allowed* decisions for a short time so hot read paths skip the authorization
 * round trip. Denials are never cached (a new grant works at once), writes made through this
 * client clear the cache (a revocation here applies at once), and a revocation made elsewhere
 * reaches this process within `ttlMs` — the same trade-off as OpenFGA's own check cache.
 *
 * Concurrent misses for one check share the round trip in flight: when an entry expires under
 * load, the requests waiting on it cost one check, not one each.
 *
 * Hot entries are refreshed ahead: an entry used in the last `refreshAheadMs` of its life is
 * checked again in the background, together with the others due within `refreshWindowMs`, in
 * one batch check. No request waits for it, and a hot check never misses. A refreshed entry lives
 * `ttlMs` from when its check was sent, so a revocation still reaches this process within `ttlMs`
 * (sooner when a refresh sees it).
 */
export class CachingAuthzClient extends AuthzClient {
  private readonly allowed = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  /** Entries to refresh in the next background batch, and those whose refresh is in flight. */
  private readonly refreshQueue = new Map<string, CheckRequest>();
  private readonly refreshing = new Set<string>();
  /** Bumped by every write: an answer to a check sent before a write is neither shared nor kept. */
  private generation = 0;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly refreshAheadMs: number;
  private readonly refreshWindowMs: number;
  private readonly schedule: (run: () => void, delayMs: number) => void;
  /** Told how many checks of each batch the cache answered (metrics). */
  onLookup: ((hits: number, misses: number) => void) | null = null;
  /** Told the size of every background refresh as it is sent (metrics). */
  onRefresh: ((checks: number) => void) | null = null;

  constructor(
    private readonly inner: AuthzClient,
    private readonly ttlMs: number,
    options: CachingAuthzOptions = {},
  ) {
    super();
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
    this.refreshAheadMs = options.refreshAheadMs ?? Math.floor(ttlMs * 0.3);
    this.refreshWindowMs = options.refreshWindowMs ?? Math.min(50, Math.floor(ttlMs / 10));
    this.schedule = options.schedule ?? ((run, delayMs) => setTimeout(run, delayMs).unref());
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
        if (until - now <= this.refreshAheadMs) this.refreshAhead(key!, request);
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

  private refreshAhead(key: string, request: CheckRequest): void {
    if (this.refreshQueue.has(key) || this.refreshing.has(key)) return;
    this.refreshQueue.set(key, request);
    // The first entry due schedules the batch; refresh() empties the queue when it runs.
    if (this.refreshQueue.size === 1) this.schedule(() => void this.refresh(), this.refreshWindowMs);
  }

  /** One batch check for every entry due; an allowed one lives on, a denied one goes at once. */
  private async refresh(): Promise<void> {
    const due = [...this.refreshQueue];
    this.refreshQueue.clear();
    const generation = this.generation;
    const sentAt = this.now();
    for (const [key] of due) this.refreshing.add(key);
    this.onRefresh?.(due.length);
    try {
      const answers = await this.inner.batchCheck(due.map(([, request]) => request));
      if (generation !== this.generation) return;
      due.forEach(([key], i) => {
        if (answers[i]) this.remember(key, sentAt);
        else this.allowed.delete(key);
      });
    } catch {
      // The entries expire as they would have, and the checks that follow report the failure.
    } finally {
      for (const [key] of due) this.refreshing.delete(key);
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
    // A refresh sent before a miss's check answered after it must not shorten what that check gave.
    this.allowed.set(key, Math.max(this.allowed.get(key) ?? 0, now + this.ttlMs));
  }
}
