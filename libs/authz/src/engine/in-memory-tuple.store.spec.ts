import { InMemoryTupleStore } from './in-memory-tuple.store.js';

describe(InMemoryTupleStore.name, () => {
  const t1 = { user: 'user:a', relation: 'viewer', object: 'document:1' };
  const t2 = { user: 'group:g#member', relation: 'viewer', object: 'document:1' };
  const t3 = { user: 'user:a', relation: 'editor', object: 'document:2' };

  it('should make writes and deletes idempotent', async () => {
    const store = new InMemoryTupleStore();
    await store.write([t1, t1, t2], []);
    await store.write([t1], []);
    expect(store.size).toBe(2);
    await store.write([], [t1, t1, t3]);
    await expect(store.read({ object: 'document:1' })).resolves.toEqual([t2]);
  });

  it('should read by object, relation, user and by type plus user', async () => {
    const store = new InMemoryTupleStore([t1, t2, t3]);
    await expect(store.read({ object: 'document:1', relation: 'viewer', user: 'user:a' })).resolves.toEqual([
      t1,
    ]);
    await expect(store.read({ object: 'document:', user: 'user:a' }).then((r) => r.length)).resolves.toBe(2);
    await expect(store.read({ object: 'document:', relation: 'editor', user: 'user:a' })).resolves.toEqual([
      t3,
    ]);
  });

  it('should reject a malformed tuple without applying the batch', async () => {
    const store = new InMemoryTupleStore();
    await expect(
      store.write([t1, { user: 'nobody', relation: 'viewer', object: 'document:1' }], []),
    ).rejects.toMatchObject({ code: 2027 });
    expect(store.size).toBe(0);
  });

  it('should expose usersets separately for the evaluator', async () => {
    const store = new InMemoryTupleStore([t1, t2]);
    const snapshot = await store.snapshot();
    expect([...snapshot.usersets('document:1', 'viewer')]).toEqual(['group:g#member']);
    expect([...snapshot.tuplesByUser('group:g#member')]).toEqual([t2]);
  });
});
