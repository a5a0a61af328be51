// Streams 1 GiB up (PUT) and down (GET) through the Assets storage routes on the local backend
// and compares the throughput with a raw file copy of the same object on the same disk; also
// reports the peak RSS growth of the server process.
// Targets: throughput ≥ 0.7× the raw copy, RSS growth ≤ 64 MiB.
// Memory method: the HTTP client and the raw copy run in a child process
// (bench/lib/storage-stream-client.js), so their buffers are not counted. This process, which is
// only the server, samples its own RSS every 20 ms during PUT and GET (not during the copy) and
// reports the peak minus a post-GC baseline, overall and per phase (a phase's peak includes what
// earlier phases left). BENCH_DEBUG=1 adds where the peak sits (V8 heap, ArrayBuffers, glibc's
// arenas), at the price of some extra allocation.
// Auth is replaced by a fixed principal and an allow-all authz client: the bench measures the
// storage path (Fastify raw-body parser, controller, OpenDAL), not token checks. The files route
// is not mounted, so no database is needed.
// Throughput: BENCH_STORAGE_ROUNDS rounds (default 3) of PUT, GET and raw copy, each phase after a
// `sync`; every ratio compares the phase with the raw copy of its own round, and the median is kept.
// Then the same bytes as BENCH_STORAGE_PARALLEL (default 4) objects at once, up and then down; its
// RSS peak is reported apart (`parallel.rss_growth_mib`), as the target is the single stream's.
// Run: npm run build && npm exec -- node bench/storage-stream.bench.js   (BENCH_STORAGE_BYTES to change the size)
import 'reflect-metadata';
import { execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Test } from '@nestjs/testing';
import { configureHttpApp, createHttpAdapter, createLoggerModule } from '../dist/libs/core/src/index.js';
import { AuthzClient } from '../dist/libs/authz/src/index.js';
import { createObjectStore, loadStorageConfig } from '../dist/libs/storage/src/index.js';
import { StorageController } from '../dist/apps/assets/src/storage/storage.controller.js';
import { ObjectStoreResolver } from '../dist/apps/assets/src/storage/object-store.resolver.js';
import { StorageHttpSetup } from '../dist/apps/assets/src/storage/storage-http.setup.js';
import { UploadSlots } from '../dist/apps/assets/src/storage/upload-slots.js';
import { DEFAULT_OBJECT_STORE, STORAGE_CONFIG } from '../dist/apps/assets/src/storage/index.js';

const TOTAL = Number(process.env.BENCH_STORAGE_BYTES ?? 1024 ** 3);
const ROUNDS = Number(process.env.BENCH_STORAGE_ROUNDS ?? 3);
/** Streams of the final phase (the upload cap per org is 4 by default). */
const PARALLEL = Number(process.env.BENCH_STORAGE_PARALLEL ?? 4);
/** Client write size; the server still receives whatever the socket reads hand it. */
const CHUNK = 1024 * 1024;
const MiB = 1024 * 1024;
const DEADLINE_MS = 10 * 60_000;

