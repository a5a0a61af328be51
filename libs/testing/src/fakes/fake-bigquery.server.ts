import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * BigQuery's REST API v2 (datasets.list, datasets.get, tables.list) behind Google's OAuth 2.0
 * token endpoint for service accounts (RFC 7523 JWT-bearer grant), on two loopback listeners as
 * Google has two hosts (bigquery.googleapis.com, oauth2.googleapis.com).
 *
 * Modelled on Google's documented behaviour, not on any client:
 * - token endpoint ("Using OAuth 2.0 for Server to Server Applications"): form-encoded
 *   `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>`; the RS256 signature
 *   is checked against the service account's active keys (by `kid` when sent), `aud` must be
 *   https://oauth2.googleapis.com/token, `exp` at most an hour after `iat`, `scope` required. Errors
 *   are OAuth's `{error, error_description}`: `invalid_grant` "Invalid JWT Signature." (wrong or
 *   deleted key), "Invalid grant: account not found." (unknown or deleted account), `invalid_scope`,
 *   `unsupported_grant_type`. Success: `{access_token, expires_in, token_type: 'Bearer'}`.
 * - API: `Authorization: Bearer`; a missing one is 401 `required`, an unknown or expired token
 *   401 `authError` with `WWW-Authenticate: Bearer … error="invalid_token"`; a token without a
 *   BigQuery scope 403 `insufficientPermissions` (ACCESS_TOKEN_SCOPE_INSUFFICIENT). Errors use the
 *   envelope `{error:{code,message,errors:[{message,domain,reason}],status}}`. datasets.list lists
 *   the datasets the caller may `bigquery.datasets.get` (project-level role, or the dataset's own
 *   ACL: "Listing datasets"), omitting `datasets` when there are none; datasets.get answers 403
 *   "Permission bigquery.datasets.get denied … (or it may not exist)" without the permission and
 *   404 "Not found: Dataset p:d" with it; tables.list needs `bigquery.tables.list`. Paging is by
 *   opaque `pageToken`, `maxResults` capped by the server. Rate limiting is BigQuery's 403
 *   `rateLimitExceeded` (its error table) or the front end's 429 RESOURCE_EXHAUSTED.
 */

export type FakeBigqueryTableType = 'TABLE' | 'VIEW' | 'MATERIALIZED_VIEW' | 'EXTERNAL' | 'SNAPSHOT';
export type FakeBigqueryAclRole = 'READER' | 'WRITER' | 'OWNER';

export interface FakeBigqueryDataset {
  location?: string;
  tables: Array<{ id: string; type?: FakeBigqueryTableType }>;
  /** The dataset's ACL (`access[]`): principals granted on this dataset only. */
  access?: Array<{ role: FakeBigqueryAclRole; userByEmail: string }>;
}

export interface FakeServiceAccount {
  clientEmail: string;
  /** Active keys by key id: public keys (SPKI PEM) Google holds for the account. */
  keys: Record<string, string>;
  /** Project-level IAM roles, per project (`roles/bigquery.metadataViewer`, …, or `custom:<perm,…>`). */
  roles?: Record<string, string[]>;
}

export interface FakeBigqueryOptions {
  /** projectId → datasetId → dataset. */
  projects: Record<string, Record<string, FakeBigqueryDataset>>;
  serviceAccounts: FakeServiceAccount[];
  /** Largest page the server returns, whatever `maxResults` asks (default 1000). */
  maxPageSize?: number;
  /** `expires_in` of issued tokens (Google: 3599). */
  tokenLifetimeSeconds?: number;
}

export interface FakeBigqueryTokenRequest {
  grantType: string | null;
  iss?: string;
  kid?: string;
  scope?: string;
  outcome: string;
}

