import { createHash, createPublicKey, randomBytes, randomUUID, verify as verifySignature } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * A Snowflake account's REST endpoints as snowflake-sdk (3.x) calls them, modelled on what the
 * SDK's own code expects from the service (lib/services/sf.js, lib/connection/statement.js,
 * lib/connection/result/result.js, lib/authentication/*):
 *
 * - `POST /session/v1/login-request?requestId=…&warehouse=…&databaseName=…&schemaName=…&roleName=…`
 *   with `{ data: { ACCOUNT_NAME, LOGIN_NAME, AUTHENTICATOR, PASSWORD | TOKEN, … } }` (the body may be
 *   gzip-encoded). Failures answer HTTP 200 with `success: false` and a GS code, as Snowflake does:
 *   390100 for a wrong password and for an unknown user alike (user existence is not revealed),
 *   390102 once a user is temporarily locked after repeated failures (Snowflake locks for 15 min
 *   after 5 consecutive failures), 390144 for a key-pair JWT that does not verify (bad RS256
 *   signature, `iss` fingerprint not one of the user's RSA_PUBLIC_KEY / RSA_PUBLIC_KEY_2, wrong
 *   `sub`, expired, lifetime over an hour, issued in the future beyond 60 s of skew), 390189 for a
 *   role in the connect string that is not granted to the user.
 * - `POST /queries/v1/query-request` with `Authorization: Snowflake Token="<session token>"`,
 *   answering the JSON result format (`rowtype` + `rowset`, `parameters`, `queryResultFormat:
 *   "json"`), SQL errors as `success: false` with the Snowflake code and SQLSTATE; a missing or
 *   unknown token is HTTP 401 with 390104 (the SDK special-cases that pair).
 * - `POST /telemetry/send` (in-band telemetry after login) and `POST /session?delete=true` (logout).
 *
 * The SQL it understands is what a verification runs: `SELECT CURRENT_VERSION()`,
 * `CURRENT_ROLE()`, `CURRENT_WAREHOUSE()`, `CURRENT_DATABASE()`, `CURRENT_USER()` (optionally
 * `AS "alias"`), `SHOW [TERSE] DATABASES [LIKE '…'] [LIMIT n]` and `SHOW WAREHOUSES`; anything else
 * is the compilation error 001003 (SQLSTATE 42000).
 */
export interface FakeSnowflakeUser {
  name: string;
  password?: string;
  /** PEM public keys registered as RSA_PUBLIC_KEY and RSA_PUBLIC_KEY_2. */
  publicKeys?: string[];
  defaultRole: string;
  /** Roles granted to the user (the default role is always granted, PUBLIC too). */
  roles?: string[];
  defaultWarehouse?: string;
}

export interface FakeSnowflakeOptions {
  /** Account locator or `orgname-account_name`, as it appears before `.snowflakecomputing.com`. */
  account: string;
  users: FakeSnowflakeUser[];
  /** Databases each role can see; ACCOUNTADMIN sees every database named anywhere here. */
  databasesByRole: Record<string, string[]>;
  warehouses?: string[];
  version?: string;
  /** Serve HTTPS with this key and certificate (otherwise plain HTTP). */
  tls?: { key: string; cert: string };
  host?: string;
  port?: number;
  /** Consecutive failed logins after which a user is locked (Snowflake: 5). */
  lockoutThreshold?: number;
}

export interface FakeSnowflakeControls {
  /**
   * Answers SHOW DATABASES with its rows in one result chunk at this URL (as Snowflake does for
   * large results, pointing at a cloud-storage stage) instead of inline in `rowset`.
   */
  resultChunkUrl?: string;
}

export interface FakeSnowflakeRequest {
  method: string;
  path: string;
  authorization?: string;
}

export interface RunningFakeSnowflake {
  url: string;
  port: number;
  /** Every request, in order (method, path with query, Authorization header). */
  requests: FakeSnowflakeRequest[];
  /** Login bodies as received (for checks on what the SDK sends), credentials included. */
  logins: Array<Record<string, unknown>>;
  /** SQL texts run, in order. */
  queries: string[];
  unhandled: string[];
  /** Session tokens currently open. */
  openSessions(): number;
  /** Shifts the server clock (JWT expiry checks), in milliseconds. */
  setClockOffset(ms: number): void;
  /** Clears failed-login counters and locks. */
  unlockAll(): void;
  /** Behaviour switches a test can flip between verifications. */
  controls: FakeSnowflakeControls;
  close(): Promise<void>;
}

interface Session {
  user: FakeSnowflakeUser;
  role: string;
  warehouse: string | null;
  database: string | null;
  schema: string | null;
}

type Json = Record<string, unknown>;

