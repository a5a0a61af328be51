// Data-connection performance (issues #3 and #14): measured side by side in one run against real PostgreSQL.
//   1. GET /assets/data/{uri} (RS256 token, OpenFGA check over HTTP, DB read) vs a bare Fastify + pg
//      server running the same SQL on the same database: closed loop (autocannon) and open loop
//      (a fixed rate, latency from each request's due time);
//   2. GET /assets/data?search=… over 1M rows (100k in the caller's project): p50/p95 and EXPLAIN;
//   3. GET /assets/data/{uri}/secret (Governance call + audit event per request) vs #1.
// As in production, Assets runs alone in its own process (node dist/apps/assets/src/main.js), and
// Governance with its dev OpenFGA endpoint in another (lib/services.js); the baseline and the load
// generators each have their own process too. This process only seeds, drives and reports.
// Run: npm run build && npm exec -- node bench/connections.bench.js
// Knobs: BENCH_ROWS (1000000), BENCH_PROJECT_ROWS (100000), BENCH_DURATION (10 s), BENCH_WARMUP (3 s),
// BENCH_CONNECTIONS (32), BENCH_ROUNDS (2), BENCH_OPEN_RATE (1000), BENCH_OPEN_DURATION (10 s),
// BENCH_LIST_REQUESTS (200), BENCH_URIS (100: connections the GET and secret loads spread over), BENCH_JSON (write the figures there), BENCH_POSTGRES_URL, and those of
// lib/services.js (BENCH_ROOT, BENCH_PORT_BASE, BENCH_TMP, BENCH_*_NODE_OPTIONS, BENCH_LOG_LEVEL).
import os from 'node:os';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ROOT, rssOf, startBaseline, startServices } from './lib/services.js';
import { runLoad, runOpenLoopOver } from './lib/load.js';
import { bulkLoad } from './lib/dataset.js';
import { api, ORG, PROJECT, seedConnections, USER } from './lib/seed.js';
import { median } from './lib/stats.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PROJECT_ROWS = Number(process.env.BENCH_PROJECT_ROWS ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const OPEN_RATE = Number(process.env.BENCH_OPEN_RATE ?? 1000);
const OPEN_DURATION = Number(process.env.BENCH_OPEN_DURATION ?? 10);
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 200);
const URIS = Number(process.env.BENCH_URIS ?? 100);
const SQL_CAPTURE = fileURLToPath(new URL('./lib/sql-capture.js', import.meta.url));

/** Search terms by selectivity; the run prints how many rows each matches (see lib/dataset.js). */
const SEARCH_TERMS = [
  ['rare', 'zephyrine'],
  ['medium', 'billing'],
  ['medium-desc', 'fraud'],
  ['common', 'replica'],
];

const log = (...args) => console.log(...args);
const ms = (n) => (n === undefined || n === null ? 'n/a' : `${Number(n).toFixed(2)} ms`);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Statements Assets sent while `fn` ran (it runs with lib/sql-capture.js preloaded). */
async function captureQueries(file, fn) {
  const before = existsSync(file) ? readFileSync(file, 'utf8').length : 0;
  await fn();
  return readFileSync(file, 'utf8')
    .slice(before)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** Closed loop over `paths` (one at random per request): warm-up, then the measured run; throws on any non-2xx. */
async function load(label, url, headers, paths) {
  await runLoad({ url, paths, connections: CONNECTIONS, duration: WARMUP, headers });
  const result = await runLoad({ url, paths, connections: CONNECTIONS, duration: DURATION, headers });
  const bad = result.non2xx + result.errors + result.timeouts;
  log(
    `  ${label.padEnd(34)} ${result.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${ms(result.latency.p50)}  p90 ${ms(result.latency.p90)}  p99 ${ms(result.latency.p99)}  max ${ms(result.latency.max)}  (${result.total} requests, ${bad} non-2xx/errors)`,
  );
  if (bad > 0) throw new Error(`${label}: ${bad} failed requests ${JSON.stringify(result.statusCounts)}`);
  return result;
}

/** Open loop at OPEN_RATE over `paths` in turn: 2 s warm-up at the same rate, then OPEN_DURATION seconds. */
async function openLoop(label, url, headers, paths) {
  const r = await runOpenLoopOver({ url, headers, paths, rate: OPEN_RATE, duration: OPEN_DURATION });
  log(
    `  ${label.padEnd(34)} ${r.achievedRate.toFixed(0).padStart(6)} req/s sent  p50 ${ms(r.latency.p50)}  p90 ${ms(r.latency.p90)}  p99 ${ms(r.latency.p99)}  p99.9 ${ms(r.latency.p999)}  max ${ms(r.latency.max)}  (${r.sent} requests, ${r.errors} non-2xx/errors)`,
  );
  if (r.errors > 0)
    throw new Error(`${label}: ${r.errors} failed requests ${JSON.stringify(r.statusCounts)}`);
  return r;
}

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function timeList(stack, term) {
  const path = `/assets/data?search=${encodeURIComponent(term)}`;
  const first = await api(stack, 'GET', path);
  if (first.status !== 200) throw new Error(`list ${term}: ${first.status} ${JSON.stringify(first.body)}`);
  for (let i = 0; i < 10; i++) await api(stack, 'GET', path);
  const headers = { authorization: stack.bearer(USER, ORG), 'x-project-id': PROJECT };
  const samples = [];
  for (let i = 0; i < LIST_REQUESTS; i++) {
    const start = performance.now();
    const res = await fetch(`${stack.assetsUrl}${path}`, { headers });
    await res.arrayBuffer();
    samples.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`list ${term}: ${res.status}`);
  }
  samples.sort((a, b) => a - b);
  return {
    total: first.body.pagination.total_items,
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    p99: percentile(samples, 0.99),
    max: samples.at(-1),
  };
}