export interface RunningFakeBigquery {
  /** The API origin (stands for https://bigquery.googleapis.com). */
  apiUrl: string;
  apiPort: number;
  /** The token endpoint URL (stands for https://oauth2.googleapis.com/token). */
  tokenUrl: string;
  tokenPort: number;
  tokenRequests: FakeBigqueryTokenRequest[];
  /** `METHOD path?query status` of every API request. */
  apiRequests: string[];
  /** Every access token issued, to prove none leaks. */
  issuedTokens: string[];
  unhandled: string[];
  /** Revokes a key (as `gcloud iam service-accounts keys delete`). */
  deleteKey(clientEmail: string, kid: string): void;
  /** Deletes an account: its tokens stop working, new exchanges fail. */
  deleteServiceAccount(clientEmail: string): void;
  /** After `calls` more API answers, every token issued so far has expired. */
  expireTokensAfter(calls: number): void;
  /** The next `count` API requests are rate limited: 403 rateLimitExceeded or 429. */
  rateLimitNext(count: number, status?: 403 | 429): void;
  /** Answers every API (or token) request with a redirect to `location` until cleared. */
  redirect(target: 'api' | 'token', location: string | undefined, status?: number): void;
  close(): Promise<void>;
}

export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const BIGQUERY_SCOPES = new Set([
  'https://www.googleapis.com/auth/bigquery',
  'https://www.googleapis.com/auth/bigquery.readonly',
  'https://www.googleapis.com/auth/cloud-platform',
  'https://www.googleapis.com/auth/cloud-platform.read-only',
]);
const SCOPE = /^https:\/\/www\.googleapis\.com\/auth\/[a-z0-9._-]+$/;

const READ = ['bigquery.datasets.get', 'bigquery.tables.list', 'bigquery.tables.get'];
const WRITE = [...READ, 'bigquery.tables.getData', 'bigquery.tables.create', 'bigquery.tables.updateData'];
/** Project roles and the dataset permissions they carry (the BigQuery IAM roles reference). */
const ROLE_PERMISSIONS: Record<string, string[]> = {
  'roles/bigquery.metadataViewer': READ,
  'roles/bigquery.dataViewer': [...READ, 'bigquery.tables.getData'],
  'roles/viewer': [...READ, 'bigquery.tables.getData'],
  'roles/bigquery.dataEditor': WRITE,
  'roles/bigquery.dataOwner': [...WRITE, 'bigquery.datasets.update'],
  'roles/bigquery.admin': [...WRITE, 'bigquery.datasets.update'],
  'roles/editor': WRITE,
  'roles/owner': [...WRITE, 'bigquery.datasets.update'],
  'roles/bigquery.jobUser': ['bigquery.jobs.create'],
};
const ACL_PERMISSIONS: Record<FakeBigqueryAclRole, string[]> = {
  READER: [...READ, 'bigquery.tables.getData'],
  WRITER: WRITE,
  OWNER: [...WRITE, 'bigquery.datasets.update'],
};

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    readonly reason: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface IssuedToken {
  clientEmail: string;
  scopes: string[];
  expiresAt: number;
}

