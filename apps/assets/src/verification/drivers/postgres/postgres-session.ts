import { describeDestination } from '../../../egress/index.js';
import net from 'node:net';
import type tls from 'node:tls';
import pg from 'pg';
import type { ProbeContext } from '../../probe-context.js';
import type { VerificationStepName } from '../../verification.types.js';
import { postgresTlsOptions, type PostgresSettings } from './postgres-settings.js';

export interface PostgresSession {
  client: pg.Client;
  close(): Promise<void>;
}

class AttemptError extends Error {
  constructor(
    readonly phase: VerificationStepName,
    readonly reason: unknown,
    readonly startedAt: number,
  ) {
    super('connection attempt failed');
  }
}

const NO_TLS_ON_SERVER = /does not support SSL/i;
const CLOSE_GRACE_MS = 250;

/**
 * Connects to the pinned address and records `connect`, `tls` and `authenticate` from the
 * client's own events, so a failure lands on the phase it happened in. `prefer`/`allow` retry
 * without TLS only when the server says it has none.
 */
export async function openPostgresSession(
  settings: PostgresSettings,
  ctx: ProbeContext,
): Promise<PostgresSession> {
  const ssl = postgresTlsOptions(settings, ctx.destination);
  if (!ssl) ctx.skip('tls', 'TLS disabled by ssl_mode=disable');
  try {
    return await attempt(settings, ctx, ssl);
  } catch (error) {
    if (!(error instanceof AttemptError)) throw error;
    const fallback = settings.sslMode === 'prefer' || settings.sslMode === 'allow';
    if (
      fallback &&
      error.phase === 'tls' &&
      NO_TLS_ON_SERVER.test(String((error.reason as Error)?.message))
    ) {
      ctx.skip('tls', `server does not offer TLS; connected without it (ssl_mode=${settings.sslMode})`);
      ctx.warn('the connection is not encrypted: the server does not offer TLS');
      try {
        return await attempt(settings, ctx, false);
      } catch (retry) {
        if (retry instanceof AttemptError) throw ctx.failStep(retry.phase, retry.reason, retry.startedAt);
        throw retry;
      }
    }
    throw ctx.failStep(error.phase, error.reason, error.startedAt);
  }
}

async function attempt(
  settings: PostgresSettings,
  ctx: ProbeContext,
  ssl: tls.ConnectionOptions | false,
): Promise<PostgresSession> {
  const dest = ctx.destination;
  const socket = new net.Socket();
  const client = new pg.Client({
    host: dest.address,
    port: dest.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    ssl,
    stream: () => socket,
    keepAlive: false,
    connectionTimeoutMillis: ctx.stepTimeoutMs,
    statement_timeout: ctx.stepTimeoutMs,
    query_timeout: ctx.stepTimeoutMs,
    application_name: 'assets-verify',
  });
  // Errors after connect (server restart, our own destroy) must not crash the process.
  client.on('error', () => undefined);
  const destroy = () => {
    socket.destroy();
    (client as unknown as { connection?: { stream?: net.Socket } }).connection?.stream?.destroy();
  };
  ctx.onAbort(destroy);
  const close = async () => {
    await Promise.race([
      client.end().catch(() => undefined),
      new Promise((r) => setTimeout(r, CLOSE_GRACE_MS).unref()),
    ]);
    destroy();
  };

  let phase: VerificationStepName = 'connect';
  let startedAt = ctx.begin('connect');
  const next = (name: VerificationStepName, message: string) => {
    ctx.record(phase, 'ok', startedAt, message);
    phase = name;
    startedAt = ctx.begin(name);
  };
  socket.once('connect', () =>
    next(ssl ? 'tls' : 'authenticate', `connected to ${describeDestination(dest)}`),
  );
  const connection = (client as unknown as { connection: NodeJS.EventEmitter & { stream: tls.TLSSocket } })
    .connection;
  connection.once('sslconnect', () => {
    connection.stream.once('secureConnect', () => {
      const protocol = connection.stream.getProtocol?.() ?? 'TLS';
      const notAfter = connection.stream.getPeerCertificate?.()?.valid_to;
      if (notAfter) ctx.observeCertificate(new Date(notAfter));
      const verified = ssl && ssl.rejectUnauthorized ? 'certificate verified' : 'certificate not verified';
      next('authenticate', `${protocol} negotiated, ${verified}`);
    });
  });
  try {
    await ctx.withTimeout(phase, () => client.connect());
  } catch (error) {
    await close();
    throw new AttemptError(phase, error, startedAt);
  }
  ctx.record(phase, 'ok', startedAt, `authenticated as ${settings.user}`);
  return { client, close };
}
