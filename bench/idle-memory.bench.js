// Idle memory and start time of each app, started STANDALONE the way production runs them
// (`node dist/apps/<app>/src/main.js`, one process per app), on real PostgreSQL and on embedded
// PGlite. Targets (issue #14): idle RSS ≤ 150 MiB per app with PostgreSQL, ready ≤ 3 s.
//
// Per mode it starts Governance, waits for its /health/ready, then Assets (it needs Governance's
// dev OpenFGA endpoint, dev issuer and internal readiness), and measures:
// - ready: from spawn to the first 200 of /health/ready (polled every 25 ms), node start-up included;
// - idle RSS: VmRSS from /proc/<pid>/status after BENCH_IDLE_SETTLE_MS (10 s) with no traffic but
//   the readiness probe itself, plus VmHWM (the start-up peak) and the V8 heap split that a tiny
//   --import probe writes on SIGUSR2 (heap used/total, external, array buffers, code space);
// - loaded modules (a separate pass, so the hook does not skew the figures above): every module
//   URL the process resolved, counted per package with the bytes of its files, top packages first,
//   and the driver/cloud SDKs that are loaded although nothing configured them.
// Modes: `postgres` (fresh databases <prefix>_gov / <prefix>_assets, dropped at the end),
// `pglite` (a fresh DATA_DIR: the first start includes initdb) and `pglite-warm` (the same
// DATA_DIR started again). The apps run in development mode (dev issuer, embedded authz and
// secrets), with reconciler off so idle means idle.
//
// Run: npm run build && npm exec -- node bench/idle-memory.bench.js
// Env: BENCH_POSTGRES_URL (postgres://postgres@127.0.0.1:5432/), BENCH_IDLE_MODES
// (postgres,pglite,pglite-warm), BENCH_IDLE_SETTLE_MS (10000), BENCH_IDLE_PORT_BASE (19310: ten
// ports from it), BENCH_IDLE_DB_PREFIX (bench_idle_<rand>), BENCH_IDLE_MODULES (1 = census pass),
// BENCH_IDLE_TOP (15), BENCH_IDLE_JSON (path: also write the figures as JSON),
// BENCH_IDLE_HEAP_SNAPSHOT (1 = in the census pass, also a heap snapshot of each app, summarised
// by V8 node type and by constructor: what the idle heap holds), BENCH_IDLE_NODE_OPTIONS (flags
// for the apps, e.g. the production heap flags).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const MODES = (process.env.BENCH_IDLE_MODES ?? 'postgres,pglite,pglite-warm').split(',').map((m) => m.trim());
const SETTLE_MS = Number(process.env.BENCH_IDLE_SETTLE_MS ?? 10_000);
const PORT_BASE = Number(process.env.BENCH_IDLE_PORT_BASE ?? 19310);
const DB_PREFIX = process.env.BENCH_IDLE_DB_PREFIX ?? `bench_idle_${Math.random().toString(36).slice(2, 8)}`;
const MODULE_CENSUS = process.env.BENCH_IDLE_MODULES !== '0';
const TOP = Number(process.env.BENCH_IDLE_TOP ?? 15);
const HEAP_SNAPSHOT = process.env.BENCH_IDLE_HEAP_SNAPSHOT === '1';
const READY_DEADLINE_MS = 120_000;
const MiB = 1024 * 1024;
const TARGET = { rssMiB: 150, readyMs: 3000 };

/** SDKs that only a configured connection type, storage or secrets backend should load. */
const ON_DEMAND_SDKS = JSON.parse(
  readFileSync(fileURLToPath(new URL('./lib/on-demand-packages.json', import.meta.url)), 'utf8'),
).both;

/**
 * The --import probe: on SIGUSR2 it writes memory figures (and with IDLE_PROBE_MODULES the URL of
 * every module resolved so far) to IDLE_PROBE_OUT. It holds nothing but a Set of URLs when asked to.
 */