/** A service account key file and its public key, as the IAM console hands them out. */
export function createServiceAccountKey(clientEmail: string, projectId: string) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(20).toString('hex');
  return {
    kid,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    json: {
      type: 'service_account',
      project_id: projectId,
      private_key_id: kid,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: clientEmail,
      client_id: String(100_000_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e9))),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: GOOGLE_TOKEN_AUDIENCE,
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
      universe_domain: 'googleapis.com',
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  if (!segment || !/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

export async function startFakeBigquery(options: FakeBigqueryOptions): Promise<RunningFakeBigquery> {
  const maxPage = options.maxPageSize ?? 1000;
  const lifetime = options.tokenLifetimeSeconds ?? 3599;
  const accounts = new Map<string, { keys: Map<string, KeyObject>; roles: Record<string, string[]> }>();
  for (const sa of options.serviceAccounts) {
    accounts.set(sa.clientEmail, {
      keys: new Map(Object.entries(sa.keys).map(([kid, pem]) => [kid, createPublicKey(pem)])),
      roles: sa.roles ?? {},
    });
  }
  const tokens = new Map<string, IssuedToken>();
  const tokenRequests: FakeBigqueryTokenRequest[] = [];
  const apiRequests: string[] = [];
  const issuedTokens: string[] = [];
  const unhandled: string[] = [];
  let expireAfter: number | undefined;
  let rateLimited = { count: 0, status: 403 as 403 | 429 };
  const redirects: Record<'api' | 'token', { location: string; status: number } | undefined> = {
    api: undefined,
    token: undefined,
  };

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    res
      .writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers })
      .end(JSON.stringify(body));
  };

  // ---- oauth2.googleapis.com/token -------------------------------------------------------------
  const oauthError = (res: ServerResponse, status: number, error: string, description: string) =>
    sendJson(res, status, { error, error_description: description });

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (redirects.token) {
      res
        .writeHead(redirects.token.status, { location: redirects.token.location, 'content-length': '0' })
        .end();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'POST' || path !== '/token') {
      unhandled.push(`${req.method} ${req.url}`);
      return oauthError(res, 404, 'not_found', 'Not Found');
    }
    const form = new URLSearchParams(
      /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '') ? body : '',
    );
    const record: FakeBigqueryTokenRequest = { grantType: form.get('grant_type'), outcome: '' };
    tokenRequests.push(record);
    const fail = (status: number, error: string, description: string) => {
      record.outcome = `${error}: ${description}`;
      oauthError(res, status, error, description);
    };
    if (record.grantType !== JWT_BEARER) {
      return fail(400, 'unsupported_grant_type', `Invalid grant_type: ${record.grantType ?? ''}`);
    }
    const parts = (form.get('assertion') ?? '').split('.');
    const header = decodeSegment(parts[0]);
    const claims = decodeSegment(parts[1]);
    if (parts.length !== 3 || !header || !claims || !parts[2]) {
      return fail(
        400,
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe',
      );
    }
    record.iss = typeof claims.iss === 'string' ? claims.iss : undefined;
    record.kid = typeof header.kid === 'string' ? header.kid : undefined;
    record.scope = typeof claims.scope === 'string' ? claims.scope : undefined;
    if (header.alg !== 'RS256') return fail(400, 'invalid_grant', 'Invalid JWT Signature.');
    const account = record.iss ? accounts.get(record.iss) : undefined;
    if (!account) return fail(400, 'invalid_grant', 'Invalid grant: account not found');
    const candidates = record.kid
      ? [account.keys.get(record.kid)].filter((k): k is KeyObject => k !== undefined)
      : [...account.keys.values()];
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2], 'base64url');
    if (!candidates.some((key) => verify('sha256', signed, key, signature))) {
      return fail(400, 'invalid_grant', 'Invalid JWT Signature.');
    }
    if (claims.aud !== GOOGLE_TOKEN_AUDIENCE) {
      return fail(400, 'invalid_grant', 'Invalid JWT: Failed audience check.');
    }
    const now = Math.floor(Date.now() / 1000);
    const { iat, exp } = claims;
    if (
      typeof iat !== 'number' ||
      typeof exp !== 'number' ||
      exp <= iat ||
      exp - iat > 3600 ||
      iat > now + 300 ||
      exp < now - 300
    ) {
      return fail(
        400,
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      );
    }
    const scopes = (record.scope ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0 || !scopes.every((s) => SCOPE.test(s))) {
      return fail(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
    }
    const accessToken = `ya29.c.${randomBytes(48).toString('base64url')}`;
    tokens.set(accessToken, { clientEmail: record.iss!, scopes, expiresAt: Date.now() + lifetime * 1000 });
    issuedTokens.push(accessToken);
    record.outcome = 'issued';
    sendJson(res, 200, { access_token: accessToken, expires_in: lifetime, token_type: 'Bearer' });
  }

  // ---- bigquery.googleapis.com/bigquery/v2 -----------------------------------------------------
  const permissionsOn = (email: string, projectId: string, datasetId: string): Set<string> => {
    const account = accounts.get(email);
    const granted = new Set<string>();
    for (const role of account?.roles[projectId] ?? []) {
      const perms = role.startsWith('custom:') ? role.slice(7).split(',') : (ROLE_PERMISSIONS[role] ?? []);
      for (const p of perms) granted.add(p);
    }
    for (const entry of options.projects[projectId]?.[datasetId]?.access ?? []) {
      if (entry.userByEmail === email) for (const p of ACL_PERMISSIONS[entry.role]) granted.add(p);
    }
    return granted;
  };
  const page = <T>(items: T[], url: URL): { slice: T[]; nextPageToken?: string } => {
    const rawMax = url.searchParams.get('maxResults');
    if (rawMax !== null && !/^\d{1,10}$/.test(rawMax)) {
      throw new ApiError(400, 'INVALID_ARGUMENT', 'invalid', `Invalid value for maxResults: ${rawMax}`);
    }
    const size = Math.min(rawMax === null ? maxPage : Math.max(Number(rawMax), 1), maxPage);
    const rawToken = url.searchParams.get('pageToken');
    let start = 0;
    if (rawToken !== null) {
      const decoded = /^[A-Za-z0-9_-]+$/.test(rawToken) ? Buffer.from(rawToken, 'base64url').toString() : '';
      if (!/^offset:\d+$/.test(decoded))
        throw new ApiError(400, 'INVALID_ARGUMENT', 'invalid', 'Invalid page token');
      start = Number(decoded.slice(7));
    }
    const end = start + size;
    return {
      slice: items.slice(start, end),
      nextPageToken: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined,
    };
  };

  function authenticate(req: IncomingMessage): IssuedToken {
    const header = req.headers.authorization;
    if (!header) {
      throw new ApiError(
        401,
        'UNAUTHENTICATED',
        'required',
        'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' },
      );
    }
    const issued = /^Bearer (\S+)$/.exec(header) ? tokens.get(header.slice(7)) : undefined;
    if (!issued || issued.expiresAt <= Date.now() || !accounts.has(issued.clientEmail)) {
      throw new ApiError(
        401,
        'UNAUTHENTICATED',
        'authError',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      );
    }
    if (!issued.scopes.some((s) => BIGQUERY_SCOPES.has(s))) {
      throw new ApiError(
        403,
        'PERMISSION_DENIED',
        'insufficientPermissions',
        'Request had insufficient authentication scopes.',
      );
    }
    return issued;
  }

  function route(req: IncomingMessage, url: URL): unknown {
    const caller = authenticate(req);
    if (rateLimited.count > 0) {
      rateLimited.count--;
      throw rateLimited.status === 429
        ? new ApiError(
            429,
            'RESOURCE_EXHAUSTED',
            'rateLimitExceeded',
            "Quota exceeded for quota metric 'API requests'.",
          )
        : new ApiError(
            403,
            'PERMISSION_DENIED',
            'rateLimitExceeded',
            'Exceeded rate limits: too many api requests per user per method for this user_method. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas',
          );
    }
    const m = /^\/bigquery\/v2\/projects\/([^/]+)\/datasets(?:\/([^/]+)(\/tables)?)?$/.exec(url.pathname);
    if (req.method !== 'GET' || !m) {
      unhandled.push(`${req.method} ${url.pathname}${url.search}`);
      throw new ApiError(404, 'NOT_FOUND', 'notFound', `Not found: URL ${url.pathname}`);
    }
    const projectId = decodeURIComponent(m[1]);
    const project = options.projects[projectId];
    if (!project) throw new ApiError(404, 'NOT_FOUND', 'notFound', `Not found: Project ${projectId}`);
    const email = caller.clientEmail;
    if (!m[2]) {
      const visible = Object.keys(project)
        .sort()
        .filter((d) => permissionsOn(email, projectId, d).has('bigquery.datasets.get'));
      const { slice, nextPageToken } = page(visible, url);
      return {
        kind: 'bigquery#datasetList',
        etag: randomBytes(12).toString('base64'),
        ...(slice.length
          ? {
              datasets: slice.map((d) => ({
                kind: 'bigquery#dataset',
                id: `${projectId}:${d}`,
                datasetReference: { datasetId: d, projectId },
                location: project[d].location ?? 'US',
                type: 'DEFAULT',
              })),
            }
          : {}),
        ...(nextPageToken ? { nextPageToken } : {}),
      };
    }
    const datasetId = decodeURIComponent(m[2]);
    const dataset = project[datasetId];
    const perms = permissionsOn(email, projectId, datasetId);
    const needed = m[3] ? 'bigquery.tables.list' : 'bigquery.datasets.get';
    if (!perms.has(needed)) {
      throw new ApiError(
        403,
        'PERMISSION_DENIED',
        'accessDenied',
        `Access Denied: Dataset ${projectId}:${datasetId}: Permission ${needed} denied on dataset ${projectId}:${datasetId} (or it may not exist).`,
      );
    }
    if (!dataset)
      throw new ApiError(404, 'NOT_FOUND', 'notFound', `Not found: Dataset ${projectId}:${datasetId}`);
    if (!m[3]) {
      return {
        kind: 'bigquery#dataset',
        etag: randomBytes(12).toString('base64'),
        id: `${projectId}:${datasetId}`,
        selfLink: `https://bigquery.googleapis.com/bigquery/v2/projects/${projectId}/datasets/${datasetId}`,
        datasetReference: { datasetId, projectId },
        access: [
          { role: 'WRITER', specialGroup: 'projectWriters' },
          { role: 'OWNER', specialGroup: 'projectOwners' },
          { role: 'READER', specialGroup: 'projectReaders' },
          ...(dataset.access ?? []),
        ],
        creationTime: '1700000000000',
        lastModifiedTime: '1700000000000',
        location: dataset.location ?? 'US',
        type: 'DEFAULT',
      };
    }
    const { slice, nextPageToken } = page(dataset.tables, url);
    return {
      kind: 'bigquery#tableList',
      etag: randomBytes(12).toString('base64'),
      ...(slice.length
        ? {
            tables: slice.map((t) => ({
              kind: 'bigquery#table',
              id: `${projectId}:${datasetId}.${t.id}`,
              tableReference: { projectId, datasetId, tableId: t.id },
              type: t.type ?? 'TABLE',
              creationTime: '1700000000000',
            })),
          }
        : {}),
      ...(nextPageToken ? { nextPageToken } : {}),
      totalItems: dataset.tables.length,
    };
  }

  async function api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const line = `${req.method} ${url.pathname}${url.search}`;
    if (redirects.api) {
      apiRequests.push(`${line} ${redirects.api.status}`);
      res.writeHead(redirects.api.status, { location: redirects.api.location, 'content-length': '0' }).end();
      return;
    }
    try {
      const body = route(req, url);
      apiRequests.push(`${line} 200`);
      sendJson(res, 200, body);
      if (expireAfter !== undefined && --expireAfter <= 0) {
        expireAfter = undefined;
        for (const issued of tokens.values()) issued.expiresAt = 0;
      }
    } catch (error) {
      const e =
        error instanceof ApiError ? error : new ApiError(500, 'INTERNAL', 'backendError', 'Backend error');
      apiRequests.push(`${line} ${e.code}`);
      sendJson(
        res,
        e.code,
        {
          error: {
            code: e.code,
            message: e.message,
            errors: [
              { message: e.message, domain: e.code === 429 ? 'usageLimits' : 'global', reason: e.reason },
            ],
            status: e.status,
          },
        },
        e.headers,
      );
    }
  }

  const onError = (res: ServerResponse) => () => {
    if (!res.headersSent)
      sendJson(res, 500, { error: { code: 500, message: 'fake failure', status: 'INTERNAL' } });
    else res.destroy();
  };
  const apiServer = await listen((req, res) => void api(req, res).catch(onError(res)));
  const tokenServer = await listen((req, res) => void token(req, res).catch(onError(res)));

  return {
    apiUrl: `http://127.0.0.1:${apiServer.port}`,
    apiPort: apiServer.port,
    tokenUrl: `http://127.0.0.1:${tokenServer.port}/token`,
    tokenPort: tokenServer.port,
    tokenRequests,
    apiRequests,
    issuedTokens,
    unhandled,
    deleteKey(clientEmail, kid) {
      accounts.get(clientEmail)?.keys.delete(kid);
    },
    deleteServiceAccount(clientEmail) {
      accounts.delete(clientEmail);
    },
    expireTokensAfter(calls) {
      expireAfter = calls;
    },
    rateLimitNext(count, status = 403) {
      rateLimited = { count, status };
    },
    redirect(target, location, status = 302) {
      redirects[target] = location === undefined ? undefined : { location, status };
    },
    close: async () => {
      for (const s of [apiServer.server, tokenServer.server]) {
        s.closeAllConnections();
        await new Promise<void>((resolve, reject) => s.close((e) => (e ? reject(e) : resolve())));
      }
    },
  };
}
