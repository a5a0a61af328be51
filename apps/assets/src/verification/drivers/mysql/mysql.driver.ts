import net from 'node:net';
import type tls from 'node:tls';
import type mysql from 'mysql2/promise';
import { ConfigReader, HOST_PATTERN, IDENTIFIER_PATTERN } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { globToLike } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import { type PinnedDestination, describeDestination } from '../../../egress/index.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationInput, VerificationStepName } from '../../verification.types.js';
import { chunk, groupCatalog, qualifySelected, type CatalogRow } from '../shared/catalog.js';
import { defaultExport, lazySdk } from '../shared/lazy-sdk.js';
import { ALL_STEPS } from '../shared/steps.js';

const loadMysql = lazySdk('mysql2', async () => defaultExport<typeof mysql>(await import('mysql2/promise')));

export const MYSQL_SSL_MODES = ['disable', 'preferred', 'required', 'verify_ca', 'verify_identity'] as const;
type MysqlSslMode = (typeof MYSQL_SSL_MODES)[number];

interface MysqlSettings {
  host: string;
  port: number;
  database: string;
  sslMode: MysqlSslMode;
  user: string;
  password: string;
  ca?: string;
}

const CONFIG_FIELDS = ['auth_type', 'host', 'port', 'database', 'ssl_mode', 'selected_tables'];
const CREDENTIAL_FIELDS = ['username', 'password', 'ca_cert'];
const TABLE_TYPES: Record<string, string> = {
  'BASE TABLE': 'table',
  VIEW: 'view',
  'SYSTEM VIEW': 'view',
  SEQUENCE: 'sequence',
  'SYSTEM VERSIONED': 'table',
};

function readSettings(input: VerificationInput): MysqlSettings {
  if (input.auth_type !== 'basic') throw new DriverError('invalid_config', 'auth_type must be basic');
  const config = new ConfigReader(input.config, 'config').only(CONFIG_FIELDS);
  const creds = new ConfigReader(input.credentials, 'credentials').only(CREDENTIAL_FIELDS);
  return {
    host: config.required('host', { pattern: HOST_PATTERN, max: 255 }),
    port: config.port('port', 3306),
    database: config.required('database', { pattern: IDENTIFIER_PATTERN, max: 64 }),
    sslMode: config.enumOf('ssl_mode', MYSQL_SSL_MODES, 'preferred'),
    user: creds.required('username', { max: 255, pattern: /^[^\u0000-\u001f\u007f]+$/ }),
    password: creds.required('password', { max: 1024 }),
    ca: creds.pem('ca_cert'),
  };
}

/** mysql2's `ssl` profile per ssl-mode; `undefined` means plain. */
function sslProfile(
  settings: MysqlSettings,
): (mysql.SslOptions & { rejectUnauthorized: boolean; verifyIdentity?: boolean }) | undefined {
  const ca = settings.ca ? { ca: settings.ca } : {};
  switch (settings.sslMode) {
    case 'disable':
      return undefined;
    case 'preferred':
    case 'required':
      return { ...ca, rejectUnauthorized: false };
    case 'verify_ca':
      return { ...ca, rejectUnauthorized: true, verifyIdentity: false };
    case 'verify_identity':
      return { ...ca, rejectUnauthorized: true, verifyIdentity: true };
    default: {
      const unreachable: never = settings.sslMode;
      return unreachable;
    }
  }
}

const NO_TLS_ON_SERVER = 'HANDSHAKE_NO_SSL_SUPPORT';

/**
 * The only options this driver ever gives mysql2, built from checked fields. `host` is the
 * user's name for TLS SNI/identity; the socket (from `stream`) goes to the pinned address.
 */
