import net from 'node:net';
import type oracledb from 'oracledb';
import type { Connection, ConnectionAttributes } from 'oracledb';
import { ConfigReader, HOST_PATTERN } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { globToLike } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import type { PinnedDestination } from '../../../egress/index.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationErrorCode, VerificationInput } from '../../verification.types.js';
import { groupCatalog, type CatalogRow } from '../shared/catalog.js';
import { connectInOneCall } from '../shared/one-shot-connect.js';
import { prop, sdkError } from '../shared/sdk-error.js';
import { defaultExport, lazySdk } from '../shared/lazy-sdk.js';
import { ALL_STEPS } from '../shared/steps.js';

const loadOracledb = lazySdk('oracledb', async () =>
  defaultExport<typeof oracledb>(await import('oracledb')),
);

const SERVICE_NAME = /^[A-Za-z0-9_$#.-]{1,255}$/;
const SINGLE_LINE = /^[^\u0000-\u001f\u007f]+$/;

export interface OracleSettings {
  host: string;
  port: number;
  serviceName: string;
  ssl: boolean;
  user: string;
  password: string;
}

function readSettings(input: VerificationInput): OracleSettings {
  if (input.auth_type !== 'basic') throw new DriverError('invalid_config', 'auth_type must be basic');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'host',
    'port',
    'service_name',
    'ssl',
  ]);
  const creds = new ConfigReader(input.credentials, 'credentials').only(['username', 'password']);
  return {
    host: config.required('host', { pattern: HOST_PATTERN, max: 253 }),
    port: config.port('port', 1521),
    serviceName: config.required('service_name', { pattern: SERVICE_NAME, max: 255 }),
    ssl: config.boolean('ssl', false),
    // Oracle user names are identifiers; quotes or `/` would change how the login is parsed.
    user: creds.required('username', { pattern: /^[A-Za-z0-9_$#.@-]{1,128}$/, max: 128 }),
    password: creds.required('password', { pattern: SINGLE_LINE, max: 1024 }),
  };
}

/**
 * EZConnect to the pinned address: thin mode resolves a host name itself (and would follow DNS
 * again), so the string carries the checked IP literal, never the name. The service name passed
 * the pattern above, so no descriptor syntax can ride along.
 */
export function buildOracleConnectString(
  s: Pick<OracleSettings, 'serviceName' | 'ssl'>,
  dest: PinnedDestination,
): string {
  const host = net.isIPv6(dest.address) ? `[${dest.address}]` : dest.address;
  return `${s.ssl ? 'tcps://' : ''}${host}:${dest.port}/${s.serviceName}`;
}

/** The only attributes given to oracledb.getConnection (thin mode; no wallet, config dir or tnsnames). */
export function buildOracleOptions(
  s: OracleSettings,
  dest: PinnedDestination,
  timeoutMs: number,
): ConnectionAttributes {
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  return {
    user: s.user,
    password: s.password,
    connectString: buildOracleConnectString(s, dest),
    connectTimeout: seconds,
    transportConnectTimeout: seconds,
    retryCount: 0,
    expireTime: 0,
    // Identity checks stay on: with an IP literal the certificate must name that address.
    sslServerDNMatch: true,
  };
}

const ORACLE_CODES: Record<string, VerificationErrorCode> = {
  'ORA-01017': 'auth_failed',
  'ORA-01005': 'auth_failed',
  'ORA-28000': 'auth_failed',
  'ORA-28001': 'auth_failed',
  'ORA-28040': 'auth_failed',
  'ORA-01045': 'permission_denied',
  'ORA-01031': 'permission_denied',
  'ORA-00942': 'not_found',
  'ORA-12514': 'not_found',
  'ORA-12505': 'not_found',
  'NJS-518': 'not_found',
  'NJS-519': 'not_found',
  'ORA-12541': 'unreachable',
  'ORA-12543': 'unreachable',
  'ORA-12537': 'unreachable',
  'NJS-500': 'unreachable',
  'NJS-501': 'unreachable',
  'NJS-503': 'unreachable',
  'NJS-511': 'unreachable',
  'NJS-521': 'unreachable',
  'NJS-530': 'unreachable',
  'NJS-510': 'timeout',
  'NJS-123': 'timeout',
  'ORA-12170': 'timeout',
  'DPI-1067': 'timeout',
  'NJS-505': 'tls_error',
  'NJS-506': 'tls_error',
  'NJS-507': 'tls_error',
  'NJS-508': 'tls_error',
  'NJS-512': 'invalid_config',
  'NJS-514': 'invalid_config',
  'NJS-515': 'invalid_config',
};

/** oracledb errors carry `code` as `ORA-nnnnn` / `NJS-nnn`; that name is the only detail kept. */
export function classifyOracleError(error: unknown): unknown {
  if (error instanceof DriverError) return error;
  const code = prop(error, 'code');
  if (code && ORACLE_CODES[code]) return sdkError(ORACLE_CODES[code], code);
  return error;
}

/**
 * Oracle Database in thin mode (pure JavaScript: no Instant Client, no initOracleClient): one
 * connection with a call timeout, the version, the user's tables and views (bounded), and a look
 * at powerful roles. Known gap: a listener REDIRECT (shared server) makes thin mode connect to the
 * address in the redirect, which this driver cannot pin; the type stays in preview.
 */
export class OracleDriver extends ConnectorDriver {
  readonly type = 'oracle' as const;
  readonly steps = ALL_STEPS;

  target(input: VerificationInput): EgressTarget {
    const s = readSettings(input);
    return { host: s.host, port: s.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSettings(input);
    if (!s.ssl) ctx.warn('TLS is off: data is not encrypted (the password is sent hashed)');
    const sdk = await loadOracledb();
    let conn: Connection | undefined;
    let closed = false;
    const close = async () => {
      if (!conn || closed) return;
      closed = true;
      await Promise.race([
        conn.close().catch(() => undefined),
        new Promise((r) => setTimeout(r, 500).unref()),
      ]);
    };
    ctx.onAbort(() => void close());
    try {
      conn = await connectInOneCall(
        ctx,
        {
          tls: s.ssl,
          noTlsMessage: 'TLS disabled by ssl=false',
          authMessage: `authenticated as ${s.user}`,
          classify: classifyOracleError,
        },
        () => sdk.getConnection(buildOracleOptions(s, ctx.destination, ctx.stepTimeoutMs)),
      );
      if (closed) await conn.close().catch(() => undefined);
      conn.callTimeout = ctx.stepTimeoutMs;
      const c = conn;
      const found = await ctx.step(
        'discover',
        () => this.discover(c, sdk, ctx).catch((error) => Promise.reject(classifyOracleError(error))),
        (r) => `${r.listed} objects${r.truncated ? ' (truncated)' : ''}`,
      );
      await ctx.step(
        'privileges',
        () => this.privileges(c, sdk, ctx).catch((error) => Promise.reject(classifyOracleError(error))),
        (m) => m,
      );
      return {
        server_version: `Oracle Database ${c.oracleServerVersionString}`,
        schemas: found.schemas,
        truncated: found.truncated,
      };
    } finally {
      await close();
    }
  }

  private async discover(conn: Connection, sdk: typeof oracledb, ctx: ProbeContext) {
    const binds: Record<string, string | number> = { lim: ctx.limits.maxObjects + 1 };
    const qualified = `owner || '.' || name`;
    let where = '1 = 1';
    ctx.limits.include.forEach((g, i) => (binds[`inc${i}`] = globToLike(g)));
    if (ctx.limits.include.length)
      where += ` AND (${ctx.limits.include.map((_, i) => `${qualified} LIKE :inc${i} ESCAPE '\\'`).join(' OR ')})`;
    ctx.limits.exclude.forEach((g, i) => {
      binds[`exc${i}`] = globToLike(g);
      where += ` AND ${qualified} NOT LIKE :exc${i} ESCAPE '\\'`;
    });
    const result = await conn.execute<[string, string, string]>(
      `SELECT owner, name, kind FROM (
         SELECT owner, table_name AS name, 'table' AS kind FROM all_tables WHERE owner = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA')
         UNION ALL
         SELECT owner, view_name, 'view' FROM all_views WHERE owner = SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA')
       ) WHERE ${where} ORDER BY owner, name FETCH FIRST :lim ROWS ONLY`,
      binds,
      { outFormat: sdk.OUT_FORMAT_ARRAY, maxRows: ctx.limits.maxObjects + 1 },
    );
    const rows: CatalogRow[] = (result.rows ?? []).map(([owner, name, kind]) => ({
      schema_name: owner,
      table_name: name,
      table_type: kind,
    }));
    return {
      ...groupCatalog(rows, ctx.limits.maxObjects),
      listed: Math.min(rows.length, ctx.limits.maxObjects),
    };
  }

  private async privileges(conn: Connection, sdk: typeof oracledb, ctx: ProbeContext): Promise<string> {
    const result = await conn.execute<[string]>(`SELECT granted_role FROM user_role_privs`, [], {
      outFormat: sdk.OUT_FORMAT_ARRAY,
      maxRows: 1000,
    });
    const roles = (result.rows ?? []).map(([r]) => r);
    if (roles.some((r) => ['DBA', 'SYSDBA', 'IMP_FULL_DATABASE', 'DATAPUMP_IMP_FULL_DATABASE'].includes(r))) {
      ctx.warn('this credential has the DBA role; use a read-only user');
    }
    return `${roles.length} role(s) granted to the current user`;
  }
}
