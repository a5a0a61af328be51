// Runs one app's database migrations and exits: the apps have no migrate-only command, so this calls
// the same openDatabase() they call at start (migrations under a PostgreSQL advisory lock, so it is safe
// beside replicas that also migrate). Usage: APP=governance|assets node migrate.mjs
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const app = process.env.APP;
const apps = {
  governance: { module: 'apps/governance/src/database/index.js', prefix: 'GOVERNANCE' },
  assets: { module: 'apps/assets/src/database/index.js', prefix: 'ASSETS' },
};
const target = apps[app];
if (!target) {
  console.error(`APP must be governance or assets, got ${JSON.stringify(app)}`);
  process.exit(2);
}
const url = process.env[`${target.prefix}_DATABASE_URL`];
if (!url) {
  // Without a URL openDatabase would start an embedded PGlite: migrating that from a Job is pointless.
  console.error(`${target.prefix}_DATABASE_URL is required`);
  process.exit(2);
}
const dist = process.env.DIST_ROOT ?? '/app/dist';
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { openDatabase } = await load('libs/database/src/index.js');
const schema = await load(target.module);
const migrations = schema[`${target.prefix}_MIGRATIONS`];
const database = await openDatabase({
  app,
  url,
  dataDir: '/tmp',
  entities: schema[`${target.prefix}_ENTITIES`],
  migrations,
  runMigrations: true,
  poolMax: 2, // the advisory lock holds one connection while the migrations run on another
  // DDL on a large table may take longer than a request's statement timeout; 0 = none.
  statementTimeoutMs: Number(process.env.DB_STATEMENT_TIMEOUT_MS ?? 0),
});
try {
  const applied = await database.dataSource.query('SELECT count(*)::int AS n FROM migrations');
  console.log(`${app}: schema up to date (${applied[0].n} migrations applied, ${migrations.length} known)`);
} finally {
  await database.close();
}
