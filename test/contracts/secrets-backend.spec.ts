import { mkdtemp, rm, stat, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppException, DependencyUnavailableError, ErrorCode } from '@app/core';
import {
  CreateSecrets1764000000001,
  EmbeddedSecretsBackend,
  GcpSecretsBackend,
  InfisicalSecretsBackend,
  SecretDecryptionError,
  StaticTokenAuthClient,
  createSecretsBackend,
  gcpSecretId,
  loadSecretsConfig,
  masterKeyId,
  resolveMasterKey,
} from '@app/secrets';
import {
  createTestDatabase,
  FakeGcpSecretManagerServer,
  FakeInfisicalServer,
  type TestDatabase,
} from '@app/testing';
import { secretsBackendContract } from './secrets-backend.contract.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe(EmbeddedSecretsBackend.name, () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    database = await createTestDatabase('secrets');
    const url = database.url!;
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      migrations: [CreateSecrets1764000000001],
      synchronize: false,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    pool = new pg.Pool({ connectionString: url, max: 4 });
    // DROP DATABASE ... WITH (FORCE) may terminate a client that is still closing.
    pool.on('error', () => undefined);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  secretsBackendContract('embedded', async () => new EmbeddedSecretsBackend(pool, masterKey));

  it('should read the secrets of one org asked for together in one statement, and decrypt each alone', async () => {
    const statements: string[] = [];
    const counting = {
      query: (sql: string, params?: unknown[]) => {
        statements.push(sql);
        return pool.query(sql, params);
      },
    };
    const backend = new EmbeddedSecretsBackend(counting, masterKey);
    const orgId = `org-${randomBytes(4).toString('hex')}`;
    const names = ['a', 'b', 'c', 'd'];
    for (const name of names) await backend.create({ orgId, projectId: 'p', name }, `value-${name}`);
    // A row whose ciphertext does not open (moved to another name) fails its own read only.
    await pool.query(`UPDATE secrets SET name = 'moved' WHERE org_id = $1 AND name = 'd'`, [orgId]);
    statements.length = 0;

    const reads = [...names, 'moved'].map((name) =>
      backend.get({ orgId, projectId: 'p', name }).then(
        (found) => found?.value ?? null,
        (error: Error) => error.name,
      ),
    );
    expect(await Promise.all(reads)).toEqual([
      'value-a',
      'value-b',
      'value-c',
      null,
      SecretDecryptionError.name,
    ]);
    expect(statements).toHaveLength(1);
  });

  describe('encryption at rest', () => {
    const ref = () => ({
      orgId: `org-${randomBytes(4).toString('hex')}`,
      projectId: 'p1',
      name: 'credentials',
    });

    it('should never store the plaintext in any column', async () => {
      const backend = new EmbeddedSecretsBackend(pool, masterKey);
      const canary = `canary-${randomBytes(8).toString('hex')}`;
      const r = ref();
      await backend.create(r, canary, 'a description');
      const { rows } = await pool.query<{ row: string }>(
        'SELECT t::text AS row FROM secrets t WHERE org_id = $1',
        [r.orgId],
      );
      expect(rows).toHaveLength(1);
      const dump = rows[0].row;
      expect(dump).toContain(r.orgId); // the dump is real
      for (const encoding of [
        canary,
        Buffer.from(canary).toString('hex'),
        Buffer.from(canary).toString('base64'),
      ]) {
        expect(dump).not.toContain(encoding);
      }
      expect(dump).not.toContain(masterKey.toString('hex'));
      expect(dump).toContain(masterKeyId(masterKey));
    });

    it('should use a fresh data key and IV for every version', async () => {
      const backend = new EmbeddedSecretsBackend(pool, masterKey);
      const r = ref();
      await backend.create(r, 'same value');
      const first = (
        await pool.query('SELECT ciphertext, iv, wrapped_key FROM secrets WHERE org_id = $1', [r.orgId])
      ).rows[0];
      await backend.update(r, 'same value');
      const second = (
        await pool.query('SELECT ciphertext, iv, wrapped_key FROM secrets WHERE org_id = $1', [r.orgId])
      ).rows[0];
      expect(Buffer.compare(first.iv, second.iv)).not.toBe(0);
      expect(Buffer.compare(first.wrapped_key, second.wrapped_key)).not.toBe(0);
      expect(Buffer.compare(first.ciphertext, second.ciphertext)).not.toBe(0);
    });

    it('should refuse to decrypt a row moved to another org (AAD)', async () => {
      const backend = new EmbeddedSecretsBackend(pool, masterKey);
      const r = ref();
      const target = `org-${randomBytes(4).toString('hex')}`;
      await backend.create(r, 'tenant A credentials');
      await pool.query('UPDATE secrets SET org_id = $2 WHERE org_id = $1', [r.orgId, target]);
      await expect(backend.get({ ...r, orgId: target })).rejects.toThrow(SecretDecryptionError);
    });

    it('should refuse to decrypt a row renamed or moved to another project', async () => {
      const backend = new EmbeddedSecretsBackend(pool, masterKey);
      const r = ref();
      await backend.create(r, 'v');
      await pool.query(`UPDATE secrets SET name = 'other', project_id = '' WHERE org_id = $1`, [r.orgId]);
      await expect(backend.get({ orgId: r.orgId, projectId: null, name: 'other' })).rejects.toThrow(
        SecretDecryptionError,
      );
    });

    it('should fail closed under a wrong master key', async () => {
      const r = ref();
      await new EmbeddedSecretsBackend(pool, masterKey).create(r, 'v');
      const wrong = new EmbeddedSecretsBackend(pool, randomBytes(32));
      await expect(wrong.get(r)).rejects.toThrow(SecretDecryptionError);
      // Even with the key id forged to match, authentication of the wrapped key fails.
      const otherKey = randomBytes(32);
      await pool.query('UPDATE secrets SET key_id = $2 WHERE org_id = $1', [r.orgId, masterKeyId(otherKey)]);
      await expect(new EmbeddedSecretsBackend(pool, otherKey).get(r)).rejects.toThrow(SecretDecryptionError);
    });

    it('should report an unreachable database as a dependency outage', async () => {
      const deadPool = new pg.Pool({
        host: '127.0.0.1',
        port: await closedPort(),
        user: 'postgres',
        database: 'x',
        connectionTimeoutMillis: 2000,
      });
      try {
        await expect(new EmbeddedSecretsBackend(deadPool, masterKey).healthCheck()).rejects.toThrow(
          DependencyUnavailableError,
        );
      } finally {
        await deadPool.end();
      }
    });
  });

  describe(resolveMasterKey.name, () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'secrets-key-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('should create the dev key file with mode 0600 and reuse it', async () => {
      const first = await resolveMasterKey({}, dir, { NODE_ENV: 'development' });
      const path = join(dir, 'secrets', 'master.key');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64').equals(first)).toBe(true);
      const second = await resolveMasterKey({}, dir, { NODE_ENV: 'development' });
      expect(second.equals(first)).toBe(true);
      // Secrets written under the generated key survive a restart that reuses it.
      const ref = { orgId: `org-${randomBytes(4).toString('hex')}`, projectId: null, name: 'restart' };
      await new EmbeddedSecretsBackend(pool, first).create(ref, 'still here');
      await expect(new EmbeddedSecretsBackend(pool, second).get(ref)).resolves.toMatchObject({
        value: 'still here',
      });
    });

    it('should refuse to start in production without SECRETS_MASTER_KEY', async () => {
      await expect(resolveMasterKey({}, dir, { NODE_ENV: 'production' })).rejects.toThrow(
        /SECRETS_MASTER_KEY is required/,
      );
    });

    it('should build the embedded backend through the factory', async () => {
      const config = loadSecretsConfig({ SECRETS_BACKEND: 'embedded' });
      const backend = await createSecretsBackend(config, { pool, dataDir: dir, env: { NODE_ENV: 'test' } });
      expect(backend.kind).toBe('embedded');
      await expect(backend.healthCheck()).resolves.toBeUndefined();
    });
  });
});

