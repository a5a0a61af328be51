import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import type { TupleKey } from '../authz-client.js';
import { AuthzEngine } from './authz.engine.js';
import { AuthzEngineError, AuthzErrorCode } from './authz-engine.error.js';
import { compileModel } from './compiled-model.js';
import { InMemoryTupleStore } from './in-memory-tuple.store.js';

const PRODUCT_MODEL = fs.readFileSync(path.resolve(process.cwd(), 'libs/authz/src/model/model.fga'), 'utf8');

/** Tuples the product writes when org acme, project p1 and connections are created. */
function acmeTuples(): TupleKey[] {
  return [
    { user: 'user:alice', relation: 'admin', object: 'organization:acme' },
    { user: 'user:carol', relation: 'member', object: 'organization:acme' },
    { user: 'organization:acme', relation: 'organization', object: 'project:acme/p1' },
    { user: 'project:acme/p1#viewer', relation: 'project_viewer', object: 'organization:acme' },
    { user: 'project:acme/p1#operator', relation: 'project_operator', object: 'organization:acme' },
    { user: 'user:bob', relation: 'operator', object: 'project:acme/p1' },
    { user: 'user:dave', relation: 'developer', object: 'project:acme/p1' },
    { user: 'project:acme/p1', relation: 'project', object: 'data_connection:acme/p1/db' },
    { user: 'user:dave', relation: 'owner', object: 'data_connection:acme/p1/db' },
    { user: 'organization:acme', relation: 'organization', object: 'data_connection:acme/shared' },
  ];
}

async function productEngine(extra: TupleKey[] = []) {
  const store = new InMemoryTupleStore([...acmeTuples(), ...extra]);
  return { store, engine: new AuthzEngine(compileModel(PRODUCT_MODEL), store) };
}

