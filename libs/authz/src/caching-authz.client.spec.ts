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
    return { store, inner, cached: new CachingAuthzClient(counting, ttlMs, undefined, now), calls };
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
      return { pending, cached: new CachingAuthzClient(inner, 60_000) };
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
});
