import { createPrivateKey } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type snowflake from 'snowflake-sdk';
import { ConfigReader, IDENTIFIER_PATTERN, PEM } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationErrorCode, VerificationInput } from '../../verification.types.js';
import { PinnedHttpPhases } from '../shared/pinned-http.js';
import { codeForHttpStatus, prop, sdkError } from '../shared/sdk-error.js';
import { ALL_STEPS } from '../shared/steps.js';

const ACCOUNT = /^(?!.*snowflakecomputing)[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
const SINGLE_LINE = /^[^\u0000-\u001f\u007f]+$/;
const POWERFUL_ROLES = new Set(['ACCOUNTADMIN', 'ORGADMIN', 'SECURITYADMIN', 'SYSADMIN', 'USERADMIN']);

type SnowflakeAuth = { kind: 'basic'; password: string } | { kind: 'key_pair'; privateKey: string };

export interface SnowflakeSettings {
  account: string;
  /** `<account>.snowflakecomputing.com`, underscores as hyphens (they are not valid in host names). */
  host: string;
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
  username: string;
  auth: SnowflakeAuth;
}

/**
 * The key as unencrypted PKCS#8 PEM, decrypted here with its passphrase: the SDK gets key
 * material, never a path (`privateKeyPath`) or a passphrase to apply itself.
 */
export function decryptPrivateKey(pem: string, passphrase: string | undefined): string {
  try {
    const key = createPrivateKey({
      key: pem,
      format: 'pem',
      ...(passphrase !== undefined ? { passphrase } : {}),
    });
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return key.export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch {
    throw new DriverError(
      'invalid_config',
      'the private key could not be read: it must be an RSA PEM key (with the right passphrase if encrypted)',
    );
  }
}

export function readSnowflakeSettings(input: VerificationInput): SnowflakeSettings {
  const kind = input.auth_type;
  if (kind !== 'basic' && kind !== 'key_pair')
    throw new DriverError('invalid_config', 'auth_type must be basic or key_pair');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'account',
    'warehouse',
    'database',
    'db_schema',
    'role',
  ]);
  const creds = new ConfigReader(input.credentials, 'credentials').only(
    kind === 'basic' ? ['username', 'password'] : ['username', 'private_key', 'private_key_passphrase'],
  );
  const account = config.required('account', { pattern: ACCOUNT, max: 255 });
  const ident = (key: string) => config.string(key, { pattern: IDENTIFIER_PATTERN, max: 255 });
  return {
    account,
    host: `${account.toLowerCase().replace(/_/g, '-')}.snowflakecomputing.com`,
    warehouse: ident('warehouse'),
    database: ident('database'),
    schema: ident('db_schema'),
    role: ident('role'),
    username: creds.required('username', { pattern: SINGLE_LINE, max: 255 }),
    auth:
      kind === 'basic'
        ? { kind, password: creds.required('password', { max: 1024 }) }
        : {
            kind,
            privateKey: decryptPrivateKey(
              creds.required('private_key', { pattern: PEM, max: 16 * 1024 }),
              creds.string('private_key_passphrase', { max: 1024 }),
            ),
          },
  };
}

/** Options this driver sets; a few (`agentClass`, retry and console-login switches) are untyped in the SDK. */
export interface SnowflakeConnectOptions {
  account: string;
  accessUrl: string;
  host: string;
  username: string;
  authenticator: 'SNOWFLAKE' | 'SNOWFLAKE_JWT';
  password?: string;
  privateKey?: string;
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
  timeout: number;
  sfRetryMaxLoginRetries: number;
  clientSessionKeepAlive: false;
  clientStoreTemporaryCredential: false;
  clientRequestMFAToken: false;
  disableConsoleLogin: true;
  validateDefaultParameters: true;
  agentClass: (options?: { protocol?: string; hostname?: string }) => http.Agent;
}

/** What the refusing agent fails a request with; the code is what makes the SDK give up on it. */
const REFUSED_MESSAGE = 'destination denied by egress policy (not the account host)';

/**
 * The agent for any URL but the account's own host. The SDK takes `agentClass`'s agent only when its
 * `protocol` matches the URL's and otherwise uses its own, unpinned one, so an `http:` URL from a
 * response (a result chunk's stage URL) would go anywhere; this agent opens no socket. Its error is
 * coded as a cancelled request: the SDK retries every other client error on a chunk fetch with
 * backoff, for minutes after the verification has ended.
 */
class RefusingAgent extends http.Agent {
  constructor(protocol: string) {
    super({ keepAlive: false });
    (this as { protocol?: string }).protocol = protocol;
  }

