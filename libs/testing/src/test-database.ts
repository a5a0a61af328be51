import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server integration and e2e tests use; CI starts it. Override with TEST_POSTGRES_URL. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** `TEST_DB=embedded` runs suites on PGlite instead (the zero-config default). */
export const useEmbeddedDatabase = (): boolean => process.env.TEST_DB === 'embedded';

export interface TestDatabase {
  /** Undefined in embedded mode: the app then starts its own PGlite, as on a fresh machine. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh database per test file, so suites never see each other's rows. */
export async function createTestDatabase(prefix = 'it'): Promise<TestDatabase> {
  if (useEmbeddedDatabase()) return { url: undefined, drop: async () => undefined };
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
