import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { EmbeddedWireServer } from './embedded-wire-server.js';

export interface EmbeddedPostgres {
  url: string;
  dataDir: string | null;
  /** False when we attached to a server another process of ours already runs on the data dir. */
  owned: boolean;
  stop(): Promise<void>;
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

/**
 * Real PostgreSQL (PGlite, WASM) behind the wire protocol, so the app uses the same `pg`
 * driver and migrations as in production. PGlite is one session, so connections take turns
 * (see EmbeddedWireServer): code must never await another connection while holding a transaction.
 *
 * A data dir can be opened by one process only, so the server's URL is published next to it
 * and a second process (the CLI while `npm start` runs) connects to the running server.
 */
export interface EmbeddedPostgresOptions {
  dataDir?: string | null;
  maxConnections?: number;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  const urlFile = dataDir ? `${dataDir}.url` : null;
  if (urlFile) {
    let published: string | null = null;
    try {
      published = readFileSync(urlFile, 'utf8').trim();
    } catch {
      // not running
    }
    if (published && (await reachable(published))) {
      return { url: published, dataDir, owned: false, stop: async () => undefined };
    }
    mkdirSync(dataDir!, { recursive: true });
  }
  // The same extensions migrations expect on a real server (trigram search).
  const db = await PGlite.create(dataDir ?? 'memory://', { extensions: { pg_trgm, btree_gin } });
  const server = new EmbeddedWireServer(db, { maxConnections: options.maxConnections ?? 16 });
  const url = `postgres://postgres@127.0.0.1:${await server.start()}/postgres`;
  if (urlFile) writeFileSync(urlFile, url, { mode: 0o600 });
  return {
    url,
    dataDir,
    owned: true,
    async stop() {
      if (urlFile) rmSync(urlFile, { force: true });
      await server.stop();
      await db.close();
    },
  };
}
