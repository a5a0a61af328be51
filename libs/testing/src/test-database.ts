import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '@app/database';

/** The server integration and e2e tests use; CI starts it. Override with TEST_POSTGRES_URL. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabaseKind = 'postgres' | 'embedded';

let resolvedKind: Promise<TestDatabaseKind> | undefined;

/**
 * `TEST_DB=postgres` (CI) requires the real server, `TEST_DB=embedded` uses PGlite, and unset
 * probes the real server and falls back to PGlite, so `npm test` passes on a bare machine.
 */
export function testDatabaseKind(): Promise<TestDatabaseKind> {
  resolvedKind ??= (async () => {
    if (process.env.TEST_DB === 'postgres' || process.env.TEST_DB === 'embedded') return process.env.TEST_DB;
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      return 'postgres';
    } catch {
      return 'embedded';
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return resolvedKind;
}

export interface TestDatabase {
  kind: TestDatabaseKind;
  /**
   * A fresh database. With `forApp` in embedded mode it is undefined, so the app under test
   * starts its own PGlite exactly as on a fresh machine.
   */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh database per test file, so suites never see each other's rows. */
export async function createTestDatabase(
  prefix = 'it',
  options: { forApp?: boolean } = {},
): Promise<TestDatabase> {
  const kind = await testDatabaseKind();
  if (kind === 'embedded') {
    if (options.forApp) return { kind, url: undefined, drop: async () => undefined };
    const server = await startEmbeddedPostgres({ dataDir: null });
    return { kind, url: server.url, drop: () => server.stop() };
  }
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
