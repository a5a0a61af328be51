// Where Assets spends its CPU under load: runs Assets (own process, as production) with
// --cpu-prof, drives one route with autocannon, stops Assets so V8 writes the profile, then
// prints self/total time by package and by function (lib/cpuprofile-summary.js).
// Not a *.bench.js: `npm run bench` skips it. Run after `npm run build`:
//   npm exec -- node bench/profile-assets.js [get|secret|search ...]   (default: get secret)
// Knobs: BENCH_DURATION (15 s), BENCH_CONNECTIONS (32), BENCH_PROFILE_DIR (a temp dir, kept),
// BENCH_TOP (30), BENCH_URIS (100: connections the get and secret loads spread over), and those of
// lib/services.js.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { startServices } from './lib/services.js';
import { runLoad } from './lib/load.js';
import { ORG, PROJECT, seedConnections, USER } from './lib/seed.js';
import { printSummary, summarise } from './lib/cpuprofile-summary.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TOP = Number(process.env.BENCH_TOP ?? 30);
const URIS = Number(process.env.BENCH_URIS ?? 100);
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['get', 'secret'];
const dir =
  process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), 'assets-profile-'));

const stack = await startServices({ org: ORG, owner: USER });
try {
  const uris = await seedConnections(stack, URIS);
  const headers = { authorization: stack.bearer(USER, ORG), 'x-project-id': PROJECT };
  const paths = {
    get: uris.map((uri) => `/assets/data/${uri}`),
    secret: uris.map((uri) => `/assets/data/${uri}/secret`),
    search: [`/assets/data?search=analytics`],
  };
  for (const route of routes) {
    const profileDir = join(dir, route);
    await stack.restartAssets({
      flags: `${process.env.BENCH_ASSETS_NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`,
    });
    const url = stack.assetsUrl;
    const load = { url, paths: paths[route], connections: CONNECTIONS, headers };
    await runLoad({ ...load, duration: 3 });
    const r = await runLoad({ ...load, duration: DURATION });
    await stack.stopAssets();
    const file = join(
      profileDir,
      readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile')),
    );
    console.log(
      `\n=== ${route}: ${paths[route][0]} (and ${paths[route].length - 1} more) — ${r.reqPerSec.toFixed(0)} req/s under the profiler, ${r.non2xx + r.errors} failed; ${file}`,
    );
    printSummary(summarise(JSON.parse(readFileSync(file, 'utf8'))), TOP);
  }
} finally {
  await stack.close();
}
process.exit(0);
