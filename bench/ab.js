// Before/after in ONE run, so both sides see the same background load: Governance and Assets are
// started from checkout A's dist/, then from B's, in alternating rounds, against the same
// databases, with the bare Fastify + pg baseline measured in each round too.
// Not a *.bench.js. Build both checkouts first, e.g.
//   git archive <before-rev> | tar -x -C /tmp/before && ln -s $PWD/node_modules /tmp/before/ \
//     && (cd /tmp/before && npx swc apps libs -d dist --copy-files -q)
//   BENCH_A_ROOT=/tmp/before npm exec -- node bench/ab.js
// Knobs: BENCH_A_ROOT (required), BENCH_B_ROOT (this repo), BENCH_A_ENV / BENCH_B_ENV (JSON: extra
// environment for both apps of that side, to compare settings with one tree), BENCH_ROUNDS (3),
// BENCH_DURATION (10 s), BENCH_WARMUP (3 s), BENCH_CONNECTIONS (32), BENCH_OPEN_RATE (1000),
// BENCH_OPEN_DURATION (10 s), BENCH_URIS (100: connections the GET and secret loads spread over).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  cpuMsOf,
  postgresCpuMsSince,
  postgresCpuSnapshot,
  ROOT,
  startBaseline,
  startServices,
} from './lib/services.js';
import { runLoad, runOpenLoopOver } from './lib/load.js';
import { ORG, PROJECT, seedConnections, USER } from './lib/seed.js';
import { median } from './lib/stats.js';

