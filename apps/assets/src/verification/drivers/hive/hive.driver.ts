import type TCLIService from '@databricks/sql/thrift/TCLIService.js';
import type ttypes from '@databricks/sql/thrift/TCLIService_types.js';
import type http from 'node:http';
import type thrift from 'thrift';
import { ConfigReader, HOST_PATTERN, IDENTIFIER_PATTERN } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import type { PinnedDestination } from '../../../egress/index.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationErrorCode, VerificationInput } from '../../verification.types.js';
import { groupCatalog, qualifySelected, type CatalogRow } from '../shared/catalog.js';
import { PinnedHttpPhases } from '../shared/pinned-http.js';
import { codeForHttpStatus, prop, sdkError } from '../shared/sdk-error.js';
import { defaultExport, lazySdk } from '../shared/lazy-sdk.js';
import { STEPS_WITHOUT_PRIVILEGES } from '../shared/steps.js';

/** The Thrift runtime and the generated TCLIService client, loaded on the first Hive verification. */
export interface HiveSdk {
  thrift: typeof thrift;
  TCLIService: typeof TCLIService;
  ttypes: typeof ttypes;
}

export const loadHiveSdk = lazySdk(['thrift', '@databricks/sql'], async (): Promise<HiveSdk> => {
  const [thriftModule, service, types] = await Promise.all([
    import('thrift'),
    import('@databricks/sql/thrift/TCLIService.js'),
    import('@databricks/sql/thrift/TCLIService_types.js'),
  ]);
  return {
    thrift: defaultExport<typeof thrift>(thriftModule),
    TCLIService: defaultExport<typeof TCLIService>(service),
    ttypes: defaultExport<typeof ttypes>(types),
  };
});

const HTTP_PATH = /^\/?(?!.*\.\.)[A-Za-z0-9._/-]{1,250}$/;
const SINGLE_LINE = /^[^\r\n\0]{1,255}$/;
/** HTTP Basic cannot carry a colon in the user name; a newline in either would split headers. */
const USERNAME = /^[^\r\n\0:]{1,255}$/;
const PASSWORD = /^[^\r\n\0]{1,1024}$/;
const TABLE_TYPES: Record<string, string> = {
  TABLE: 'table',
  VIEW: 'view',
  MATERIALIZED_VIEW: 'materialized_view',
  EXTERNAL_TABLE: 'table',
  MANAGED_TABLE: 'table',
  VIRTUAL_VIEW: 'view',
};

export interface HiveSettings {
  host: string;
  port: number;
  httpPath: string;
  tls: boolean;
  database?: string;
  username: string;
  password: string;
  ca?: string;
}

function readSettings(input: VerificationInput): HiveSettings {
  if (input.auth_type !== 'basic') throw new DriverError('invalid_config', 'auth_type must be basic');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'host',
    'port',
    'http_path',
    'transport',
    'tls',
    'database',
    'selected_tables',
  ]);
  const creds = new ConfigReader(input.credentials, 'credentials').only(['username', 'password', 'ca_cert']);
  const transport = config.string('transport', { pattern: SINGLE_LINE, max: 16 }) ?? 'http';
  if (transport !== 'http') {
    throw new DriverError(
      'invalid_config',
      'config.transport: only http (HiveServer2 HTTP mode) is supported',
    );
  }
  const httpPath = config.string('http_path', { pattern: HTTP_PATH, max: 255 }) ?? 'cliservice';
  return {
    host: config.required('host', { pattern: HOST_PATTERN, max: 253 }),
    port: config.port('port', 10001),
    httpPath: httpPath.startsWith('/') ? httpPath : `/${httpPath}`,
    tls: config.boolean('tls', true),
    database: config.string('database', { pattern: IDENTIFIER_PATTERN, max: 128 }),
    username: creds.required('username', { pattern: USERNAME, max: 255 }),
    password: creds.required('password', { pattern: PASSWORD, max: 1024 }),
    ca: creds.pem('ca_cert'),
  };
}

