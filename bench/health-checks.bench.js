// Scheduled health checks at scale (issue #15): one Assets replica, its own process as in
// production, checks BENCH_HEALTH_CONNECTIONS connections (10,000) each BENCH_HEALTH_INTERVAL_S
// (3,600 s) against the machine's PostgreSQL. Two phases, on the same seeded stack:
//   1. steady: the schedule as deployed, for BENCH_HEALTH_WINDOW_S (300 s). Reports checks done
//      against the checks due (connections × window ÷ interval), Assets' and Governance's CPU, and
//      what PostgreSQL did for it (transactions and rows in the Assets and Governance databases,
//      sessions opened on the checked server), per check and per second.
//   2. burst: BENCH_HEALTH_BURST (1,000) connections made due at once; the time to drain them is
//      this replica's capacity in checks per second, the headroom over the steady rate.
// Run: npm run build && npm exec -- node bench/health-checks.bench.js
// Knobs: the BENCH_HEALTH_* above, BENCH_HEALTH_SEED_CONCURRENCY (16), BENCH_JSON, and those of
// lib/services.js.
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { cpuMsOf, startServices } from './lib/services.js';
import { api, ORG, PROJECT, USER } from './lib/seed.js';
import { POSTGRES_URL } from './lib/db.js';

const CONNECTIONS = Number(process.env.BENCH_HEALTH_CONNECTIONS ?? 10_000);
const INTERVAL_S = Number(process.env.BENCH_HEALTH_INTERVAL_S ?? 3600);
const WINDOW_S = Number(process.env.BENCH_HEALTH_WINDOW_S ?? 300);
const BURST = Math.min(CONNECTIONS, Number(process.env.BENCH_HEALTH_BURST ?? 1000));
const SEED_CONCURRENCY = Number(process.env.BENCH_HEALTH_SEED_CONCURRENCY ?? 16);
const TARGET_DB = 'bench_health_target';

const log = (...args) => console.log(...args);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function query(url, sql, values) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Transactions and row work PostgreSQL did in one database (pg_stat_database). */
async function dbStats(name) {
  const [row] = await query(
    POSTGRES_URL,
    `SELECT xact_commit + xact_rollback AS xacts, tup_inserted + tup_updated + tup_deleted AS writes,
            tup_returned + tup_fetched AS reads, sessions
       FROM pg_stat_database WHERE datname = $1`,
    [name],
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

const delta = (after, before) => Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));

async function checksDone(stack) {
  const [row] = await query(stack.assetsDb.url, 'SELECT count(*)::int AS n FROM connection_health_checks');
  return row.n;
}

