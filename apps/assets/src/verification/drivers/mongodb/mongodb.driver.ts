import type { MongoClient, MongoClientOptions } from 'mongodb';
import net from 'node:net';
import { ConfigReader, HOST_PATTERN, IDENTIFIER_PATTERN } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import type { PinnedDestination } from '../../../egress/index.js';
import { pinnedLookup } from '../../../egress/index.js';
import type { ProbeContext } from '../../probe-context.js';
import type {
  DiscoveredTable,
  DriverOutcome,
  VerificationErrorCode,
  VerificationInput,
} from '../../verification.types.js';
import { connectInOneCall } from '../shared/one-shot-connect.js';
import { prop, sdkError } from '../shared/sdk-error.js';
import { lazySdk } from '../shared/lazy-sdk.js';
import { ALL_STEPS } from '../shared/steps.js';

const loadMongodb = lazySdk('mongodb', () => import('mongodb'));

const DATABASE = /^[A-Za-z0-9_-]{1,63}$/;
const AUTH_SOURCE = /^[A-Za-z0-9_$-]{1,63}$/;
const SINGLE_LINE = /^[^\u0000-\u001f\u007f]+$/;
const ADMIN_ROLES = new Set([
  'root',
  '__system',
  'userAdminAnyDatabase',
  'userAdmin',
  'dbOwner',
  'clusterAdmin',
  'dbAdminAnyDatabase',
  'readWriteAnyDatabase',
  'restore',
]);

export interface MongoSettings {
  host: string;
  port: number;
  database: string;
  authSource: string;
  tls: boolean;
  replicaSet?: string;
  username: string;
  password: string;
  ca?: string;
}

function readSettings(input: VerificationInput): MongoSettings {
  if (input.auth_type !== 'basic') throw new DriverError('invalid_config', 'auth_type must be basic');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'host',
    'port',
    'database',
    'auth_source',
    'tls',
    'replica_set',
  ]);
  const creds = new ConfigReader(input.credentials, 'credentials').only(['username', 'password', 'ca_cert']);
  return {
    host: config.required('host', { pattern: HOST_PATTERN, max: 253 }),
    port: config.port('port', 27017),
    database: config.required('database', { pattern: DATABASE, max: 63 }),
    authSource: config.string('auth_source', { pattern: AUTH_SOURCE, max: 63 }) ?? 'admin',
    tls: config.boolean('tls', true),
    replicaSet: config.string('replica_set', { pattern: IDENTIFIER_PATTERN, max: 255 }),
    username: creds.required('username', { pattern: SINGLE_LINE, max: 255 }),
    password: creds.required('password', { max: 1024 }),
    ca: creds.pem('ca_cert'),
  };
}

/**
 * The seed-list URI carries only the host and port (the host passed the pattern above; IPv6 is
 * bracketed); everything else, credentials included, goes in the options object.
 */
export function buildMongoUri(dest: PinnedDestination): string {
  const host = net.isIPv6(dest.hostname) ? `[${dest.hostname}]` : encodeURIComponent(dest.hostname);
  return `mongodb://${host}:${dest.port}/`;
}

/**
 * Every option explicit: one direct connection to the seed (other replica-set members are never
 * contacted, so nothing but the pinned address is reached), name resolution answered by the
 * pinned lookup, TLS verified against the name, no retries, a one-socket pool, short timeouts.
 */
export function buildMongoOptions(
  s: MongoSettings,
  dest: PinnedDestination,
  timeoutMs: number,
): MongoClientOptions {
  // A little under the step timeout, so the driver's own error (which says why) arrives first.
  const inner = Math.max(100, Math.floor(timeoutMs * 0.8));
  return {
    directConnection: true,
    auth: { username: s.username, password: s.password },
    authSource: s.authSource,
    tls: s.tls,
    ...(s.tls && s.ca ? { ca: s.ca } : {}),
    tlsAllowInvalidCertificates: false,
    tlsAllowInvalidHostnames: false,
    lookup: pinnedLookup(dest),
    family: dest.family,
    autoSelectFamily: false,
    serverSelectionTimeoutMS: inner,
    connectTimeoutMS: inner,
    socketTimeoutMS: timeoutMs,
    waitQueueTimeoutMS: timeoutMs,
    heartbeatFrequencyMS: Math.max(500, timeoutMs),
    maxPoolSize: 1,
    minPoolSize: 0,
    maxConnecting: 1,
    retryReads: false,
    retryWrites: false,
    monitorCommands: false,
    appName: 'assets-verification',
  };
}

const MONGO_CODES: Record<number, VerificationErrorCode> = {
  18: 'auth_failed', // AuthenticationFailed
  11: 'auth_failed', // UserNotFound
  13: 'permission_denied', // Unauthorized
  8000: 'auth_failed', // Atlas: bad auth
  26: 'not_found', // NamespaceNotFound
  50: 'timeout', // MaxTimeMSExpired
  89: 'timeout', // NetworkTimeout
  91: 'unreachable', // ShutdownInProgress
};

/**
 * Server errors carry a numeric code; selection and network errors wrap the real cause (a
 * socket error, a TLS failure, an auth failure during the handshake), which is unwrapped.
 */
