import { randomUUID } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * Couchbase Server 7.x as its REST APIs answer, for the subset a verification reads. Modelled on
 * the documented responses of the cluster manager (ns_server, port 8091/18091) and the Query
 * service (port 8093/18093):
 * - HTTP basic auth on every call; a missing or wrong credential is 401 with an empty body and a
 *   `WWW-Authenticate: Basic realm="Couchbase Server Admin / REST"` header.
 * - `GET /pools/default`: the cluster (name, nodes with version and services); any authenticated
 *   user may read it.
 * - `GET /pools/default/buckets`: only the buckets the user holds a role on (or all, for the
 *   cluster-wide admin roles), as the server filters the list by permission.
 * - `GET /pools/default/buckets/{b}/scopes`: the collections manifest
 *   `{uid, scopes:[{name, uid, collections:[{name, uid, maxTTL, history}]}]}`; 404 with
 *   `Requested resource not found.` for a missing bucket, 403 `{"message":"Forbidden. User needs
 *   the following permissions","permissions":[...]}` without a role on it.
 * - `GET /whoami`: `{id, domain, roles:[{role, bucket_name?, scope_name?, collection_name?,
 *   origins}], name, uuid}`.
 * - `POST /query/service` (form or JSON `statement`): `SELECT RAW 1` for any user; `SELECT RAW 1
 *   FROM \`b\`.\`s\`.\`c\` USE KEYS "k"` needs query_select on the keyspace, else 401 with
 *   `errors:[{code:13014, msg:"User does not have credentials to run SELECT queries …"}]`;
 *   bad credentials are 401 `errors:[{code:10000,msg:"Authentication Failure"}]`; anything else
 *   is a 400 syntax error (3000). Redirects are never issued unless a test asks for one.
 */
export interface CouchbaseRole {
  role: string;
  bucket_name?: string;
  scope_name?: string;
  collection_name?: string;
}

export interface FakeCouchbaseUser {
  password: string;
  roles: CouchbaseRole[];
  name?: string;
}

export interface FakeCouchbaseBucket {
  name: string;
  bucketType?: 'membase' | 'ephemeral';
  /** scope name → collection names. `_default._default` is added as the server does. */
  scopes: Record<string, string[]>;
}

export interface FakeCouchbaseOptions {
  users: Record<string, FakeCouchbaseUser>;
  buckets: FakeCouchbaseBucket[];
  version?: string;
  clusterName?: string;
  /** Serve both ports over TLS with this certificate. */
  tls?: { key: string; cert: string };
}

export interface RunningFakeCouchbase {
  managementPort: number;
  queryPort: number;
  /** Every request: `METHOD path user` (`-` without a valid credential). */
  requests: string[];
  /** Every Authorization header seen, to check what the client really sent. */
  authorizations: string[];
  unhandled: string[];
  /** Answer the next request on this path (either service) with a redirect, to test clients refuse it. */
  redirectOnce(path: string, location: string, status?: number): void;
  close(): Promise<void>;
}

const CLUSTER_ADMINS = new Set(['admin', 'cluster_admin', 'ro_admin', 'security_admin_local']);
/** Roles that grant reading a bucket's settings and manifest (cluster.collection[b:.:.].collections!read). */
const BUCKET_ROLES = new Set([
  'bucket_admin',
  'bucket_full_access',
  'data_reader',
  'data_writer',
  'data_dcp_reader',
  'data_backup',
  'data_monitoring',
  'views_admin',
  'views_reader',
  'query_select',
  'query_insert',
  'query_update',
  'query_delete',
  'query_manage_index',
  'scope_admin',
  'fts_searcher',
  'mobile_sync_gateway',
]);

function matches(value: string | undefined, wanted: string): boolean {
  return value === undefined || value === '*' || value === wanted;
}

function canSeeBucket(user: FakeCouchbaseUser, bucket: string): boolean {
  return user.roles.some(
    (r) => CLUSTER_ADMINS.has(r.role) || (BUCKET_ROLES.has(r.role) && matches(r.bucket_name, bucket)),
  );
}

function canSelect(user: FakeCouchbaseUser, b: string, s: string, c: string): boolean {
  return user.roles.some(
    (r) =>
      r.role === 'admin' ||
      (r.role === 'query_select' &&
        matches(r.bucket_name, b) &&
        matches(r.scope_name, s) &&
        matches(r.collection_name, c)),
  );
}

