import type { DBSQLClient } from '@databricks/sql';
import type http from 'node:http';
import { ConfigReader, HOST_PATTERN, IDENTIFIER_PATTERN } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import type { PinnedDestination } from '../../../egress/index.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationErrorCode, VerificationInput } from '../../verification.types.js';
import { groupCatalog, type CatalogRow } from '../shared/catalog.js';
import { PinnedHttpPhases } from '../shared/pinned-http.js';
import { codeForHttpStatus, prop, sdkError } from '../shared/sdk-error.js';
import { lazySdk } from '../shared/lazy-sdk.js';
import { STEPS_WITHOUT_PRIVILEGES } from '../shared/steps.js';

const loadDatabricks = lazySdk('@databricks/sql', () => import('@databricks/sql'));

const HTTP_PATH = /^\/?sql\/(?!.*\.\.)[A-Za-z0-9._/-]{1,250}$/;
const TOKEN = /^\S{1,4096}$/;
const TABLE_TYPES: Record<string, string> = {
  TABLE: 'table',
  VIEW: 'view',
  'MATERIALIZED VIEW': 'materialized_view',
  'STREAMING TABLE': 'streaming_table',
  METRIC_VIEW: 'metric_view',
};

export interface DatabricksSettings {
  host: string;
  httpPath: string;
  catalog?: string;
  schema?: string;
  token: string;
}

function readSettings(input: VerificationInput): DatabricksSettings {
  if (input.auth_type !== 'token') throw new DriverError('invalid_config', 'auth_type must be token');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'host',
    'http_path',
    'catalog',
    'db_schema',
  ]);
  const creds = new ConfigReader(input.credentials, 'credentials').only(['token']);
  const httpPath = config.required('http_path', { pattern: HTTP_PATH, max: 255 });
  return {
    host: config.required('host', { pattern: HOST_PATTERN, max: 253 }),
    httpPath: httpPath.startsWith('/') ? httpPath : `/${httpPath}`,
    catalog: config.string('catalog', { pattern: IDENTIFIER_PATTERN, max: 255 }),
    schema: config.string('db_schema', { pattern: IDENTIFIER_PATTERN, max: 255 }),
    token: creds.required('token', { pattern: TOKEN, max: 4096 }),
  };
}

/** The only options given to DBSQLClient.connect: token auth over HTTPS to the workspace name. */
export function buildDatabricksOptions(s: DatabricksSettings, dest: PinnedDestination, timeoutMs: number) {
  return {
    host: dest.hostname,
    port: dest.port,
    path: s.httpPath,
    authType: 'access-token' as const,
    token: s.token,
    socketTimeout: timeoutMs,
    checkServerCertificate: true,
    telemetryEnabled: false,
    retryMaxAttempts: 1,
    retriesTimeout: timeoutMs,
  };
}

const SILENT_LOGGER = { log: () => undefined };

/**
 * The client builds its own HTTPS agent (and a proxy agent when asked); its connection provider
 * is wrapped so that every Thrift request uses the pinned agent instead.
 */
export function pinDatabricksClient(client: DBSQLClient, agent: http.Agent): void {
  const internals = client as unknown as {
    createConnectionProvider(options: unknown): { getAgent(): Promise<http.Agent> };
  };
  const original = internals.createConnectionProvider.bind(client);
  internals.createConnectionProvider = (options: unknown) => {
    const provider = original(options);
    provider.getAgent = async () => agent;
    return provider;
  };
}

const ERROR_CLASSES: Array<[RegExp, VerificationErrorCode]> = [
  [/NOT_FOUND|NO_SUCH_|DOES_NOT_EXIST/, 'not_found'],
  [/PERMISSION|INSUFFICIENT_PRIVILEGES|UNAUTHORIZED_ACCESS|FORBIDDEN/, 'permission_denied'],
  [/UNAUTHENTICATED|INVALID_TOKEN|TOKEN_EXPIRED/, 'auth_failed'],
];

/** The workspace's answer to a token it does not accept: HTTP 403 with this body. */
const INVALID_TOKEN_BODY = /invalid access token|token (has )?expired/i;

/**
 * The start of a failed HTTP response's body (the client's THTTPException keeps the unread
 * node-fetch response), read within a short bound; only matched against, never reported.
 */
export async function httpErrorBody(error: unknown): Promise<string> {
  const response = (error as { response?: { text?: () => Promise<string> } } | null)?.response;
  if (typeof response?.text !== 'function') return '';
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(''), 500).unref());
  return Promise.race([response.text().then((t) => t.slice(0, 512)), timeout]).catch(() => '');
}

/**
 * Thrift transport failures carry the HTTP status (401 no token, 403 a token the workspace does
 * not accept — body `Invalid access token` — or no access to the warehouse, 404 wrong http_path);
 * server errors carry an error class such as `[SCHEMA_NOT_FOUND]`, whose name is the only thing
 * kept; RetryError means the warehouse did not answer in time.
 */