const PROBE_SOURCE = `
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';
const snapshot = process.env.IDLE_PROBE_SNAPSHOT;
const urls = process.env.IDLE_PROBE_MODULES === '1' ? new Set() : null;
if (urls) registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); urls.add(r.url); return r; } });
process.on('SIGUSR2', () => {
  if (snapshot && urls) v8.writeHeapSnapshot(snapshot);
  writeFileSync(process.env.IDLE_PROBE_OUT, JSON.stringify({
    memory: process.memoryUsage(),
    heap: v8.getHeapStatistics(),
    spaces: v8.getHeapSpaceStatistics(),
    modules: urls ? [...urls] : null,
  }));
});
`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes) => (bytes / MiB).toFixed(1);

function statusKiB(pid, field) {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : NaN;
}

async function withAdmin(fn) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function dbUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function environment(dataDir, databases) {
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    DATA_DIR: dataDir,
    GOVERNANCE_HOST: '127.0.0.1',
    ASSETS_HOST: '127.0.0.1',
    METRICS_HOST: '127.0.0.1',
    GOVERNANCE_PORT: String(PORT_BASE),
    ASSETS_PORT: String(PORT_BASE + 1),
    EMBEDDED_OPENFGA_PORT: String(PORT_BASE + 2),
    GOVERNANCE_METRICS_PORT: String(PORT_BASE + 3),
    ASSETS_METRICS_PORT: String(PORT_BASE + 4),
    RECONCILE_INTERVAL_MS: '0',
  };
  // Production passes heap flags in NODE_OPTIONS (Dockerfile, deploy/k8s); the bench passes only
  // BENCH_IDLE_NODE_OPTIONS, so a caller's own NODE_OPTIONS cannot skew the figures.
  if (process.env.BENCH_IDLE_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_IDLE_NODE_OPTIONS;
  else delete env.NODE_OPTIONS;
  delete env.GOVERNANCE_DATABASE_URL;
  delete env.ASSETS_DATABASE_URL;
  if (databases) {
    env.GOVERNANCE_DATABASE_URL = dbUrl(databases.governance);
    env.ASSETS_DATABASE_URL = dbUrl(databases.assets);
  }
  return env;
}

