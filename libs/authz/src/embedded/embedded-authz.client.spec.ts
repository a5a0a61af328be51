import { AppException } from '@app/core';
import { InMemoryTupleStore } from '../engine/in-memory-tuple.store.js';
import type { TupleStore } from '../engine/tuple-store.js';
import { EmbeddedAuthzClient } from './embedded-authz.client.js';

const MODEL = `model
  schema 1.1
type user
type project
  relations
    define viewer: [user]
    define editor: [user]
    define can_read: viewer or editor`;

describe(EmbeddedAuthzClient.name, () => {
  const alice = { user: 'user:alice', relation: 'viewer', object: 'project:p1' };

  it('should write idempotently and answer checks from the written tuples', async () => {
    const client = EmbeddedAuthzClient.fromDsl(MODEL, new InMemoryTupleStore());
    await client.writeTuples([alice]);
    await client.writeTuples([alice]);
    await expect(client.readTuples({ object: 'project:p1' })).resolves.toEqual([alice]);
    await expect(
      client.check({ user: 'user:alice', relation: 'can_read', object: 'project:p1' }),
    ).resolves.toBe(true);
    await client.writeTuples([], [alice, alice]);
    await expect(
      client.check({ user: 'user:alice', relation: 'can_read', object: 'project:p1' }),
    ).resolves.toBe(false);
  });

  it('should reject tuples that do not fit the model with a validation AppException', async () => {
    const store = new InMemoryTupleStore();
    const client = EmbeddedAuthzClient.fromDsl(MODEL, store);
    const error = await client
      .writeTuples([alice, { user: 'user:*', relation: 'viewer', object: 'project:p1' }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).details).toEqual({ authz_error_code: 2027 });
    expect(store.size).toBe(0);
  });

  it('should batch check in input order', async () => {
    const client = EmbeddedAuthzClient.fromDsl(MODEL, new InMemoryTupleStore([alice]));
    const results = await client.batchCheck([
      { user: 'user:bob', relation: 'can_read', object: 'project:p1' },
      { user: 'user:alice', relation: 'can_read', object: 'project:p1' },
      { user: 'user:alice', relation: 'editor', object: 'project:p1' },
    ]);
    expect(results).toEqual([false, true, false]);
  });

  it('should list objects', async () => {
    const client = EmbeddedAuthzClient.fromDsl(
      MODEL,
      new InMemoryTupleStore([alice, { ...alice, object: 'project:p2', relation: 'editor' }]),
    );
    const objects = await client.listObjects({ user: 'user:alice', relation: 'can_read', type: 'project' });
    expect(objects.sort()).toEqual(['project:p1', 'project:p2']);
  });

  it('should report an unreachable store as unavailable', async () => {
    const broken: TupleStore = {
      read: () => Promise.reject(new Error('connection refused')),
      write: () => Promise.reject(new Error('connection refused')),
      snapshot: () => Promise.reject(new Error('connection refused')),
    };
    const client = EmbeddedAuthzClient.fromDsl(MODEL, broken);
    await expect(client.healthCheck()).rejects.toBeInstanceOf(AppException);
    await expect(
      EmbeddedAuthzClient.fromDsl(MODEL, new InMemoryTupleStore()).healthCheck(),
    ).resolves.toBeUndefined();
  });
});
