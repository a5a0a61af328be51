import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { testDatabaseKind } from '@app/testing';

const require = createRequire(import.meta.url);

/** The installed PGlite's version: a cluster made by another version is never reused. */
function pgliteVersion(): string {
  const entry = require.resolve('@electric-sql/pglite');
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

let made: Promise<string> | undefined;

/**
 * One empty cluster, as PGlite's initdb makes it on a first start, kept in the temp dir per PGlite
 * version. Built in a directory of its own and renamed into place, so workers racing to build it
 * never see half of one.
 */
function freshClusterTemplate(): Promise<string> {
  made ??= (async () => {
    const template = join(tmpdir(), `pglite-fresh-cluster-${pgliteVersion()}`);
    if (existsSync(join(template, 'PG_VERSION'))) return template;
    const building = mkdtempSync(join(tmpdir(), 'pglite-fresh-cluster-building-'));
    const db = await PGlite.create(building, { extensions: { pg_trgm, btree_gin } });
    await db.close();
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another worker's copy won
    }
    return template;
  })();
  return made;
}

/**
 * On PGlite (TEST_DB=embedded), gives `app` under `dataDir` the cluster initdb would make on its
 * first start, so each e2e suite skips the 3-4 s initdb per app. The app still opens it, migrates it
 * and serves it as on a fresh machine; the smoke walks in .ci/run start from a truly empty DATA_DIR.
 */
export async function seedFreshCluster(dataDir: string, app: 'governance' | 'assets'): Promise<void> {
  if ((await testDatabaseKind()) !== 'embedded') return;
  const target = join(dataDir, 'pglite', app);
  if (existsSync(target)) return;
  cpSync(await freshClusterTemplate(), target, { recursive: true });
}
