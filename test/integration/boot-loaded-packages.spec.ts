import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { BuiltAppProcess, buildApps, freePort } from '../support/built-app.js';

/**
 * SDKs that only a connection type's first verification, the first SSH tunnel (ssh2), the first
 * use of an object store or a configured secrets backend may load (also tracing, the model
 * compiler, PGlite). Each costs megabytes of idle memory (issue #14), and most deployments use a
 * few of them. Governance evaluates policy with its embedded engine: the OpenFGA client SDK is
 * Assets' alone.
 */
const { both: ON_DEMAND, governance: GOVERNANCE_ON_DEMAND } = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../bench/lib/on-demand-packages.json', import.meta.url)), 'utf8'),
) as { both: string[]; governance: string[] };

/** Preloaded into each app: writes the URL of every module it resolved when the process exits. */
const RECORDER = `
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const urls = new Set();
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); urls.add(r.url); return r; } });
process.on('exit', () => writeFileSync(process.env.LOADED_MODULES_OUT, JSON.stringify([...urls])));
`;

function packagesIn(file: string): Set<string> {
  const urls = JSON.parse(readFileSync(file, 'utf8')) as string[];
  const packages = new Set<string>();
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const path = fileURLToPath(url);
    const at = path.lastIndexOf('/node_modules/');
    if (at < 0) continue;
    const [first, second] = path.slice(at + '/node_modules/'.length).split('/');
    packages.add(first!.startsWith('@') ? `${first}/${second}` : first!);
  }
  return packages;
}

/**
 * The built apps started as production starts them (one process each, dev mode, no storage
 * or secrets backend configured beyond the defaults) load no driver or cloud SDK at boot.
 */
describe('Packages loaded when the built apps boot', () => {
  let dataDir: string;
  const databases: TestDatabase[] = [];
  const apps: BuiltAppProcess[] = [];
  let loaded: { governance: Set<string>; assets: Set<string> };

  beforeAll(async () => {
    await buildApps();
    dataDir = mkdtempSync(join(tmpdir(), 'boot-packages-'));
    const recorder = join(dataDir, 'recorder.mjs');
    writeFileSync(recorder, RECORDER);
    const [governanceDb, assetsDb] = await Promise.all([
      createTestDatabase('boot_gov', { forApp: true }),
      createTestDatabase('boot_assets', { forApp: true }),
    ]);
    databases.push(governanceDb, assetsDb);
    const env: NodeJS.ProcessEnv = {
      NODE_OPTIONS: `--import=${recorder}`,
      DATA_DIR: dataDir,
      GOVERNANCE_PORT: String(await freePort()),
      ASSETS_PORT: String(await freePort()),
      EMBEDDED_OPENFGA_PORT: String(await freePort()),
      GOVERNANCE_METRICS_PORT: '0',
      ASSETS_METRICS_PORT: '0',
      RECONCILE_INTERVAL_MS: '0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      ...(governanceDb.url ? { GOVERNANCE_DATABASE_URL: governanceDb.url } : {}),
      ...(assetsDb.url ? { ASSETS_DATABASE_URL: assetsDb.url } : {}),
    };
    const out = { governance: join(dataDir, 'governance.json'), assets: join(dataDir, 'assets.json') };
    const governance = await BuiltAppProcess.start('apps/governance/src/main.js', {
      ...env,
      LOADED_MODULES_OUT: out.governance,
    });
    apps.push(governance);
    await governance.waitForLine('Nest application successfully started');
    const assets = await BuiltAppProcess.start('apps/assets/src/main.js', {
      ...env,
      LOADED_MODULES_OUT: out.assets,
    });
    apps.push(assets);
    await assets.waitForLine('Nest application successfully started');
    for (const app of [assets, governance]) {
      app.signal('SIGTERM');
      await app.exited;
    }
    loaded = { governance: packagesIn(out.governance), assets: packagesIn(out.assets) };
  });

  afterAll(async () => {
    for (const app of apps) await app.stop();
    for (const db of databases) await db.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('should record the packages each app did load', () => {
    for (const packages of [loaded.governance, loaded.assets]) {
      expect(packages).toContain('@nestjs/core');
      expect(packages).toContain('fastify');
    }
  });

  it('should load no connection driver, storage or cloud secrets SDK in Assets', () => {
    expect(ON_DEMAND.filter((name) => loaded.assets.has(name))).toEqual([]);
  });

  it('should load no connection driver, storage or cloud secrets SDK in Governance', () => {
    expect([...ON_DEMAND, ...GOVERNANCE_ON_DEMAND].filter((name) => loaded.governance.has(name))).toEqual([]);
  });
});
