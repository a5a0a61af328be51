// Node heap flags vs throughput and RSS for Assets (issue #14 item 7): restarts Assets (its own
// process, as in production) with each flag set in turn, drives the mixed workload closed-loop
// (autocannon, 32 connections) and samples its RSS every 200 ms. Rounds alternate the flag sets so
// that background noise spreads over all of them. Not a *.bench.js (`npm run bench` skips it).
//   npm exec -- node bench/heap-flags.js "" "--max-old-space-size=512" "--max-old-space-size=384 --max-semi-space-size=16"
// Knobs: BENCH_DURATION (15 s), BENCH_ROUNDS (2), BENCH_SOAK_MIX, and those of lib/services.js.
import { rssOf, startServices } from './lib/services.js';
import { runLoad } from './lib/load.js';
import { bulkLoad } from './lib/dataset.js';
import pg from 'pg';
import { ORG, PROJECT, seedStack, USER } from './lib/seed.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const MIX = (process.env.BENCH_SOAK_MIX ?? 'get:6,search:2,secret:2')
  .split(',')
  .map((p) => p.split(':'))
  .map(([name, weight]) => ({ name, weight: Number(weight) }));
const flagSets = process.argv.slice(2);
const mib = (b) => (b / 2 ** 20).toFixed(0);

const stack = await startServices({ org: ORG, owner: USER });
const pool = new pg.Pool({ connectionString: stack.assetsDb.url, max: 2 });
try {
  const uri = await seedStack(stack);
  await bulkLoad(pool, { rows: 20_000, projectRows: 2_000, org: ORG, project: PROJECT });
  const pathOf = {
    get: `/assets/data/${uri}`,
    search: '/assets/data?search=billing',
    secret: `/assets/data/${uri}/secret`,
  };
  const requests = MIX.flatMap(({ name, weight }) =>
    Array.from({ length: weight }, () => ({ method: 'GET', path: pathOf[name] })),
  );
  const headers = { authorization: stack.bearer(USER, ORG), 'x-project-id': PROJECT };
  const results = new Map(flagSets.map((f) => [f, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const flags of flagSets) {
      await stack.restartAssets({ flags });
      const pid = stack.assets.pid;
      const idle = rssOf(pid);
      await runLoad({ url: stack.assetsUrl, requests, connections: 32, duration: 3, headers });
      const rss = [];
      const timer = setInterval(() => rss.push(rssOf(pid)), 200);
      const r = await runLoad({
        url: stack.assetsUrl,
        requests,
        connections: 32,
        duration: DURATION,
        headers,
      });
      clearInterval(timer);
      const sorted = rss.sort((a, b) => a - b);
      const row = {
        reqPerSec: r.reqPerSec,
        p99: r.latency.p99,
        failed: r.non2xx + r.errors,
        idle,
        median: sorted[Math.floor(sorted.length / 2)],
        peak: sorted.at(-1),
      };
      results.get(flags).push(row);
      console.log(
        `  round ${round} [${flags || 'no flags'}]: ${r.reqPerSec.toFixed(0)} req/s, p99 ${r.latency.p99} ms, ${row.failed} failed; RSS idle ${mib(idle)}, median ${mib(row.median)}, peak ${mib(row.peak)} MiB`,
      );
    }
  }
  console.log('\nflags | req/s (rounds) | RSS median under load (MiB) | RSS peak (MiB)');
  for (const [flags, rows] of results)
    console.log(
      `${flags || '(none)'} | ${rows.map((r) => r.reqPerSec.toFixed(0)).join(' / ')} | ${rows.map((r) => mib(r.median)).join(' / ')} | ${rows.map((r) => mib(r.peak)).join(' / ')}`,
    );
} finally {
  await pool.end();
  await stack.close();
}
process.exit(0);
