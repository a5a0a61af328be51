import { ConfigReader, HOST_PATTERN } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import { createPinnedAgent } from '../../../egress/index.js';
import type { ProbeContext } from '../../probe-context.js';
import type {
  DiscoveredSchema,
  DriverOutcome,
  VerificationErrorCode,
  VerificationInput,
} from '../../verification.types.js';
import { PinnedHttpPhases, requestJson, type JsonResponse } from '../shared/pinned-http.js';
import { codeForHttpStatus, sdkError } from '../shared/sdk-error.js';
import { ALL_STEPS } from '../shared/steps.js';

/** Couchbase bucket names: letters, digits, `_ . % -`, at most 100 characters. */
const BUCKET = /^[A-Za-z0-9_.%-]{1,100}$/;
/** Scope and collection names: `_`/`%` may not lead except for the system `_default`/`_system`. */
const KEYSPACE_PART = /^[A-Za-z0-9_%-][A-Za-z0-9_%-]{0,250}$/;
const SINGLE_LINE = /^[^\u0000-\u001f\u007f]+$/;
/** Cluster-wide roles a verification credential should never hold. */
const ADMIN_ROLES = new Set(['admin', 'cluster_admin', 'ro_admin', 'security_admin', 'security_admin_local']);
const WRITE_ROLES = new Set([
  'bucket_admin',
  'bucket_full_access',
  'data_writer',
  'scope_admin',
  'query_insert',
  'query_update',
  'query_delete',
  'query_manage_index',
  'mobile_sync_gateway',
]);
/** Buckets whose manifest is read without a configured bucket; the rest is reported as truncated. */
const MAX_BUCKETS = 50;
const QUERY_TIMEOUT_MS = 5000;

export interface CouchbaseSettings {
  host: string;
  port: number;
  queryPort: number;
  tls: boolean;
  checkQuery: boolean;
  bucket?: string;
  username: string;
  password: string;
  ca?: string;
}

export function readCouchbaseSettings(input: VerificationInput): CouchbaseSettings {
  if (input.auth_type !== 'basic') throw new DriverError('invalid_config', 'auth_type must be basic');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'host',
    'port',
    'query_port',
    'tls',
    'bucket',
    'check_query',
    'selected_tables',
  ]);
  const creds = new ConfigReader(input.credentials, 'credentials').only(['username', 'password', 'ca_cert']);
  const tls = config.boolean('tls', true);
  return {
    host: config.required('host', { pattern: HOST_PATTERN, max: 253 }),
    port: config.port('port', tls ? 18091 : 8091),
    queryPort: config.port('query_port', tls ? 18093 : 8093),
    tls,
    checkQuery: config.boolean('check_query', true),
    bucket: config.string('bucket', { pattern: BUCKET, max: 100 }),
    username: creds.required('username', { pattern: SINGLE_LINE, max: 128 }),
    password: creds.required('password', { max: 1024 }),
    ca: creds.pem('ca_cert'),
  };
}

/**
 * A failed REST call as a classified error. ns_server answers 401 (empty body) for a bad
 * credential and 403 `{message, permissions:[…]}` for a missing permission; only the permission
 * names (`cluster.collection[b:.:.].collections!read`) are safe to keep, and only in a warning.
 */
export function couchbaseHttpError(response: JsonResponse, what: string): DriverError {
  const code: VerificationErrorCode = codeForHttpStatus(response.status) ?? 'unreachable';
  return sdkError(code, `${what}_HTTP_${response.status}`);
}

function permissionsOf(body: unknown): string[] {
  const list = (body as { permissions?: unknown } | undefined)?.permissions;
  return Array.isArray(list)
    ? list.filter((p): p is string => typeof p === 'string' && /^[A-Za-z0-9_.:!%\-[\]*]{1,200}$/.test(p))
    : [];
}

interface Manifest {
  scopes?: Array<{ name?: unknown; collections?: Array<{ name?: unknown }> }>;
}

interface Role {
  role?: unknown;
  bucket_name?: unknown;
}

/** `collection`, `scope.collection` or `bucket.scope.collection` → the full keyspace. */
export function qualifyKeyspace(name: string, bucket: string | undefined): string | undefined {
  const parts = name.split('.');
  if (parts.length === 3) return name;
  if (!bucket) return undefined;
  if (parts.length === 2) return `${bucket}.${name}`;
  if (parts.length === 1) return `${bucket}._default.${name}`;
  return undefined;
}

/**
 * Couchbase Server through its REST APIs, over one agent pinned to the checked address: the
 * cluster manager (`/pools/default` proves reachability and the credential, `/pools/default/
 * buckets` and `…/{bucket}/scopes` discover `bucket.scope.collection` keyspaces, `/whoami` gives
 * the roles), then optionally the Query service (its own port, resolved and checked by the egress
 * policy) runs a statement that reads nothing. The native SDK is not used: it opens KV and
 * cluster-map connections to every node the cluster names, which no egress pin could bound.
 */
export class CouchbaseDriver extends ConnectorDriver {
  readonly type = 'couchbase' as const;
  readonly steps = ALL_STEPS;