/** Spawns one app and resolves once /health/ready answers 200, with the time it took. */
async function startApp(app, env, probeFile, outFile, census) {
  const port = app === 'governance' ? env.GOVERNANCE_PORT : env.ASSETS_PORT;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', probeFile, join(ROOT, `dist/apps/${app}/src/main.js`)], {
    env: {
      ...env,
      IDLE_PROBE_OUT: outFile,
      IDLE_PROBE_MODULES: census ? '1' : '0',
      ...(census && HEAP_SNAPSHOT ? { IDLE_PROBE_SNAPSHOT: `${outFile}.heapsnapshot` } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  for (;;) {
    if (exited) throw new Error(`${app} exited (${JSON.stringify(exited)}) before ready:\n${stderr}`);
    if (performance.now() - started > READY_DEADLINE_MS) {
      child.kill('SIGKILL');
      throw new Error(`${app} not ready within ${READY_DEADLINE_MS} ms:\n${stderr}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`, {
        signal: AbortSignal.timeout(1000),
      });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  return { app, child, readyMs: performance.now() - started, outFile, stderr: () => stderr };
}

async function probe(running) {
  if (existsSync(running.outFile)) await rm(running.outFile);
  running.child.kill('SIGUSR2');
  for (let i = 0; i < 2400 && !existsSync(running.outFile); i++) await sleep(25);
  await sleep(50);
  return JSON.parse(readFileSync(running.outFile, 'utf8'));
}

async function stop(running) {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the pair, lets it settle, measures; census = record modules instead of memory figures. */
async function runPair(mode, dataDir, databases, probeFile, census) {
  const env = environment(dataDir, databases);
  const started = [];
  try {
    const governance = await startApp(
      'governance',
      env,
      probeFile,
      join(dataDir, `probe-gov-${mode}.json`),
      census,
    );
    started.push(governance);
    const assets = await startApp(
      'assets',
      env,
      probeFile,
      join(dataDir, `probe-assets-${mode}.json`),
      census,
    );
    started.push(assets);
    await sleep(census ? 1000 : SETTLE_MS);
    const results = [];
    for (const running of started) {
      const rssKiB = statusKiB(running.child.pid, 'VmRSS');
      const hwmKiB = statusKiB(running.child.pid, 'VmHWM');
      const anonKiB = statusKiB(running.child.pid, 'RssAnon');
      const fileKiB = statusKiB(running.child.pid, 'RssFile');
      const figures = await probe(running);
      const heap = census && HEAP_SNAPSHOT ? summariseSnapshot(`${running.outFile}.heapsnapshot`) : undefined;
      results.push({
        app: running.app,
        readyMs: running.readyMs,
        rssKiB,
        hwmKiB,
        anonKiB,
        fileKiB,
        ...figures,
        heapSummary: heap,
      });
    }
    return results;
  } finally {
    for (const running of started.reverse()) await stop(running);
  }
}

/** Shallow bytes per V8 node type (code, strings, closures…) and per constructor of objects. */
function summariseSnapshot(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const { node_fields: fields, node_types: nodeTypes } = snap.snapshot.meta;
  const types = nodeTypes[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const byType = new Map();
  const byConstructor = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + iType]];
    const size = snap.nodes[i + iSize];
    byType.set(type, (byType.get(type) ?? 0) + size);
    if (type === 'object' || type === 'closure' || type === 'array' || type === 'code') {
      const name = `${type}:${snap.strings[snap.nodes[i + iName]]}`.slice(0, 60);
      const entry = byConstructor.get(name) ?? { count: 0, size: 0 };
      entry.count += 1;
      entry.size += size;
      byConstructor.set(name, entry);
    }
  }
  return {
    byType: [...byType].sort((a, b) => b[1] - a[1]),
    byConstructor: [...byConstructor].sort((a, b) => b[1].size - a[1].size).slice(0, TOP),
  };
}

/** node_modules package of a file URL, or the app's own tree / node builtins. */
function packageOf(url) {
  if (!url.startsWith('file:')) return url.startsWith('node:') ? '(node builtins)' : '(other)';
  const path = fileURLToPath(url);
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return path.includes('/dist/') ? '(project dist)' : '(project)';
  const [first, second] = path.slice(at + '/node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

function census(urls) {
  const byPackage = new Map();
  for (const url of urls) {
    const name = packageOf(url);
    const entry = byPackage.get(name) ?? { name, modules: 0, bytes: 0 };
    entry.modules += 1;
    if (url.startsWith('file:')) {
      try {
        entry.bytes += statSync(fileURLToPath(url)).size;
      } catch {
        // a resolved file that is gone
      }
    }
    byPackage.set(name, entry);
  }
  const packages = [...byPackage.values()].sort((a, b) => b.bytes - a.bytes);
  return {
    modules: urls.length,
    packages: packages.length,
    top: packages.slice(0, TOP),
    onDemandLoaded: ON_DEMAND_SDKS.filter((sdk) => byPackage.has(sdk)),
  };
}

function printTable(rows) {
  const header = [
    'mode',
    'app',
    'ready ms',
    'idle RSS MiB',
    'anon',
    'file',
    'peak MiB',
    'heap used',
    'heap total',
    'external',
    'code',
  ];
  const lines = rows.map((r) => [
    r.mode,
    r.app,
    r.readyMs.toFixed(0),
    (r.rssKiB / 1024).toFixed(1),
    (r.anonKiB / 1024).toFixed(1),
    (r.fileKiB / 1024).toFixed(1),
    (r.hwmKiB / 1024).toFixed(1),
    mib(r.memory.heapUsed),
    mib(r.memory.heapTotal),
    mib(r.memory.external),
    mib(r.spaces.find((s) => s.space_name === 'code_space')?.space_used_size ?? 0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(fmt(header));
  for (const line of lines) console.log(fmt(line));
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/apps/assets/src/main.js'))) throw new Error('run `npm run build` first');
  const work = await mkdtemp(join(tmpdir(), 'idle-memory-'));
  const probeFile = join(work, 'probe.mjs');
  writeFileSync(probeFile, PROBE_SOURCE);
  const databases = { governance: `${DB_PREFIX}_gov`, assets: `${DB_PREFIX}_assets` };
  const rows = [];
  const censuses = [];
  let pgliteDir = null;
  try {
    for (const mode of MODES) {
      if (mode === 'postgres') {
        await withAdmin(async (c) => {
          for (const db of Object.values(databases)) {
            await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
            await c.query(`CREATE DATABASE "${db}"`);
          }
        });
        const dataDir = await mkdtemp(join(work, 'pg-'));
        for (const r of await runPair(mode, dataDir, databases, probeFile, false)) rows.push({ mode, ...r });
        if (MODULE_CENSUS)
          for (const r of await runPair(mode, dataDir, databases, probeFile, true))
            censuses.push({ mode, app: r.app, ...census(r.modules), heapSummary: r.heapSummary });
      } else if (mode === 'pglite' || mode === 'pglite-warm') {
        if (mode === 'pglite' || !pgliteDir) pgliteDir = await mkdtemp(join(work, 'pglite-'));
        for (const r of await runPair(mode, pgliteDir, null, probeFile, false)) rows.push({ mode, ...r });
      } else {
        throw new Error(`unknown mode ${mode}`);
      }
    }
  } finally {
    if (MODES.includes('postgres'))
      await withAdmin(async (c) => {
        for (const db of Object.values(databases))
          await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      }).catch((error) => console.error(`could not drop the bench databases: ${error.message}`));
    await rm(work, { recursive: true, force: true });
  }

  console.log(
    `\nIdle memory and start (standalone, dev mode, settle ${SETTLE_MS} ms, node ${process.version})`,
  );
  console.log(
    `targets: idle RSS ≤ ${TARGET.rssMiB} MiB per app on PostgreSQL, ready ≤ ${TARGET.readyMs} ms\n`,
  );
  printTable(rows);
  for (const c of censuses) {
    console.log(
      `\n${c.app} (${c.mode}): ${c.modules} modules from ${c.packages} packages; top by source bytes:`,
    );
    for (const p of c.top)
      console.log(
        `  ${p.name.padEnd(40)} ${String(p.modules).padStart(5)} modules  ${mib(p.bytes).padStart(6)} MiB`,
      );
    console.log(
      `  on-demand SDKs loaded at idle: ${c.onDemandLoaded.length ? c.onDemandLoaded.join(', ') : 'none'}`,
    );
    if (c.heapSummary) {
      console.log(`  heap snapshot, shallow MiB by V8 node type:`);
      console.log(`    ${c.heapSummary.byType.map(([t, b]) => `${t} ${mib(b)}`).join(', ')}`);
      console.log(`  top constructors (objects, closures, arrays, code) by shallow size:`);
      for (const [name, { count, size }] of c.heapSummary.byConstructor)
        console.log(`    ${name.padEnd(60)} ${String(count).padStart(7)}  ${mib(size).padStart(6)} MiB`);
    }
  }
  const onPostgres = rows.filter((r) => r.mode === 'postgres');
  const verdict = onPostgres.map(
    (r) =>
      `${r.app}: RSS ${(r.rssKiB / 1024).toFixed(0)} MiB ${r.rssKiB / 1024 <= TARGET.rssMiB ? 'ok' : 'OVER'}, ` +
      `ready ${r.readyMs.toFixed(0)} ms ${r.readyMs <= TARGET.readyMs ? 'ok' : 'OVER'}`,
  );
  if (verdict.length) console.log(`\nsummary (postgres): ${verdict.join('; ')}`);
  if (process.env.BENCH_IDLE_JSON) {
    const strip = ({ modules, spaces, ...rest }) => ({
      ...rest,
      spaces: Object.fromEntries(
        spaces
          .filter((s) => s.space_size > 0)
          .map((s) => [s.space_name, { used: s.space_used_size, physical: s.physical_space_size }]),
      ),
    });
    writeFileSync(process.env.BENCH_IDLE_JSON, JSON.stringify({ rows: rows.map(strip), censuses }, null, 2));
  }
}

await main();