describe(AuthzEngine.name, () => {
  describe('product model', () => {
    it('should let an org admin inherit rights on projects and their connections', async () => {
      const { engine } = await productEngine();
      await expect(
        engine.check({ user: 'user:alice', relation: 'can_manage_members', object: 'project:acme/p1' }),
      ).resolves.toBe(true);
      await expect(
        engine.check({ user: 'user:alice', relation: 'can_execute', object: 'data_connection:acme/p1/db' }),
      ).resolves.toBe(true);
      await expect(
        engine.check({ user: 'user:alice', relation: 'can_delete', object: 'project:acme/p1' }),
      ).resolves.toBe(false);
    });

    it('should let a project operator of the same org read and execute an org-level connection', async () => {
      const { engine } = await productEngine();
      await expect(
        engine.check({ user: 'user:bob', relation: 'can_read', object: 'data_connection:acme/shared' }),
      ).resolves.toBe(true);
      await expect(
        engine.check({ user: 'user:bob', relation: 'can_execute', object: 'data_connection:acme/shared' }),
      ).resolves.toBe(true);
      await expect(
        engine.check({ user: 'user:bob', relation: 'can_write', object: 'data_connection:acme/shared' }),
      ).resolves.toBe(false);
    });

    it('should not let an org member without a project role read an org-level connection', async () => {
      const { engine } = await productEngine();
      await expect(
        engine.check({ user: 'user:carol', relation: 'can_read', object: 'data_connection:acme/shared' }),
      ).resolves.toBe(false);
      await expect(
        engine.check({ user: 'user:carol', relation: 'can_read', object: 'data_connection:acme/p1/db' }),
      ).resolves.toBe(false);
    });

    it('should revoke creator rights once the creator leaves the project', async () => {
      const { engine, store } = await productEngine();
      const conn = 'data_connection:acme/p1/db';
      await expect(
        engine.check({ user: 'user:dave', relation: 'can_manage_metadata', object: conn }),
      ).resolves.toBe(true);
      await store.write([], [{ user: 'user:dave', relation: 'developer', object: 'project:acme/p1' }]);
      await expect(
        engine.check({ user: 'user:dave', relation: 'can_manage_metadata', object: conn }),
      ).resolves.toBe(false);
      await expect(engine.check({ user: 'user:dave', relation: 'creator', object: conn })).resolves.toBe(
        false,
      );
    });

    it('should resolve group members through usersets', async () => {
      const { engine } = await productEngine([
        { user: 'user:erin', relation: 'member', object: 'group:data-team' },
        { user: 'group:data-team#member', relation: 'developer', object: 'project:acme/p1' },
      ]);
      await expect(
        engine.check({
          user: 'user:erin',
          relation: 'can_read_secrets',
          object: 'data_connection:acme/p1/db',
        }),
      ).resolves.toBe(true);
      await expect(
        engine.check({ user: 'group:data-team#member', relation: 'can_write', object: 'project:acme/p1' }),
      ).resolves.toBe(true);
    });

    it('should list the connections a user can execute', async () => {
      const { engine } = await productEngine([
        { user: 'project:acme/p1', relation: 'project', object: 'data_connection:acme/p1/other' },
      ]);
      const objects = await engine.listObjects({
        user: 'user:bob',
        relation: 'can_execute',
        type: 'data_connection',
      });
      expect(objects.sort()).toEqual([
        'data_connection:acme/p1/db',
        'data_connection:acme/p1/other',
        'data_connection:acme/shared',
      ]);
      await expect(
        engine.listObjects({ user: 'user:carol', relation: 'can_execute', type: 'data_connection' }),
      ).resolves.toEqual([]);
    });

    it('should apply contextual tuples without storing them', async () => {
      const { engine, store } = await productEngine();
      const grant = { user: 'user:zed', relation: 'viewer', object: 'project:acme/p1' };
      await expect(
        engine.check({
          user: 'user:zed',
          relation: 'can_read',
          object: 'data_connection:acme/p1/db',
          contextualTuples: [grant],
        }),
      ).resolves.toBe(true);
      await expect(store.read({ object: 'project:acme/p1', user: 'user:zed' })).resolves.toEqual([]);
    });
  });

  describe('checkBatch', () => {
    it('should answer every item from one snapshot of the store', async () => {
      const { store, engine } = await productEngine();
      const snapshot = jest.spyOn(store, 'snapshot');
      const outcomes = await engine.checkBatch([
        { user: 'user:dave', relation: 'can_read_secrets', object: 'data_connection:acme/p1/db' },
        { user: 'user:carol', relation: 'can_read_secrets', object: 'data_connection:acme/p1/db' },
        {
          user: 'user:carol',
          relation: 'can_read',
          object: 'data_connection:acme/p1/db',
          contextualTuples: [{ user: 'user:carol', relation: 'viewer', object: 'project:acme/p1' }],
        },
      ]);
      expect(outcomes).toEqual([{ allowed: true }, { allowed: false }, { allowed: true }]);
      expect(snapshot).toHaveBeenCalledTimes(1);
    });

    it('should answer an invalid item with its error and the others normally', async () => {
      const { store, engine } = await productEngine();
      const snapshot = jest.spyOn(store, 'snapshot');
      const [bad, good] = await engine.checkBatch([
        { user: 'user:dave', relation: 'no_such_relation', object: 'data_connection:acme/p1/db' },
        { user: 'user:dave', relation: 'can_read', object: 'data_connection:acme/p1/db' },
      ]);
      expect(bad).toEqual({ error: expect.objectContaining({ code: AuthzErrorCode.VALIDATION_ERROR }) });
      expect(good).toEqual({ allowed: true });
      await expect(
        engine.checkBatch([{ user: 'user:dave', relation: 'no_such_relation', object: 'project:acme/p1' }]),
      ).resolves.toEqual([{ error: expect.any(AuthzEngineError) }]);
      expect(snapshot).toHaveBeenCalledTimes(1);
    });
  });

  describe('errors', () => {
    const model = compileModel(`model
  schema 1.1
type user
type document
  relations
    define viewer: [user]
    define can_view: viewer`);

    it('should reject a contextual tuple that breaks the type restrictions with 2027', async () => {
      const engine = new AuthzEngine(model, new InMemoryTupleStore());
      await expect(
        engine.check({
          user: 'user:a',
          relation: 'viewer',
          object: 'document:1',
          contextualTuples: [{ user: 'user:*', relation: 'viewer', object: 'document:1' }],
        }),
      ).rejects.toMatchObject({ code: AuthzErrorCode.INVALID_TUPLE });
    });

    it('should reject unknown types and relations with OpenFGA codes', async () => {
      const engine = new AuthzEngine(model, new InMemoryTupleStore());
      await expect(
        engine.check({ user: 'user:a', relation: 'owner', object: 'document:1' }),
      ).rejects.toMatchObject({ code: 2000 });
      await expect(
        engine.check({ user: 'a:b:c', relation: 'viewer', object: 'document:1' }),
      ).rejects.toMatchObject({ code: 2000 });
      await expect(
        engine.listObjects({ user: 'user:a', relation: 'viewer', type: 'folder' }),
      ).rejects.toMatchObject({ code: 2021 });
      await expect(
        engine.listObjects({ user: 'user:a', relation: 'owner', type: 'document' }),
      ).rejects.toMatchObject({ code: 2022 });
    });

    it('should ignore stored tuples the current model no longer allows', async () => {
      const store = new InMemoryTupleStore([{ user: 'user:*', relation: 'viewer', object: 'document:1' }]);
      const engine = new AuthzEngine(model, store);
      await expect(
        engine.check({ user: 'user:a', relation: 'can_view', object: 'document:1' }),
      ).resolves.toBe(false);
    });

    it('should fail with 2002 when the resolution depth exceeds 25', async () => {
      const relations = Array.from(
        { length: 30 },
        (_, i) => `    define r${i}: ${i === 0 ? '[user]' : `[document#r${i - 1}]`}`,
      );
      const deep = compileModel(
        `model\n  schema 1.1\ntype user\ntype document\n  relations\n${relations.join('\n')}`,
      );
      const tuples = Array.from({ length: 29 }, (_, i) => ({
        user: `document:1#r${i}`,
        relation: `r${i + 1}`,
        object: 'document:1',
      }));
      const engine = new AuthzEngine(
        deep,
        new InMemoryTupleStore([...tuples, { user: 'user:a', relation: 'r0', object: 'document:1' }]),
      );
      await expect(engine.check({ user: 'user:a', relation: 'r10', object: 'document:1' })).resolves.toBe(
        true,
      );
      const error = await engine
        .check({ user: 'user:a', relation: 'r29', object: 'document:1' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthzEngineError);
      expect((error as AuthzEngineError).code).toBe(AuthzErrorCode.RESOLUTION_TOO_COMPLEX);
    });

    it('should answer false for a relation that only reaches itself through a cycle', async () => {
      const cyclic = compileModel(`model
  schema 1.1
type user
type document
  relations
    define restricted: [user, document#viewer]
    define viewer: [user] but not restricted`);
      const store = new InMemoryTupleStore([
        { user: 'user:jon', relation: 'viewer', object: 'document:1' },
        { user: 'document:1#viewer', relation: 'restricted', object: 'document:1' },
      ]);
      await expect(
        new AuthzEngine(cyclic, store).check({ user: 'user:jon', relation: 'viewer', object: 'document:1' }),
      ).resolves.toBe(false);
    });
  });
});