export function classifyMongoError(error: unknown, depth = 0): unknown {
  if (error instanceof DriverError || depth > 4) return error;
  const name = prop(error, 'name') ?? '';
  const code = Number(prop(error, 'code'));
  if (Number.isFinite(code) && MONGO_CODES[code])
    return sdkError(MONGO_CODES[code], prop(error, 'codeName') ?? code);
  if (name === 'MongoNetworkTimeoutError') return sdkError('timeout', name);
  const cause = (error as { cause?: unknown })?.cause;
  if (cause) return classifyMongoError(cause, depth + 1);
  if (name === 'MongoServerSelectionError') {
    const servers = (error as { reason?: { servers?: Map<string, { error?: unknown }> } }).reason?.servers;
    const inner = servers ? [...servers.values()].map((s) => s.error).find(Boolean) : undefined;
    return inner ? classifyMongoError(inner, depth + 1) : sdkError('timeout', name);
  }
  if (name === 'MongoParseError' || name === 'MongoInvalidArgumentError')
    return sdkError('invalid_config', name);
  return error;
}

/**
 * MongoDB with the official driver: connect (TLS and SCRAM inside), check the replica set name
 * when one is configured, read the version, list the database's collections (bounded, names
 * only) and look at the user's roles.
 */
export class MongodbDriver extends ConnectorDriver {
  readonly type = 'mongodb' as const;
  readonly steps = ALL_STEPS;

  target(input: VerificationInput): EgressTarget {
    const s = readSettings(input);
    return { host: s.host, port: s.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSettings(input);
    if (!s.tls) ctx.warn('TLS is off: the password exchange and data are not encrypted');
    const { MongoClient } = await loadMongodb();
    const client = new MongoClient(
      buildMongoUri(ctx.destination),
      buildMongoOptions(s, ctx.destination, ctx.stepTimeoutMs),
    );
    ctx.onAbort(() => void client.close(true).catch(() => undefined));
    try {
      await connectInOneCall(
        ctx,
        {
          tls: s.tls,
          noTlsMessage: 'TLS disabled by tls=false',
          authMessage: `authenticated as ${s.username}`,
          classify: classifyMongoError,
        },
        async () => {
          await client.connect();
          if (s.replicaSet) {
            const hello = await client.db('admin').command({ hello: 1 });
            if (hello['setName'] !== s.replicaSet) {
              throw new DriverError(
                'invalid_config',
                'the server is not a member of the configured replica set',
              );
            }
          }
        },
      );
      const found = await ctx.step(
        'discover',
        () => this.discover(client, s, ctx).catch((error) => Promise.reject(classifyMongoError(error))),
        (r) => `${r.tables.length} collections in ${s.database}${r.truncated ? ' (truncated)' : ''}`,
      );
      await ctx.step(
        'privileges',
        () => this.privileges(client, s, ctx).catch((error) => Promise.reject(classifyMongoError(error))),
        (m) => m,
      );
      return {
        server_version: found.version ? `MongoDB ${found.version}` : undefined,
        schemas: [{ name: s.database, tables: found.tables }],
        truncated: found.truncated,
      };
    } finally {
      await Promise.race([
        client.close(true).catch(() => undefined),
        new Promise((r) => setTimeout(r, 500).unref()),
      ]);
    }
  }

  private async discover(client: MongoClient, s: MongoSettings, ctx: ProbeContext) {
    const build = await client
      .db(s.database)
      .command({ buildInfo: 1 })
      .catch(() => undefined);
    const cursor = client
      .db(s.database)
      .listCollections(
        {},
        { nameOnly: true, authorizedCollections: true, batchSize: 1000, timeoutMS: ctx.stepTimeoutMs },
      );
    const tables: DiscoveredTable[] = [];
    let truncated = false;
    try {
      for await (const c of cursor) {
        const name = String(c.name);
        if (name.startsWith('system.') || !matchesFilters(`${s.database}.${name}`, ctx.limits)) continue;
        if (tables.length >= ctx.limits.maxObjects) {
          truncated = true;
          break;
        }
        tables.push({
          name,
          type: c.type === 'view' ? 'view' : c.type === 'timeseries' ? 'timeseries' : 'collection',
        });
      }
    } finally {
      await cursor.close().catch(() => undefined);
    }
    tables.sort((a, b) => a.name.localeCompare(b.name));
    return {
      version: typeof build?.['version'] === 'string' ? (build['version'] as string) : undefined,
      tables,
      truncated,
    };
  }

  private async privileges(client: MongoClient, s: MongoSettings, ctx: ProbeContext): Promise<string> {
    const status = await client.db(s.database).command({ connectionStatus: 1 });
    const roles = (
      (status['authInfo'] as { authenticatedUserRoles?: Array<{ role?: unknown }> } | undefined)
        ?.authenticatedUserRoles ?? []
    ).map((r) => String(r.role));
    if (roles.some((r) => ADMIN_ROLES.has(r)))
      ctx.warn('this credential has administrative roles; use a read-only user');
    else if (roles.some((r) => /^readWrite/.test(r)))
      ctx.warn('this credential can write; a read-only user is enough');
    return `${roles.length} role(s) for the current user`;
  }
}
