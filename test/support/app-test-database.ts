import { type Database, openDatabase } from '@app/database';
import { createTestDatabase } from '@app/testing';
import { ASSETS_ENTITIES, ASSETS_MIGRATIONS } from '../../apps/assets/src/database/assets-migrations.js';
import {
  GOVERNANCE_ENTITIES,
  GOVERNANCE_MIGRATIONS,
} from '../../apps/governance/src/database/governance-migrations.js';

const SCHEMAS = {
  assets: { entities: ASSETS_ENTITIES, migrations: ASSETS_MIGRATIONS },
  governance: { entities: GOVERNANCE_ENTITIES, migrations: GOVERNANCE_MIGRATIONS },
};

/**
 * A fresh database of its own (PostgreSQL, or PGlite) with the app's migrations run, for tests of
 * its repositories. `close()` also drops it.
 */
export async function openAppTestDatabase(app: keyof typeof SCHEMAS, prefix: string): Promise<Database> {
  const testDb = await createTestDatabase(prefix);
  let db: Database;
  try {
    db = await openDatabase({
      app,
      url: testDb.url,
      dataDir: '/tmp',
      inMemory: true,
      ...SCHEMAS[app],
      runMigrations: true,
      poolMax: 4,
      statementTimeoutMs: 10_000,
      // PGlite's wire server gives every client one shared session (no per-client statements).
      preparedStatements: testDb.kind !== 'embedded',
    });
  } catch (error) {
    await testDb.drop();
    throw error;
  }
  return {
    ...db,
    async close() {
      await db.close();
      await testDb.drop();
    },
  };
}