const LOCK_MS = 15 * 60_000;
const JWT_SKEW_S = 60;
const JWT_MAX_LIFETIME_S = 3600;

const PARAMETERS = [
  { name: 'TIMEZONE', value: 'America/Los_Angeles' },
  { name: 'TIMESTAMP_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM' },
  { name: 'TIMESTAMP_LTZ_OUTPUT_FORMAT', value: '' },
  { name: 'TIMESTAMP_NTZ_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3' },
  { name: 'DATE_OUTPUT_FORMAT', value: 'YYYY-MM-DD' },
  { name: 'TIME_OUTPUT_FORMAT', value: 'HH24:MI:SS' },
  { name: 'CLIENT_RESULT_CHUNK_SIZE', value: 160 },
  { name: 'QUERY_CONTEXT_CACHE_SIZE', value: 5 },
];

const text = (name: string) => ({
  name,
  database: '',
  schema: '',
  table: '',
  type: 'text',
  length: 16777216,
  byteLength: 16777216,
  precision: null,
  scale: null,
  nullable: true,
  collation: null,
});

function fingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64')}`;
}

/** snowflake-sdk signs `iat`/`exp` from Date.now() (milliseconds); the service accepts both units. */
function seconds(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return value > 1e11 ? value / 1000 : value;
}