function uid(n: number): string {
  return n.toString(16);
}

function manifest(bucket: FakeCouchbaseBucket) {
  const scopes = { _default: ['_default'], ...bucket.scopes };
  if (!scopes._default.includes('_default')) scopes._default = ['_default', ...scopes._default];
  let next = 8;
  return {
    uid: uid(Object.keys(scopes).length + 1),
    scopes: Object.entries(scopes).map(([name, collections]) => ({
      name,
      uid: name === '_default' ? '0' : uid(next++),
      collections: collections.map((c) => ({
        name: c,
        uid: name === '_default' && c === '_default' ? '0' : uid(next++),
        maxTTL: 0,
        history: false,
      })),
    })),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function startFakeCouchbase(options: FakeCouchbaseOptions): Promise<RunningFakeCouchbase> {
  const version = options.version ?? '7.2.4-7070-enterprise';
  const requests: string[] = [];
  const authorizations: string[] = [];
  const unhandled: string[] = [];
  const redirects = new Map<string, { location: string; status: number }>();
  const buckets = new Map(options.buckets.map((b) => [b.name, b]));

  /** The user a Basic header names, if the password matches. */
  const authenticate = (req: IncomingMessage): [string, FakeCouchbaseUser] | undefined => {
    const header = req.headers.authorization ?? '';
    authorizations.push(header);
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
    if (!match) return undefined;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const [name, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const user = options.users[name];
    return user && user.password === password ? [name, user] : undefined;
  };

  const management = async (req: IncomingMessage, res: ServerResponse) => {
    await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const auth = authenticate(req);
    requests.push(`${req.method} ${url.pathname} ${auth?.[0] ?? '-'}`);
    const redirect = redirects.get(url.pathname);
    if (redirect) {
      redirects.delete(url.pathname);
      res.writeHead(redirect.status, { location: redirect.location, 'content-length': '0' }).end();
      return;
    }
    if (!auth) {
      res
        .writeHead(401, {
          'www-authenticate': 'Basic realm="Couchbase Server Admin / REST"',
          'content-length': '0',
        })
        .end();
      return;
    }
    const [name, user] = auth;
    if (req.method !== 'GET') {
      unhandled.push(`${req.method} ${url.pathname}`);
      res.writeHead(405, { 'content-length': '0' }).end();
      return;
    }
    if (url.pathname === '/pools/default') {
      json(res, 200, {
        name: 'default',
        clusterName: options.clusterName ?? 'verify-cluster',
        balanced: true,
        rebalanceStatus: 'none',
        buckets: { uri: `/pools/default/buckets?v=1&uuid=${randomUUID().replace(/-/g, '')}` },
        nodes: [
          {
            hostname: '127.0.0.1:8091',
            clusterMembership: 'active',
            status: 'healthy',
            version,
            os: 'x86_64-pc-linux-gnu',
            services: ['index', 'kv', 'n1ql'],
            ports: { direct: 11210, httpsMgmt: 18091, httpsCAPI: 18092, distTCP: 21100, distTLS: 21150 },
          },
        ],
      });
      return;
    }
    if (url.pathname === '/pools/default/buckets') {
      json(
        res,
        200,
        options.buckets
          .filter((b) => canSeeBucket(user, b.name))
          .map((b) => ({
            name: b.name,
            nodeLocator: 'vbucket',
            bucketType: b.bucketType ?? 'membase',
            storageBackend: 'couchstore',
            uuid: Buffer.from(b.name).toString('hex').padEnd(32, '0').slice(0, 32),
            uri: `/pools/default/buckets/${encodeURIComponent(b.name)}?bucket_uuid=x`,
            replicaNumber: 1,
            quota: { ram: 104857600, rawRAM: 104857600 },
          })),
      );
      return;
    }
    const scopes = /^\/pools\/default\/buckets\/([^/]+)\/scopes$/.exec(url.pathname);
    if (scopes) {
      const bucketName = decodeURIComponent(scopes[1]!);
      const bucket = buckets.get(bucketName);
      // Permission first, as ns_server checks it before looking the bucket up.
      if (!canSeeBucket(user, bucketName)) {
        json(res, 403, {
          message: 'Forbidden. User needs the following permissions',
          permissions: [`cluster.collection[${bucketName}:.:.].collections!read`],
        });
        return;
      }
      if (!bucket) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Requested resource not found.\r\n');
        return;
      }
      json(res, 200, manifest(bucket));
      return;
    }
    if (url.pathname === '/whoami') {
      json(res, 200, {
        id: name,
        domain: 'local',
        name: user.name ?? '',
        uuid: Buffer.from(name).toString('hex').padEnd(32, '0').slice(0, 32),
        roles: user.roles.map((r) => ({ ...r, origins: [{ type: 'user' }] })),
        passwordChangeDate: '2026-01-01T00:00:00.000Z',
      });
      return;
    }
    unhandled.push(`${req.method} ${url.pathname}`);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.');
  };

  const query = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake');
    const auth = authenticate(req);
    requests.push(`${req.method} ${url.pathname} ${auth?.[0] ?? '-'}`);
    const redirect = redirects.get(url.pathname);
    if (redirect) {
      redirects.delete(url.pathname);
      res.writeHead(redirect.status, { location: redirect.location, 'content-length': '0' }).end();
      return;
    }
    const requestID = randomUUID();
    const fail = (status: number, code: number, msg: string) =>
      json(res, status, {
        requestID,
        errors: [{ code, msg }],
        status: 'fatal',
        metrics: { elapsedTime: '1.1ms', executionTime: '1ms', resultCount: 0, resultSize: 0, errorCount: 1 },
      });
    if (url.pathname !== '/query/service' || (req.method !== 'POST' && req.method !== 'GET')) {
      unhandled.push(`${req.method} ${url.pathname}`);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found\n');
      return;
    }
    if (!auth) return fail(401, 10000, 'Authentication Failure');
    const [, user] = auth;
    let statement: unknown;
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('application/json')) {
      try {
        statement = (JSON.parse(raw) as { statement?: unknown }).statement;
      } catch {
        return fail(400, 1000, 'Error decoding request body');
      }
    } else statement = new URLSearchParams(raw).get('statement') ?? url.searchParams.get('statement');
    if (typeof statement !== 'string') return fail(400, 1050, 'No statement or prepared value');
    const ok = (results: unknown[]) =>
      json(res, 200, {
        requestID,
        signature: { $1: 'number' },
        results,
        status: 'success',
        metrics: {
          elapsedTime: '1.2ms',
          executionTime: '1.1ms',
          resultCount: results.length,
          resultSize: results.length,
          serviceLoad: 1,
        },
      });
    if (/^\s*SELECT\s+RAW\s+1\s*;?\s*$/i.test(statement)) return ok([1]);
    const keyspace =
      /^\s*SELECT\s+RAW\s+1\s+FROM\s+`([^`]+)`\.`([^`]+)`\.`([^`]+)`\s+USE\s+KEYS\s+"[^"]*"\s*$/i.exec(
        statement,
      );
    if (keyspace) {
      const [, b, s, c] = keyspace as unknown as [string, string, string, string];
      const path = `default:\`${b}\`.\`${s}\`.\`${c}\``;
      if (!canSelect(user, b, s, c)) {
        return fail(
          401,
          13014,
          `User does not have credentials to run SELECT queries on ${path}. Add role query_select on ${path} to allow the statement to run.`,
        );
      }
      const bucket = buckets.get(b);
      if (
        !bucket ||
        !manifest(bucket).scopes.some((x) => x.name === s && x.collections.some((y) => y.name === c))
      )
        return fail(404, 12003, `Keyspace not found in CB datastore: ${path}`);
      return ok([]);
    }
    return fail(400, 3000, 'syntax error - line 1, column 1');
  };

  const make = (handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) => {
    const wrapped = (req: IncomingMessage, res: ServerResponse) => {
      handler(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    };
    return options.tls ? createHttpsServer(options.tls, wrapped) : createHttpServer(wrapped);
  };
  const mgmtServer = make(management);
  const queryServer = make(query);
  const [managementPort, queryPort] = [await listen(mgmtServer), await listen(queryServer)];

  return {
    managementPort,
    queryPort,
    requests,
    authorizations,
    unhandled,
    redirectOnce(path, location, status = 302) {
      redirects.set(path, { location, status });
    },
    async close() {
      for (const server of [mgmtServer, queryServer]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
