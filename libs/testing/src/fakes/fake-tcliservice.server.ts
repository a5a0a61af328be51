import { randomUUID, timingSafeEqual } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import TCLIService from '@databricks/sql/thrift/TCLIService.js';
import ttypes from '@databricks/sql/thrift/TCLIService_types.js';
import thrift from 'thrift';

/**
 * A loopback HiveServer2 / Databricks SQL endpoint: the generated TCLIService processor (from
 * @databricks/sql's Thrift IDL) behind an HTTP(S) server, TBinaryProtocol over a buffered transport,
 * as both the Databricks client and HiveServer2's HTTP transport mode (`/cliservice`) speak it.
 *
 * Modelled on the real servers:
 * - HTTP layer first. Databricks: no `Authorization` → 401; a token it does not know → 403 with
 *   `Invalid access token.` (what the SQL connectors surface as "Invalid access token. 403").
 *   HiveServer2 (ThriftHttpServlet): a missing or wrong Basic login → 401 with
 *   `Authentication Error: …`. A path no warehouse/servlet serves → 404; non-POST → 405.
 * - OpenSession negotiates `serverProtocolVersion = min(client, server)` as HiveServer2 does
 *   (CLIService.getMinVersion); Databricks clients send SPARK_CLI_SERVICE_PROTOCOL_V8 in
 *   `client_protocol_i64`. A missing catalog/schema/database is an ERROR_STATUS with the server's
 *   sqlState and message (Spark error classes `[CATALOG_NOT_FOUND]`/`[SCHEMA_NOT_FOUND]`; Hive's
 *   `SemanticException [Error 10072]: Database does not exist`).
 * - Results are columnar TRowSets from protocol V6 on (HIVE_CLI_SERVICE_PROTOCOL_V6), row-based
 *   before, paged by FetchResults `maxRows` with `hasMoreRows`; statements run asynchronously
 *   (GetOperationStatus reports FINISHED_STATE), handles are checked on every call.
 */
export interface FakeTable {
  catalog: string;
  schema: string;
  name: string;
  /** As the server reports it: TABLE, VIEW, MATERIALIZED_VIEW… */
  type: string;
}

export interface FakeTcliServiceOptions {
  flavor: 'databricks' | 'hive';
  /** The one HTTP path served, e.g. `/sql/1.0/warehouses/abc` or `/cliservice`. */
  httpPath: string;
  /** HTTPS with this key pair; plain HTTP otherwise. */
  tls?: { key: string; cert: string };
  /** Databricks: the personal access token accepted as `Authorization: Bearer …`. */
  token?: string;
  /** HiveServer2 (LDAP-style): username → password accepted as HTTP Basic. */
  users?: Record<string, string>;
  tables: FakeTable[];
  /** Databricks: `current_version().dbsql_version`; Hive: CLI_DBMS_VER. */
  version: string;
  /** Catalogs (Databricks) or databases (Hive) the authenticated user may not use. */
  denied?: string[];
  /** The highest TProtocolVersion the server speaks. */
  serverProtocol?: number;
}

export interface RunningFakeTcliService {
  port: number;
  url: string;
  /** Every RPC handled, in order (e.g. `OpenSession`, `GetTables`). */
  calls: string[];
  /** Every Authorization header and TOpenSessionReq seen, for tests that look for leaks or checks. */
  authorizations: string[];
  openRequests: Array<{ clientProtocol: number; username?: string; configuration: Record<string, string> }>;
  /** Statements the server does not know and answered with a parse error. */
  unhandled: string[];
  openSessions(): number;
  openOperations(): number;
  close(): Promise<void>;
}

const { TStatusCode, TOperationState, TOperationType, TProtocolVersion, TSparkRowSetType, TTypeId } = ttypes;

type Row = Array<string | null>;

interface Operation {
  session: string;
  type: number;
  columns: string[];
  rows: Row[];
  offset: number;
}

interface Session {
  protocol: number;
  user: string;
  catalog: string;
  schema: string;
}

