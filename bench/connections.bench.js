// Data-connection performance (issue #3): measured side by side in one run against real PostgreSQL.
//   1. GET /assets/data/{uri} (RS256 token, OpenFGA check over HTTP, DB read) vs a bare Fastify + pg
//      server running the same SQL on the same database;
//   2. GET /assets/data?search=… over 1M rows (100k in the caller's project): p50/p95 and EXPLAIN;
//   3. GET /assets/data/{uri}/secret (Governance call + audit event per request) vs #1.
// The servers run in this process; autocannon runs in a child process (bench/lib/load.js).
// Run: npm run build && npm exec -- node bench/connections.bench.js
// Knobs: BENCH_ROWS (1000000), BENCH_PROJECT_ROWS (100000), BENCH_DURATION (10 s),
// BENCH_WARMUP (3 s), BENCH_CONNECTIONS (32), BENCH_LIST_REQUESTS (200), BENCH_POSTGRES_URL.
import os from 'node:os';
import Fastify from 'fastify';
import pg from 'pg';
import { startStack } from './lib/stack.js';
import { runLoad } from './lib/load.js';
import { bulkLoad } from './lib/dataset.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PROJECT_ROWS = Number(process.env.BENCH_PROJECT_ROWS ?? 100_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 200);
const ORG = 'acme';
const PROJECT = 'analytics-prod';
const USER = 'alice';

/** Search terms by selectivity; the run prints how many rows each matches (see lib/dataset.js). */
const SEARCH_TERMS = [
  ['rare', 'zephyrine'],
  ['medium', 'billing'],
  ['medium-desc', 'fraud'],
  ['common', 'replica'],
];

const log = (...args) => console.log(...args);
const ms = (n) => (n === undefined || n === null ? 'n/a' : `${Number(n).toFixed(2)} ms`);