export function classifyDatabricksError(error: unknown, body = ''): unknown {
  if (error instanceof DriverError) return error;
  const status = Number(prop(error, 'statusCode'));
  if (status === 403 && INVALID_TOKEN_BODY.test(body)) return sdkError('auth_failed', 'HTTP_403');
  const byStatus = Number.isFinite(status) ? codeForHttpStatus(status) : undefined;
  if (byStatus) return sdkError(byStatus, `HTTP_${status}`);
  if (prop(error, 'name') === 'AuthenticationError') return sdkError('auth_failed', 'AuthenticationError');
  if (prop(error, 'name') === 'RetryError') return sdkError('timeout', prop(error, 'errorCode'));
  const errorClass = /^\s*\[([A-Z0-9_.]{3,64})\]/.exec(prop(error, 'message') ?? '')?.[1];
  if (errorClass) {
    const match = ERROR_CLASSES.find(([pattern]) => pattern.test(errorClass));
    if (match) return sdkError(match[1], errorClass);
  }
  const cause = (error as { cause?: unknown })?.cause;
  return cause && typeof cause === 'object' ? cause : error;
}

/** Test seams: workspaces always listen on 443 with a publicly trusted certificate. */
export interface DatabricksDriverOptions {
  port?: number;
  /** PEM CA to trust instead of the system store (a loopback test server's). */
  ca?: string;
}

/**
 * Databricks SQL with `@databricks/sql` (Thrift over HTTPS): opening a session proves the token
 * and the warehouse, then the version and a bounded table listing of the configured catalog and
 * schema. Telemetry is off and retries are limited; the session and client close in `finally`.
 */
export class DatabricksDriver extends ConnectorDriver {
  readonly type = 'databricks' as const;
  readonly steps = STEPS_WITHOUT_PRIVILEGES;

  constructor(private readonly options: DatabricksDriverOptions = {}) {
    super();
  }

  target(input: VerificationInput): EgressTarget {
    const s = readSettings(input);
    return { host: s.host, port: this.options.port ?? 443 };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSettings(input);
    const { DBSQLClient } = await loadDatabricks();
    const phases = new PinnedHttpPhases(ctx, true, { ca: this.options.ca });
    const client = new DBSQLClient({ logger: SILENT_LOGGER as never });
    client.on('error', () => undefined);
    pinDatabricksClient(client, phases.agent);
    type Session = Awaited<ReturnType<DBSQLClient['openSession']>>;
    let session: Session | undefined;
    try {
      session = await phases.authenticate(async () => {
        try {
          await client.connect(buildDatabricksOptions(s, ctx.destination, ctx.stepTimeoutMs));
          return await client.openSession({
            ...(s.catalog ? { initialCatalog: s.catalog } : {}),
            ...(s.schema ? { initialSchema: s.schema } : {}),
          });
        } catch (error) {
          throw classifyDatabricksError(error, await httpErrorBody(error));
        }
      }, 'session opened with this token');
      const open = session;
      const found = await ctx.step(
        'discover',
        () => this.discover(open, s, ctx).catch((error) => Promise.reject(classifyDatabricksError(error))),
        (r) => `${r.listed} tables${r.truncated ? ' (truncated)' : ''}`,
      );
      return { server_version: found.version, schemas: found.schemas, truncated: found.truncated };
    } finally {
      await Promise.race([
        (async () => {
          await session?.close().catch(() => undefined);
          await client.close().catch(() => undefined);
        })(),
        new Promise((r) => setTimeout(r, 500).unref()),
      ]);
      phases.close();
    }
  }

  private async discover(
    session: Awaited<ReturnType<DBSQLClient['openSession']>>,
    s: DatabricksSettings,
    ctx: ProbeContext,
  ) {
    const limit = ctx.limits.maxObjects + 1;
    const versionOp = await session.executeStatement('SELECT current_version().dbsql_version AS v', {
      maxRows: 1,
      queryTimeout: Math.ceil(ctx.stepTimeoutMs / 1000),
    });
    let version: string | undefined;
    try {
      const [row] = (await versionOp.fetchChunk({ maxRows: 1 })) as Array<{ v?: unknown }>;
      version = typeof row?.v === 'string' ? `Databricks SQL ${row.v}` : undefined;
    } finally {
      await versionOp.close().catch(() => undefined);
    }
    const tablesOp = await session.getTables({
      catalogName: s.catalog,
      schemaName: s.schema,
      maxRows: limit,
    });
    const rows: CatalogRow[] = [];
    try {
      while (rows.length < limit && (await tablesOp.hasMoreRows())) {
        const chunk = (await tablesOp.fetchChunk({ maxRows: Math.min(1000, limit - rows.length) })) as Array<
          Record<string, unknown>
        >;
        if (chunk.length === 0) break;
        for (const r of chunk) {
          const schema = `${String(r['TABLE_CAT'] ?? '')}.${String(r['TABLE_SCHEM'] ?? '')}`.replace(
            /^\./,
            '',
          );
          const name = String(r['TABLE_NAME'] ?? '');
          if (!name || !matchesFilters(`${schema}.${name}`, ctx.limits)) continue;
          const type = String(r['TABLE_TYPE'] ?? 'TABLE').toUpperCase();
          rows.push({
            schema_name: schema,
            table_name: name,
            table_type: TABLE_TYPES[type] ?? type.toLowerCase(),
          });
          if (rows.length >= limit) break;
        }
      }
    } finally {
      await tablesOp.close().catch(() => undefined);
    }
    rows.sort((a, b) =>
      a.schema_name === b.schema_name
        ? a.table_name.localeCompare(b.table_name)
        : a.schema_name.localeCompare(b.schema_name),
    );
    return {
      version,
      ...groupCatalog(rows, ctx.limits.maxObjects),
      listed: Math.min(rows.length, ctx.limits.maxObjects),
    };
  }
}