/** A TStatus other than success, as HiveServer2 reports it: sqlState, vendor code, message. */
export class HiveStatusError extends Error {
  constructor(
    message: string,
    readonly sqlState: string | undefined,
    readonly errorCode: number | undefined,
  ) {
    super(message);
    this.name = 'HiveStatusError';
  }
}

interface TStatus {
  statusCode: number;
  sqlState?: string | null;
  errorCode?: number | null;
  errorMessage?: string | null;
}

function assertOk<T>(response: T, { ttypes }: HiveSdk): T {
  const status = (response as { status?: TStatus | null } | undefined)?.status;
  const ok = [ttypes.TStatusCode.SUCCESS_STATUS, ttypes.TStatusCode.SUCCESS_WITH_INFO_STATUS];
  if (!status || !ok.includes(status.statusCode)) {
    throw new HiveStatusError(
      status?.errorMessage ?? 'request failed',
      status?.sqlState ?? undefined,
      status?.errorCode ?? undefined,
    );
  }
  return response;
}

type RpcCallback = (error: unknown, response: unknown) => void;
type RawClient = Record<string, (request: unknown, callback: RpcCallback) => void>;

/**
 * TCLIService over HTTP with the `thrift` package and the generated client: TBinaryProtocol in a
 * buffered transport, one POST per call to `http_path`, HTTP Basic on every request (HiveServer2
 * HTTP mode authenticates each request). Thrift's HTTP connection reports a non-200 status (401
 * wrong password, 404 wrong path) as a connection 'error' and never calls the pending callback,
 * so each call also settles on the first such error.
 */
export class TcliHttpClient {
  private readonly client: RawClient;
  private readonly pending = new Set<(error: unknown) => void>();

  constructor(
    readonly sdk: HiveSdk,
    s: HiveSettings,
    dest: PinnedDestination,
    agent: http.Agent,
  ) {
    const { thrift, TCLIService } = sdk;
    const connection = thrift.createHttpConnection(dest.hostname, dest.port, {
      transport: thrift.TBufferedTransport,
      protocol: thrift.TBinaryProtocol,
      path: s.httpPath,
      https: s.tls,
      headers: {
        Authorization: `Basic ${Buffer.from(`${s.username}:${s.password}`, 'utf8').toString('base64')}`,
      },
      nodeOptions: { agent },
    });
    connection.on('error', (error: unknown) => {
      for (const fail of [...this.pending]) fail(error);
    });
    this.client = thrift.createHttpClient(
      TCLIService as unknown as { Client: new () => RawClient },
      connection,
    ) as RawClient;
  }

  call<T>(method: string, request: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (error: unknown) => {
        this.pending.delete(fail);
        reject(error);
      };
      this.pending.add(fail);
      this.client[method]!(request, (error, response) => {
        this.pending.delete(fail);
        if (error) reject(error);
        else resolve(response as T);
      });
    }).then((response) => assertOk(response, this.sdk));
  }
}

const ERROR_CLASSES: Array<[RegExp, VerificationErrorCode]> = [
  [
    /HiveAccessControlException|AuthorizationException|Permission denied|does not have \[?\w+\]? privilege/i,
    'permission_denied',
  ],
  [/Database does not exist|Table not found|NoSuchObjectException|does not exist/i, 'not_found'],
];

/**
 * HTTP statuses of the servlet (401 wrong user or password, 403, 404 wrong http_path) and
 * TStatus errors by their message class (HiveServer2 puts the exception text there); the vendor
 * error code or SQLSTATE is the only detail kept.
 */
export function classifyHiveError(error: unknown): unknown {
  if (error instanceof DriverError) return error;
  const status = Number(prop(error, 'statusCode'));
  const byStatus = Number.isFinite(status) ? codeForHttpStatus(status) : undefined;
  if (byStatus) return sdkError(byStatus, `HTTP_${status}`);
  if (error instanceof HiveStatusError) {
    const detail = error.errorCode
      ? `HIVE_${error.errorCode}`
      : error.sqlState && `SQLSTATE_${error.sqlState}`;
    const match = ERROR_CLASSES.find(([pattern]) => pattern.test(error.message));
    if (match) return sdkError(match[1], detail || undefined);
    return Object.assign(new Error('server error'), { name: 'HiveStatusError', code: detail });
  }
  return error;
}