async function explain(pool, { query, parameters }) {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, parameters);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function main() {
  const began = performance.now();
  log(
    `connections bench: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load avg ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}, ${ROWS} rows, ${CONNECTIONS} connections, ${WARMUP}s warm-up + ${DURATION}s per run, ${ROUNDS} rounds`,
  );
  log(`dist: ${ROOT}/dist`);
  log(
    'processes: Assets alone (main.js), Governance + dev OpenFGA endpoint, baseline, load generator, this driver — all share the cores with PostgreSQL',
  );
  const stack = await startServices({ org: ORG, owner: USER });
  const captureFile = join(stack.dataDir, 'assets-sql.jsonl');
  await stack.restartAssets({ preload: SQL_CAPTURE, env: { BENCH_SQL_CAPTURE: captureFile } });
  let baseline;
  const pool = new pg.Pool({ connectionString: stack.assetsDb.url, max: 2 });
  const summary = [];
  const figures = { date: new Date().toISOString(), root: ROOT, rounds: [] };
  try {
    const uris = await seedConnections(stack, URIS);
    const uri = uris[0];
    const getPaths = uris.map((u) => `/assets/data/${u}`);
    const secretPaths = getPaths.map((path) => `${path}/secret`);

    log(`\n[setup] bulk-loading ${ROWS} rows into ${stack.assetsDb.name} …`);
    const loaded = await bulkLoad(pool, {
      rows: ROWS,
      projectRows: PROJECT_ROWS,
      org: ORG,
      project: PROJECT,
    });
    log(
      `  ${loaded.total} rows (${loaded.in_project} in ${ORG}/${PROJECT}), table+indexes ${loaded.size}; insert ${loaded.insertSeconds.toFixed(1)} s, index build ${loaded.indexSeconds.toFixed(1)} s`,
    );

    // The baseline runs exactly the SELECT the repository sends for this route.
    const getPath = `/assets/data/${uri}`;
    const captured = await captureQueries(captureFile, async () => {
      const res = await api(stack, 'GET', getPath);
      if (res.status !== 200) throw new Error(`GET ${uri}: ${res.status}`);
    });
    const listQueries = [];
    for (const [kind, term] of [SEARCH_TERMS[0], SEARCH_TERMS[1], SEARCH_TERMS[3]]) {
      const queries = await captureQueries(captureFile, async () => {
        const res = await api(stack, 'GET', `/assets/data?search=${encodeURIComponent(term)}`);
        if (res.status !== 200) throw new Error(`list: ${res.status}`);
      });
      for (const q of queries.filter((q) => /FROM "data_connections"/.test(q.query)))
        listQueries.push({ kind, term, ...q });
    }
    // Measure without the recorder.
    await stack.restartAssets();
    const findActive = captured.find(
      (q) => /FROM "?data_connections"?/.test(q.query) && JSON.stringify(q.parameters).includes(uri),
    );
    if (!findActive) throw new Error(`could not capture the findActive query: ${JSON.stringify(captured)}`);
    log(
      `\n[1] GET by URI, spread over ${URIS} connections — repository SQL (used verbatim by the baseline):\n  ${findActive.query}`,
    );
    log(
      `  statements Assets sends per GET: ${captured.length} (${captured.map((q) => q.query.split(/\s+/).slice(0, 2).join(' ')).join('; ')})`,
    );
    baseline = await startBaseline({
      databaseUrl: stack.assetsDb.url,
      sql: findActive.query,
      parameters: findActive.parameters,
      uri,
    });
    const headers = { authorization: stack.bearer(USER, ORG), 'x-project-id': PROJECT };
    const probe = await fetch(`${baseline.url}${getPath}`, { headers });
    if (probe.status !== 200) throw new Error(`baseline probe: ${probe.status}`);

    const rssStart = rssOf(stack.assets.pid);
    const bases = [];
    const gets = [];
    for (let round = 1; round <= ROUNDS; round++) {
      log(`  round ${round}`);
      bases.push(await load('baseline Fastify+pg', baseline.url, headers, getPaths));
      gets.push(await load('Assets GET /assets/data/{uri}', stack.assetsUrl, headers, getPaths));
    }
    log(`\n[1b] open loop at ${OPEN_RATE} req/s (latency from each request's due time)`);
    const openBase = await openLoop('baseline Fastify+pg', baseline.url, headers, getPaths);
    const openGet = await openLoop('Assets GET /assets/data/{uri}', stack.assetsUrl, headers, getPaths);
    await baseline.close();
    baseline = undefined;

    log(`\n[3] GET …/secret (Governance read + audit event per call)`);
    const secrets = [];
    for (let round = 1; round <= ROUNDS; round++)
      secrets.push(await load('Assets GET …/secret', stack.assetsUrl, headers, secretPaths));
    const rssEnd = rssOf(stack.assets.pid);
    log(`  Assets RSS ${mib(rssStart)} before the loads, ${mib(rssEnd)} after`);

    log(
      `\n[2] list with search (${LIST_REQUESTS} sequential requests per term after 10 warm-up, limit = default page size)`,
    );
    const lists = [];
    for (const [kind, term] of SEARCH_TERMS) {
      const {
        rows: [{ n }],
      } = await pool.query(
        `SELECT count(*)::int AS n FROM data_connections WHERE name ILIKE $1 OR description ILIKE $1`,
        [`%${term}%`],
      );
      const note = `${n} of ${loaded.total} rows match`;
      const r = await timeList(stack, term);
      lists.push({ kind, term, note, ...r });
      log(
        `  ${kind.padEnd(12)} "${term}" ${note.padEnd(26)} visible=${String(r.total).padStart(6)}  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  max ${ms(r.max)}`,
      );
    }
    for (const q of listQueries) {
      log(
        `\n  EXPLAIN (ANALYZE, BUFFERS) — ${q.kind} "${q.term}", ${/COUNT\(/i.test(q.query) ? 'count query' : 'page query'}:\n  ${q.query}\n  params ${JSON.stringify(q.parameters)}`,
      );
      log(
        (await explain(pool, q))
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n'),
      );
    }

    const ratios = gets.map((g, i) => g.reqPerSec / bases[i].reqPerSec);
    const ratio = median(ratios);
    const getRate = median(gets.map((g) => g.reqPerSec));
    const baseRate = median(bases.map((b) => b.reqPerSec));
    const secretRate = median(secrets.map((s) => s.reqPerSec));
    const secretRatio = secretRate / getRate;
    const openRatio = openGet.latency.p99 / openBase.latency.p99;
    const range = (xs, d = 2) =>
      xs.length > 1 ? ` (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})` : '';
    Object.assign(figures, {
      baseline: bases.map((b) => b.reqPerSec),
      get: gets.map((g) => g.reqPerSec),
      getP50: gets.map((g) => g.latency.p50),
      getP99: gets.map((g) => g.latency.p99),
      baseP99: bases.map((b) => b.latency.p99),
      ratios,
      openBase: openBase.latency,
      openGet: openGet.latency,
      openRatio,
      secret: secrets.map((s) => s.reqPerSec),
      secretRatio,
      rss: { start: rssStart, end: rssEnd },
    });
    summary.push(
      [
        '1',
        'GET by URI vs baseline (median of rounds)',
        `${getRate.toFixed(0)} vs ${baseRate.toFixed(0)} req/s = ${ratio.toFixed(2)}×${range(ratios)}`,
        '≥ 0.7×',
        ratio >= 0.7,
      ],
      [
        '1',
        `GET p50/p99 @${CONNECTIONS} conns (baseline)`,
        `${ms(median(gets.map((g) => g.latency.p50)))} / ${ms(median(gets.map((g) => g.latency.p99)))} (${ms(median(bases.map((b) => b.latency.p99)))})`,
        '—',
        true,
      ],
      [
        '1b',
        `open-loop p99 @${OPEN_RATE}/s vs baseline`,
        `${ms(openGet.latency.p99)} vs ${ms(openBase.latency.p99)} = ${openRatio.toFixed(2)}×`,
        '≤ 2×',
        openRatio <= 2,
      ],
      ...lists.map((l) => [
        '2',
        `list search ${l.kind} "${l.term}" (${l.total} hits)`,
        `p50 ${ms(l.p50)} / p95 ${ms(l.p95)}`,
        'p95 ≤ 50 ms',
        l.p95 <= 50,
      ]),
      [
        '3',
        'secret vs GET by URI',
        `${secretRate.toFixed(0)} vs ${getRate.toFixed(0)} req/s = ${secretRatio.toFixed(2)}×`,
        '≥ 0.4×',
        secretRatio >= 0.4,
      ],
    );
    log('\nSummary');
    log(`  #  | ${'workload'.padEnd(44)} | ${'measured'.padEnd(48)} | ${'target'.padEnd(11)} | met`);
    for (const [n, what, measured, target, met] of summary) {
      log(
        `  ${n.padEnd(2)} | ${what.padEnd(44)} | ${measured.padEnd(48)} | ${target.padEnd(11)} | ${met ? 'yes' : 'NO'}`,
      );
    }
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(figures, null, 2));
    log(`\ntotal bench time ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    await baseline?.close();
    await pool.end();
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