  override createConnection(
    _options: http.ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): undefined {
    const error = Object.assign(new Error(REFUSED_MESSAGE), { code: 'ERR_CANCELED' });
    if (!callback) throw error;
    process.nextTick(() => callback(error, undefined as unknown as Duplex));
    return undefined;
  }
}

/**
 * The complete options object for `snowflake.createConnection`. The authenticator is one of two
 * fixed values; no path, token cache, browser, proxy or OAuth option is ever set. `agentClass`
 * (the SDK's hook for supplying the HTTP agent) returns the pinned agent for the account host, so
 * login and queries go only to the checked address; any other host or scheme (OCSP responders,
 * result-chunk stages) gets an agent that refuses to connect.
 */
export function buildSnowflakeOptions(
  s: SnowflakeSettings,
  agent: http.Agent,
  timeoutMs: number,
): SnowflakeConnectOptions {
  const auth =
    s.auth.kind === 'basic'
      ? { authenticator: 'SNOWFLAKE' as const, password: s.auth.password }
      : { authenticator: 'SNOWFLAKE_JWT' as const, privateKey: s.auth.privateKey };
  return {
    account: s.account,
    accessUrl: `https://${s.host}`,
    host: s.host,
    username: s.username,
    ...auth,
    ...(s.warehouse ? { warehouse: s.warehouse } : {}),
    ...(s.database ? { database: s.database } : {}),
    ...(s.schema ? { schema: s.schema } : {}),
    ...(s.role ? { role: s.role } : {}),
    timeout: timeoutMs,
    sfRetryMaxLoginRetries: 0,
    clientSessionKeepAlive: false,
    clientStoreTemporaryCredential: false,
    clientRequestMFAToken: false,
    disableConsoleLogin: true,
    validateDefaultParameters: true,
    // The SDK calls this per request with the URL's protocol and hostname.
    agentClass: (options?: { protocol?: string; hostname?: string }): http.Agent => {
      const protocol = options?.protocol ?? 'https:';
      const hostname = (options?.hostname ?? s.host).toLowerCase();
      const pinned = (agent as { protocol?: string }).protocol;
      return protocol === pinned && hostname === s.host ? agent : new RefusingAgent(protocol);
    },
  };
}

const GS_CODES: Record<string, VerificationErrorCode> = {
  '390100': 'auth_failed', // incorrect username or password
  '390101': 'auth_failed', // user temporarily locked
  '390102': 'auth_failed', // user disabled
  '390103': 'auth_failed', // user locked (too many attempts)
  '390144': 'auth_failed', // JWT token is invalid (key pair not registered / wrong key)
  '394304': 'auth_failed', // JWT issuer does not match the user
  '390189': 'permission_denied', // role not granted to this user
  '390422': 'permission_denied', // client IP not allowed by network policy
  '390201': 'not_found', // database does not exist or is not authorized
  '390202': 'not_found', // schema does not exist or is not authorized
  '390203': 'not_found', // warehouse does not exist or is not authorized
  '404026': 'invalid_config', // ERR_CONN_CREATE_INVALID_PRIVATE_KEY
  '404028': 'invalid_config', // ERR_CONN_CREATE_INVALID_PRIVATE_KEY_PASS
  '404008': 'invalid_config', // ERR_CONN_CREATE_INVALID_ACCOUNT
  '002003': 'not_found', // object does not exist or not authorized
  '003001': 'permission_denied', // insufficient privileges
  '000606': 'not_found', // no active warehouse selected
};
const SQLSTATES: Record<string, VerificationErrorCode> = {
  '28000': 'auth_failed',
  '42501': 'permission_denied',
  '02000': 'not_found',
  '57014': 'timeout',
};
/** ERR_LARGE_RESULT_SET_NETWORK_COULD_NOT_CONNECT: a result chunk on another host, refused. */
const CHUNK_NETWORK_CODE = '402001';
/** ERR_SF_NETWORK_COULD_NOT_CONNECT, ERR_SF_RESPONSE_FAILURE, ERR_SF_RESPONSE_NOT_JSON. */
const TRANSPORT_CODES = new Set(['401001', '401002', '401003']);

/**
 * snowflake-sdk errors carry a Snowflake error code (GS login codes such as 390100, SQL codes
 * such as 002003) and often a SQLSTATE; transport failures (401001-3) wrap the socket error or
 * the HTTP response, which decide instead.
 */
