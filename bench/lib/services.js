// Runs the services as production does: each app is its own Node process started from its
// main.js with environment variables only. Governance (with its dev OpenFGA endpoint, as in
// `npm start`) is one child, Assets another; the bench process only seeds, loads and samples.
// Fresh databases `bench_gov_<rand>` / `bench_assets_<rand>` are dropped by close().
//
// BENCH_ROOT      the checkout whose dist/ runs (default: this repo); lets a run measure an old
//                 commit's build with this harness (`git archive <rev> | tar -x -C /tmp/x`).
// BENCH_PORT_BASE first of 8 consecutive ports (default: free ports picked by the OS).
// BENCH_TMP       where DATA_DIR goes (default: the OS temp dir).
// BENCH_ASSETS_NODE_OPTIONS / BENCH_GOVERNANCE_NODE_OPTIONS  extra node flags (heap, --cpu-prof …).
// BENCH_LOG_LEVEL Assets' and Governance's LOG_LEVEL (default info: request logs are part of the cost;
//                 they go to a file in DATA_DIR as JSON, as a container runtime would read them).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDatabase } from './db.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ROOT = resolve(process.env.BENCH_ROOT ?? REPO);

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function ports(n) {
  const base = Number(process.env.BENCH_PORT_BASE ?? 0);
  if (base > 0) return Array.from({ length: n }, (_, i) => base + i);
  const out = [];
  for (let i = 0; i < n; i++) out.push(await freePort());
  return out;
}