describe(InfisicalSecretsBackend.name, () => {
  let fake: FakeInfisicalServer;
  const backendFor = (overrides: Partial<ConstructorParameters<typeof InfisicalSecretsBackend>[0]> = {}) =>
    new InfisicalSecretsBackend({
      siteUrl: fake.url,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      projectId: fake.projectId,
      environment: 'prod',
      ...overrides,
    });

  beforeAll(async () => {
    fake = await FakeInfisicalServer.start();
  });
  afterAll(async () => {
    await fake.stop();
  });

  secretsBackendContract('infisical (fake server)', async () => backendFor());

  it('should map tenancy to folders and the description to the comment', async () => {
    const backend = backendFor();
    await backend.create({ orgId: 'acme', projectId: null, name: 'org-secret' }, 'o', 'org level');
    await backend.create(
      { orgId: 'acme', projectId: 'sales', resourceUri: 'postgres://db/sales', name: 'credentials' },
      'r',
    );
    const paths = fake.folderPaths('prod');
    expect(paths).toEqual(
      expect.arrayContaining(['/acme', '/acme/_org', '/acme/sales', '/acme/sales/resources']),
    );
    expect(paths.some((p) => /^\/acme\/sales\/resources\/postgres-db-sales_[0-9a-f]{20}$/.test(p))).toBe(
      true,
    );
    expect(fake.storedValue('prod', '/acme/_org', 'org-secret')).toBe('o');
  });

  it('should store values Infisical would alter in an encoded form', async () => {
    const backend = backendFor();
    const ref = { orgId: 'acme', projectId: 'enc', name: 'spaced' };
    await backend.create(ref, '  padded  ');
    expect(fake.storedValue('prod', '/acme/enc', 'spaced')).toBe(
      `__b64__:${Buffer.from('  padded  ').toString('base64')}`,
    );
    await backend.create({ ...ref, name: 'plain' }, 'plain-value');
    expect(fake.storedValue('prod', '/acme/enc', 'plain')).toBe('plain-value');
  });

  it('should log in again when the access token expires', async () => {
    const backend = backendFor();
    const ref = { orgId: 'acme', projectId: 'relogin', name: 'k' };
    await backend.create(ref, 'v');
    const logins = () => fake.requests.filter((r) => r.path === '/api/v1/auth/universal-auth/login').length;
    const before = logins();
    fake.expireAllTokens();
    await expect(backend.get(ref)).resolves.toMatchObject({ value: 'v' });
    expect(logins()).toBe(before + 1);
  });

  describe('token expiry', () => {
    let server: FakeInfisicalServer;
    const loginsOf = () => server.requests.filter((r) => r.path === '/api/v1/auth/universal-auth/login');
    const backendOn = (overrides: Partial<ConstructorParameters<typeof InfisicalSecretsBackend>[0]> = {}) =>
      new InfisicalSecretsBackend({
        siteUrl: server.url,
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        projectId: server.projectId,
        environment: 'prod',
        ...overrides,
      });
    afterEach(async () => {
      await server?.stop();
    });

    it('should recover from an expired JWT (403 TokenError, the default TTL) without a restart', async () => {
      server = await FakeInfisicalServer.start({ accessTokenTTL: 3600 });
      const backend = backendOn(); // its clock does not see the server's: it learns of the expiry from the 403
      const ref = { orgId: 'acme', projectId: 'jwt-expiry', name: 'k' };
      await backend.create(ref, 'v');
      server.advance(3601_000);
      await expect(backend.get(ref)).resolves.toMatchObject({ value: 'v' });
      expect(server.requests.some((r) => r.status === 403)).toBe(true);
      await expect(backend.update(ref, 'w')).resolves.toMatchObject({ version: 2 });
      await expect(backend.healthCheck()).resolves.toBeUndefined();
    });

    it('should recover from an expired token row (401, TTL below max TTL) with a login that carries no stale bearer', async () => {
      server = await FakeInfisicalServer.start({ accessTokenTTL: 60, accessTokenMaxTTL: 3600 });
      const backend = backendOn();
      const ref = { orgId: 'acme', projectId: 'ttl-expiry', name: 'k' };
      await backend.create(ref, 'v');
      server.advance(61_000);
      await expect(backend.get(ref)).resolves.toMatchObject({ value: 'v' });
      expect(server.requests.some((r) => r.status === 401)).toBe(true);
      expect(loginsOf().every((r) => r.status === 200 && !r.authorized)).toBe(true);
      expect(loginsOf()).toHaveLength(2);
    });

    it('should renew the token before it expires, so no call is ever rejected', async () => {
      server = await FakeInfisicalServer.start({ accessTokenTTL: 600, accessTokenMaxTTL: 600 });
      const backend = backendOn({ now: () => server.now() });
      const ref = { orgId: 'acme', projectId: 'renewal', name: 'k' };
      await backend.create(ref, 'v');
      for (let i = 0; i < 5; i++) {
        server.advance(290_000);
        await expect(backend.get(ref)).resolves.toMatchObject({ value: 'v' });
      }
      expect(server.requests.filter((r) => r.status !== 200 && r.status !== 404)).toEqual([]);
      expect(loginsOf().length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('deadlines', () => {
    let server: FakeInfisicalServer;
    const backendOn = (overrides: Partial<ConstructorParameters<typeof InfisicalSecretsBackend>[0]> = {}) =>
      new InfisicalSecretsBackend({
        siteUrl: server.url,
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        projectId: server.projectId,
        environment: 'prod',
        ...overrides,
      });
    beforeEach(async () => {
      server = await FakeInfisicalServer.start();
    });
    afterEach(async () => {
      await server.stop();
    });
    const writes = () =>
      server.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/api/v3/secrets/raw/'));

    it("should give up at the caller's deadline on a frozen Infisical and never send the write again", async () => {
      const backend = backendOn();
      const ref = { orgId: 'acme', projectId: 'frozen', name: 'k' };
      await backend.create({ ...ref, name: 'warm-up' }, 'v'); // logged in, folders exist
      server.freeze();
      const started = Date.now();
      const err = await backend
        .create(ref, 'late', null, { signal: AbortSignal.timeout(300) })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DependencyUnavailableError);
      expect(err).toMatchObject({ details: { reason: 'deadline_exceeded' }, outcomeUnknown: true });
      expect(Date.now() - started).toBeLessThan(2_000);
      const sent = writes().length;
      // A real socket and deadline are the subject: watch the wire a while longer for a late retry.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(writes().length).toBe(sent); // no retry after the deadline
      server.thaw();
    }, 10_000);

    it('should bound a call by its own timeout when the caller gives no deadline', async () => {
      const backend = backendOn({ timeoutMs: 300 });
      await backend.healthCheck();
      server.freeze();
      const started = Date.now();
      await expect(backend.get({ orgId: 'acme', projectId: null, name: 'x' })).rejects.toThrow(
        DependencyUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
      server.thaw();
    }, 10_000);

    it('should not send anything once the deadline has passed', async () => {
      const backend = backendOn();
      const before = server.requests.length;
      const signal = AbortSignal.abort();
      await expect(
        backend.create({ orgId: 'acme', projectId: null, name: 'x' }, 'v', null, { signal }),
      ).rejects.toMatchObject({ outcomeUnknown: false });
      expect(server.requests.length).toBe(before);
    });

    it('should fail fast when Infisical is stopped', async () => {
      const backend = new InfisicalSecretsBackend({
        siteUrl: `http://127.0.0.1:${await closedPort()}`,
        clientId: 'c',
        clientSecret: 's',
        projectId: 'p',
        environment: 'prod',
      });
      const started = Date.now();
      await expect(backend.get({ orgId: 'acme', projectId: null, name: 'x' })).rejects.toThrow(
        DependencyUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(1_000);
    }, 10_000);
  });

  describe('rate limits', () => {
    let server: FakeInfisicalServer;
    const backendOn = (overrides: Partial<ConstructorParameters<typeof InfisicalSecretsBackend>[0]> = {}) =>
      new InfisicalSecretsBackend({
        siteUrl: server.url,
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        projectId: server.projectId,
        environment: 'prod',
        // Waiting moves the server's clock instead of sleeping.
        now: () => server.now(),
        sleep: async (ms) => server.advance(ms),
        ...overrides,
      });
    afterEach(async () => {
      await server?.stop();
    });

    it.each(['500', '429'] as const)(
      'should treat an over-limit answer (%s) as back-pressure within the deadline',
      async (style) => {
        server = await FakeInfisicalServer.start({ secretsRateLimit: 4, rateLimitStyle: style });
        const backend = backendOn({ timeoutMs: 120_000 });
        const scope = { orgId: 'acme', projectId: `limited-${style}` };
        for (let i = 0; i < 6; i++) await backend.create({ ...scope, name: `k${i}` }, `v${i}`);
        await expect(backend.list(scope)).resolves.toHaveLength(6);
        expect(server.requests.some((r) => r.status === Number(style))).toBe(true);
      },
    );

    it('should surface a typed rate-limit error with the wait when the deadline is too short', async () => {
      server = await FakeInfisicalServer.start({ secretsRateLimit: 4 });
      const backend = backendOn({ timeoutMs: 5_000 });
      const ref = { orgId: 'acme', projectId: 'short', name: 'k' };
      await backend.create(ref, 'v'); // secret create (404), two folder creates and the create again use the budget
      const err = await backend.get(ref).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppException);
      expect(err).toMatchObject({
        code: ErrorCode.RATE_LIMIT_EXCEEDED,
        status: 429,
        details: { dependency: 'infisical' },
      });
      expect((err as AppException).details.retry_after_s).toBeGreaterThanOrEqual(1);
    });
  });

  describe('folders', () => {
    const resource = { orgId: 'acme', projectId: 'folders', resourceUri: 'postgres://db:5432/gone' };
    const resourcePath = () =>
      fake.folderPaths('prod').filter((p) => p.startsWith('/acme/folders/resources/'));

    it("should remove a resource's folder once its last secret is gone", async () => {
      const backend = backendFor();
      await backend.create({ ...resource, name: 'credentials' }, 'a');
      await backend.create({ ...resource, name: 'token' }, 'b');
      expect(resourcePath()).toHaveLength(1);
      await backend.delete({ ...resource, name: 'token' });
      expect(resourcePath()).toHaveLength(1);
      await backend.delete({ ...resource, name: 'credentials' });
      expect(resourcePath()).toEqual([]);
      await backend.create({ ...resource, name: 'credentials' }, 'c');
      await expect(backend.deleteScope(resource)).resolves.toBe(1);
      expect(resourcePath()).toEqual([]);
      expect(fake.folderPaths('prod')).toContain('/acme/folders'); // only the resource's own folder goes
    });

    it('should not lose a write that lands in the folder while it is being removed', async () => {
      const backend = backendFor();
      const scope = { ...resource, resourceUri: 'postgres://db:5432/raced' };
      await backend.create({ ...scope, name: 'credentials' }, 'old');
      const folder = fake
        .folderPaths('prod')
        .find((p) => p.startsWith('/acme/folders/resources/postgres-db-5432-raced'))!;
      let planted = false;
      fake.beforeRoute = (method, path) => {
        // Another replica writes into the folder right after our emptiness check.
        if (!planted && path.startsWith('/api/v1/folders/') && (method === 'PATCH' || method === 'DELETE')) {
          planted = true;
          fake.plantSecret('prod', folder, 'credentials-v2', 'concurrent');
        }
      };
      try {
        await backend.delete({ ...scope, name: 'credentials' });
      } finally {
        fake.beforeRoute = null;
      }
      expect(planted).toBe(true);
      await expect(backend.get({ ...scope, name: 'credentials-v2' })).resolves.toMatchObject({
        value: 'concurrent',
      });
      expect(fake.folderPaths('prod').filter((p) => p.includes('__rm_'))).toEqual([]);
    });
    it('should move a raced write back when a writer re-created the folder meanwhile', async () => {
      const backend = backendFor();
      const scope = { ...resource, resourceUri: 'postgres://db:5432/raced-twice' };
      await backend.create({ ...scope, name: 'credentials' }, 'old');
      const folder = fake
        .folderPaths('prod')
        .find((p) => p.startsWith('/acme/folders/resources/postgres-db-5432-raced-twice'))!;
      let patches = 0;
      fake.beforeRoute = (method, path) => {
        if (method !== 'PATCH' || !path.startsWith('/api/v1/folders/')) return;
        patches++;
        // Before the rename: a write lands in the folder. Before the rename back: another writer,
        // finding the folder gone, re-creates it.
        fake.plantSecret(
          'prod',
          folder,
          patches === 1 ? 'credentials-v2' : 'token',
          patches === 1 ? 'raced' : 'recreated',
        );
      };
      try {
        await backend.delete({ ...scope, name: 'credentials' });
      } finally {
        fake.beforeRoute = null;
      }
      expect(patches).toBe(2);
      await expect(backend.list(scope)).resolves.toEqual([
        expect.objectContaining({ name: 'credentials-v2' }),
        expect.objectContaining({ name: 'token' }),
      ]);
      await expect(backend.get({ ...scope, name: 'credentials-v2' })).resolves.toMatchObject({
        value: 'raced',
      });
      expect(fake.folderPaths('prod').filter((p) => p.includes('__rm_'))).toEqual([]);
    });
  });

  describe('readiness', () => {
    it.each([
      ['INFISICAL_CLIENT_SECRET', { clientSecret: 'wrong-secret-value' }, 'wrong-secret-value'],
      ['INFISICAL_PROJECT_ID', { projectId: 'no-such-project' }, 'no-such-project'],
      ['INFISICAL_ENVIRONMENT', { environment: 'no-such-env' }, 'no-such-env'],
    ] as const)(
      'should name %s and what Infisical answered, never the value',
      async (variable, override, value) => {
        const err = await backendFor(override)
          .healthCheck()
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DependencyUnavailableError);
        const reason = String((err as AppException).details.reason);
        expect(reason).toContain(variable);
        expect(reason).toMatch(/\b(200|401|403|404|500)\b/); // the 2024 build answers 500 for an unknown project
        expect(`${reason} ${(err as Error).message}`).not.toContain(value);
      },
    );

    it('should answer writes under a wrong environment as an outage (503), not an internal error', async () => {
      await expect(
        backendFor({ environment: 'no-such-env' }).create({ orgId: 'acme', projectId: 'p', name: 'k' }, 'v'),
      ).rejects.toThrow(DependencyUnavailableError);
    });

    it('should name INFISICAL_SITE_URL when Infisical cannot be reached', async () => {
      const err = await backendFor({ siteUrl: `http://127.0.0.1:${await closedPort()}` })
        .healthCheck()
        .catch((e: unknown) => e);
      expect(String((err as AppException).details.reason)).toContain('INFISICAL_SITE_URL');
    });
  });

  it('should report bad credentials and outages as DependencyUnavailableError', async () => {
    await expect(backendFor({ clientSecret: 'wrong' }).healthCheck()).rejects.toThrow(
      DependencyUnavailableError,
    );
    await expect(
      backendFor({ clientSecret: 'wrong' }).get({ orgId: 'a', projectId: null, name: 'x' }),
    ).rejects.toThrow(DependencyUnavailableError);
    const backend = backendFor();
    await backend.healthCheck();
    fake.unavailable = true;
    try {
      await expect(backend.get({ orgId: 'a', projectId: null, name: 'x' })).rejects.toThrow(
        DependencyUnavailableError,
      );
      await expect(backend.healthCheck()).rejects.toThrow(DependencyUnavailableError);
    } finally {
      fake.unavailable = false;
    }
    const unreachable = backendFor({ siteUrl: `http://127.0.0.1:${await closedPort()}` });
    await expect(unreachable.healthCheck()).rejects.toThrow(DependencyUnavailableError);
  });

  it('should never send requests without a bearer token except the login', async () => {
    const res = await fetch(`${fake.url}/api/v3/secrets/raw?workspaceId=${fake.projectId}&environment=prod`);
    expect(res.status).toBe(401);
  });

  it('should be built by the factory from config', async () => {
    const config = loadSecretsConfig({
      SECRETS_BACKEND: 'infisical',
      INFISICAL_SITE_URL: fake.url,
      INFISICAL_CLIENT_ID: fake.clientId,
      INFISICAL_CLIENT_SECRET: fake.clientSecret,
      INFISICAL_PROJECT_ID: fake.projectId,
    });
    const backend = await createSecretsBackend(config);
    expect(backend.kind).toBe('infisical');
    await expect(backend.healthCheck()).resolves.toBeUndefined();
  });
});

/**
 * Opt-in: the same contract against a real Infisical, when INFISICAL_CONTRACT_SITE_URL,
 * _CLIENT_ID, _CLIENT_SECRET and _PROJECT_ID are set (_ENVIRONMENT defaults to prod). The
 * identity needs a project role that manages secrets and folders, and the server's secret rate
 * limit must be raised for a whole run (the default ~40 secret operations a minute is not enough).
 */
const realInfisical = {
  siteUrl: process.env.INFISICAL_CONTRACT_SITE_URL,
  clientId: process.env.INFISICAL_CONTRACT_CLIENT_ID,
  clientSecret: process.env.INFISICAL_CONTRACT_CLIENT_SECRET,
  projectId: process.env.INFISICAL_CONTRACT_PROJECT_ID,
  environment: process.env.INFISICAL_CONTRACT_ENVIRONMENT || 'prod',
};
const describeRealInfisical =
  realInfisical.siteUrl && realInfisical.clientId && realInfisical.clientSecret && realInfisical.projectId
    ? describe
    : describe.skip;

describeRealInfisical(
  `${InfisicalSecretsBackend.name} against a real Infisical (INFISICAL_CONTRACT_*)`,
  () => {
    const backendFor = (overrides: Partial<ConstructorParameters<typeof InfisicalSecretsBackend>[0]> = {}) =>
      new InfisicalSecretsBackend({
        siteUrl: realInfisical.siteUrl!,
        clientId: realInfisical.clientId!,
        clientSecret: realInfisical.clientSecret!,
        projectId: realInfisical.projectId!,
        environment: realInfisical.environment,
        ...overrides,
      });

    secretsBackendContract('infisical (real server)', async () => backendFor());

    it("should remove a resource's folder once its last secret is gone", async () => {
      const backend = backendFor();
      const orgId = `org-${randomBytes(5).toString('hex')}`;
      const resource = { orgId, projectId: 'p1', resourceUri: `data:${orgId}:p1:conn` };
      await backend.create({ ...resource, name: 'credentials-v1' }, 'v');
      await expect(backend.listResourceSecrets(orgId, { limit: 10 })).resolves.toMatchObject({
        items: [expect.objectContaining({ name: 'credentials-v1' })],
      });
      await expect(backend.delete({ ...resource, name: 'credentials-v1' })).resolves.toBe(true);
      await expect(backend.listResourceSecrets(orgId, { limit: 10 })).resolves.toEqual({
        items: [],
        nextCursor: null,
      });
      await expect(backend.removeLeftovers(orgId)).resolves.toBe(0);
      // The path works again after its folder was removed.
      await expect(backend.create({ ...resource, name: 'credentials-v2' }, 'w')).resolves.toMatchObject({
        version: 1,
      });
      await expect(backend.get({ ...resource, name: 'credentials-v2' })).resolves.toMatchObject({
        value: 'w',
      });
    });

    it.each([
      ['INFISICAL_CLIENT_SECRET', { clientSecret: 'wrong-secret-value' }, 'wrong-secret-value'],
      [
        'INFISICAL_PROJECT_ID',
        { projectId: '00000000-0000-4000-8000-00000000dead' },
        '00000000-0000-4000-8000-00000000dead',
      ],
      ['INFISICAL_PROJECT_ID', { projectId: 'not-a-uuid' }, 'not-a-uuid'],
      ['INFISICAL_ENVIRONMENT', { environment: 'no-such-env' }, 'no-such-env'],
    ] as const)(
      'should name %s in readiness and what Infisical answered, never the value',
      async (variable, override, value) => {
        const err = await backendFor(override)
          .healthCheck()
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DependencyUnavailableError);
        const reason = String((err as AppException).details.reason);
        expect(reason).toContain(variable);
        expect(`${reason} ${(err as Error).message}`).not.toContain(value);
      },
    );

    // Token expiry needs an identity whose tokens live a few seconds (INFISICAL_CONTRACT_SHORT_TTL_*):
    // with accessTokenTTL = accessTokenMaxTTL the server answers 403 TokenError, with TTL < max TTL 401.
    const shortTtl = {
      clientId: process.env.INFISICAL_CONTRACT_SHORT_TTL_CLIENT_ID,
      clientSecret: process.env.INFISICAL_CONTRACT_SHORT_TTL_CLIENT_SECRET,
    };
    const itShortTtl = shortTtl.clientId && shortTtl.clientSecret ? it : it.skip;
    async function tokenLifetimeMs(): Promise<number> {
      const res = await fetch(
        new URL('api/v1/auth/universal-auth/login', `${realInfisical.siteUrl!.replace(/\/?$/, '/')}`),
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(shortTtl),
        },
      );
      const { expiresIn } = (await res.json()) as { expiresIn: number };
      expect(expiresIn).toBeLessThanOrEqual(20);
      return expiresIn * 1000;
    }
    const realSleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    itShortTtl('should recover from a token the server rejects as expired, without a restart', async () => {
      const clock = Date.now();
      // A frozen clock: the adapter never renews early, so the server itself rejects the token.
      const backend = backendFor({
        clientId: shortTtl.clientId!,
        clientSecret: shortTtl.clientSecret!,
        now: () => clock,
      });
      const ref = { orgId: `org-${randomBytes(5).toString('hex')}`, projectId: 'ttl', name: 'k' };
      await backend.create(ref, 'v1');
      await realSleep((await tokenLifetimeMs()) + 1_500);
      await expect(backend.update(ref, 'v2')).resolves.toMatchObject({ version: 2 });
      await expect(backend.get(ref)).resolves.toMatchObject({ value: 'v2' });
      await expect(backend.healthCheck()).resolves.toBeUndefined();
    });

    itShortTtl('should renew the token before it expires', async () => {
      const backend = backendFor({ clientId: shortTtl.clientId!, clientSecret: shortTtl.clientSecret! });
      const ref = { orgId: `org-${randomBytes(5).toString('hex')}`, projectId: 'ttl', name: 'k' };
      await backend.create(ref, 'v1');
      await realSleep((await tokenLifetimeMs()) + 1_500);
      await expect(backend.get(ref)).resolves.toMatchObject({ value: 'v1' });
    });

    it('should answer a write under a wrong environment as an outage (503)', async () => {
      await expect(
        backendFor({ environment: 'no-such-env' }).create({ orgId: 'acme', projectId: 'p', name: 'k' }, 'v'),
      ).rejects.toThrow(DependencyUnavailableError);
    });
  },
);

describe(GcpSecretsBackend.name, () => {
  let fake: FakeGcpSecretManagerServer;
  const backends: GcpSecretsBackend[] = [];
  const backendFor = (token?: string) => {
    const backend = new GcpSecretsBackend({
      projectId: fake.projectId,
      endpoint: { apiEndpoint: '127.0.0.1', port: fake.port, protocol: 'http' },
      authClient: new StaticTokenAuthClient(token ?? fake.token),
      timeoutMs: 5_000,
    });
    backends.push(backend);
    return backend;
  };

  beforeAll(async () => {
    fake = await FakeGcpSecretManagerServer.start();
  });
  afterAll(async () => {
    for (const b of backends) await b.close();
    await fake.stop();
  });

  secretsBackendContract('gcp (fake server)', async () => backendFor());

  it('should speak the Secret Manager v1 REST wire format', async () => {
    const backend = backendFor();
    const ref = {
      orgId: 'Acme Corp',
      projectId: 'p1',
      resourceUri: 'snowflake://acct/db',
      name: 'credentials',
    };
    fake.requests.length = 0;
    await backend.create(ref, 'v', 'desc');
    await backend.get(ref);
    const id = gcpSecretId({ ...ref });
    const calls = fake.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual(
      expect.arrayContaining([
        `POST /v1/projects/${fake.projectId}/secrets`,
        `POST /v1/projects/${fake.projectId}/secrets/${id}:addVersion`,
        `PATCH /v1/projects/${fake.projectId}/secrets/${id}`,
        `GET /v1/projects/${fake.projectId}/secrets/${id}/versions/latest:access`,
      ]),
    );
    expect(fake.requests[0].query).toContain(`secretId=${id}`);
    expect(fake.requests.every((r) => r.query.includes('$alt=json%3Benum-encoding=int'))).toBe(true);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
    const stored = fake.secretMetadata(id)!;
    expect(stored.labels).toMatchObject({
      org: 'acme-corp',
      project: 'p1',
      level: 'resource',
      'managed-by': 'assets-platform',
    });
    expect(stored.annotations).toMatchObject({
      'secret-name': 'credentials',
      'org-id': 'Acme Corp',
      'resource-uri': 'snowflake://acct/db',
      description: 'desc',
      version: '1',
    });
  });

  it('should report bad credentials and outages as DependencyUnavailableError', async () => {
    const ref = { orgId: 'o', projectId: null, name: 'x' };
    await expect(backendFor('wrong-token').get(ref)).rejects.toThrow(DependencyUnavailableError);
    await expect(backendFor('wrong-token').healthCheck()).rejects.toThrow(DependencyUnavailableError);
    const backend = backendFor();
    fake.unavailable = true;
    try {
      const started = Date.now();
      await expect(backend.get(ref)).rejects.toThrow(DependencyUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000); // no retry loop on UNAVAILABLE
    } finally {
      fake.unavailable = false;
    }
  });

  it('should be built by the factory for an emulator endpoint without Google login', async () => {
    const emulator = await FakeGcpSecretManagerServer.start({ token: 'emulator' });
    try {
      const config = loadSecretsConfig({
        SECRETS_BACKEND: 'gcp',
        GCP_PROJECT_ID: emulator.projectId,
        GCP_SECRET_MANAGER_ENDPOINT: emulator.url,
      });
      const backend = (await createSecretsBackend(config)) as GcpSecretsBackend;
      backends.push(backend);
      expect(backend.kind).toBe('gcp');
      await backend.create({ orgId: 'o', projectId: null, name: 'n' }, 'v');
      await expect(backend.get({ orgId: 'o', projectId: null, name: 'n' })).resolves.toMatchObject({
        value: 'v',
      });
    } finally {
      await emulator.stop();
    }
  });
});
