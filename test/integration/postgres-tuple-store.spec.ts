import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '@app/testing';
import type { QueryRunner } from 'typeorm';
import { CreateAuthzTuples1764000000000, type TupleKey } from '@app/authz';
import {
  AuthzEngine,
  PostgresTupleStore,
  authzTuplesDdl,
  compileModel,
  quoteIdent,
  type CompiledModel,
} from '@app/authz/embedded';

// A fresh database on the real server, or an in-memory PGlite when none is reachable.
const testDatabase = await createTestDatabase('authz');
const DATABASE_URL = testDatabase.url!;
afterAll(() => testDatabase.drop());
const MODEL = fs.readFileSync(path.resolve(process.cwd(), 'libs/authz/src/model/model.fga'), 'utf8');

const chain: TupleKey[] = [
  { user: 'user:alice', relation: 'admin', object: 'organization:acme' },
  { user: 'organization:acme', relation: 'organization', object: 'project:acme/p1' },
  { user: 'project:acme/p1', relation: 'project', object: 'data_connection:acme/p1/db' },
];
const canExecute = { user: 'user:alice', relation: 'can_execute', object: 'data_connection:acme/p1/db' };

describe(PostgresTupleStore.name, () => {
  const schema = `authz_store_${Math.random().toString(36).slice(2, 10)}`;
  let pool: pg.Pool;
  let model: CompiledModel;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: DATABASE_URL, max: 6 });
    for (const sql of authzTuplesDdl(schema)) await pool.query(sql);
    model = compileModel(MODEL);
  });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await pool.end();
  });

  beforeEach(async () => {
    await pool.query(
      `TRUNCATE ${quoteIdent(schema)}.tuples, ${quoteIdent(schema)}.changelog RESTART IDENTITY`,
    );
  });

  it('should write and delete idempotently and log only effective changes', async () => {
    const store = new PostgresTupleStore(pool, { schema });
    await store.write([chain[0], chain[0], chain[1]], []);
    await store.write([chain[0]], []);
    await store.write([], [chain[1], chain[2]]);
    await expect(store.read({ object: 'organization:acme' })).resolves.toEqual([chain[0]]);
    const { rows } = await pool.query(`SELECT operation FROM ${quoteIdent(schema)}.changelog ORDER BY id`);
    expect(rows.map((r: { operation: string }) => r.operation)).toEqual(['write', 'write', 'delete']);
  });

  it('should read by object, relation and user, including usersets and wildcards', async () => {
    const store = new PostgresTupleStore(pool, { schema });
    const userset = {
      user: 'project:acme/p1#viewer',
      relation: 'project_viewer',
      object: 'organization:acme',
    };
    const wildcard = { user: 'user:*', relation: 'member', object: 'group:everyone' };
    await store.write([...chain, userset, wildcard], []);
    await expect(store.read({ object: 'organization:', user: 'project:acme/p1#viewer' })).resolves.toEqual([
      userset,
    ]);
    await expect(store.read({ object: 'group:everyone', relation: 'member' })).resolves.toEqual([wildcard]);
    await expect(
      store.read({ object: 'organization:acme', relation: 'admin', user: 'user:bob' }),
    ).resolves.toEqual([]);
  });

  it('should reject a batch containing a malformed tuple without writing any of it', async () => {
    const store = new PostgresTupleStore(pool, { schema });
    await expect(
      store.write([chain[0], { user: 'bad', relation: 'admin', object: 'organization:acme' }], []),
    ).rejects.toMatchObject({ code: 2027 });
    await expect(store.read({ object: 'organization:acme' })).resolves.toEqual([]);
  });

  it('should apply a revocation to the next check in the same process', async () => {
    const store = new PostgresTupleStore(pool, { schema });
    const engine = new AuthzEngine(model, store);
    await store.write(chain, []);
    await expect(engine.check(canExecute)).resolves.toBe(true);
    await store.write([], [chain[0]]);
    await expect(engine.check(canExecute)).resolves.toBe(false);
  });

  it('should let another replica see committed writes on its next request', async () => {
    const writer = new PostgresTupleStore(pool, { schema });
    const replica = new AuthzEngine(model, new PostgresTupleStore(pool, { schema, maxStalenessMs: 0 }));
    await expect(replica.check(canExecute)).resolves.toBe(false);
    await writer.write(chain, []);
    await expect(replica.check(canExecute)).resolves.toBe(true);
    await writer.write([], [chain[1]]);
    await expect(replica.check(canExecute)).resolves.toBe(false);
  });

  it('should serve a replica from its cache within maxStalenessMs', async () => {
    const writer = new PostgresTupleStore(pool, { schema });
    const replica = new AuthzEngine(model, new PostgresTupleStore(pool, { schema, maxStalenessMs: 60_000 }));
    await expect(replica.check(canExecute)).resolves.toBe(false);
    await writer.write(chain, []);
    // Still inside the staleness window: the replica has not re-read the changelog yet.
    await expect(replica.check(canExecute)).resolves.toBe(false);
    await expect(
      new AuthzEngine(model, new PostgresTupleStore(pool, { schema })).check(canExecute),
    ).resolves.toBe(true);
  });

  it("should pick up another replica's revocation once maxStalenessMs has passed", async () => {
    let clock = 1_000_000;
    const writer = new PostgresTupleStore(pool, { schema });
    await writer.write(chain, []);
    const replica = new AuthzEngine(
      model,
      new PostgresTupleStore(pool, { schema, maxStalenessMs: 50, now: () => clock }),
    );
    await expect(replica.check(canExecute)).resolves.toBe(true);
    await writer.write([], [chain[0]]);
    clock += 50;
    await expect(replica.check(canExecute)).resolves.toBe(false);
  });

  it('should converge every replica to the database state under concurrent writers', async () => {
    const a = new PostgresTupleStore(pool, { schema, maxStalenessMs: 0 });
    const b = new PostgresTupleStore(pool, { schema, maxStalenessMs: 0 });
    await Promise.all([a.snapshot(), b.snapshot()]);
    const tuples = Array.from({ length: 60 }, (_, i) => ({
      user: `user:u${i % 7}`,
      relation: 'member',
      object: `group:g${i % 11}`,
    }));
    await Promise.all(
      tuples.map((t, i) =>
        (i % 2 === 0 ? a : b).write([t], i % 3 === 0 ? [tuples[(i + 5) % tuples.length]] : []),
      ),
    );
    const inDb = (await a.read({ object: '' })).map((t) => `${t.object}#${t.relation}@${t.user}`).sort();
    for (const store of [a, b, new PostgresTupleStore(pool, { schema })]) {
      const snapshot = await store.snapshot();
      const cached = tuples
        .filter((t) => snapshot.has(t.object, t.relation, t.user))
        .map((t) => `${t.object}#${t.relation}@${t.user}`);
      expect([...new Set(cached)].sort()).toEqual(inDb);
    }
  });
});

describe(CreateAuthzTuples1764000000000.name, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase('authz_migration');
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('should create the authz schema idempotently and drop it again', async () => {
    const runner = { query: (sql: string) => pool.query(sql).then((r) => r.rows) } as unknown as QueryRunner;
    const migration = new CreateAuthzTuples1764000000000();
    await migration.up(runner);
    await migration.up(runner);
    const store = new PostgresTupleStore(pool);
    await store.write(chain, []);
    await expect(new AuthzEngine(compileModel(MODEL), store).check(canExecute)).resolves.toBe(true);
    await pool.query('TRUNCATE authz.tuples, authz.changelog');
    await migration.down(runner);
    const { rows } = await pool.query(
      `SELECT 1 FROM information_schema.schemata WHERE schema_name = 'authz'`,
    );
    expect(rows).toEqual([]);
  });
});