class StatusError extends Error {
  constructor(
    message: string,
    readonly sqlState: string,
    readonly errorCode = 0,
  ) {
    super(message);
  }
}

function success() {
  return new ttypes.TStatus({ statusCode: TStatusCode.SUCCESS_STATUS });
}

function failure(error: unknown) {
  if (error instanceof StatusError) {
    return new ttypes.TStatus({
      statusCode: TStatusCode.ERROR_STATUS,
      sqlState: error.sqlState,
      errorCode: error.errorCode,
      errorMessage: error.message,
    });
  }
  return new ttypes.TStatus({ statusCode: TStatusCode.ERROR_STATUS, errorMessage: String(error) });
}

/** JDBC search pattern (`%`, `_`, `\` escape) as HiveServer2 matches it: case-insensitively. */
function likePattern(pattern: string | null | undefined): RegExp {
  if (!pattern || pattern === '*') return /^/;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) out += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%' || c === '*') out += '.*';
    else if (c === '_') out += '.';
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startFakeTcliService(options: FakeTcliServiceOptions): Promise<RunningFakeTcliService> {
  const serverProtocol =
    options.serverProtocol ??
    (options.flavor === 'databricks'
      ? TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8
      : TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
  const sessions = new Map<string, Session>();
  const operations = new Map<string, Operation>();
  const calls: string[] = [];
  const authorizations: string[] = [];
  const openRequests: RunningFakeTcliService['openRequests'] = [];
  const unhandled: string[] = [];

  // Both servers make handles from UUID.randomUUID() (the Databricks client parses them as UUIDs).
  const handle = () =>
    new ttypes.THandleIdentifier({
      guid: Buffer.from(randomUUID().replace(/-/g, ''), 'hex'),
      secret: Buffer.from(randomUUID().replace(/-/g, ''), 'hex'),
    });
  const key = (id: { guid?: Buffer } | null | undefined) =>
    id?.guid ? Buffer.from(id.guid).toString('hex') : '';

  const sessionOf = (req: {
    sessionHandle?: { sessionId?: { guid?: Buffer } };
  }): Session & { id: string } => {
    const id = key(req.sessionHandle?.sessionId);
    const session = sessions.get(id);
    if (!session) {
      throw new StatusError(
        options.flavor === 'hive' ? `Invalid SessionHandle: SessionHandle [${id}]` : 'Invalid SessionHandle',
        'HY000',
      );
    }
    return { ...session, id };
  };

  const operationOf = (req: { operationHandle?: { operationId?: { guid?: Buffer } } }) => {
    const id = key(req.operationHandle?.operationId);
    const op = operations.get(id);
    if (!op)
      throw new StatusError(
        `Invalid OperationHandle: OperationHandle [opType=UNKNOWN, getHandleIdentifier()=${id}]`,
        'HY000',
      );
    return { id, op };
  };

  /**
   * A finished operation. When a Databricks client asks for direct results, the first page rides
   * on the response (TSparkDirectResults) and, if it holds every row, the operation is closed
   * server-side as the warehouse does; otherwise the client pages with FetchResults.
   */
  const start = (
    session: Session & { id: string },
    req: any,
    type: number,
    columns: string[],
    rows: Row[],
  ) => {
    const id = handle();
    const op: Operation = { session: session.id, type, columns, rows, offset: 0 };
    operations.set(key(id), op);
    const operationHandle = new ttypes.TOperationHandle({
      operationId: id,
      operationType: type,
      hasResultSet: true,
    });
    const wanted = req.getDirectResults;
    if (options.flavor !== 'databricks' || !wanted) return { status: success(), operationHandle };
    const page = fetchPage(
      op,
      Number(wanted.maxRows?.toNumber?.(true) ?? wanted.maxRows ?? 0),
      session.protocol,
    );
    const done = !page.hasMoreRows;
    if (done) operations.delete(key(id));
    return {
      status: success(),
      operationHandle,
      directResults: new ttypes.TSparkDirectResults({
        operationStatus: new ttypes.TGetOperationStatusResp({
          status: success(),
          operationState: TOperationState.FINISHED_STATE,
          hasResultSet: true,
        }),
        resultSetMetadata: metadata(op),
        resultSet: page,
        ...(done ? { closeOperation: new ttypes.TCloseOperationResp({ status: success() }) } : {}),
      }),
    };
  };

  const fetchPage = (op: Operation, maxRows: number, protocol: number) => {
    const rows = op.rows.slice(op.offset, op.offset + Math.max(0, maxRows));
    const results = rowSet(op, rows, protocol);
    op.offset += rows.length;
    return new ttypes.TFetchResultsResp({
      status: success(),
      hasMoreRows: op.offset < op.rows.length,
      results,
    });
  };

  const catalogs = () => [...new Set(options.tables.map((t) => t.catalog))];
  const schemas = (catalog?: string) => [
    ...new Set(
      options.tables.filter((t) => catalog === undefined || t.catalog === catalog).map((t) => t.schema),
    ),
  ];

  const rowSet = (op: Operation, rows: Row[], protocol: number) => {
    const startRowOffset = new thrift.Int64(op.offset);
    if (protocol < TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V6) {
      return new ttypes.TRowSet({
        startRowOffset,
        rows: rows.map(
          (r) =>
            new ttypes.TRow({
              colVals: r.map(
                (v) =>
                  new ttypes.TColumnValue({
                    stringVal: new ttypes.TStringValue(v === null ? {} : { value: v }),
                  }),
              ),
            }),
        ),
      });
    }
    return new ttypes.TRowSet({
      startRowOffset,
      rows: [],
      columns: op.columns.map((_, c) => {
        const nulls = Buffer.alloc(Math.ceil(rows.length / 8));
        rows.forEach((r, i) => {
          if (r[c] === null) nulls[i >> 3]! |= 1 << (i & 7);
        });
        return new ttypes.TColumn({
          stringVal: new ttypes.TStringColumn({ values: rows.map((r) => r[c] ?? ''), nulls }),
        });
      }),
    });
  };

  const metadata = (op: Operation) =>
    new ttypes.TGetResultSetMetadataResp({
      status: success(),
      schema: new ttypes.TTableSchema({
        columns: op.columns.map(
          (columnName, i) =>
            new ttypes.TColumnDesc({
              columnName,
              position: i + 1,
              typeDesc: new ttypes.TTypeDesc({
                types: [
                  new ttypes.TTypeEntry({
                    primitiveEntry: new ttypes.TPrimitiveTypeEntry({ type: TTypeId.STRING_TYPE }),
                  }),
                ],
              }),
            }),
        ),
      }),
      ...(options.flavor === 'databricks' ? { resultFormat: TSparkRowSetType.COLUMN_BASED_SET } : {}),
    });

  // Each handler answers with a TStatus; an exception would become a TApplicationException,
  // which neither server sends for SQL-level problems.
  const guarded =
    <Req, Resp>(
      name: string,
      fn: (req: Req) => Resp,
      onError: (status: ReturnType<typeof failure>) => Resp,
    ) =>
    (req: Req): Resp => {
      calls.push(name);
      try {
        return fn(req);
      } catch (error) {
        return onError(failure(error));
      }
    };

  // The HTTP layer authenticated the request; the session belongs to that user.
  const openSession = (currentUser: string) =>
    guarded(
      'OpenSession',
      (req: any) => {
        const requested = req.client_protocol_i64
          ? Number(req.client_protocol_i64.toNumber(true))
          : Number(req.client_protocol);
        const configuration: Record<string, string> = { ...(req.configuration ?? {}) };
        openRequests.push({ clientProtocol: requested, username: req.username ?? undefined, configuration });
        if (!Object.values(TProtocolVersion).includes(requested)) {
          // HiveServer2 cannot read a protocol enum it does not know: the required field stays unset.
          throw new StatusError("Required field 'client_protocol' is unset!", 'HY000');
        }
        const protocol = Math.min(requested, serverProtocol);
        let catalog = options.flavor === 'databricks' ? 'hive_metastore' : '';
        let schema = 'default';
        if (options.flavor === 'databricks') {
          const ns = req.initialNamespace;
          if (ns?.catalogName) {
            if (!catalogs().includes(ns.catalogName)) {
              throw new StatusError(
                `[CATALOG_NOT_FOUND] The catalog \`${ns.catalogName}\` not found. SQLSTATE: 42P08`,
                '42P08',
              );
            }
            if (options.denied?.includes(ns.catalogName)) {
              throw new StatusError(
                `[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have USE CATALOG on Catalog '${ns.catalogName}'. SQLSTATE: 42501`,
                '42501',
              );
            }
            catalog = ns.catalogName;
          }
          if (ns?.schemaName) {
            if (!schemas(catalog).includes(ns.schemaName)) {
              throw new StatusError(
                `[SCHEMA_NOT_FOUND] The schema \`${catalog}\`.\`${ns.schemaName}\` cannot be found. SQLSTATE: 42704`,
                '42704',
              );
            }
            schema = ns.schemaName;
          }
        } else if (configuration['use:database']) {
          const db = configuration['use:database'];
          if (db !== 'default' && !schemas().includes(db)) {
            throw new StatusError(
              `Failed to open new session: org.apache.hive.service.cli.HiveSQLException: Error while compiling statement: FAILED: SemanticException [Error 10072]: Database does not exist: ${db}`,
              '42000',
              10072,
            );
          }
          if (options.denied?.includes(db)) {
            // SQL-standard / Ranger authorization refusing `use <db>` for this user.
            throw new StatusError(
              `Failed to open new session: org.apache.hive.service.cli.HiveSQLException: Error while compiling statement: FAILED: HiveAccessControlException Permission denied: user [${currentUser}] does not have [USE] privilege on [${db}]`,
              '42000',
              40000,
            );
          }
          schema = db;
        }
        const sessionId = handle();
        sessions.set(key(sessionId), { protocol, user: currentUser, catalog, schema });
        return new ttypes.TOpenSessionResp({
          status: success(),
          serverProtocolVersion: protocol,
          sessionHandle: new ttypes.TSessionHandle({ sessionId }),
          configuration: {},
          ...(options.flavor === 'databricks'
            ? {
                canUseMultipleCatalogs: true,
                initialNamespace: new ttypes.TNamespace({ catalogName: catalog, schemaName: schema }),
              }
            : {}),
        });
      },
      (status) => new ttypes.TOpenSessionResp({ status, serverProtocolVersion: serverProtocol }),
    );

  const handler = {
    CloseSession: guarded(
      'CloseSession',
      (req: any) => {
        const { id } = sessionOf(req);
        sessions.delete(id);
        for (const [opId, op] of operations) if (op.session === id) operations.delete(opId);
        return new ttypes.TCloseSessionResp({ status: success() });
      },
      (status) => new ttypes.TCloseSessionResp({ status }),
    ),

    GetInfo: guarded(
      'GetInfo',
      (req: any) => {
        sessionOf(req);
        const values: Record<number, string> = {
          [ttypes.TGetInfoType.CLI_SERVER_NAME]: options.flavor === 'hive' ? 'Hive' : 'Spark SQL',
          [ttypes.TGetInfoType.CLI_DBMS_NAME]: options.flavor === 'hive' ? 'Apache Hive' : 'Spark SQL',
          [ttypes.TGetInfoType.CLI_DBMS_VER]: options.version,
        };
        const value = values[req.infoType];
        // HiveServer2's GetInfo supports only these types and refuses the rest.
        if (value === undefined)
          throw new StatusError(`Unrecognized GetInfoType value: ${req.infoType}`, 'HY000');
        return new ttypes.TGetInfoResp({
          status: success(),
          infoValue: new ttypes.TGetInfoValue({ stringValue: value }),
        });
      },
      (status) =>
        new ttypes.TGetInfoResp({ status, infoValue: new ttypes.TGetInfoValue({ stringValue: '' }) }),
    ),

    ExecuteStatement: guarded(
      'ExecuteStatement',
      (req: any) => {
        const session = sessionOf(req);
        const sql = String(req.statement ?? '').trim();
        let op;
        if (
          options.flavor === 'databricks' &&
          /^SELECT current_version\(\)\.dbsql_version AS v$/i.test(sql)
        ) {
          op = start(session, req, TOperationType.EXECUTE_STATEMENT, ['v'], [[options.version]]);
        } else if (options.flavor === 'hive' && /^SELECT version\(\)$/i.test(sql)) {
          op = start(session, req, TOperationType.EXECUTE_STATEMENT, ['_c0'], [[options.version]]);
        } else {
          unhandled.push(sql);
          throw options.flavor === 'databricks'
            ? new StatusError(
                `[PARSE_SYNTAX_ERROR] Syntax error at or near '${sql.split(/\s+/)[0]}'. SQLSTATE: 42601`,
                '42601',
              )
            : new StatusError(
                `Error while compiling statement: FAILED: ParseException line 1:0 cannot recognize input near '${sql.split(/\s+/)[0]}'`,
                '42000',
                40000,
              );
        }
        return new ttypes.TExecuteStatementResp(op);
      },
      (status) => new ttypes.TExecuteStatementResp({ status }),
    ),

    GetCatalogs: guarded(
      'GetCatalogs',
      (req: any) => {
        const session = sessionOf(req);
        const rows = (options.flavor === 'hive' ? [] : catalogs()).map((c) => [c]);
        return new ttypes.TGetCatalogsResp(
          start(session, req, TOperationType.GET_CATALOGS, ['TABLE_CAT'], rows),
        );
      },
      (status) => new ttypes.TGetCatalogsResp({ status }),
    ),

    GetSchemas: guarded(
      'GetSchemas',
      (req: any) => {
        const session = sessionOf(req);
        const cat = likePattern(req.catalogName);
        const sch = likePattern(req.schemaName);
        const seen = new Set<string>();
        const rows: Row[] = [];
        for (const t of options.tables) {
          const k = `${t.catalog}.${t.schema}`;
          if (seen.has(k) || !cat.test(t.catalog) || !sch.test(t.schema)) continue;
          seen.add(k);
          rows.push([t.schema, options.flavor === 'hive' ? '' : t.catalog]);
        }
        return new ttypes.TGetSchemasResp(
          start(session, req, TOperationType.GET_SCHEMAS, ['TABLE_SCHEM', 'TABLE_CATALOG'], rows),
        );
      },
      (status) => new ttypes.TGetSchemasResp({ status }),
    ),

    GetTables: guarded(
      'GetTables',
      (req: any) => {
        const session = sessionOf(req);
        const cat = likePattern(req.catalogName);
        const sch = likePattern(req.schemaName);
        const tab = likePattern(req.tableName);
        const types: string[] | null = req.tableTypes?.length
          ? req.tableTypes.map((t: string) => t.toUpperCase())
          : null;
        const rows = options.tables
          .filter(
            (t) =>
              cat.test(t.catalog) &&
              sch.test(t.schema) &&
              tab.test(t.name) &&
              (!types || types.includes(t.type)),
          )
          .map((t): Row => [options.flavor === 'hive' ? '' : t.catalog, t.schema, t.name, t.type, null]);
        return new ttypes.TGetTablesResp(
          start(
            session,
            req,
            TOperationType.GET_TABLES,
            ['TABLE_CAT', 'TABLE_SCHEM', 'TABLE_NAME', 'TABLE_TYPE', 'REMARKS'],
            rows,
          ),
        );
      },
      (status) => new ttypes.TGetTablesResp({ status }),
    ),

    GetOperationStatus: guarded(
      'GetOperationStatus',
      (req: any) => {
        operationOf(req);
        return new ttypes.TGetOperationStatusResp({
          status: success(),
          operationState: TOperationState.FINISHED_STATE,
          hasResultSet: true,
        });
      },
      (status) => new ttypes.TGetOperationStatusResp({ status }),
    ),

    GetResultSetMetadata: guarded(
      'GetResultSetMetadata',
      (req: any) => metadata(operationOf(req).op),
      (status) => new ttypes.TGetResultSetMetadataResp({ status }),
    ),

    FetchResults: guarded(
      'FetchResults',
      (req: any) => {
        const { op } = operationOf(req);
        const protocol = sessions.get(op.session)?.protocol ?? serverProtocol;
        if (req.orientation === ttypes.TFetchOrientation.FETCH_FIRST) op.offset = 0;
        const max = Math.max(
          0,
          Number(req.maxRows?.toNumber ? req.maxRows.toNumber(true) : req.maxRows) || 0,
        );
        const rows = op.rows.slice(op.offset, op.offset + max);
        const results = rowSet(op, rows, protocol);
        op.offset += rows.length;
        return new ttypes.TFetchResultsResp({
          status: success(),
          hasMoreRows: op.offset < op.rows.length,
          results,
        });
      },
      (status) => new ttypes.TFetchResultsResp({ status }),
    ),

    CancelOperation: guarded(
      'CancelOperation',
      (req: any) => {
        operationOf(req);
        return new ttypes.TCancelOperationResp({ status: success() });
      },
      (status) => new ttypes.TCancelOperationResp({ status }),
    ),

    CloseOperation: guarded(
      'CloseOperation',
      (req: any) => {
        operations.delete(operationOf(req).id);
        return new ttypes.TCloseOperationResp({ status: success() });
      },
      (status) => new ttypes.TCloseOperationResp({ status }),
    ),
  };

  const Processor = (TCLIService as unknown as { Processor: new (h: unknown) => ThriftProcessor }).Processor;

  /** The HTTP layer in front of the servlet / warehouse gateway: path, method, then credentials. */
  const authenticate = (req: IncomingMessage, res: ServerResponse): string | undefined => {
    const header = req.headers.authorization ?? '';
    authorizations.push(header);
    if (options.flavor === 'databricks') {
      const token = /^Bearer (.+)$/.exec(header)?.[1];
      if (!token) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized');
        return undefined;
      }
      if (!options.token || !sameSecret(token, options.token)) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('Invalid access token.');
        return undefined;
      }
      return 'token';
    }
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header)?.[1];
    const decoded = basic ? Buffer.from(basic, 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const user = colon > 0 ? decoded.slice(0, colon) : '';
    const password = colon > 0 ? decoded.slice(colon + 1) : '';
    const expected = options.users?.[user];
    if (!basic || expected === undefined || !sameSecret(password, expected)) {
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Basic realm="HiveServer2"' })
        .end(
          basic
            ? 'Authentication Error: Error validating LDAP user'
            : 'Authentication Error: Authorization header received from the client is empty.',
        );
      return undefined;
    }
    return user;
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/$/, '');
    if (path !== options.httpPath.replace(/\/$/, '')) {
      req.resume();
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const user = authenticate(req, res);
      if (user === undefined) return;
      const processor = new Processor({ ...handler, OpenSession: openSession(user) });
      const body = Buffer.concat(chunks);
      thrift.TBufferedTransport.receiver((transport) => {
        const input = new thrift.TBinaryProtocol(transport);
        const output = new thrift.TBinaryProtocol(
          new thrift.TBufferedTransport(undefined, (buf) => {
            res.writeHead(200, { 'content-type': 'application/x-thrift' }).end(buf);
          }),
        );
        try {
          processor.process(input, output);
          transport.commitPosition();
        } catch {
          if (!res.headersSent) res.writeHead(400).end();
        }
      })(body);
    });
  };

  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest)
    : createHttpServer(onRequest);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${options.httpPath}`,
    calls,
    authorizations,
    openRequests,
    unhandled,
    openSessions: () => sessions.size,
    openOperations: () => operations.size,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface ThriftProcessor {
  process(input: unknown, output: unknown): void;
}