async function seed(stack) {
  const project = await api(stack, 'POST', '/governance/projects', {
    base: stack.governanceUrl,
    project: null,
    body: { id: PROJECT, name: PROJECT },
  });
  if (project.status !== 201) throw new Error(`create project: ${project.status}`);
  const { port, hostname } = new URL(POSTGRES_URL);
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < CONNECTIONS) {
      const i = next++;
      const res = await api(stack, 'POST', '/assets/data', {
        body: {
          name: `checked-${i}`,
          connection_type: 'postgres',
          database_config: {
            host: hostname,
            port: Number(port || 5432),
            database: TARGET_DB,
            ssl_mode: 'disable',
          },
          credentials: { username: 'postgres', password: 'unused-with-trust-auth' },
          health_check_interval_seconds: INTERVAL_S,
        },
      });
      if (res.status !== 201)
        throw new Error(`create connection ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
  log(`seeded ${CONNECTIONS} connections in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function main() {
  await query(POSTGRES_URL, `DROP DATABASE IF EXISTS ${TARGET_DB}`);
  await query(POSTGRES_URL, `CREATE DATABASE ${TARGET_DB}`);
  // Seeded with the scheduler off, so the steady phase starts from a schedule placed at once.
  const stack = await startServices({
    org: ORG,
    owner: USER,
    assetsStart: { env: { HEALTH_CHECK_TICK_MS: '0' } },
  });
  try {
    await seed(stack);
    await stack.restartAssets({
      env: { HEALTH_CHECK_TICK_MS: '1000', HEALTH_CHECK_DEFAULT_INTERVAL_S: String(INTERVAL_S) },
    });
    // The first pass places every connection's first check within one interval.
    await sleep(3000);
    const [placed] = await query(
      stack.assetsDb.url,
      'SELECT count(*)::int AS n FROM data_connections WHERE next_check_at IS NOT NULL',
    );
    log(`placed ${placed.n} of ${CONNECTIONS} first checks`);

    const sample = async () => ({
      at: Date.now(),
      checks: await checksDone(stack),
      assetsCpu: cpuMsOf(stack.assets.pid),
      governanceCpu: cpuMsOf(stack.governance.pid),
      assetsDb: await dbStats(stack.assetsDb.name),
      governanceDb: await dbStats(stack.govDb.name),
      target: await dbStats(TARGET_DB),
    });
    const report = (label, a, b) => {
      const seconds = (b.at - a.at) / 1000;
      const checks = b.checks - a.checks;
      const per = (x) => (checks ? (x / checks).toFixed(1) : 'n/a');
      const assetsDb = delta(b.assetsDb, a.assetsDb);
      const governanceDb = delta(b.governanceDb, a.governanceDb);
      const target = delta(b.target, a.target);
      const figures = {
        seconds,
        checks,
        checksPerSecond: checks / seconds,
        assetsCpuPercent: ((b.assetsCpu - a.assetsCpu) / (seconds * 1000)) * 100,
        assetsCpuMsPerCheck: (b.assetsCpu - a.assetsCpu) / checks,
        governanceCpuMsPerCheck: (b.governanceCpu - a.governanceCpu) / checks,
        assetsDb,
        governanceDb,
        target,
      };
      log(
        `\n${label}: ${checks} checks in ${seconds.toFixed(0)} s = ${figures.checksPerSecond.toFixed(2)}/s`,
      );
      log(
        `  CPU per check: Assets ${figures.assetsCpuMsPerCheck.toFixed(1)} ms, Governance ${figures.governanceCpuMsPerCheck.toFixed(1)} ms; Assets at ${figures.assetsCpuPercent.toFixed(1)}% of one core`,
      );
      log(
        `  PostgreSQL per check: Assets DB ${per(assetsDb.xacts)} transactions, ${per(assetsDb.writes)} rows written, ${per(assetsDb.reads)} rows read; Governance DB ${per(governanceDb.xacts)} transactions, ${per(governanceDb.writes)} rows written; checked server ${per(target.sessions)} sessions`,
      );
      return figures;
    };

    const a = await sample();
    await sleep(WINDOW_S * 1000);
    const b = await sample();
    const steady = report(`steady (${CONNECTIONS} connections every ${INTERVAL_S} s)`, a, b);
    const due = (CONNECTIONS * WINDOW_S) / INTERVAL_S;
    log(
      `  due in the window: ${due.toFixed(0)}; checked ${((steady.checks / due) * 100).toFixed(0)}% of them`,
    );

    // Burst: BURST connections due now; the drain time is the replica's capacity.
    await query(
      stack.assetsDb.url,
      `UPDATE data_connections SET next_check_at = now() WHERE id IN (SELECT id FROM data_connections ORDER BY id LIMIT $1)`,
      [BURST],
    );
    const c = await sample();
    const target = c.checks + BURST;
    let d = c;
    while (d.checks < target && Date.now() - c.at < 30 * 60_000) {
      await sleep(1000);
      d = await sample();
    }
    const burst = report(`burst (${BURST} due at once)`, c, d);
    log(`  capacity ÷ steady need: ${(burst.checksPerSecond / (CONNECTIONS / INTERVAL_S)).toFixed(1)}×`);

    if (process.env.BENCH_JSON)
      writeFileSync(
        process.env.BENCH_JSON,
        JSON.stringify({ connections: CONNECTIONS, intervalS: INTERVAL_S, steady, burst }, null, 2),
      );
  } finally {
    await stack.close();
    await query(POSTGRES_URL, `DROP DATABASE IF EXISTS ${TARGET_DB} WITH (FORCE)`).catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
