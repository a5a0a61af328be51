// Streams 1 GiB up (PUT) and down (GET) through the Assets storage routes on the local backend
// and compares the throughput with a raw file copy of the same object on the same disk; also
// reports the peak RSS growth of the process (server and client both live in it).
// Targets: throughput ≥ 0.7× the raw copy, RSS growth ≤ 64 MiB.
// Auth is replaced by a fixed principal and an allow-all authz client: the bench measures the
// storage path (Fastify raw-body parser, controller, OpenDAL), not token checks. The files route
// is not mounted, so no database is needed.
// Run: npm run build && npm exec -- node bench/storage-stream.bench.js   (BENCH_STORAGE_BYTES to change the size)
import 'reflect-metadata';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createHttpApp, createLoggerModule } from '../dist/libs/core/src/index.js';
import { AuthzClient } from '../dist/libs/authz/src/index.js';
import { AuditSink } from '../dist/libs/audit/src/index.js';
import { ConnectionsService } from '../dist/apps/assets/src/connections/connections.service.js';
import { GovernanceCredentialsStore } from '../dist/apps/assets/src/governance/governance-credentials.store.js';
import { EgressPolicy } from '../dist/apps/assets/src/verification/egress/egress-policy.js';
import { loadStorageConfig } from '../dist/libs/storage/src/index.js';
import { StorageController } from '../dist/apps/assets/src/storage/storage.controller.js';
import { storageProviders } from '../dist/apps/assets/src/storage/storage.providers.js';

const TOTAL = Number(process.env.BENCH_STORAGE_BYTES ?? 1024 ** 3);
const CHUNK = 64 * 1024;
const MiB = 1024 * 1024;
const DEADLINE_MS = 10 * 60_000;

function generated(total) {
  let sent = 0;
  let n = 0;
  const template = Buffer.alloc(CHUNK);
  return new Readable({
    highWaterMark: CHUNK * 4,
    read() {
      if (sent >= total) return this.push(null);
      const size = Math.min(CHUNK, total - sent);
      const piece = Buffer.from(template.subarray(0, size));
      piece.writeUInt32BE(n++ >>> 0, 0);
      sent += size;
      this.push(piece);
    },
  });
}

function call(port, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/octet-stream', ...(body ? { 'transfer-encoding': 'chunked' } : {}) } }, (res) => {
      let bytes = 0;
      res.on('data', (d) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) pipeline(body, req).catch(reject);
    else req.end();
  });
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

const root = await mkdtemp(join(tmpdir(), 'storage-bench-'));
const timer = setTimeout(() => {
  console.error('bench timed out');
  process.exit(2);
}, DEADLINE_MS);
let app;
try {
  const config = loadStorageConfig({ OBSTORE_BACKEND: 'local', OBSTORE_LOCAL_PREFIX: join(root, 'store'), STORAGE_MAX_OBJECT_BYTES: String(TOTAL * 2) });
  class BenchModule {}
  Module({
    imports: [createLoggerModule({ service: 'bench', level: 'silent' })],
    controllers: [StorageController],
    providers: [
      { provide: DataSource, useValue: {} },
      { provide: AuthzClient, useValue: { batchCheck: async (checks) => checks.map(() => true) } },
      // Only `?connection=` uses these; the bench goes to the default store.
      { provide: ConnectionsService, useValue: {} },
      { provide: GovernanceCredentialsStore, useValue: {} },
      { provide: AuditSink, useValue: {} },
      { provide: EgressPolicy, useValue: {} },
      ...storageProviders(config),
    ],
  })(BenchModule);
  app = await createHttpApp(BenchModule, { service: 'bench', prefix: 'assets', title: 'bench', description: 'bench' });
  app.getHttpAdapter().getInstance().addHook('onRequest', async (req) => {
    req.principal = { userId: 'bench', orgId: 'acme', actorType: 'user', issuer: 'bench', token: '' };
    req.projectId = 'bench-project';
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address();
  const path = '/assets/storage/bench/blobs/one-gib.bin';

  if (global.gc) global.gc();
  const rssBase = process.memoryUsage().rss;
  let rssPeak = rssBase;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);

  const up = await timed(() => call(port, 'PUT', path, generated(TOTAL)));
  if (up.result.status !== 201) throw new Error(`PUT answered ${up.result.status}`);
  const down = await timed(() => call(port, 'GET', path));
  if (down.result.status !== 200 || down.result.bytes !== TOTAL) throw new Error(`GET answered ${down.result.status} with ${down.result.bytes} bytes`);
  clearInterval(sampler);

  const stored = join(root, 'store', 'acme', 'bench-project', 'bench', 'blobs', 'one-gib.bin');
  if ((await stat(stored)).size !== TOTAL) throw new Error('stored size mismatch');
  const copy = await timed(() => pipeline(createReadStream(stored), createWriteStream(join(root, 'copy.bin'))));

  const mibps = (ms) => TOTAL / MiB / (ms / 1000);
  const report = {
    bytes: TOTAL,
    raw_copy_mib_s: +mibps(copy.ms).toFixed(1),
    put_mib_s: +mibps(up.ms).toFixed(1),
    get_mib_s: +mibps(down.ms).toFixed(1),
    put_ratio: +(copy.ms / up.ms).toFixed(2),
    get_ratio: +(copy.ms / down.ms).toFixed(2),
    rss_growth_mib: +((rssPeak - rssBase) / MiB).toFixed(1),
  };
  console.log(JSON.stringify(report, null, 2));
  const ok = report.put_ratio >= 0.7 && report.get_ratio >= 0.7 && report.rss_growth_mib <= 64;
  console.log(ok ? 'targets met (≥ 0.7× raw copy, ≤ 64 MiB RSS growth)' : 'targets NOT met');
  process.exitCode = ok ? 0 : 1;
} finally {
  clearTimeout(timer);
  await app?.close();
  await rm(root, { recursive: true, force: true });
}
