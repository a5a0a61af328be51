import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { EgressPolicy, type HostResolver } from '../../../apps/assets/src/egress/egress-policy.js';
import { loadVerificationConfig } from '../../../apps/assets/src/verification/verification.config.js';
import {
  VerificationService,
  type VerificationLogger,
} from '../../../apps/assets/src/verification/verification.service.js';

export const PG_ADMIN_URL = process.env.VERIFY_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function suffix(): string {
  return randomBytes(5).toString('hex');
}

/** A password nobody else uses, so finding it anywhere is proof of a leak. */
export function canary(): string {
  return `Canary-${randomBytes(9).toString('base64url')}!%+/`;
}

export interface ServiceOptions {
  env?: Record<string, string>;
  resolver?: HostResolver;
  logger?: VerificationLogger;
}

export function makeService(options: ServiceOptions = {}): VerificationService {
  const config = loadVerificationConfig({ NODE_ENV: 'test', ...options.env });
  const policy = new EgressPolicy({
    production: config.production,
    allowCidrs: config.allowCidrs,
    denyCidrs: config.denyCidrs,
    protectedPorts: config.protectedPorts,
    resolver: options.resolver,
  });
  return new VerificationService(config, policy, undefined, options.logger);
}

/** Records every log line the service and the drivers could emit, including console and stdio. */
export function captureLogs(): { lines: string[]; logger: VerificationLogger; restore(): void } {
  const lines: string[] = [];
  const push = (...args: unknown[]) =>
    lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  const originals = {
    log: console.log,
    warn: console.warn,
    error: console.error,
    info: console.info,
    debug: console.debug,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  console.log = console.warn = console.error = console.info = console.debug = push;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    push(String(chunk));
    return originals.out.call(process.stdout, chunk as string, ...(rest as []));
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    push(String(chunk));
    return originals.err.call(process.stderr, chunk as string, ...(rest as []));
  }) as typeof process.stderr.write;
  return {
    lines,
    logger: { log: push, warn: push },
    restore() {
      Object.assign(console, {
        log: originals.log,
        warn: originals.warn,
        error: originals.error,
        info: originals.info,
        debug: originals.debug,
      });
      process.stdout.write = originals.out;
      process.stderr.write = originals.err;
    },
  };
}

/** Fresh database on the local Postgres with schemas, tables, views and a password role. */
export async function createPgFixture(password: string) {
  const id = suffix();
  const database = `verify_${id}`;
  const role = `verify_${id}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
  await admin.end();
  const db = new pg.Client({ connectionString: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`) });
  await db.connect();
  await db.query(`
    CREATE SCHEMA sales;
    CREATE SCHEMA analytics;
    CREATE TABLE sales.orders (id int primary key, amount numeric);
    CREATE TABLE sales.customers (id int primary key, name text);
    CREATE VIEW sales.big_orders AS SELECT * FROM sales.orders WHERE amount > 100;
    CREATE MATERIALIZED VIEW analytics.daily AS SELECT 1 AS n;
    CREATE TABLE analytics.events (id int, at date) PARTITION BY RANGE (at);
    CREATE TABLE analytics.events_2024 PARTITION OF analytics.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TABLE public.tmp_scratch (x int);
    GRANT USAGE ON SCHEMA sales TO ${role};
    GRANT SELECT ON sales.orders TO ${role};
  `);
  await db.end();
  return {
    database,
    role,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS ${role}`);
      await c.end();
    },
  };
}

/** A local server that accepts connections and never says a word; tracks its sockets. */
export async function silentServer(): Promise<{
  port: number;
  open(): number;
  accepted(): number;
  close(): Promise<void>;
}> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    // Read (and drop) what arrives, so the peer's FIN is seen and 'close' fires.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    open: () => sockets.size,
    accepted: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return check();
}

export function pgInput(
  overrides: { config?: Record<string, unknown>; credentials?: Record<string, unknown> } = {},
) {
  return {
    type: 'postgres' as const,
    auth_type: 'basic',
    config: {
      auth_type: 'basic',
      host: '127.0.0.1',
      port: 5432,
      database: 'test',
      ssl_mode: 'disable',
      ...overrides.config,
    },
    credentials: { username: 'postgres', password: 'unused-under-trust', ...overrides.credentials },
  };
}