/** Polls `url` until it answers 2xx (or the child exits, or the timeout passes). */
async function waitReady(url, child, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const logTail = () => {
    try {
      return readFileSync(child.logFile, 'utf8').slice(-3000);
    } catch {
      return '';
    }
  };
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode} while starting:\n${logTail()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} not ready at ${url} after ${timeoutMs} ms:\n${logTail()}`);
}

function nodeArgs(extra) {
  return (extra ?? '').split(/\s+/).filter(Boolean);
}

/** One app process: `node [flags] dist/apps/<app>/src/main.js`, logs to `<dataDir>/<app>.log`. */
function spawnApp(app, env, { flags, dataDir, preload, root = ROOT }) {
  const log = openSync(join(dataDir, `${app}.log`), 'a');
  const args = [...nodeArgs(flags)];
  if (preload) args.push('--import', pathToFileURL(preload).href);
  args.push(join(root, `dist/apps/${app}/src/main.js`));
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', log, log], cwd: dataDir });
  closeSync(log);
  child.logFile = join(dataDir, `${app}.log`);
  return child;
}

async function stopChild(child, timeoutMs = 20_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc), or NaN once it is gone. */
export function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = Number(process.env.BENCH_CLK_TCK ?? 100);

/**
 * CPU time (ms) of every PostgreSQL process on this machine (backends, WAL writer, checkpointer)
 * by pid. postgresCpuMsSince() sums what each used after the snapshot; a process that exited in
 * between is left out, so the figure errs low. Meaningful on a machine with no other PostgreSQL work.
 */
export function postgresCpuSnapshot() {
  const snapshot = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres')) continue;
    } catch {
      continue; // gone meanwhile
    }
    const ms = cpuMsOf(pid);
    if (Number.isFinite(ms)) snapshot.set(pid, ms);
  }
  return snapshot;
}

export function postgresCpuMsSince(before) {
  let total = 0;
  for (const [pid, ms] of postgresCpuSnapshot()) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Resident set size of a process in bytes (Linux /proc), or NaN once it is gone. */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb * 1024;
  } catch {
    return NaN;
  }
}

/**
 * Starts Governance then Assets in their own processes. `org`/`owner` are created first with
 * Governance's own CLI (the bootstrap step an operator runs). Returns URLs, pids, a token minter
 * and restartAssets() (to change flags between runs without reseeding).
 */
export async function startServices({ org, owner, assetsStart = {} } = {}) {
  const cleanup = [];
  // Once only (a signal and the script's own finally may both ask), last step first.
  let closing;
  const close = () =>
    (closing ??= (async () => {
      for (const step of [...cleanup].reverse())
        await step().catch((error) => console.error('cleanup:', error.message));
    })());
  try {
    const dataDir = mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), 'bench-services-'));
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const govDb = await createDatabase('gov');
    cleanup.push(govDb.drop);
    const assetsDb = await createDatabase('assets');
    cleanup.push(assetsDb.drop);

    const [govPort, govMetrics, fgaPort, assetsPort, assetsMetrics] = await ports(5);
    const apiToken = `bench-${Math.random().toString(36).slice(2)}`;
    const common = {
      NODE_ENV: 'test',
      PATH: process.env.PATH,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      LOG_FORMAT: 'json',
      AUTH_DATA_DIR: join(dataDir, 'auth'),
      GOVERNANCE_PORT: String(govPort),
      GOVERNANCE_HOST: '127.0.0.1',
      GOVERNANCE_METRICS_PORT: String(govMetrics),
      EMBEDDED_OPENFGA_PORT: String(fgaPort),
      ASSETS_PORT: String(assetsPort),
      ASSETS_HOST: '127.0.0.1',
      ASSETS_METRICS_PORT: String(assetsMetrics),
      OPENFGA_API_TOKEN: apiToken,
      RECONCILE_INTERVAL_MS: '0',
    };
    const govEnv = { ...common, GOVERNANCE_DATABASE_URL: govDb.url, DATA_DIR: join(dataDir, 'governance') };
    const assetsEnv = {
      ...common,
      ASSETS_DATABASE_URL: assetsDb.url,
      DATA_DIR: join(dataDir, 'assets'),
      GOVERNANCE_URL: `http://127.0.0.1:${govPort}`,
      OPENFGA_API_URL: `http://127.0.0.1:${fgaPort}`,
    };

    if (org) {
      const cli = spawnSync(
        process.execPath,
        [join(ROOT, 'dist/apps/governance/src/cli.js'), 'org', 'create', org, '--owner', owner],
        { env: govEnv, cwd: dataDir, encoding: 'utf8' },
      );
      if (cli.status !== 0) throw new Error(`org create: ${cli.status} ${cli.stderr}`);
    }

    const governanceUrl = `http://127.0.0.1:${govPort}`;
    const startGovernance = async ({
      flags = process.env.BENCH_GOVERNANCE_NODE_OPTIONS,
      env = {},
      root,
    } = {}) => {
      const child = spawnApp('governance', { ...govEnv, ...env }, { flags, dataDir, root });
      await waitReady(`${governanceUrl}/health/live`, child, 'Governance');
      await waitReady(`http://127.0.0.1:${fgaPort}/healthz`, child, 'OpenFGA endpoint');
      return child;
    };
    let governance = await startGovernance();
    cleanup.push(() => stopChild(governance));

    const assetsUrl = `http://127.0.0.1:${assetsPort}`;
    const services = {
      dataDir,
      governanceUrl,
      assetsUrl,
      assetsDb,
      govDb,
      get governance() {
        return governance;
      },
      assets: null,
      /** Restarts Governance (and its OpenFGA endpoint; `env` adds variables); restart Assets after it. */
      async restartGovernance(options) {
        await stopChild(governance);
        governance = await startGovernance(options);
        return governance;
      },
      metricsUrl: {
        assets: `http://127.0.0.1:${assetsMetrics}/metrics`,
        governance: `http://127.0.0.1:${govMetrics}/metrics`,
      },
      /**
       * (Re)starts Assets; `flags` replaces BENCH_ASSETS_NODE_OPTIONS for this start, `root` runs
       * another checkout's dist/ (before/after comparisons in one run).
       */
      async restartAssets({ flags = process.env.BENCH_ASSETS_NODE_OPTIONS, preload, env = {}, root } = {}) {
        await stopChild(services.assets);
        services.assets = spawnApp('assets', { ...assetsEnv, ...env }, { flags, dataDir, preload, root });
        await waitReady(`${assetsUrl}/health/ready`, services.assets, 'Assets');
        return services.assets;
      },
      stopAssets: () => stopChild(services.assets),
      bearer: null,
      close,
    };
    cleanup.push(() => stopChild(services.assets));
    // Ctrl-C still stops the children and drops the databases.
    for (const signal of ['SIGINT', 'SIGTERM'])
      process.once(signal, () => void close().finally(() => process.exit(130)));
    await services.restartAssets(assetsStart);

    // Tokens from the same dev identity provider keys the apps read (AUTH_DATA_DIR).
    const { DevTokenIssuer, loadAuthConfig } = await import(
      pathToFileURL(join(ROOT, 'dist/libs/auth/src/index.js')).href
    );
    const tokens = DevTokenIssuer.fromConfig(loadAuthConfig(govEnv));
    services.bearer = (sub, orgId, ttlSeconds = 3600) =>
      `Bearer ${tokens.issue({ sub, org: orgId, ttlSeconds })}`;
    /** Any token of that issuer, e.g. a service account's: { sub, org, ttlSeconds, extraClaims }. */
    services.issueToken = (claims) => tokens.issue(claims);
    return services;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The bare Fastify + pg baseline (lib/baseline-server.js) in its own process. */
export async function startBaseline(options) {
  const script = fileURLToPath(new URL('./baseline-server.js', import.meta.url));
  const flags = nodeArgs(process.env.BENCH_BASELINE_NODE_OPTIONS);
  const child = spawn(process.execPath, [...flags, script, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening (\d+)/.exec(out);
      if (m) done(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`baseline exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, close: () => stopChild(child) };
}