export function classifySnowflakeError(error: unknown): unknown {
  if (error instanceof DriverError) return error;
  const code = prop(error, 'code')?.padStart(6, '0');
  if (code && GS_CODES[code]) return sdkError(GS_CODES[code], code);
  const sqlState = prop(error, 'sqlState');
  if (sqlState && SQLSTATES[sqlState]) return sdkError(SQLSTATES[sqlState], code ?? sqlState);
  if (
    code === CHUNK_NETWORK_CODE &&
    prop((error as { cause?: unknown }).cause, 'message') === REFUSED_MESSAGE
  )
    return sdkError('egress_denied', code);
  if (code && TRANSPORT_CODES.has(code)) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause && prop(cause, 'code')) return cause;
    const status = Number(prop((error as { response?: unknown }).response, 'statusCode'));
    const byStatus = Number.isFinite(status) ? codeForHttpStatus(status) : undefined;
    if (byStatus) return sdkError(byStatus, `HTTP_${status}`);
    return sdkError('unreachable', code);
  }
  return error;
}

type SnowflakeSdk = typeof snowflake;
let sdk: Promise<SnowflakeSdk> | undefined;

/**
 * Loaded on first use, never at import: when the SDK module loads it probes the cloud metadata
 * services (169.254.169.254, metadata.google.internal) to "detect the platform" for telemetry,
 * unless SNOWFLAKE_DISABLE_PLATFORM_DETECTION is set first. Its logging is switched off too (log
 * lines can carry connection details).
 */
export function loadSnowflakeSdk(): Promise<SnowflakeSdk> {
  sdk ??= (async () => {
    process.env['SNOWFLAKE_DISABLE_PLATFORM_DETECTION'] = 'true';
    const loaded =
      ((await import('snowflake-sdk')) as unknown as { default?: SnowflakeSdk }).default ??
      ((await import('snowflake-sdk')) as unknown as SnowflakeSdk);
    loaded.configure({ logLevel: 'OFF', additionalLogToConsole: false });
    return loaded;
  })();
  return sdk;
}

function run(
  conn: snowflake.Connection,
  sqlText: string,
  signal: AbortSignal,
): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const statement = conn.execute({
      sqlText,
      complete: (err, _stmt, rows) =>
        err ? reject(classifySnowflakeError(err)) : resolve((rows ?? []) as Array<Record<string, unknown>>),
    });
    signal.addEventListener('abort', () => statement.cancel?.(() => undefined), { once: true });
  });
}

/**
 * Snowflake with `snowflake-sdk`, basic or key-pair (JWT) login. Discovery is server-level: the
 * version and the databases the role can see (`SHOW DATABASES … LIMIT`), then the current role.
 */
export class SnowflakeDriver extends ConnectorDriver {
  readonly type = 'snowflake' as const;
  readonly steps = ALL_STEPS;

  target(input: VerificationInput): EgressTarget {
    const s = readSnowflakeSettings(input);
    return { host: s.host, port: 443 };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSnowflakeSettings(input);
    const sf = await loadSnowflakeSdk();
    const phases = new PinnedHttpPhases(ctx, true);
    const conn = sf.createConnection(
      buildSnowflakeOptions(s, phases.agent, ctx.stepTimeoutMs) as unknown as snowflake.ConnectionOptions,
    );
    try {
      await phases.authenticate(async () => {
        // connect(callback) reports every failure through the callback (connectAsync resolves on some).
        await new Promise<void>((resolve, reject) => {
          conn.connect((error) => (error ? reject(classifySnowflakeError(error)) : resolve()));
        });
      }, `logged in as ${s.username}`);
      const found = await ctx.step(
        'discover',
        async (signal) => {
          const [version] = await run(conn, 'SELECT CURRENT_VERSION() AS "V"', signal);
          const rows = await run(conn, `SHOW TERSE DATABASES LIMIT ${ctx.limits.maxObjects + 1}`, signal);
          const names = rows
            .map((r) => String(r['name'] ?? ''))
            .filter((n) => n && matchesFilters(n, ctx.limits));
          return { version: version?.['V'], names, truncated: rows.length > ctx.limits.maxObjects };
        },
        (r) => `${r.names.length} databases${r.truncated ? ' (truncated)' : ''}`,
      );
      await ctx.step(
        'privileges',
        async (signal) => {
          const [row] = await run(conn, 'SELECT CURRENT_ROLE() AS "R"', signal);
          const role = String(row?.['R'] ?? '');
          if (POWERFUL_ROLES.has(role.toUpperCase()))
            ctx.warn(`the session runs as ${role}; use a read-only role`);
          return role ? `current role ${role}` : 'no current role';
        },
        (m) => m,
      );
      return {
        server_version: typeof found.version === 'string' ? `Snowflake ${found.version}` : undefined,
        schemas: found.names.slice(0, ctx.limits.maxObjects).map((name) => ({ name, tables: [] })),
        truncated: found.truncated,
      };
    } finally {
      await Promise.race([
        new Promise<void>((resolve) => {
          if (!conn.isUp()) return resolve();
          conn.destroy(() => resolve());
        }),
        new Promise((r) => setTimeout(r, 500).unref()),
      ]);
      phases.close();
    }
  }
}