  target(input: VerificationInput): EgressTarget {
    const s = readCouchbaseSettings(input);
    return { host: s.host, port: s.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readCouchbaseSettings(input);
    const origin = `${s.tls ? 'https' : 'http'}://${hostForUrl(ctx.destination.hostname)}:${ctx.destination.port}`;
    const authorization = `Basic ${Buffer.from(`${s.username}:${s.password}`, 'utf8').toString('base64')}`;
    const phases = new PinnedHttpPhases(ctx, s.tls, {
      ca: s.ca,
      plainHttpWarning: 'TLS is off: the password (HTTP basic auth) and data are sent unencrypted',
    });
    const get = async (path: string, signal: AbortSignal) =>
      requestJson(phases.agent, new URL(path, origin), { headers: { authorization }, signal });
    try {
      const version = await phases.authenticate(async (signal) => {
        const response = await get('/pools/default', signal);
        if (response.status !== 200) throw couchbaseHttpError(response, 'POOLS');
        const nodes = (response.body as { nodes?: Array<{ version?: unknown }> } | undefined)?.nodes;
        const v = Array.isArray(nodes)
          ? nodes.find((n) => typeof n?.version === 'string')?.version
          : undefined;
        return typeof v === 'string' && /^[0-9A-Za-z.-]{1,64}$/.test(v) ? v : undefined;
      }, `authenticated as ${s.username}`);
      const found = await ctx.step(
        'discover',
        (signal) => this.discover(s, ctx, get, signal),
        (r) =>
          `${r.schemas.reduce((n, x) => n + x.tables.length, 0)} collections in ${r.buckets} bucket(s)${r.truncated ? ' (truncated)' : ''}`,
      );
      await ctx.step(
        'privileges',
        (signal) => this.privileges(s, ctx, get, found, authorization, signal),
        (m) => m,
      );
      const selected = ctx.selectedTables
        .map((name) => [name, qualifyKeyspace(name, s.bucket)] as const)
        .filter(([, full]) => full === undefined || !found.all.has(full))
        .map(([name]) => name);
      return {
        server_version: version ? `Couchbase Server ${version}` : undefined,
        schemas: found.schemas,
        truncated: found.truncated,
        ...(ctx.selectedTables.length > 0 && !found.bucketsTruncated
          ? { missing_selected_tables: selected }
          : {}),
      };
    } finally {
      phases.close();
    }
  }

  private async discover(
    s: CouchbaseSettings,
    ctx: ProbeContext,
    get: (path: string, signal: AbortSignal) => Promise<JsonResponse>,
    signal: AbortSignal,
  ) {
    let names: string[];
    let truncated = false;
    let bucketsTruncated = false;
    if (s.bucket) names = [s.bucket];
    else {
      const response = await get('/pools/default/buckets', signal);
      if (response.status !== 200) throw couchbaseHttpError(response, 'BUCKETS');
      const list = Array.isArray(response.body) ? (response.body as Array<{ name?: unknown }>) : [];
      names = list
        .map((b) => b?.name)
        .filter((n): n is string => typeof n === 'string' && BUCKET.test(n))
        .sort();
      if (names.length === 0)
        ctx.warn('this user can see no bucket: grant it a read role on the bucket to use');
      if (names.length > MAX_BUCKETS) {
        names = names.slice(0, MAX_BUCKETS);
        truncated = bucketsTruncated = true;
      }
    }
    const schemas: DiscoveredSchema[] = [];
    const all = new Set<string>();
    let kept = 0;
    for (const bucket of names) {
      const response = await get(`/pools/default/buckets/${encodeURIComponent(bucket)}/scopes`, signal);
      if (response.status === 403 && !s.bucket) {
        // Listed but not readable at collection level: report it, keep discovering the others.
        const needs = permissionsOf(response.body);
        ctx.warn(
          `no permission to list the collections of bucket ${bucket}${needs.length ? ` (needs ${needs.join(', ')})` : ''}`,
        );
        continue;
      }
      if (response.status === 403) {
        const needs = permissionsOf(response.body);
        if (needs.length) ctx.warn(`reading bucket ${s.bucket}'s collections needs ${needs.join(', ')}`);
        throw couchbaseHttpError(response, 'SCOPES');
      }
      if (response.status !== 200) throw couchbaseHttpError(response, 'SCOPES');
      const scopes = (response.body as Manifest | undefined)?.scopes;
      const sorted = [...(Array.isArray(scopes) ? scopes : [])].sort((a, b) =>
        String(a?.name).localeCompare(String(b?.name)),
      );
      for (const scope of sorted) {
        const scopeName = scope?.name;
        // `_system` holds the server's own collections (query history, mobile metadata).
        if (typeof scopeName !== 'string' || !KEYSPACE_PART.test(scopeName) || scopeName === '_system')
          continue;
        const tables = [];
        for (const c of Array.isArray(scope.collections) ? scope.collections : []) {
          const name = c?.name;
          if (typeof name !== 'string' || !KEYSPACE_PART.test(name)) continue;
          const full = `${bucket}.${scopeName}.${name}`;
          all.add(full);
          if (!matchesFilters(full, ctx.limits)) continue;
          if (kept >= ctx.limits.maxObjects) {
            truncated = true;
            continue;
          }
          kept++;
          tables.push({ name, type: 'collection' });
        }
        tables.sort((a, b) => a.name.localeCompare(b.name));
        if (tables.length) schemas.push({ name: `${bucket}.${scopeName}`, tables });
      }
    }
    return { schemas, truncated, bucketsTruncated, buckets: names.length, all };
  }

  private async privileges(
    s: CouchbaseSettings,
    ctx: ProbeContext,
    get: (path: string, signal: AbortSignal) => Promise<JsonResponse>,
    found: { schemas: DiscoveredSchema[] },
    authorization: string,
    signal: AbortSignal,
  ): Promise<string> {
    const response = await get('/whoami', signal);
    if (response.status !== 200) throw couchbaseHttpError(response, 'WHOAMI');
    const raw = (response.body as { roles?: unknown } | undefined)?.roles;
    const roles = (Array.isArray(raw) ? (raw as Role[]) : []).filter((r) => typeof r?.role === 'string');
    const admin = roles.filter((r) => ADMIN_ROLES.has(r.role as string)).map((r) => r.role as string);
    if (admin.length)
      ctx.warn(
        `this credential holds cluster-wide administrative roles (${[...new Set(admin)].join(', ')}); use a user with data_reader or query_select on the bucket`,
      );
    else if (roles.some((r) => WRITE_ROLES.has(r.role as string)))
      ctx.warn('this credential can write or administer buckets; data_reader or query_select is enough');
    else if (roles.some((r) => r.bucket_name === '*'))
      ctx.warn('this credential has roles on every bucket (bucket_name *); limit it to the buckets it needs');
    let query = '';
    if (s.checkQuery) query = await this.checkQuery(s, ctx, found, authorization);
    return `${roles.length} role(s) for ${s.username}${query}`;
  }

  /**
   * The Query service on its own port: `SELECT RAW 1`, or when a bucket is set a key lookup on its
   * first collection (`USE KEYS` needs no index, only query_select). Problems here are warnings: the
   * cluster manager already proved the credential.
   */
  private async checkQuery(
    s: CouchbaseSettings,
    ctx: ProbeContext,
    found: { schemas: DiscoveredSchema[] },
    authorization: string,
  ): Promise<string> {
    const first = s.bucket ? found.schemas.find((x) => x.name.startsWith(`${s.bucket}.`)) : undefined;
    const keyspace = first && first.tables[0] ? `${first.name}.${first.tables[0].name}` : undefined;
    const statement = keyspace
      ? `SELECT RAW 1 FROM ${keyspace
          .split('.')
          .map((p) => `\`${p}\``)
          .join('.')} USE KEYS "assets-verification-probe"`
      : 'SELECT RAW 1';
    let agent: ReturnType<typeof createPinnedAgent> | undefined;
    try {
      const dest = await ctx.resolveExtra(s.host, s.queryPort);
      agent = createPinnedAgent(dest, { https: s.tls, ca: s.ca, onRedirectRefused: ctx.redirectRefused });
      const url = new URL(
        '/query/service',
        `${s.tls ? 'https' : 'http'}://${hostForUrl(dest.hostname)}:${dest.port}`,
      );
      const response = await ctx.withTimeout(
        'privileges',
        (signal) =>
          requestJson(agent!, url, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify({ statement, readonly: true, timeout: `${QUERY_TIMEOUT_MS}ms` }),
            signal,
          }),
        // Under the step's own deadline, so a silent port becomes a warning, not a failed step.
        Math.min(QUERY_TIMEOUT_MS, Math.floor(ctx.stepTimeoutMs / 2)),
      );
      const body = response.body as { status?: unknown; errors?: Array<{ code?: unknown }> } | undefined;
      if (response.status === 200 && body?.status === 'success')
        return keyspace ? `; query access to ${keyspace}` : '; query service reachable';
      const code = Array.isArray(body?.errors) ? Number(body.errors[0]?.code) : NaN;
      if (code === 13014)
        ctx.warn(
          `this credential cannot query ${keyspace ?? 'the cluster'}: grant query_select on it (Query error 13014)`,
        );
      else if (code === 10000) ctx.warn('the Query service rejected the credential (Query error 10000)');
      else
        ctx.warn(
          `the Query service answered HTTP ${response.status}${Number.isInteger(code) ? ` (Query error ${code})` : ''}`,
        );
      return '; query check failed';
    } catch (error) {
      const reason = (error as { code?: unknown })?.code;
      ctx.warn(
        `the Query service on port ${s.queryPort} could not be checked${typeof reason === 'string' && /^[A-Z_]{2,40}$/.test(reason) ? ` (${reason})` : ''}; set query_port or check_query=false`,
      );
      return '; query service not checked';
    } finally {
      agent?.destroyAll();
    }
  }
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