/** A JDBC search pattern that matches `name` only (escapes `_` and `%`). */
function exactPattern(name: string): string {
  return name.replace(/([\\_%])/g, '\\$1');
}

type SessionHandle = InstanceType<typeof ttypes.TSessionHandle>;
type OperationHandle = InstanceType<typeof ttypes.TOperationHandle>;
interface RowSet {
  rows?: Array<{ colVals: Array<{ stringVal?: { value?: string | null } | null }> }> | null;
  columns?: Array<{ stringVal?: { values: string[]; nulls?: Buffer } | null }> | null;
}

/** Reads the string columns of a TRowSet, columnar (protocol ≥ V6) or row-based. */
export function rowSetToRows(results: RowSet | null | undefined): Array<Array<string | null>> {
  if (results?.columns?.length) {
    const columns = results.columns.map((c) => c.stringVal ?? { values: [] as string[] });
    const count = Math.max(...columns.map((c) => c.values.length));
    const out: Array<Array<string | null>> = [];
    for (let i = 0; i < count; i++) {
      out.push(
        columns.map((c) => {
          const isNull = c.nulls && c.nulls.length > i >> 3 && (c.nulls[i >> 3]! & (1 << (i & 7))) !== 0;
          return isNull ? null : (c.values[i] ?? null);
        }),
      );
    }
    return out;
  }
  return (results?.rows ?? []).map((r) => r.colVals.map((v) => v.stringVal?.value ?? null));
}

/**
 * Apache Hive (HiveServer2 in HTTP transport mode) through its Thrift TCLIService: OpenSession
 * with HTTP Basic proves the user and password (and `use:database` the database), then the server
 * version (GetInfo CLI_DBMS_VER) and a bounded GetTables listing. Operations and the session are
 * closed in `finally`.
 */
export class HiveDriver extends ConnectorDriver {
  readonly type = 'hive' as const;
  readonly steps = STEPS_WITHOUT_PRIVILEGES;

