// Appends to a large audit log: random (UUIDv4) against time-ordered (UUIDv7) event ids.
// Every secret read appends an audit event, so at 1,000 reads a second the log gains 86M rows a
// day. This creates Governance's real schema (its migrations, through its CLI), fills audit_events
// with BENCH_AUDIT_ROWS (2,000,000) rows of v4 ids, as the log held before ids became time-ordered,
// then times BENCH_AUDIT_BATCHES (5,000) appends of BENCH_AUDIT_BATCH (4) rows, the statement the
// group-committed audit sink sends, in rounds that alternate the id kind. Each round starts right
// after a CHECKPOINT, as a production log always is some time after one: the first change to a page
// after a checkpoint writes the whole page to the WAL. Reports per appended row: WAL bytes, the
// primary key's pages read from outside shared_buffers, and time.
// Run: npm run build && npm exec -- node bench/audit-append.bench.js
// Knobs: the BENCH_AUDIT_* above, BENCH_ROUNDS (2 per kind), BENCH_JSON, BENCH_POSTGRES_URL.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase } from './lib/db.js';
import { median } from './lib/stats.js';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 2_000_000);
const BATCHES = Number(process.env.BENCH_AUDIT_BATCHES ?? 5_000);
const BATCH = Number(process.env.BENCH_AUDIT_BATCH ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { timeOrderedUuid } = await import(join(ROOT, 'dist/libs/database/src/time-ordered-id.js'));

const COLUMNS = [
  'id',
  'timestamp',
  'org_id',
  'project_id',
  'actor_id',
  'actor_type',
  'action',
  'resource_type',
  'resource_id',
  'source_service',
  'request_id',
  'trace_id',
  'details',
];
const INSERT = `INSERT INTO "audit_events" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from(
  { length: BATCH },
  (_, row) => `(${COLUMNS.map((_, col) => `$${row * COLUMNS.length + col + 1}`).join(', ')})`,
).join(', ')}`;

const kinds = { v4: () => randomUUID(), v7: () => timeOrderedUuid() };

function eventValues(newId, n) {
  const values = [];
  for (let i = 0; i < BATCH; i++) {
    const connection = (n * BATCH + i) % 500;
    values.push(
      newId(),
      new Date(),
      `org-${connection % 3}`,
      'analytics-prod',
      `user-${connection % 40}`,
      'user',
      'data_connection.secret.read',
      'data_connection',
      `data:org-${connection % 3}:analytics-prod:db-${connection}#credentials-v1`,
      'governance',
      randomUUID(),
      null,
      '{}',
    );
  }
  return values;
}

const db = await createDatabase('audit');
const dataDir = mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), 'bench-audit-'));
const client = new pg.Client({ connectionString: db.url });
try {
  const cli = spawnSync(
    process.execPath,
    [join(ROOT, 'dist/apps/governance/src/cli.js'), 'org', 'create', 'org-0', '--owner', 'alice'],
    {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        GOVERNANCE_DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        AUTH_DATA_DIR: join(dataDir, 'auth'),
      },
      cwd: dataDir,
      encoding: 'utf8',
    },
  );
  if (cli.status !== 0) throw new Error(`governance migrations: ${cli.status} ${cli.stderr}`);
  await client.connect();

  const filled = Date.now();
  await client.query(
    `INSERT INTO audit_events (${COLUMNS.join(', ')})
     SELECT gen_random_uuid(), now() - (g % 2592000) * interval '1 second', 'org-' || (g % 3), 'analytics-prod',
            'user-' || (g % 40), 'user', 'data_connection.secret.read', 'data_connection',
            'data:org-' || (g % 3) || ':analytics-prod:db-' || (g % 500) || '#credentials-v1', 'governance',
            gen_random_uuid()::text, NULL, '{}'
       FROM generate_series(1, $1::int) g`,
    [ROWS],
  );
  await client.query('VACUUM ANALYZE audit_events');
  const { rows: sizes } = await client.query(
    `SELECT pg_size_pretty(pg_relation_size('audit_events')) AS heap,
            pg_size_pretty(pg_relation_size('audit_events_pkey')) AS pkey,
            current_setting('shared_buffers') AS shared_buffers`,
  );
  console.log(
    `audit_events: ${ROWS.toLocaleString('en-US')} rows of v4 ids in ${((Date.now() - filled) / 1000).toFixed(0)} s; heap ${sizes[0].heap}, primary key ${sizes[0].pkey}, shared_buffers ${sizes[0].shared_buffers}`,
  );
  const pkeyIo = async () =>
    (
      await client.query(
        `SELECT idx_blks_read::bigint AS read FROM pg_statio_user_indexes WHERE indexrelname = 'audit_events_pkey'`,
      )
    ).rows[0].read;
  const walLsn = async () => (await client.query('SELECT pg_current_wal_lsn() AS lsn')).rows[0].lsn;
  // A backend reports its I/O counters to pg_statio when a transaction ends, at most once a
  // second unless told to: this makes the statement's own end report them.
  const settleStats = () => client.query('SELECT pg_stat_force_next_flush()');

  const results = { v4: [], v7: [] };
  const order = Array.from({ length: ROUNDS }, (_, r) => (r % 2 === 0 ? ['v4', 'v7'] : ['v7', 'v4'])).flat();
  for (const kind of order) {
    await client.query('CHECKPOINT');
    await settleStats();
    const readBefore = await pkeyIo();
    const lsnBefore = await walLsn();
    const started = process.hrtime.bigint();
    // Prepared once per connection, as Governance's pool does for a statement it keeps sending.
    for (let n = 0; n < BATCHES; n++)
      await client.query({ name: 'audit_append', text: INSERT, values: eventValues(kinds[kind], n) });
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    const { rows: wal } = await client.query(
      'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::bigint AS bytes',
      [lsnBefore],
    );
    await settleStats();
    const readAfter = await pkeyIo();
    const rows = BATCHES * BATCH;
    const round = {
      walBytesPerRow: Number(wal[0].bytes) / rows,
      pkeyReadsPer1kRows: ((Number(readAfter) - Number(readBefore)) * 1000) / rows,
      usPerRow: (elapsedMs * 1000) / rows,
    };
    results[kind].push(round);
    console.log(
      `${kind}: ${rows.toLocaleString('en-US')} rows in ${BATCHES} appends of ${BATCH}: ${round.walBytesPerRow.toFixed(0)} WAL bytes/row, ${round.pkeyReadsPer1kRows.toFixed(1)} primary-key pages read from outside shared_buffers per 1,000 rows, ${round.usPerRow.toFixed(1)} µs/row`,
    );
  }

  const summary = Object.fromEntries(
    Object.entries(results).map(([kind, rounds]) => [
      kind,
      Object.fromEntries(Object.keys(rounds[0]).map((key) => [key, median(rounds.map((r) => r[key]))])),
    ]),
  );
  console.log('\nlower median per kind:', JSON.stringify(summary));
  console.log(
    `v7 / v4: WAL ${(summary.v7.walBytesPerRow / summary.v4.walBytesPerRow).toFixed(2)}×, time ${(summary.v7.usPerRow / summary.v4.usPerRow).toFixed(2)}×`,
  );
  if (process.env.BENCH_JSON)
    writeFileSync(process.env.BENCH_JSON, JSON.stringify({ rows: ROWS, summary }, null, 2));
} finally {
  await client.end().catch(() => undefined);
  await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