/** The HTTP client in a child process; `send` runs one request there and resolves with its timing. */
function startClient() {
  const child = fork(new URL('./lib/storage-stream-client.js', import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map();
  let next = 0;
  child.on('message', ({ id, error, ...result }) => {
    const { resolve, reject } = waiting.get(id);
    waiting.delete(id);
    if (error) reject(new Error(`client: ${error}`));
    else resolve(result);
  });
  child.on('exit', (code) =>
    waiting.forEach(({ reject }) => reject(new Error(`client exited with ${code}`))),
  );
  return {
    send: (message) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        child.send({ id, ...message });
      }),
    stop: () => child.kill(),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const root = await mkdtemp(join(tmpdir(), 'storage-bench-'));
const timer = setTimeout(() => {
  console.error('bench timed out');
  process.exit(2);
}, DEADLINE_MS);
let app;
try {
  const config = loadStorageConfig({
    OBSTORE_BACKEND: 'local',
    OBSTORE_LOCAL_PREFIX: join(root, 'store'),
    STORAGE_MAX_OBJECT_BYTES: String(TOTAL * 2),
  });
  // The storage route with its real resolver, slots and raw-body setup on the default store;
  // whatever only `?connection=` uses (connections, Governance, egress) is an empty stand-in.
  const moduleRef = await Test.createTestingModule({
    imports: [createLoggerModule({ service: 'bench', level: 'silent' })],
    controllers: [StorageController],
    providers: [
      ObjectStoreResolver,
      UploadSlots,
      StorageHttpSetup,
      { provide: STORAGE_CONFIG, useValue: config },
      { provide: DEFAULT_OBJECT_STORE, useValue: createObjectStore(config) },
      { provide: AuthzClient, useValue: { batchCheck: async (checks) => checks.map(() => true) } },
    ],
  })
    .useMocker(() => ({}))
    .compile();
  const http = {
    service: 'bench',
    prefix: 'assets',
    title: 'bench',
    description: 'bench',
    server: { defaultHost: 'localhost', description: 'bench' },
  };
  app = configureHttpApp(
    moduleRef.createNestApplication(createHttpAdapter(http), { bufferLogs: true }),
    http,
  );
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (req) => {
      req.principal = { userId: 'bench', orgId: 'acme', actorType: 'user', issuer: 'bench', token: '' };
      req.projectId = 'bench-project';
    });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address();
  const path = '/assets/storage/bench/blobs/one-gib.bin';

  // A full GC before the baseline, so start-up garbage is not credited to the streams.
  setFlagsFromString('--expose-gc');
  runInNewContext('gc')();
  const rssBase = process.memoryUsage().rss;
  // BENCH_DEBUG: resident MiB per kind of mapping: glibc's main arena ([heap]), anonymous regions of
  // at least 1 MiB (thread arenas, large V8 objects), smaller ones (V8 pages, stacks) and files.
  // Reading smaps at every new peak allocates, so debug runs report higher growth than plain ones.
  const mappings = () => {
    const out = { '[heap]': 0, 'anon>=1MiB': 0, 'anon<1MiB': 0, file: 0 };
    let kind = 'file';
    for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
      const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) {
        const size = parseInt(head[2], 16) - parseInt(head[1], 16);
        kind =
          head[3] === '[heap]'
            ? '[heap]'
            : head[3] === ''
              ? size >= MiB
                ? 'anon>=1MiB'
                : 'anon<1MiB'
              : 'file';
      } else if (line.startsWith('Rss:')) out[kind] += Number(line.split(/\s+/)[1]) / 1024;
    }
    return out;
  };
  const memory = () => {
    const m = process.memoryUsage();
    return {
      heapTotal: m.heapTotal / MiB,
      heapUsed: m.heapUsed / MiB,
      arrayBuffers: m.arrayBuffers / MiB,
      ...mappings(),
    };
  };
  const base = process.env.BENCH_DEBUG ? memory() : undefined;
  const rssPeak = { put: rssBase, get: rssBase, parallel: rssBase };
  let phase = 'put';
  const detail = {};
  const sample = () => {
    if (!phase) return;
    const m = process.memoryUsage();
    if (m.rss > rssPeak[phase]) {
      rssPeak[phase] = m.rss;
      // BENCH_DEBUG: where the peak sits (V8 heap, ArrayBuffers, anonymous vs file-backed pages).
      if (process.env.BENCH_DEBUG) detail[phase] = memory();
    }
  };
  const sampler = setInterval(sample, 20);
  const client = startClient();
  const stored = join(root, 'store', 'acme', 'bench-project', 'bench', 'blobs', 'one-gib.bin');
  const rounds = [];
  let parallel;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Flush the previous phase's dirty pages so no phase pays for another's writeback.
      execFileSync('sync');
      phase = 'put';
      const up = await client.send({ method: 'PUT', port, path, total: TOTAL, chunk: CHUNK });
      sample();
      if (up.status !== 201) throw new Error(`PUT answered ${up.status}`);
      if ((await stat(stored)).size !== TOTAL) throw new Error('stored size mismatch');
      execFileSync('sync');
      phase = 'get';
      const down = await client.send({ method: 'GET', port, path });
      sample();
      if (down.status !== 200 || down.bytes !== TOTAL)
        throw new Error(`GET answered ${down.status} with ${down.bytes} bytes`);
      execFileSync('sync');
      // The baseline copy runs in the client process: its buffers are not the server's memory.
      phase = null;
      const copy = await client.send({ method: 'COPY', from: stored, to: join(root, 'copy.bin') });
      // Every round writes fresh files, as the raw copy does: replacing a 1 GiB file would add its unlink to the PUT.
      await rm(join(root, 'copy.bin'));
      await rm(stored);
      rounds.push({ copy: copy.ms, put: up.ms, get: down.ms });
    }
    // The same 1 GiB as PARALLEL objects streamed at once, up and then down: memory must not grow
    // with the number of streams (each upload holds its own staging buffers, all share one GC budget).
    if (PARALLEL > 1) {
      const share = Math.floor(TOTAL / PARALLEL);
      const paths = Array.from({ length: PARALLEL }, (_, i) => `/assets/storage/bench/blobs/part-${i}.bin`);
      execFileSync('sync');
      phase = 'parallel';
      const started = process.hrtime.bigint();
      const ups = await Promise.all(
        paths.map((p) => client.send({ method: 'PUT', port, path: p, total: share, chunk: CHUNK })),
      );
      const upMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (ups.some((u) => u.status !== 201))
        throw new Error(`parallel PUT answered ${ups.map((u) => u.status)}`);
      execFileSync('sync');
      const downStarted = process.hrtime.bigint();
      const downs = await Promise.all(paths.map((p) => client.send({ method: 'GET', port, path: p })));
      const downMs = Number(process.hrtime.bigint() - downStarted) / 1e6;
      sample();
      if (downs.some((d) => d.status !== 200 || d.bytes !== share))
        throw new Error('parallel GET came back short');
      phase = null;
      parallel = {
        streams: PARALLEL,
        put_mib_s: +((share * PARALLEL) / MiB / (upMs / 1000)).toFixed(1),
        get_mib_s: +((share * PARALLEL) / MiB / (downMs / 1000)).toFixed(1),
      };
    }
  } finally {
    clearInterval(sampler);
    client.stop();
  }

  // Ratios are taken within a round (adjacent measurements), then the median over the rounds.
  const mibps = (ms) => TOTAL / MiB / (ms / 1000);
  const report = {
    bytes: TOTAL,
    rounds: ROUNDS,
    raw_copy_mib_s: +mibps(median(rounds.map((r) => r.copy))).toFixed(1),
    put_mib_s: +mibps(median(rounds.map((r) => r.put))).toFixed(1),
    get_mib_s: +mibps(median(rounds.map((r) => r.get))).toFixed(1),
    put_ratio: +median(rounds.map((r) => r.copy / r.put)).toFixed(2),
    get_ratio: +median(rounds.map((r) => r.copy / r.get)).toFixed(2),
    put_ratios: rounds.map((r) => +(r.copy / r.put).toFixed(2)),
    get_ratios: rounds.map((r) => +(r.copy / r.get).toFixed(2)),
    rss_growth_mib: +((Math.max(rssPeak.put, rssPeak.get) - rssBase) / MiB).toFixed(1),
    rss_growth_put_mib: +((rssPeak.put - rssBase) / MiB).toFixed(1),
    rss_growth_get_mib: +((rssPeak.get - rssBase) / MiB).toFixed(1),
    ...(parallel
      ? { parallel: { ...parallel, rss_growth_mib: +((rssPeak.parallel - rssBase) / MiB).toFixed(1) } }
      : {}),
    rss_method:
      'server process only (client forked), peak over all rounds minus a post-GC baseline, sampled every 20 ms',
  };
  console.log(JSON.stringify(report, null, 2));
  if (base) {
    // Each phase's peak against the baseline, in MiB.
    const rounded = (values) =>
      Object.fromEntries(Object.entries(values).map(([k, v]) => [k, +v.toFixed(1)]));
    const growth = (at) => rounded(Object.fromEntries(Object.entries(at).map(([k, v]) => [k, v - base[k]])));
    console.log(
      JSON.stringify({
        base: rounded(base),
        ...Object.fromEntries(
          Object.entries(detail).map(([name, at]) => [`${name}_peak_growth`, growth(at)]),
        ),
      }),
    );
  }
  const ok = report.put_ratio >= 0.7 && report.get_ratio >= 0.7 && report.rss_growth_mib <= 64;
  console.log(ok ? 'targets met (≥ 0.7× raw copy, ≤ 64 MiB RSS growth)' : 'targets NOT met');
  process.exitCode = ok ? 0 : 1;
} finally {
  clearTimeout(timer);
  await app?.close();
  await rm(root, { recursive: true, force: true });
}
