import { jest } from '@jest/globals';
import { CachingAuthzClient } from './caching-authz.client.js';
import { EmbeddedAuthzClient } from './embedded/embedded-authz.client.js';
import { InMemoryTupleStore } from './engine/index.js';
import { loadProductModelDsl } from './model/model.js';

describe(CachingAuthzClient.name, () => {
  const tuple = { object: 'organization:acme', relation: 'admin', user: 'user:alice' };
  const probe = { user: 'user:alice', relation: 'can_read', object: 'organization:acme' };

  function setup(ttlMs = 60_000, now: () => number = Date.now) {
    const store = new InMemoryTupleStore();
    const inner = EmbeddedAuthzClient.fromDsl(loadProductModelDsl(), store);
    const calls = { n: 0 };
    const counting = Object.assign(Object.create(inner), {
      batchCheck: (requests: Parameters<typeof inner.batchCheck>[0]) => {
        calls.n += requests.length;
        return inner.batchCheck(requests);
      },
    }) as typeof inner;
    return {
      store,
      inner,
      cached: new CachingAuthzClient(counting, ttlMs, { now, refreshAheadMs: 0 }),
      calls,
    };
  }

  it('should answer repeated allowed checks from the cache', async () => {
    const { inner, cached, calls } = setup();
    await inner.writeTuples([tuple]);
    await expect(cached.check(probe)).resolves.toBe(true);
    await expect(cached.check(probe)).resolves.toBe(true);
    expect(calls.n).toBe(1);
  });

  it('should never cache a denial, so a new grant works at once', async () => {
    const { inner, cached, calls } = setup();
    await expect(cached.check(probe)).resolves.toBe(false);
    await inner.writeTuples([tuple]);
    await expect(cached.check(probe)).resolves.toBe(true);
    expect(calls.n).toBe(2);
  });

  it('should forget everything on a write through it, so its own revocations apply at once', async () => {
    const { cached } = setup();
    await cached.writeTuples([tuple]);
    await expect(cached.check(probe)).resolves.toBe(true);
    await cached.writeTuples([], [tuple]);
    await expect(cached.check(probe)).resolves.toBe(false);
  });

  it('should let a revocation made elsewhere through after the TTL', async () => {
    let clock = 1_000_000;
    const { inner, cached } = setup(20, () => clock);
    await inner.writeTuples([tuple]);
    await expect(cached.check(probe)).resolves.toBe(true);
    await inner.writeTuples([], [tuple]);
    clock += 19;
    await expect(cached.check(probe)).resolves.toBe(true);
    clock += 1;
    await expect(cached.check(probe)).resolves.toBe(false);
  });

  describe('concurrent misses', () => {
    /** An inner client whose batch checks answer only when the test says so. */
    function gated() {
      const pending: Array<{ size: number; settle: (answers: boolean[] | Error) => void }> = [];
      const inner = {
        batchCheck: (requests: unknown[]) =>
          new Promise<boolean[]>((resolve, reject) =>
            pending.push({
              size: requests.length,
              settle: (answers) => (answers instanceof Error ? reject(answers) : resolve(answers)),
            }),
          ),
        writeTuples: () => Promise.resolve(),
      } as unknown as ConstructorParameters<typeof CachingAuthzClient>[0];
      return { pending, cached: new CachingAuthzClient(inner, 60_000, { refreshAheadMs: 0 }) };
    }

    it('should share one round trip among concurrent checks of the same tuple', async () => {
      const { pending, cached } = gated();
      const answers = Promise.all([cached.check(probe), cached.check(probe), cached.check(probe)]);
      expect(pending).toHaveLength(1);
      pending[0].settle([true]);
      await expect(answers).resolves.toEqual([true, true, true]);
    });

    it('should share a denial and a failure too, without leaving either behind', async () => {
      const { pending, cached } = gated();
      const denied = Promise.all([cached.check(probe), cached.check(probe)]);
      pending[0].settle([false]);
      await expect(denied).resolves.toEqual([false, false]);
      const failed = Promise.allSettled([cached.check(probe), cached.check(probe)]);
      expect(pending).toHaveLength(2);
      pending[1].settle(new Error('openfga down'));
      expect((await failed).map((r) => r.status)).toEqual(['rejected', 'rejected']);
      void cached.check(probe);
      expect(pending).toHaveLength(3);
    });

    it('should neither share nor keep an answer to a check sent before a write', async () => {
      const { pending, cached } = gated();
      const before = cached.check(probe);
      await cached.writeTuples([], [tuple]);
      const after = cached.check(probe);
      expect(pending).toHaveLength(2);
      pending[0].settle([true]);
      pending[1].settle([false]);
      await expect(before).resolves.toBe(true);
      await expect(after).resolves.toBe(false);
      void cached.check(probe);
      expect(pending).toHaveLength(3);
    });
  });

  describe('refresh ahead', () => {
    const other = { user: 'user:alice', relation: 'can_read', object: 'project:acme/analytics' };
    const project = { object: 'project:acme/analytics', relation: 'organization', user: 'organization:acme' };

    /** TTL 1,000 ms, refreshed in its last 300 ms; the test's clock, and refreshes run when the test says. */
    function refreshing() {
      let clock = 1_000_000;
      const scheduled: Array<() => void> = [];
      const store = new InMemoryTupleStore();
      const inner = EmbeddedAuthzClient.fromDsl(loadProductModelDsl(), store);
      const batches: number[] = [];
      const counting = Object.assign(Object.create(inner), {
        batchCheck: (requests: Parameters<typeof inner.batchCheck>[0]) => {
          batches.push(requests.length);
          return inner.batchCheck(requests);
        },
      }) as typeof inner;
      const cached = new CachingAuthzClient(counting, 1_000, {
        now: () => clock,
        refreshAheadMs: 300,
        refreshWindowMs: 50,
        schedule: (run, delayMs) => {
          expect(delayMs).toBe(50);
          scheduled.push(run);
        },
      });
      const runRefresh = async () => {
        scheduled.splice(0).forEach((run) => run());
        await new Promise((resolve) => setImmediate(resolve));
      };
      return { inner, cached, batches, scheduled, runRefresh, tick: (ms: number) => (clock += ms) };
    }

    it('should refresh an entry used near its expiry in the background, so it never misses', async () => {
      const { inner, cached, batches, scheduled, runRefresh, tick } = refreshing();
      await inner.writeTuples([tuple]);
      await expect(cached.check(probe)).resolves.toBe(true);
      tick(600);
      await expect(cached.check(probe)).resolves.toBe(true);
      expect(scheduled).toHaveLength(0);
      tick(200);
      await expect(cached.check(probe)).resolves.toBe(true);
      await expect(cached.check(probe)).resolves.toBe(true);
      expect(scheduled).toHaveLength(1);
      expect(batches).toEqual([1]);
      tick(50);
      await runRefresh();
      expect(batches).toEqual([1, 1]);
      // Sent at +850, so it lives until +1,850: past the first entry's +1,000 without a miss.
      tick(999);
      await expect(cached.check(probe)).resolves.toBe(true);
      expect(batches).toEqual([1, 1]);
    });

    it('should still let a revocation through within the TTL of the check that last saw the grant', async () => {
      const { inner, cached, batches, runRefresh, tick } = refreshing();
      await inner.writeTuples([tuple]);
      await cached.check(probe);
      tick(800);
      await cached.check(probe);
      await runRefresh();
      await inner.writeTuples([], [tuple]);
      tick(999);
      await expect(cached.check(probe)).resolves.toBe(true);
      await runRefresh();
      // The refresh saw the revocation: the entry goes before its TTL is up.
      await expect(cached.check(probe)).resolves.toBe(false);
      expect(batches).toEqual([1, 1, 1, 1]);
    });

    it('should refresh the entries due within the window in one batch check', async () => {
      const { inner, cached, batches, scheduled, runRefresh, tick } = refreshing();
      await inner.writeTuples([tuple, project]);
      await cached.batchCheck([probe, other]);
      tick(750);
      await cached.check(probe);
      tick(10);
      await cached.check(other);
      expect(scheduled).toHaveLength(1);
      await runRefresh();
      expect(batches).toEqual([2, 2]);
    });

    it('should keep no refresh answered across a write through it', async () => {
      const { inner, cached, batches, scheduled, tick } = refreshing();
      await inner.writeTuples([tuple]);
      await cached.check(probe);
      tick(800);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const original = inner.batchCheck.bind(inner);
      jest.spyOn(inner, 'batchCheck').mockImplementation(async (requests) => {
        await gate;
        return original(requests);
      });
      await cached.check(probe);
      scheduled.splice(0).forEach((run) => run());
      await cached.writeTuples([], []);
      release();
      await new Promise((resolve) => setImmediate(resolve));
      jest.restoreAllMocks();
      // The write cleared the cache, and the refresh sent before it did not put the entry back.
      await expect(cached.check(probe)).resolves.toBe(true);
      expect(batches).toEqual([1, 1, 1]);
    });

    it('should swallow a failed refresh and let the entry expire as it would have', async () => {
      const { inner, cached, runRefresh, tick } = refreshing();
      await inner.writeTuples([tuple]);
      await cached.check(probe);
      tick(800);
      jest.spyOn(inner, 'batchCheck').mockRejectedValueOnce(new Error('openfga down'));
      await cached.check(probe);
      await runRefresh();
      jest.restoreAllMocks();
      tick(199);
      const inFlight = jest.spyOn(inner, 'batchCheck');
      await expect(cached.check(probe)).resolves.toBe(true);
      expect(inFlight).not.toHaveBeenCalled();
      tick(1);
      await expect(cached.check(probe)).resolves.toBe(true);
      expect(inFlight).toHaveBeenCalledTimes(1);
    });
  });
});
