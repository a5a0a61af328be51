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
 */
export class CachingAuthzClient extends AuthzClient {
  private readonly allowed = new Map<string, number>();
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
    const misses: number[] = [];
    requests.forEach((request, i) => {
      const key = this.keyOf(request);
      const until = key ? this.allowed.get(key) : undefined;
      if (until !== undefined && until > now) results[i] = true;
      else misses.push(i);
    });
    this.onLookup?.(requests.length - misses.length, misses.length);
    if (misses.length) {
      const answers = await this.inner.batchCheck(misses.map((i) => requests[i]));
      misses.forEach((i, n) => {
        results[i] = answers[n];
        const key = this.keyOf(requests[i]);
        if (answers[n] && key) this.remember(key, now);
      });
    }
    return results;
  }

  override listObjects(request: ListObjectsRequest): Promise<string[]> {
    return this.inner.listObjects(request);
  }

  override async writeTuples(writes: TupleKey[], deletes: TupleKey[] = []): Promise<void> {
    this.allowed.clear();
    await this.inner.writeTuples(writes, deletes);
    this.allowed.clear();
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

  private remember(key: string, now: number): void {
    if (this.allowed.size >= this.maxEntries) this.allowed.clear();
    this.allowed.set(key, now + this.ttlMs);
  }
}
