// Memory under load (issue #14 item 7): the mixed workload (GET by URI, search, secret) at a fixed
// rate, open loop, for BENCH_SOAK_MINUTES (10), with Assets and Governance in their own processes
// as in production (lib/services.js). RSS of both is sampled every second from /proc, their V8
// heap every 10 s from the Assets /metrics listener. Targets: 0 errors, Assets RSS drift ≤ 10%
// between minute 2 and the last minute (medians of each minute's samples).
// The rate is BENCH_SOAK_RATE, or half the maximum the same mix reaches closed-loop (autocannon,
// 32 connections, 10 s), measured first.
// Knobs: BENCH_SOAK_MINUTES (10), BENCH_SOAK_RATE, BENCH_SOAK_ROWS (20000 rows for search),
// BENCH_SOAK_MIX ("get:6,search:2,secret:2"), BENCH_SOAK_HEAPSNAPSHOTS=1 (Assets runs with
// --heapsnapshot-signal=SIGUSR2; a snapshot is written after minute 1 and at the end, and the
// two are compared by constructor: lib/heapsnapshot-summary.js; snapshots pause the process and
// add RSS, so a run with them is a diagnosis, not a measurement), BENCH_JSON, and those of
// lib/services.js (BENCH_ASSETS_NODE_OPTIONS sets Assets' heap flags, default: the Dockerfile's).
import os from 'node:os';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { rssOf, startServices } from './lib/services.js';
import { runLoad, runOpenLoop } from './lib/load.js';
import { bulkLoad } from './lib/dataset.js';
import { ORG, PROJECT, seedStack, USER } from './lib/seed.js';
import { compareSnapshots } from './lib/heapsnapshot-summary.js';
import { median } from './lib/stats.js';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const ROWS = Number(process.env.BENCH_SOAK_ROWS ?? 20_000);
const MIX = (process.env.BENCH_SOAK_MIX ?? 'get:6,search:2,secret:2')
  .split(',')
  .map((p) => p.split(':'))
  .map(([name, weight]) => ({ name, weight: Number(weight) }));
