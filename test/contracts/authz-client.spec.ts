import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '@app/testing';
import { CreateAuthzTuples1764000000000, OpenFgaAuthzClient, loadProductModelDsl } from '@app/authz';
import {
  EmbeddedAuthzClient,
  InMemoryTupleStore,
  PostgresTupleStore,
  authzTuplesDdl,
  startOpenFgaHttpServer,
  type OpenFgaHttpServerOptions,
  type RunningOpenFgaHttpServer,
} from '@app/authz/embedded';
import { authzClientContract } from './authz-client.contract.js';

const MODEL_DSL = loadProductModelDsl();
const API_TOKEN = `contract-${randomBytes(12).toString('hex')}`;

/** A fresh database with the engine's tables, created by its real TypeORM migration. */
async function migratedDatabase(): Promise<{ pool: pg.Pool; drop(): Promise<void> }> {
  const database = await createTestDatabase('authz_contract');
  if (!database.url)
    throw new Error('The Postgres contract needs a real server (TEST_DB=embedded is not supported here)');
  const dataSource = new DataSource({
    type: 'postgres',
    url: database.url,
    migrations: [CreateAuthzTuples1764000000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  const pool = new pg.Pool({ connectionString: database.url, max: 8 });
  return {
    pool,
    async drop() {
      await pool.end();
      await database.drop();
    },
  };
}

async function openFgaClientOver(options: OpenFgaHttpServerOptions) {
  const server = await startOpenFgaHttpServer({ apiToken: API_TOKEN, ...options });
  const client = new OpenFgaAuthzClient({
    apiUrl: server.url,
    storeName: 'contract',
    apiToken: API_TOKEN,
    model: MODEL_DSL,
  });
  await client.init();
  return { client, server };
}

authzClientContract('EmbeddedAuthzClient over InMemoryTupleStore', async () => ({
  client: EmbeddedAuthzClient.fromDsl(MODEL_DSL, new InMemoryTupleStore()),
  teardown: async () => undefined,
}));

authzClientContract('EmbeddedAuthzClient over PostgresTupleStore', async () => {
  const database = await migratedDatabase();
  return {
    client: EmbeddedAuthzClient.fromDsl(MODEL_DSL, new PostgresTupleStore(database.pool)),
    teardown: () => database.drop(),
  };
});

authzClientContract('OpenFgaAuthzClient against the OpenFGA HTTP server', async () => {
  const { client, server } = await openFgaClientOver({});
  return { client, teardown: () => server.close() };
});

authzClientContract('OpenFgaAuthzClient against the OpenFGA HTTP server over Postgres', async () => {
  const database = await migratedDatabase();
  const { client, server } = await openFgaClientOver({
    // One schema per OpenFGA store, as the dev-mode endpoint would lay them out.
    tupleStoreFactory: async (storeId) => {
      const schema = `store_${storeId.toLowerCase()}`;
      for (const sql of authzTuplesDdl(schema)) await database.pool.query(sql);
      return new PostgresTupleStore(database.pool, { schema });
    },
  });
  return {
    client,
    teardown: async () => {
      await server.close();
      await database.drop();
    },
  };
});

describe(`${OpenFgaAuthzClient.name} against the OpenFGA HTTP server`, () => {
  let server: RunningOpenFgaHttpServer;
  let requests: Array<{ method: string; path: string; authorization?: string }>;

  beforeEach(async () => {
    server = await startOpenFgaHttpServer({ apiToken: API_TOKEN });
    requests = [];
    server.server.prependListener('request', (req: IncomingMessage) => {
      requests.push({
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0],
        authorization: req.headers.authorization,
      });
    });
  });

  afterEach(async () => {
    await server.close();
  });

  const newClient = (
    modelDsl = MODEL_DSL,
    extra: Partial<ConstructorParameters<typeof OpenFgaAuthzClient>[0]> = {},
  ) =>
    new OpenFgaAuthzClient({
      apiUrl: server.url,
      storeName: 'assets-platform',
      apiToken: API_TOKEN,
      model: modelDsl,
      ...extra,
    });
  const count = (method: string, pathEnd: string) =>
    requests.filter((r) => r.method === method && r.path.endsWith(pathEnd)).length;

  it('should reuse the store found by name and not rewrite an unchanged model', async () => {
    const first = await newClient().init();
    expect([count('POST', '/stores'), count('POST', '/authorization-models')]).toEqual([1, 1]);

    const second = await newClient().init();

    expect(second).toEqual(first);
    expect([count('POST', '/stores'), count('POST', '/authorization-models')]).toEqual([1, 1]);
  });

  it('should write a new model version when the DSL changed, and use it', async () => {
    const first = await newClient().init();
    const changedDsl = `${MODEL_DSL}\ntype dashboard\n  relations\n    define viewer: [user]\n`;

    const changed = newClient(changedDsl);
    const second = await changed.init();

    expect(second.storeId).toBe(first.storeId);
    expect(second.authorizationModelId).not.toBe(first.authorizationModelId);
    expect(count('POST', '/authorization-models')).toBe(2);
    await changed.writeTuples([{ user: 'user:ann', relation: 'viewer', object: 'dashboard:d1' }]);
    await expect(
      changed.check({ user: 'user:ann', relation: 'viewer', object: 'dashboard:d1' }),
    ).resolves.toBe(true);
  });

  it('should pin OPENFGA_STORE_ID and OPENFGA_AUTHORIZATION_MODEL_ID without creating or writing anything', async () => {
    const target = await newClient().init();
    requests.length = 0;

    const pinned = newClient(`model\n  schema 1.1\ntype user\n`, {
      storeId: target.storeId,
      authorizationModelId: target.authorizationModelId,
    });

    await expect(pinned.init()).resolves.toEqual(target);
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
    await expect(newClient(MODEL_DSL, { storeId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }).init()).rejects.toThrow(
      /OPENFGA_STORE_ID names a store that does not exist/,
    );
  });

  it('should split writes into requests of at most 100 tuples and batch checks into 50', async () => {
    const client = newClient();
    await client.init();
    const writes = Array.from({ length: 230 }, (_, i) => ({
      user: `user:u${i}`,
      relation: 'viewer',
      object: 'project:acme/p',
    }));

    // The server rejects any request above 100 tuples or 50 checks, so success proves the split.
    await client.writeTuples(writes);
    await client.writeTuples([], writes.slice(0, 120));
    const allowed = await client.batchCheck(writes.map((w) => ({ ...w, relation: 'can_read' })));

    expect(count('POST', '/write')).toBe(3 + 2);
    expect(count('POST', '/batch-check')).toBe(5);
    expect(allowed).toEqual(writes.map((_, i) => i >= 120));
  });

  it('should send the bearer token on every request and fail closed without it', async () => {
    const client = newClient();
    await client.writeTuples([{ user: 'user:ann', relation: 'viewer', object: 'project:acme/p' }]);
    await client.check({ user: 'user:ann', relation: 'can_read', object: 'project:acme/p' });
    await client.healthCheck();

    expect(requests.length).toBeGreaterThan(3);
    expect(requests.every((r) => r.authorization === `Bearer ${API_TOKEN}`)).toBe(true);

    const wrongToken = newClient(MODEL_DSL, { apiToken: 'not-the-token', maxRetries: 0 });
    const error = await wrongToken.healthCheck().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { dependency: 'openfga' } });
    expect(
      `${String(error)} ${JSON.stringify(error)} ${String((error as { cause?: unknown }).cause)}`,
    ).not.toContain('not-the-token');
  });

  it('should report a server that went away as unavailable in healthCheck', async () => {
    const shortLived = await startOpenFgaHttpServer({ apiToken: API_TOKEN });
    const client = new OpenFgaAuthzClient({
      apiUrl: shortLived.url,
      storeName: 'gone',
      apiToken: API_TOKEN,
      model: MODEL_DSL,
      maxRetries: 0,
    });
    await client.healthCheck();

    await shortLived.close();

    await expect(client.healthCheck()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('should surface a 5xx from the server as unavailable', async () => {
    const database = await migratedDatabase();
    const failing = await startOpenFgaHttpServer({
      apiToken: API_TOKEN,
      tupleStoreFactory: () => new PostgresTupleStore(database.pool, { schema: 'missing_schema' }),
    });
    try {
      const client = new OpenFgaAuthzClient({
        apiUrl: failing.url,
        storeName: 'broken',
        apiToken: API_TOKEN,
        model: MODEL_DSL,
        maxRetries: 1,
        minRetryWaitMs: 10,
      });

      await expect(client.readTuples({ object: 'project:acme/p' })).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
      });
    } finally {
      await failing.close();
      await database.drop();
    }
  });
});
