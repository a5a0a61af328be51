import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readdirSync } from 'node:fs';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A real PostgreSQL server of our own, with password (SCRAM) authentication, that a test may
 * stop, restart, and change roles and grants on. The machine's PostgreSQL trusts every local
 * login, so a changed password would go unnoticed there.
 */
export interface ScratchPostgres {
  port: number;
  /** A superuser client's query (the server's `postgres` role). */
  query(sql: string): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

const SUPERUSER_PASSWORD = 'scratch-superuser-pw';

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort().reverse();
  if (!versions.length) throw new Error('PostgreSQL server binaries are not installed');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** initdb refuses to run as root: as root, the server runs as the `postgres` OS user. */
async function asServerUser(command: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
  else await run(command, args);
}

export async function startScratchPostgres(): Promise<ScratchPostgres> {
  const bin = binDir();
  const root = await mkdtemp(path.join(tmpdir(), 'scratch-pg-'));
  const data = path.join(root, 'data');
  const pwfile = path.join(root, 'pw');
  await writeFile(pwfile, SUPERUSER_PASSWORD);
  await chmod(root, 0o777);
  await chmod(pwfile, 0o644);
  if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres', root]);
  await asServerUser(`${bin}/initdb`, [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=scram-sha-256',
    `--pwfile=${pwfile}`,
    '--no-sync',
  ]);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off`;
  const start = () =>
    asServerUser(`${bin}/pg_ctl`, ['-D', data, '-o', options, '-l', path.join(root, 'log'), '-w', 'start']);
  const stop = () => asServerUser(`${bin}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']);
  await start();
  let running = true;
  return {
    port,
    async query(sql) {
      const client = new pg.Client({
        host: '127.0.0.1',
        port,
        user: 'postgres',
        password: SUPERUSER_PASSWORD,
        database: 'postgres',
      });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (running) await stop();
      running = false;
    },
    async start() {
      if (!running) await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => undefined);
      running = false;
      await rm(root, { recursive: true, force: true });
    },
  };
}