const SNAPSHOTS = process.env.BENCH_SOAK_HEAPSNAPSHOTS === '1';
// The production heap settings (deploy/k8s base NODE_OPTIONS, less --enable-source-maps), so the
// soak measures what ships; BENCH_ASSETS_NODE_OPTIONS / BENCH_GOVERNANCE_NODE_OPTIONS override them.
const PRODUCTION_HEAP = {
  assets: '--max-old-space-size=384 --max-semi-space-size=8',
  governance: '--max-old-space-size=288 --max-semi-space-size=8',
};
const log = (...args) => console.log(...args);
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function heapUsed(metricsUrl) {
  try {
    const text = await (await fetch(metricsUrl)).text();
    const m = /^\w*nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

async function main() {
  if (MINUTES < 3) throw new Error('BENCH_SOAK_MINUTES must be ≥ 3 (drift compares minute 2 with the last)');
  const assetsFlags = process.env.BENCH_ASSETS_NODE_OPTIONS ?? PRODUCTION_HEAP.assets;
  const governanceFlags = process.env.BENCH_GOVERNANCE_NODE_OPTIONS ?? PRODUCTION_HEAP.governance;
  log(
    `soak bench: node ${process.version}, ${os.cpus().length} cores, load avg ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}, ${MINUTES} min, mix ${MIX.map((m) => `${m.name}:${m.weight}`).join(',')}, Assets flags "${assetsFlags}", Governance flags "${governanceFlags}"`,
  );
  const stack = await startServices({ org: ORG, owner: USER });
  const pool = new pg.Pool({ connectionString: stack.assetsDb.url, max: 2 });
  try {
    const uri = await seedStack(stack);
    await bulkLoad(pool, { rows: ROWS, projectRows: Math.round(ROWS / 10), org: ORG, project: PROJECT });
    await stack.restartGovernance({ flags: governanceFlags });
    const snapshotDir = stack.dataDir; // --heapsnapshot-signal writes to the process's cwd
    await stack.restartAssets({
      flags: `${assetsFlags}${SNAPSHOTS ? ' --heapsnapshot-signal=SIGUSR2' : ''}`,
    });
    const pathOf = {
      get: `/assets/data/${uri}`,
      search: '/assets/data?search=billing',
      secret: `/assets/data/${uri}/secret`,
    };
    const paths = MIX.map(({ name, weight }) => ({ path: pathOf[name], weight }));
    const headers = { authorization: stack.bearer(USER, ORG, 4 * 3600), 'x-project-id': PROJECT };

    let rate = Number(process.env.BENCH_SOAK_RATE ?? 0);
    if (!rate) {
      const requests = paths.flatMap(({ path, weight }) =>
        Array.from({ length: weight }, () => ({ method: 'GET', path })),
      );
      const url = stack.assetsUrl;
      await runLoad({ url, requests, connections: 32, duration: 5, headers });
      const max = await runLoad({ url, requests, connections: 32, duration: 10, headers });
      rate = Math.max(10, Math.round(max.reqPerSec / 2));
      log(
        `  mixed max ${max.reqPerSec.toFixed(0)} req/s closed-loop (${max.non2xx + max.errors} failed) → soak at ${rate} req/s`,
      );
    }

    const samples = { assets: [], governance: [], heap: [] };
    const started = performance.now();
    const sampler = setInterval(() => {
      const t = (performance.now() - started) / 1000;
      samples.assets.push([t, rssOf(stack.assets.pid)]);
      samples.governance.push([t, rssOf(stack.governance.pid)]);
    }, 1000);
    const heapSampler = setInterval(async () => {
      const t = (performance.now() - started) / 1000;
      samples.heap.push([t, await heapUsed(stack.metricsUrl.assets)]);
    }, 10_000);
    const minuteLog = setInterval(() => {
      const [, a] = samples.assets.at(-1);
      const [, g] = samples.governance.at(-1);
      const [, h] = samples.heap.at(-1) ?? [0, NaN];
      log(
        `  ${((performance.now() - started) / 60_000).toFixed(0)} min: Assets RSS ${mib(a)} (heap used ${mib(h)}), Governance RSS ${mib(g)}`,
      );
    }, 60_000);
    const snapshotTimer = SNAPSHOTS ? setTimeout(() => stack.assets.kill('SIGUSR2'), 70_000) : null;

    const result = await runOpenLoop({ url: stack.assetsUrl, headers, rate, duration: MINUTES * 60, paths });
    clearInterval(sampler);
    clearInterval(heapSampler);
    clearInterval(minuteLog);
    clearTimeout(snapshotTimer);

    const minute = (series, m) =>
      median(series.filter(([t]) => t >= (m - 1) * 60 && t < m * 60).map(([, v]) => v));
    const drift = (series) => {
      const early = minute(series, 2);
      const late = minute(series, MINUTES);
      return { early, late, drift: (late - early) / early, peak: Math.max(...series.map(([, v]) => v)) };
    };
    const assets = drift(samples.assets);
    const governance = drift(samples.governance);
    log(
      `\n  ${result.sent} requests at ${rate} req/s: ${result.errors} errors ${JSON.stringify(result.statusCounts)}; p50 ${result.latency.p50.toFixed(2)} ms, p99 ${result.latency.p99.toFixed(2)} ms, max ${result.latency.max.toFixed(0)} ms`,
    );
    for (const [path, r] of Object.entries(result.byPath))
      log(
        `    ${path.replace(uri, '{uri}').padEnd(36)} ${r.count} requests, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`,
      );
    const line = (name, d) =>
      `  ${name.padEnd(10)} RSS minute 2 ${mib(d.early)}, minute ${MINUTES} ${mib(d.late)}, drift ${(100 * d.drift).toFixed(1)}%, peak ${mib(d.peak)}`;
    log(line('Assets', assets));
    log(line('Governance', governance));

    if (SNAPSHOTS) {
      stack.assets.kill('SIGUSR2');
      await new Promise((r) => setTimeout(r, 15_000));
      const files = readdirSync(snapshotDir)
        .filter((f) => f.endsWith('.heapsnapshot'))
        .sort()
        .map((f) => join(snapshotDir, f));
      log(`\n  heap snapshots: ${files.join(', ')}`);
      if (files.length >= 2) compareSnapshots(files[0], files.at(-1));
    }

    const ok = result.errors === 0 && assets.drift <= 0.1;
    log(
      `\nSummary: errors ${result.errors} (target 0), Assets RSS drift ${(100 * assets.drift).toFixed(1)}% (target ≤ 10%) — ${ok ? 'met' : 'NOT met'}`,
    );
    if (process.env.BENCH_JSON)
      writeFileSync(
        process.env.BENCH_JSON,
        JSON.stringify(
          { rate, minutes: MINUTES, assetsFlags, governanceFlags, result, assets, governance, samples },
          null,
          1,
        ),
      );
    return ok;
  } finally {
    await pool.end();
    if (!SNAPSHOTS || !process.env.BENCH_KEEP) await stack.close();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