async function readJson(req: IncomingMessage): Promise<Json | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let body = Buffer.concat(chunks);
  if (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
  if (body.length === 0) return undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function failure(code: string, message: string, data: Json | null = null): Json {
  return { data, code, message, success: false, headers: null };
}

export async function startFakeSnowflake(options: FakeSnowflakeOptions): Promise<RunningFakeSnowflake> {
  const account = options.account.toUpperCase();
  const version = options.version ?? '9.12.0';
  const threshold = options.lockoutThreshold ?? 5;
  const users = new Map(options.users.map((u) => [u.name.toUpperCase(), u]));
  const sessions = new Map<string, Session>();
  const failures = new Map<string, { count: number; lockedUntil: number }>();
  const requests: FakeSnowflakeRequest[] = [];
  const logins: Json[] = [];
  const queries: string[] = [];
  const unhandled: string[] = [];
  let clockOffset = 0;
  const controls: FakeSnowflakeControls = {};
  const now = () => Date.now() + clockOffset;
  const allDatabases = [...new Set(Object.values(options.databasesByRole).flat())].sort();

  const granted = (user: FakeSnowflakeUser) =>
    new Set(['PUBLIC', user.defaultRole, ...(user.roles ?? [])].map((r) => r.toUpperCase()));

  /** Why a key-pair JWT is refused (the service answers only "JWT token is invalid."), or null. */
  function jwtProblem(token: unknown, user: FakeSnowflakeUser | undefined, loginName: string): string | null {
    if (typeof token !== 'string') return 'no token';
    const parts = token.split('.');
    if (parts.length !== 3) return 'malformed';
    let header: Json;
    let payload: Json;
    try {
      header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Json;
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Json;
    } catch {
      return 'malformed';
    }
    if (header['alg'] !== 'RS256') return 'algorithm';
    if (!user) return 'unknown user';
    const sub = `${account}.${loginName.toUpperCase()}`;
    if (payload['sub'] !== sub) return 'subject';
    const key = (user.publicKeys ?? []).find((pem) => payload['iss'] === `${sub}.${fingerprint(pem)}`);
    if (!key) return 'issuer fingerprint';
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    if (!verifySignature('RSA-SHA256', signed, createPublicKey(key), Buffer.from(parts[2]!, 'base64url')))
      return 'signature';
    const iat = seconds(payload['iat']);
    const exp = seconds(payload['exp']);
    const at = now() / 1000;
    if (iat === undefined || exp === undefined) return 'times';
    if (exp <= at) return 'expired';
    if (iat > at + JWT_SKEW_S) return 'issued in the future';
    if (exp - iat > JWT_MAX_LIFETIME_S) return 'lifetime';
    return null;
  }

  function recordFailure(name: string): void {
    const entry = failures.get(name) ?? { count: 0, lockedUntil: 0 };
    entry.count++;
    if (entry.count >= threshold) entry.lockedUntil = now() + LOCK_MS;
    failures.set(name, entry);
  }

  function login(url: URL, body: Json | undefined): Json {
    const data = (body?.['data'] ?? {}) as Json;
    logins.push(data);
    const loginName = String(data['LOGIN_NAME'] ?? '');
    const key = loginName.toUpperCase();
    const user = users.get(key);
    const authenticator = String(data['AUTHENTICATOR'] ?? 'SNOWFLAKE').toUpperCase();
    const retry = { nextAction: 'RETRY_LOGIN', authnMethod: 'PASSWORD', loginName, requestId: randomUUID() };
    if (String(data['ACCOUNT_NAME'] ?? '').toUpperCase() !== account)
      return failure('390100', 'Incorrect username or password was specified.', retry);
    const lock = failures.get(key);
    if (lock && lock.lockedUntil > now())
      return failure(
        '390102',
        'Your user account has been temporarily locked due to too many failed attempts. Try again after 15 minutes or contact your account administrator for assistance.',
        retry,
      );
    if (authenticator === 'SNOWFLAKE_JWT') {
      if (jwtProblem(data['TOKEN'], user, loginName)) {
        recordFailure(key);
        return failure('390144', `JWT token is invalid. [${randomUUID()}]`, {
          ...retry,
          authnMethod: 'KEY_PAIR',
        });
      }
    } else if (authenticator === 'SNOWFLAKE') {
      if (!user || user.password === undefined || data['PASSWORD'] !== user.password) {
        recordFailure(key);
        return failure('390100', 'Incorrect username or password was specified.', retry);
      }
    } else {
      return failure(
        '390139',
        'The specified authenticator is not accepted by your Snowflake account configuration.',
      );
    }
    failures.delete(key);
    const u = user!;
    const requestedRole = url.searchParams.get('roleName');
    const role = (requestedRole ?? u.defaultRole).toUpperCase();
    if (!granted(u).has(role))
      return failure(
        '390189',
        `Role '${role}' specified in the connect string is not granted to this user. Contact your local system administrator, or attempt to login with another role, e.g. PUBLIC.`,
        retry,
      );
    const warehouseName = (url.searchParams.get('warehouse') ?? u.defaultWarehouse ?? '').toUpperCase();
    const session: Session = {
      user: u,
      role,
      // A warehouse, database or schema that does not exist is not a login error: it stays unset.
      warehouse: options.warehouses?.includes(warehouseName) ? warehouseName : null,
      database: url.searchParams.get('databaseName')?.toUpperCase() ?? null,
      schema: url.searchParams.get('schemaName')?.toUpperCase() ?? null,
    };
    if (session.database && !visible(session.role).includes(session.database)) {
      session.database = null;
      session.schema = null;
    }
    const token = `ver:1-hint:${randomBytes(4).readUInt32BE()}-${randomBytes(24).toString('base64url')}`;
    sessions.set(token, session);
    return {
      data: {
        masterToken: `ver:1-hint:${randomBytes(24).toString('base64url')}`,
        token,
        validityInSeconds: 3600,
        masterValidityInSeconds: 14400,
        displayUserName: u.name.toUpperCase(),
        serverVersion: version,
        firstLogin: false,
        remMeToken: null,
        remMeValidityInSeconds: 0,
        healthCheckInterval: 45,
        newClientForUpgrade: null,
        sessionId: randomBytes(6).readUIntBE(0, 6),
        parameters: PARAMETERS,
        sessionInfo: {
          databaseName: session.database,
          schemaName: session.schema,
          warehouseName: session.warehouse,
          roleName: session.role,
        },
        idToken: null,
        idTokenValidityInSeconds: 0,
        responseData: null,
        mfaToken: null,
        mfaTokenValidityInSeconds: 0,
      },
      code: null,
      message: null,
      success: true,
    };
  }

  function visible(role: string): string[] {
    if (role === 'ACCOUNTADMIN') return allDatabases;
    return [...(options.databasesByRole[role] ?? [])].sort();
  }

  function result(
    session: Session,
    rowtype: Json[],
    rowset: unknown[][],
    statementTypeId: number,
    chunkUrl?: string,
  ): Json {
    const chunked = chunkUrl
      ? {
          rowset: [],
          chunks: [{ url: chunkUrl, rowCount: rowset.length, uncompressedSize: 1024, compressedSize: 512 }],
          chunkHeaders: {},
        }
      : { rowset };
    return {
      data: {
        parameters: PARAMETERS,
        rowtype,
        ...chunked,
        total: rowset.length,
        returned: rowset.length,
        queryId: randomUUID(),
        databaseProvider: null,
        finalDatabaseName: session.database,
        finalSchemaName: session.schema,
        finalWarehouseName: session.warehouse,
        finalRoleName: session.role,
        numberOfBinds: 0,
        arrayBindSupported: false,
        statementTypeId,
        version: 1,
        sendResultTime: now(),
        queryResultFormat: 'json',
        queryContext: { entries: [{ id: 0, timestamp: now() * 1000, priority: 0, context: null }] },
      },
      code: null,
      message: null,
      success: true,
    };
  }

  function sqlError(code: string, sqlState: string, message: string): Json {
    return failure(code, message, {
      internalError: false,
      errorCode: code,
      age: 0,
      sqlState,
      queryId: randomUUID(),
      line: -1,
      pos: -1,
      type: 'COMPILATION',
    });
  }

  function query(session: Session, sqlText: string): Json {
    const sql = sqlText.trim().replace(/;\s*$/, '');
    const current =
      /^SELECT\s+CURRENT_(VERSION|ROLE|WAREHOUSE|DATABASE|USER)\(\)(?:\s+AS\s+"([^"]+)")?$/i.exec(sql);
    if (current) {
      const fn = current[1]!.toUpperCase();
      const values: Record<string, string | null> = {
        VERSION: version,
        ROLE: session.role,
        WAREHOUSE: session.warehouse,
        DATABASE: session.database,
        USER: session.user.name.toUpperCase(),
      };
      return result(session, [text(current[2] ?? `CURRENT_${fn}()`)], [[values[fn]]], 4096);
    }
    const show = /^SHOW\s+(TERSE\s+)?DATABASES(?:\s+LIKE\s+'([^']*)')?(?:\s+LIMIT\s+(\d+))?$/i.exec(sql);
    if (show) {
      const like = show[2] === undefined ? undefined : likeToRegExp(show[2]);
      const limit = show[3] === undefined ? Infinity : Number(show[3]);
      const created = (now() / 1000).toFixed(3);
      const names = visible(session.role)
        .filter((n) => !like || like.test(n))
        .slice(0, limit);
      const terse = Boolean(show[1]);
      const columns = terse
        ? ['created_on', 'name', 'kind', 'database_name', 'schema_name']
        : ['created_on', 'name', 'is_default', 'is_current', 'origin', 'owner', 'comment', 'options'];
      const rows = names.map((n) =>
        terse
          ? [created, n, 'STANDARD', null, null]
          : [created, n, 'N', n === session.database ? 'Y' : 'N', '', 'SYSADMIN', '', ''],
      );
      return result(
        session,
        columns.map((c, i) =>
          i === 0 ? { ...text(c), type: 'timestamp_ltz', scale: 3, precision: 0 } : text(c),
        ),
        rows,
        12544,
        controls.resultChunkUrl,
      );
    }
    if (/^SHOW\s+WAREHOUSES$/i.test(sql)) {
      const rows = (options.warehouses ?? []).map((w) => [w, 'STARTED', 'STANDARD', 'X-Small']);
      return result(session, ['name', 'state', 'type', 'size'].map(text), rows, 12544);
    }
    const token = /^\s*(\S+)/.exec(sql)?.[1] ?? '';
    return sqlError(
      '001003',
      '42000',
      `SQL compilation error:\nsyntax error line 1 at position 0 unexpected '${token.slice(0, 40)}'.`,
    );
  }

  function sessionOf(req: IncomingMessage): Session | undefined {
    const match = /^Snowflake Token="([^"]+)"$/.exec(req.headers.authorization ?? '');
    return match ? sessions.get(match[1]!) : undefined;
  }

  const invalidToken = () =>
    failure('390104', 'Authentication token is not valid. The user must authenticate again.');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    requests.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (req.method === 'POST' && url.pathname === '/session/v1/login-request') {
      send(res, 200, login(url, body));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/queries/v1/query-request') {
      const session = sessionOf(req);
      if (!session) return send(res, 401, invalidToken());
      const sqlText = typeof body?.['sqlText'] === 'string' ? body['sqlText'] : '';
      queries.push(sqlText);
      send(res, 200, query(session, sqlText));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/telemetry/send') {
      if (!sessionOf(req)) return send(res, 401, invalidToken());
      send(res, 200, { data: 'Log Received', code: null, message: null, success: true });
      return;
    }
    if (req.method === 'POST' && url.pathname === '/session' && url.searchParams.get('delete') === 'true') {
      const match = /^Snowflake Token="([^"]+)"$/.exec(req.headers.authorization ?? '');
      if (!match || !sessions.delete(match[1]!))
        return send(
          res,
          200,
          failure('390111', 'Session no longer exists.  New login required to access the service.'),
        );
      send(res, 200, { data: null, code: null, message: null, success: true });
      return;
    }
    unhandled.push(`${req.method} ${url.pathname}`);
    send(res, 404, failure('390400', 'Not found.'));
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, failure('000001', 'internal error'));
    });
  };
  const server: Server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://${address}:${port}`,
    port,
    requests,
    logins,
    queries,
    unhandled,
    openSessions: () => sessions.size,
    setClockOffset: (ms) => {
      clockOffset = ms;
    },
    unlockAll: () => failures.clear(),
    controls,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Snowflake LIKE: case-insensitive, `%` any run, `_` one character. */
function likeToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('')
    .map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}