export function buildMysqlOptions(
  settings: Pick<MysqlSettings, 'user' | 'password' | 'database'>,
  dest: PinnedDestination,
  ssl: ReturnType<typeof sslProfile>,
  timeoutMs: number,
  stream: () => net.Socket,
): mysql.ConnectionOptions {
  return {
    host: dest.hostname,
    port: dest.port,
    user: settings.user,
    password: settings.password,
    database: settings.database,
    ssl,
    connectTimeout: timeoutMs,
    multipleStatements: false,
    // No LOCAL INFILE capability and no infileStreamFactory: the server cannot ask for a file.
    flags: ['-LOCAL_FILES', '-MULTI_STATEMENTS'],
    supportBigNumbers: true,
    stream,
  };
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

/**
 * mysql2 with local infile impossible (the LOCAL_FILES capability is removed and no
 * `infileStreamFactory` is given: this mysql2 has no `localInfile` option), one statement per
 * query, no user-supplied flags. The socket is ours, to the pinned address; `host` is only the
 * name mysql2 uses for TLS SNI and identity checks.
 */
export class MysqlDriver extends ConnectorDriver {
  readonly type = 'mysql' as const;
  readonly steps = ALL_STEPS;

  target(input: VerificationInput): EgressTarget {
    const settings = readSettings(input);
    return { host: settings.host, port: settings.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const settings = readSettings(input);
    const session = await this.open(settings, ctx);
    try {
      const result = await ctx.step(
        'discover',
        async () => {
          const [versionRows] = await session.conn.query<mysql.RowDataPacket[]>('SELECT VERSION() AS v');
          const catalog = await this.discover(session.conn, settings.database, ctx);
          const missing = ctx.selectedTables.length
            ? await this.missingSelected(session.conn, ctx.selectedTables, settings.database)
            : undefined;
          return { version: String(versionRows[0].v), catalog, missing };
        },
        ({ catalog }) =>
          `${catalog.listed} objects in ${settings.database}${catalog.truncated ? ' (truncated)' : ''}`,
      );
      await ctx.step(
        'privileges',
        () => this.privileges(session.conn, ctx),
        (m) => m,
      );
      const flavour = /mariadb/i.test(result.version) ? 'MariaDB' : 'MySQL';
      return {
        server_version: `${flavour} ${result.version.split('-')[0]}`,
        schemas: result.catalog.schemas,
        truncated: result.catalog.truncated,
        missing_selected_tables: result.missing,
      };
    } finally {
      await session.close();
    }
  }

  private async open(settings: MysqlSettings, ctx: ProbeContext) {
    const ssl = sslProfile(settings);
    if (!ssl) ctx.skip('tls', 'TLS disabled by ssl_mode=disable');
    try {
      return await this.attempt(settings, ctx, ssl);
    } catch (error) {
      if (!(error instanceof AttemptError)) throw error;
      const code = (error.reason as { code?: string })?.code;
      if (settings.sslMode === 'preferred' && code === NO_TLS_ON_SERVER) {
        ctx.skip('tls', 'server does not offer TLS; connected without it (ssl_mode=preferred)');
        ctx.warn('the connection is not encrypted: the server does not offer TLS');
        try {
          return await this.attempt(settings, ctx, undefined);
        } catch (retry) {
          if (retry instanceof AttemptError) throw ctx.failStep(retry.phase, retry.reason, retry.startedAt);
          throw retry;
        }
      }
      throw ctx.failStep(error.phase, error.reason, error.startedAt);
    }
  }

  private async attempt(settings: MysqlSettings, ctx: ProbeContext, ssl: ReturnType<typeof sslProfile>) {
    const sdk = await loadMysql();
    const dest = ctx.destination;
    let socket: net.Socket | undefined;
    let phase: VerificationStepName = 'connect';
    let startedAt = ctx.begin('connect');
    let connectedAt = 0;
    ctx.onAbort(() => socket?.destroy());
    const options = buildMysqlOptions(settings, dest, ssl, ctx.stepTimeoutMs, () => {
      socket = net.connect({ host: dest.address, port: dest.port, family: dest.family });
      socket.once('connect', () => {
        ctx.record('connect', 'ok', startedAt, `connected to ${describeDestination(dest)}`);
        connectedAt = performance.now();
        phase = ssl ? 'tls' : 'authenticate';
        startedAt = ctx.begin(phase);
      });
      return socket;
    });
    let conn: mysql.Connection;
    try {
      conn = await ctx.withTimeout('connect', () => sdk.createConnection(options));
    } catch (error) {
      socket?.destroy();
      const code = (error as { code?: string })?.code;
      const failedPhase =
        (phase as VerificationStepName) === 'authenticate' && code === NO_TLS_ON_SERVER ? 'tls' : phase;
      throw new AttemptError(failedPhase, error, startedAt);
    }
    conn.on('error', () => undefined);
    const stream = (conn as unknown as { connection?: { stream?: tls.TLSSocket } }).connection?.stream;
    if (ssl) {
      // mysql2 upgrades inside its handshake, so TLS and authentication finish together.
      const protocol = stream?.getProtocol?.() ?? 'TLS';
      ctx.record(
        'tls',
        'ok',
        connectedAt,
        `${protocol} negotiated, certificate ${ssl.rejectUnauthorized ? 'verified' : 'not verified'}`,
      );
      ctx.record('authenticate', 'ok', performance.now(), `authenticated as ${settings.user}`);
    } else {
      ctx.record('authenticate', 'ok', startedAt, `authenticated as ${settings.user}`);
    }
    const close = async () => {
      await Promise.race([conn.end().catch(() => undefined), new Promise((r) => setTimeout(r, 250).unref())]);
      conn.destroy();
      socket?.destroy();
    };
    return { conn, close };
  }

  private async discover(conn: mysql.Connection, database: string, ctx: ProbeContext) {
    const params: unknown[] = [database];
    const qualified = `CONCAT(table_schema, '.', table_name)`;
    let where = 'table_schema = ?';
    if (ctx.limits.include.length) {
      where += ` AND (${ctx.limits.include.map(() => `${qualified} LIKE ?`).join(' OR ')})`;
      params.push(...ctx.limits.include.map(globToLike));
    }
    for (const g of ctx.limits.exclude) {
      where += ` AND ${qualified} NOT LIKE ?`;
      params.push(globToLike(g));
    }
    params.push(ctx.limits.maxObjects + 1);
    const [rows] = await conn.query<mysql.RowDataPacket[]>({
      sql: `SELECT table_schema AS schema_name, table_name AS table_name, table_type AS table_type
              FROM information_schema.tables WHERE ${where}
             ORDER BY table_schema, table_name LIMIT ?`,
      values: params,
      timeout: ctx.stepTimeoutMs,
    });
    const typed: CatalogRow[] = rows.map((r) => ({
      schema_name: String(r.schema_name),
      table_name: String(r.table_name),
      table_type: TABLE_TYPES[String(r.table_type)] ?? String(r.table_type).toLowerCase(),
    }));
    return {
      ...groupCatalog(typed, ctx.limits.maxObjects),
      listed: Math.min(typed.length, ctx.limits.maxObjects),
    };
  }

  private async missingSelected(
    conn: mysql.Connection,
    selected: readonly string[],
    database: string,
  ): Promise<string[]> {
    const wanted = qualifySelected(selected, database);
    const present = new Set<string>();
    for (const names of chunk([...wanted.keys()], 1000)) {
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT CONCAT(table_schema, '.', table_name) AS q FROM information_schema.tables
          WHERE CONCAT(table_schema, '.', table_name) IN (${names.map(() => '?').join(', ')})`,
        names,
      );
      for (const row of rows) present.add(String(row.q));
    }
    return [...wanted.entries()].filter(([q]) => !present.has(q)).map(([, original]) => original);
  }

  private async privileges(conn: mysql.Connection, ctx: ProbeContext): Promise<string> {
    const [rows] = await conn.query<mysql.RowDataPacket[]>('SHOW GRANTS FOR CURRENT_USER()');
    const grants = rows.map((r) => String(Object.values(r)[0]));
    const global = grants.filter((g) => / ON \*\.\* /i.test(g));
    if (global.some((g) => /ALL PRIVILEGES|\bSUPER\b/i.test(g)))
      ctx.warn('this credential is a superuser; use a read-only user');
    if (global.some((g) => /\bFILE\b/.test(g) && !/ALL PRIVILEGES/i.test(g)))
      ctx.warn('this credential has the FILE privilege');
    if (grants.some((g) => /WITH GRANT OPTION/i.test(g)))
      ctx.warn('this credential can grant privileges to others');
    return `${grants.length} grant(s) for the current user`;
  }
}
