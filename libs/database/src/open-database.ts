import { join } from 'node:path';
import type pg from 'pg';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { Tracing } from '@app/core';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.lazy.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { preparedPgClient } from './prepared-pg-client.js';
import { pgTargetOf, tracedPgClient } from './traced-pg-client.js';

export interface OpenDatabaseOptions {
  app: string;
  url?: string;
  dataDir: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  runMigrations: boolean;
  poolMax: number;
  statementTimeoutMs: number;
  /** Embedded only: keep data in memory (tests). */
  inMemory?: boolean;
  /** With tracing on, every query made for a traced request is a span (summary only, never values). */
  tracing?: Tracing;
  /** Prepare repeated statements once per connection (external PostgreSQL only; default true). */
  preparedStatements?: boolean;
}

export interface Database {
  dataSource: DataSource;
  /** The pg pool TypeORM runs on, for adapters that speak SQL directly. */
  pool: pg.Pool;
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

/**
 * The pool's Client class: traced when tracing is on, preparing repeated statements on an external
 * PostgreSQL. PGlite serves every pooled client from one backend session, whose prepared
 * statement names they would share, so it never prepares.
 */
function clientOption(
  options: OpenDatabaseOptions,
  url: string,
  embedded: boolean,
): { Client?: typeof pg.Client } {
  const traced = options.tracing?.enabled ? tracedPgClient(options.tracing, pgTargetOf(url)) : undefined;
  if (embedded || options.preparedStatements === false) return traced ? { Client: traced } : {};
  return { Client: preparedPgClient(traced) };
}

/**
 * Opens the app's database: the given URL, or an embedded PGlite under DATA_DIR.
 * Migrations run under an advisory lock so replicas starting together do not race.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const embedded = options.url
    ? null
    : await startEmbeddedPostgres({
        dataDir: options.inMemory ? null : join(options.dataDir, 'pglite', options.app),
      });
  const url = options.url ?? embedded!.url;
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // PGlite serializes transactions; a small pool avoids queueing behind one another.
    extra: {
      max: embedded ? Math.min(options.poolMax, 4) : options.poolMax,
      statement_timeout: options.statementTimeoutMs,
      connectionTimeoutMillis: 5000,
      application_name: options.app,
      // This pool's clients only (pg's `Client` option).
      ...clientOption(options, url, embedded !== null),
    },
  });
  try {
    await dataSource.initialize();
    if (options.runMigrations) await runMigrationsLocked(dataSource, options.app);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  return {
    dataSource,
    pool,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

async function runMigrationsLocked(dataSource: DataSource, app: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`${app}:migrations`]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`${app}:migrations`]);
    }
  } finally {
    await runner.release();
  }
}