async function api(stack, method, path, { body, project = PROJECT } = {}) {
  const res = await fetch(`${stack.assetsUrl}${path}`, {
    method,
    headers: {
      authorization: stack.bearer(USER, ORG),
      ...(project ? { 'x-project-id': project } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Records every SQL statement TypeORM sends while `fn` runs (the app's own queries, verbatim). */
async function captureQueries(dataSource, fn) {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  const captured = [];
  logger.logQuery = function (query, parameters, runner) {
    captured.push({ query, parameters: parameters ?? [] });
    return original.call(this, query, parameters, runner);
  };
  try {
    await fn();
  } finally {
    logger.logQuery = original;
  }
  return captured;
}

async function seedStack(stack) {
  await stack.createOrg(ORG, USER);
  const res = await fetch(`${stack.governanceUrl}/governance/projects`, {
    method: 'POST',
    headers: { authorization: stack.bearer(USER, ORG), 'content-type': 'application/json' },
    body: JSON.stringify({ id: PROJECT, name: PROJECT }),
  });
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${await res.text()}`);
  const created = await api(stack, 'POST', '/assets/data', {
    body: {
      name: 'Customer Analytics DB',
      connection_type: 'postgres',
      description: 'Production read replica for analytics',
      database_config: {
        host: 'pg-replica.example.com',
        port: 5432,
        database: 'analytics',
        schema: 'public',
        selected_tables: ['customers', 'orders'],
      },
      credentials: { username: 'analytics_reader', password: 'bench-only-password' },
      tags: ['production', 'analytics'],
    },
  });
  if (created.status !== 201)
    throw new Error(`create connection: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.resource_uri;
}

/** The bare baseline: Fastify + pg, the repository's own SELECT, no auth, no authz, no DTO. */
/** The repository's parameter shape for findActive: org, the visible scopes, the URI. */
function baselineParams(project, uri) {
  return [ORG, [project, ''], uri];
}

async function startBaseline(databaseUrl, sql) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify({ logger: false });
  app.get('/assets/data/:uri', async (req, reply) => {
    // Same parameters as the repository sends (captured above), with this request's URI.
    const { rows } = await pool.query(sql, baselineParams(req.headers['x-project-id'], req.params.uri));
    if (!rows.length) return reply.code(404).send({ error: 'not found' });
    return rows[0];
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

async function load(label, url, headers) {
  await runLoad({ url, connections: CONNECTIONS, duration: WARMUP, headers });
  const result = await runLoad({ url, connections: CONNECTIONS, duration: DURATION, headers });
  const bad = result.non2xx + result.errors + result.timeouts;
  log(
    `  ${label.padEnd(30)} ${result.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${ms(result.latency.p50)}  p90 ${ms(result.latency.p90)}  p99 ${ms(result.latency.p99)}  max ${ms(result.latency.max)}  (${result.total} requests, ${bad} non-2xx/errors)`,
  );
  if (bad > 0) throw new Error(`${label}: ${bad} failed requests ${JSON.stringify(result.statusCounts)}`);
  return result;
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
    `connections bench: node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${ROWS} rows, ${CONNECTIONS} connections, ${WARMUP}s warm-up + ${DURATION}s per run`,
  );
  log(
    'load generator: autocannon in a child Node process (servers share this process; all share the cores with PostgreSQL)',
  );
  const stack = await startStack();
  let baseline;
  const pool = new pg.Pool({ connectionString: stack.assetsDb.url, max: 2 });
  const summary = [];
  try {
    const uri = await seedStack(stack);
    const dataSource = stack.assetsInfra.database.dataSource;

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
    const captured = await captureQueries(dataSource, async () => {
      const res = await api(stack, 'GET', getPath);
      if (res.status !== 200) throw new Error(`GET ${uri}: ${res.status}`);
    });
    const findActive = captured.find(
      (q) => /FROM "?data_connections"?/.test(q.query) && JSON.stringify(q.parameters).includes(uri),
    );
    if (!findActive) {
      throw new Error(`could not capture the findActive query: ${JSON.stringify(captured)}`);
    }
    log(`\n[1] GET by URI — repository SQL (used verbatim by the baseline):\n  ${findActive.query}`);
    baseline = await startBaseline(stack.assetsDb.url, findActive.query);
    const headers = { authorization: stack.bearer(USER, ORG), 'x-project-id': PROJECT };
    const probe = await fetch(`${baseline.url}${getPath}`, { headers });
    if (probe.status !== 200) throw new Error(`baseline probe: ${probe.status}`);
    const base = await load('baseline Fastify+pg', `${baseline.url}${getPath}`, headers);
    const get = await load('Assets GET /assets/data/{uri}', `${stack.assetsUrl}${getPath}`, headers);
    await baseline.close();
    baseline = undefined;

    log(`\n[3] GET …/secret (Governance read + audit event per call)`);
    const secret = await load('Assets GET …/secret', `${stack.assetsUrl}${getPath}/secret`, headers);

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
    for (const [kind, term] of [SEARCH_TERMS[0], SEARCH_TERMS[1], SEARCH_TERMS[3]]) {
      const queries = await captureQueries(dataSource, async () => {
        const res = await api(stack, 'GET', `/assets/data?search=${encodeURIComponent(term)}`);
        if (res.status !== 200) throw new Error(`list: ${res.status}`);
      });
      const listQueries = queries.filter((q) => /FROM "data_connections"/.test(q.query));
      for (const q of listQueries) {
        log(
          `\n  EXPLAIN (ANALYZE, BUFFERS) — ${kind} "${term}", ${/COUNT\(/i.test(q.query) ? 'count query' : 'page query'}:\n  ${q.query}\n  params ${JSON.stringify(q.parameters)}`,
        );
        log(
          (await explain(pool, q))
            .split('\n')
            .map((l) => `    ${l}`)
            .join('\n'),
        );
      }
    }

    const ratio = get.reqPerSec / base.reqPerSec;
    const secretRatio = secret.reqPerSec / get.reqPerSec;
    summary.push(
      [
        '1',
        'GET by URI vs baseline',
        `${get.reqPerSec.toFixed(0)} vs ${base.reqPerSec.toFixed(0)} req/s = ${ratio.toFixed(2)}×`,
        '≥ 0.5×',
        ratio >= 0.5,
      ],
      ['1', 'GET by URI p99 @32 conns', ms(get.latency.p99), '≤ 10 ms', get.latency.p99 <= 10],
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
        `${secret.reqPerSec.toFixed(0)} vs ${get.reqPerSec.toFixed(0)} req/s = ${secretRatio.toFixed(2)}×`,
        '≥ 0.3×',
        secretRatio >= 0.3,
      ],
    );
    log('\nSummary');
    log(`  # | ${'workload'.padEnd(44)} | ${'measured'.padEnd(36)} | ${'target'.padEnd(11)} | met`);
    for (const [n, what, measured, target, met] of summary) {
      log(
        `  ${n} | ${what.padEnd(44)} | ${measured.padEnd(36)} | ${target.padEnd(11)} | ${met ? 'yes' : 'NO'}`,
      );
    }
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