  target(input: VerificationInput): EgressTarget {
    const s = readSettings(input);
    return { host: s.host, port: s.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSettings(input);
    const sdk = await loadHiveSdk();
    const { ttypes } = sdk;
    const phases = new PinnedHttpPhases(ctx, s.tls, {
      ca: s.ca,
      plainHttpWarning: 'the connection uses plain HTTP: the password and all data are sent unencrypted',
    });
    const rpc = new TcliHttpClient(sdk, s, ctx.destination, phases.agent);
    let session: SessionHandle | undefined;
    try {
      const opened = await phases.authenticate(
        () =>
          rpc
            .call<{ sessionHandle: SessionHandle; serverProtocolVersion: number }>(
              'OpenSession',
              new ttypes.TOpenSessionReq({
                // What Hive JDBC 2.3/3.x asks for; HiveServer2 answers min(this, its own).
                client_protocol: ttypes.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10,
                username: s.username,
                configuration: s.database ? { 'use:database': s.database } : {},
              }),
            )
            .catch((error) => Promise.reject(classifyHiveError(error))),
        'session opened',
      );
      session = opened.sessionHandle;
      const handle = session;
      const found = await ctx.step(
        'discover',
        () => this.discover(rpc, handle, s, ctx).catch((error) => Promise.reject(classifyHiveError(error))),
        (r) => `${r.listed} tables${r.truncated ? ' (truncated)' : ''}`,
      );
      return {
        server_version: found.version,
        schemas: found.schemas,
        truncated: found.truncated,
        ...(found.missing ? { missing_selected_tables: found.missing } : {}),
      };
    } finally {
      await Promise.race([
        session
          ? rpc
              .call('CloseSession', new ttypes.TCloseSessionReq({ sessionHandle: session }))
              .catch(() => undefined)
          : undefined,
        new Promise((r) => setTimeout(r, 500).unref()),
      ]);
      phases.close();
    }
  }

  /** Runs a metadata operation and reads up to `limit` rows of it, then closes it. */
  private async listing(
    rpc: TcliHttpClient,
    operationHandle: OperationHandle,
    limit: number,
    onRow: (row: Array<string | null>) => boolean,
  ): Promise<void> {
    const { thrift, ttypes } = rpc.sdk;
    try {
      let seen = 0;
      while (seen < limit) {
        const page = await rpc.call<{ hasMoreRows?: boolean; results?: RowSet }>(
          'FetchResults',
          new ttypes.TFetchResultsReq({
            operationHandle,
            orientation: ttypes.TFetchOrientation.FETCH_NEXT,
            maxRows: new thrift.Int64(Math.min(1000, limit - seen)),
          }),
        );
        const rows = rowSetToRows(page.results);
        for (const row of rows) {
          seen++;
          if (!onRow(row)) return;
        }
        if (rows.length === 0 || !page.hasMoreRows) return;
      }
    } finally {
      await rpc
        .call('CloseOperation', new ttypes.TCloseOperationReq({ operationHandle }))
        .catch(() => undefined);
    }
  }

  private async tables(rpc: TcliHttpClient, sessionHandle: SessionHandle, schemaName: string | undefined) {
    const { ttypes } = rpc.sdk;
    const op = await rpc.call<{ operationHandle: OperationHandle }>(
      'GetTables',
      new ttypes.TGetTablesReq({
        sessionHandle,
        ...(schemaName ? { schemaName: exactPattern(schemaName) } : {}),
      }),
    );
    return op.operationHandle;
  }

  private async discover(
    rpc: TcliHttpClient,
    sessionHandle: SessionHandle,
    s: HiveSettings,
    ctx: ProbeContext,
  ) {
    const { ttypes } = rpc.sdk;
    const info = await rpc.call<{ infoValue?: { stringValue?: string | null } }>(
      'GetInfo',
      new ttypes.TGetInfoReq({ sessionHandle, infoType: ttypes.TGetInfoType.CLI_DBMS_VER }),
    );
    const v = info.infoValue?.stringValue;
    const version = v ? `Apache Hive ${v.split(/\s/)[0]}` : undefined;

    const limit = ctx.limits.maxObjects + 1;
    const rows: CatalogRow[] = [];
    await this.listing(rpc, await this.tables(rpc, sessionHandle, s.database), 100_000, (r) => {
      const [, schema, name, type] = r;
      if (!schema || !name || !matchesFilters(`${schema}.${name}`, ctx.limits)) return true;
      const t = String(type ?? 'TABLE').toUpperCase();
      rows.push({ schema_name: schema, table_name: name, table_type: TABLE_TYPES[t] ?? t.toLowerCase() });
      return rows.length < limit;
    });
    rows.sort((a, b) =>
      a.schema_name === b.schema_name
        ? a.table_name.localeCompare(b.table_name)
        : a.schema_name.localeCompare(b.schema_name),
    );

    let missing: string[] | undefined;
    if (ctx.selectedTables.length) {
      // One listing per database named by the selection: exact-name lookups would be one round trip each.
      const wanted = qualifySelected(ctx.selectedTables, s.database ?? 'default');
      const present = new Set<string>();
      for (const db of new Set([...wanted.keys()].map((q) => q.slice(0, q.indexOf('.'))))) {
        await this.listing(rpc, await this.tables(rpc, sessionHandle, db), 100_000, (r) => {
          if (r[1] && r[2]) present.add(`${r[1]}.${r[2]}`.toLowerCase());
          return true;
        });
      }
      missing = [...wanted.entries()].filter(([q]) => !present.has(q.toLowerCase())).map(([, name]) => name);
    }
    return {
      version,
      ...groupCatalog(rows, ctx.limits.maxObjects),
      listed: Math.min(rows.length, ctx.limits.maxObjects),
      missing,
    };
  }
}
