// Verification engine benchmarks against the local Postgres:
//  1. discovery of 10,000 tables in a fresh database (target ≤ 2 s);
//  2. p50 overhead of a full verify over a raw `pg` connect + query + end (target ≤ 20 ms).
// Run: npm run build && npm exec -- node bench/verification.bench.js
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { EgressPolicy } from '../dist/apps/assets/src/egress/egress-policy.js';
import { loadVerificationConfig } from '../dist/apps/assets/src/verification/verification.config.js';
import { VerificationService } from '../dist/apps/assets/src/verification/verification.service.js';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TABLES = 10_000;
const DISCOVERY_RUNS = 5;
const OVERHEAD_RUNS = 200;

const p = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const database = `verify_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
try {
  const db = new pg.Client({ connectionString: ADMIN_URL.replace(/\/[^/]*$/, `/${database}`) });
  await db.connect();
  const seedStart = performance.now();
  for (let s = 0; s < 10; s++) await db.query(`CREATE SCHEMA s${s}`);
  // Batches of 500: one transaction creating 10k tables exceeds max_locks_per_transaction.
  for (let from = 0; from < TABLES; from += 500) {
    const ddl = [];
    for (let i = from; i < Math.min(TABLES, from + 500); i++)
      ddl.push(`CREATE TABLE s${i % 10}.t${i} (id int);`);
    await db.query(ddl.join('\n'));
  }
  await db.end();
  console.log(`seeded ${TABLES} tables in ${fmt(performance.now() - seedStart)}`);

  const config = loadVerificationConfig({
    NODE_ENV: 'development',
    VERIFY_MAX_CONCURRENT: '1',
    VERIFY_MAX_CONCURRENT_PER_ORG: '1',
  });
  const service = new VerificationService(
    config,
    new EgressPolicy({ production: false, protectedPorts: config.protectedPorts }),
  );
  const input = (name) => ({
    type: 'postgres',
    auth_type: 'basic',
    config: { host: '127.0.0.1', port: 5432, database: name, ssl_mode: 'disable' },
    credentials: { username: 'postgres', password: 'bench' },
  });

  const discovery = [];
  for (let i = 0; i < DISCOVERY_RUNS; i++) {
    const started = performance.now();
    const report = await service.verify(input(database), { orgId: 'bench' });
    discovery.push(performance.now() - started);
    const count = (report.details.schemas ?? []).reduce((n, s) => n + s.tables.length, 0);
    if (!report.success || count !== TABLES || report.details.truncated) {
      throw new Error(
        `unexpected discovery: success=${report.success} tables=${count} truncated=${report.details.truncated}`,
      );
    }
  }
  console.log(
    `discovery of ${TABLES} tables: p50 ${fmt(p(discovery, 0.5))}, max ${fmt(Math.max(...discovery))} (target ≤ 2000 ms)`,
  );

  // Overhead: the same small database ('test'), raw client vs full verify, interleaved.
  const raw = [];
  const verify = [];
  for (let i = 0; i < OVERHEAD_RUNS + 20; i++) {
    let started = performance.now();
    const client = new pg.Client({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      password: 'bench',
      database: 'test',
      ssl: false,
    });
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
    const rawMs = performance.now() - started;
    started = performance.now();
    const report = await service.verify(input('test'), { orgId: 'bench' });
    const verifyMs = performance.now() - started;
    if (!report.success) throw new Error(report.message);
    if (i >= 20) {
      raw.push(rawMs);
      verify.push(verifyMs);
    }
  }
  const overhead = p(verify, 0.5) - p(raw, 0.5);
  console.log(`raw pg connect+query+end: p50 ${fmt(p(raw, 0.5))}, p95 ${fmt(p(raw, 0.95))}`);
  console.log(`verify (all steps):       p50 ${fmt(p(verify, 0.5))}, p95 ${fmt(p(verify, 0.95))}`);
  console.log(`verify overhead at p50:   ${fmt(overhead)} (target ≤ 20 ms)`);
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
