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
});