const A = process.env.BENCH_A_ROOT;
const B = process.env.BENCH_B_ROOT ?? ROOT;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const OPEN_RATE = Number(process.env.BENCH_OPEN_RATE ?? 1000);
const OPEN_DURATION = Number(process.env.BENCH_OPEN_DURATION ?? 10);
const URIS = Number(process.env.BENCH_URIS ?? 100);
const SQL_CAPTURE = fileURLToPath(new URL('./lib/sql-capture.js', import.meta.url));
if (!A) throw new Error('BENCH_A_ROOT: the checkout to compare with');
/** Extra environment for both apps of one side, e.g. '{"DB_PREPARED_STATEMENTS":"false"}'. */
const SIDE_ENV = {
  A: JSON.parse(process.env.BENCH_A_ENV ?? '{}'),
  B: JSON.parse(process.env.BENCH_B_ENV ?? '{}'),
};
const range = (xs, d = 0) =>
  `${median(xs).toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;

/** Closed loop; also the server's own CPU per request (µs), which background load barely moves. */
async function closed(url, paths, headers, pid, otherPid) {
  await runLoad({ url, paths, connections: CONNECTIONS, duration: WARMUP, headers });
  const cpu0 = cpuMsOf(pid);
  const other0 = otherPid ? cpuMsOf(otherPid) : 0;
  const postgres0 = postgresCpuSnapshot();
  const r = await runLoad({ url, paths, connections: CONNECTIONS, duration: DURATION, headers });
  r.postgresCpuUs = (postgresCpuMsSince(postgres0) * 1000) / r.total;
  r.cpuUs = ((cpuMsOf(pid) - cpu0) * 1000) / r.total;
  r.otherCpuUs = otherPid ? ((cpuMsOf(otherPid) - other0) * 1000) / r.total : NaN;
  if (r.non2xx + r.errors + r.timeouts) throw new Error(`${url}: failures ${JSON.stringify(r.statusCounts)}`);
  return r;
}
async function open(url, paths, headers) {
  const r = await runOpenLoopOver({ url, headers, paths, rate: OPEN_RATE, duration: OPEN_DURATION });
  if (r.errors) throw new Error(`${url}: open-loop failures ${JSON.stringify(r.statusCounts)}`);
  return r;
}

const stack = await startServices({ org: ORG, owner: USER });
let baseline;
try {
  const capture = join(stack.dataDir, 'assets-sql.jsonl');
  await stack.restartAssets({ preload: SQL_CAPTURE, env: { BENCH_SQL_CAPTURE: capture } });
  const uris = await seedConnections(stack, URIS);
  const uri = uris[0];
  const gets = uris.map((u) => `/assets/data/${u}`);
  const secrets = gets.map((path) => `${path}/secret`);
  const headers = { authorization: stack.bearer(USER, ORG), 'x-project-id': PROJECT };
  const before = readFileSync(capture, 'utf8').length;
  const probe = await fetch(`${stack.assetsUrl}/assets/data/${uri}`, { headers });
  if (probe.status !== 200) throw new Error(`GET: ${probe.status}`);
  const findActive = readFileSync(capture, 'utf8')
    .slice(before)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .find((q) => /FROM "?data_connections"?/.test(q.query) && JSON.stringify(q.parameters).includes(uri));
  baseline = await startBaseline({
    databaseUrl: stack.assetsDb.url,
    sql: findActive.query,
    parameters: findActive.parameters,
    uri,
  });
  const rows = { base: [], baseOpen: [] };
  for (const side of ['A', 'B'])
    Object.assign(rows, { [`${side}get`]: [], [`${side}secret`]: [], [`${side}open`]: [] });
  for (let round = 1; round <= ROUNDS; round++) {
    const b = await closed(baseline.url, gets, headers, baseline.pid);
    rows.base.push(b);
    const bo = await open(baseline.url, gets, headers);
    rows.baseOpen.push(bo);
    console.log(
      `round ${round}: baseline ${b.reqPerSec.toFixed(0)} req/s (p99 ${b.latency.p99} ms), open-loop p99 ${bo.latency.p99.toFixed(1)} ms`,
    );
    for (const [side, root] of round % 2
      ? [
          ['A', A],
          ['B', B],
        ]
      : [
          ['B', B],
          ['A', A],
        ]) {
      await stack.restartGovernance({ root, env: SIDE_ENV[side] });
      await stack.restartAssets({ root, env: SIDE_ENV[side] });
      const g = await closed(stack.assetsUrl, gets, headers, stack.assets.pid);
      const o = await open(stack.assetsUrl, gets, headers);
      const s = await closed(stack.assetsUrl, secrets, headers, stack.assets.pid, stack.governance.pid);
      rows[`${side}get`].push(g);
      rows[`${side}open`].push(o);
      rows[`${side}secret`].push(s);
      console.log(
        `  ${side}: GET ${g.reqPerSec.toFixed(0)} req/s (${(g.reqPerSec / b.reqPerSec).toFixed(2)}×, ${g.cpuUs.toFixed(0)} µs CPU/req, p50 ${g.latency.p50} / p99 ${g.latency.p99} ms), open-loop p50 ${o.latency.p50.toFixed(1)} / p99 ${o.latency.p99.toFixed(1)} ms (${(o.latency.p99 / bo.latency.p99).toFixed(2)}×), secret ${s.reqPerSec.toFixed(0)} req/s (${s.cpuUs.toFixed(0)} µs Assets + ${s.otherCpuUs.toFixed(0)} µs Governance CPU/req, ${(s.reqPerSec / g.reqPerSec).toFixed(2)}× GET)`,
      );
    }
  }
  console.log(`\nmedian (range) over ${ROUNDS} rounds; A = ${A}, B = ${B}`);
  console.log('| | A | B |\n|---|---|---|');
  const per = (side, f) => rows[`${side}get`].map((g, i) => f(g, i));
  const line = (label, f, d = 2) => console.log(`| ${label} | ${range(f('A'), d)} | ${range(f('B'), d)} |`);
  line('GET req/s', (s) => per(s, (g) => g.reqPerSec), 0);
  line('GET / baseline', (s) => per(s, (g, i) => g.reqPerSec / rows.base[i].reqPerSec));
  line('Assets CPU µs per GET', (s) => per(s, (g) => g.cpuUs), 0);
  line('baseline CPU / Assets CPU per GET', (s) => per(s, (g, i) => rows.base[i].cpuUs / g.cpuUs));
  line('PostgreSQL CPU µs per GET', (s) => per(s, (g) => g.postgresCpuUs), 0);
  line('GET p50 ms @32 conns', (s) => per(s, (g) => g.latency.p50), 0);
  line('GET p99 ms @32 conns', (s) => per(s, (g) => g.latency.p99), 0);
  line(`open-loop p99 ms @${OPEN_RATE}/s`, (s) => rows[`${s}open`].map((o) => o.latency.p99), 1);
  line('open-loop p99 / baseline', (s) =>
    rows[`${s}open`].map((o, i) => o.latency.p99 / rows.baseOpen[i].latency.p99),
  );
  line('secret req/s', (s) => rows[`${s}secret`].map((x) => x.reqPerSec), 0);
  line('secret: Assets CPU µs/req', (s) => rows[`${s}secret`].map((x) => x.cpuUs), 0);
  line('secret: Governance CPU µs/req', (s) => rows[`${s}secret`].map((x) => x.otherCpuUs), 0);
  line('secret: PostgreSQL CPU µs/req', (s) => rows[`${s}secret`].map((x) => x.postgresCpuUs), 0);
  line('secret p50 ms @32 conns', (s) => rows[`${s}secret`].map((x) => x.latency.p50), 0);
  line('secret p99 ms @32 conns', (s) => rows[`${s}secret`].map((x) => x.latency.p99), 0);
  line('secret / GET', (s) => rows[`${s}secret`].map((x, i) => x.reqPerSec / rows[`${s}get`][i].reqPerSec));
  // The same ratio from CPU spent (services and PostgreSQL): what the machine's speed moves least.
  line('GET CPU / secret CPU (all processes)', (s) =>
    rows[`${s}secret`].map((x, i) => {
      const g = rows[`${s}get`][i];
      return (g.cpuUs + g.postgresCpuUs) / (x.cpuUs + x.otherCpuUs + x.postgresCpuUs);
    }),
  );
  console.log(
    `baseline PostgreSQL CPU µs per GET ${range(
      rows.base.map((b) => b.postgresCpuUs),
      0,
    )}, baseline req/s ${range(
      rows.base.map((b) => b.reqPerSec),
      0,
    )}, open-loop p99 ${range(
      rows.baseOpen.map((b) => b.latency.p99),
      1,
    )} ms`,
  );
} finally {
  await baseline?.close();
  await stack.close();
}
process.exit(0);
