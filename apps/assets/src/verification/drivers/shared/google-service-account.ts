import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { ConfigReader, PEM } from '../../config-fields.js';
import { DriverError } from '../../driver-error.js';
import type { PinnedDestination } from '../../../egress/index.js';
import { createPinnedAgent } from '../../../egress/index.js';
import { requestJson } from './pinned-http.js';
import { prop, sdkError } from './sdk-error.js';

/** Google's only token endpoint; the request schema pins `token_uri` to it as well. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const PINNED_URIS: Record<string, string> = {
  auth_uri: 'https://accounts.google.com/o/oauth2/auth',
  token_uri: GOOGLE_TOKEN_URL,
  auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
  universe_domain: 'googleapis.com',
};
const KEY_FIELDS = [
  'type',
  'project_id',
  'private_key_id',
  'private_key',
  'client_email',
  'client_id',
  'client_x509_cert_url',
  ...Object.keys(PINNED_URIS),
];
export const GCP_PROJECT = /^(?:[a-z][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const EMAIL = /^[^\s@]{1,128}@[A-Za-z0-9.-]{1,126}$/;

export interface ServiceAccountKey {
  projectId: string;
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
}

/** Reads `credentials.service_account_json` (an object, never a path) and checks every field. */
export function readServiceAccount(credentials: Record<string, unknown>): ServiceAccountKey {
  new ConfigReader(credentials, 'credentials').only(['service_account_json']);
  const json = credentials?.['service_account_json'];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DriverError(
      'invalid_config',
      'credentials field "service_account_json" must be the key file as an object',
    );
  }
  const key = new ConfigReader(json as Record<string, unknown>, 'credentials').only(KEY_FIELDS);
  if (key.required('type') !== 'service_account') {
    throw new DriverError('invalid_config', 'service_account_json must be a service account key');
  }
  for (const [field, expected] of Object.entries(PINNED_URIS)) {
    const value = key.string(field, { max: 512 });
    if (value !== undefined && value !== expected) {
      throw new DriverError('invalid_config', `service_account_json field "${field}" must be Google's`);
    }
  }
  key.string('client_id', { pattern: /^[A-Za-z0-9<>_-]{1,64}$/ });
  key.string('client_x509_cert_url', {
    pattern: /^https:\/\/www\.googleapis\.com\/robot\/v1\/metadata\/x509\/[A-Za-z0-9.%@_-]{1,255}$/,
    max: 512,
  });
  return {
    projectId: key.required('project_id', { pattern: GCP_PROJECT, max: 94 }),
    clientEmail: key.required('client_email', { pattern: EMAIL, max: 255 }),
    privateKey: key.required('private_key', { pattern: PEM, max: 16 * 1024 }),
    privateKeyId: key.string('private_key_id', { pattern: /^[A-Za-z0-9<>_-]{1,128}$/, max: 128 }),
  };
}

/** Resolves, checks and pins a destination with the egress policy (ProbeContext#resolveExtra). */
export type DestinationResolver = (host: string, port: number) => Promise<PinnedDestination>;

/** Turns a service-account key into an OAuth access token for `scope`. */
export type GoogleTokenSource = (
  key: ServiceAccountKey,
  scope: string,
  signal: AbortSignal,
  resolve: DestinationResolver,
) => Promise<string>;

/** An access token and how long Google said it lives. */
export interface GoogleAccessToken {
  token: string;
  /** `expires_in` of the answer, in seconds; undefined when Google sent none (or nonsense). */
  expiresInSeconds?: number;
}

/** Like GoogleTokenSource, with the token's lifetime (for callers that reuse a token). */
export type GoogleAccessTokenSource = (
  key: ServiceAccountKey,
  scope: string,
  signal: AbortSignal,
  resolve: DestinationResolver,
) => Promise<GoogleAccessToken>;

/** jwtBearerAccessTokenSource, for callers that use each token once. */
export function jwtBearerTokenSource(tokenUrl: string = GOOGLE_TOKEN_URL): GoogleTokenSource {
  const source = jwtBearerAccessTokenSource(tokenUrl);
  return async (key, scope, signal, resolve) => (await source(key, scope, signal, resolve)).token;
}

/**
 * The OAuth 2.0 JWT-bearer grant (RFC 7523) that Google's client libraries perform: an RS256
 * assertion signed with the key, exchanged at the token endpoint. Done here, bounded by the
 * caller's signal, with no proxy taken from the environment and no file or metadata lookups. The
 * token endpoint is a destination like any other: resolved, checked by the egress policy and
 * pinned, and a redirect from it is refused. The key file's own `token_uri` is never used (it must
 * be Google's, see readServiceAccount).
 */
export function jwtBearerAccessTokenSource(tokenUrl: string = GOOGLE_TOKEN_URL): GoogleAccessTokenSource {
  const url = new URL(tokenUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('token URL must be http(s)');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  return async (key, scope, signal, resolve) => {
    let signingKey: KeyObject;
    try {
      signingKey = createPrivateKey({ key: key.privateKey, format: 'pem' });
      if (signingKey.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    } catch {
      throw new DriverError(
        'invalid_config',
        'the service account private key is not a valid PKCS#8 RSA key',
      );
    }
    const assertion = signRs256Jwt(
      { alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) },
      { scope, iss: key.clientEmail, aud: GOOGLE_TOKEN_URL },
      signingKey,
    );
    const dest = await resolve(url.hostname.replace(/^\[|\]$/g, ''), port);
    const agent = createPinnedAgent(dest, { https: url.protocol === 'https:' });
    try {
      const response = await requestJson(agent, url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion,
        }).toString(),
        signal,
      });
      return accessTokenFromResponse(response.status, response.body);
    } finally {
      agent.destroyAll();
    }
  };
}

/** The token and its `expires_in` (seconds, a number or a numeric string, at most a day). */
export function accessTokenFromResponse(status: number, body: unknown): GoogleAccessToken {
  const token = tokenFromResponse(status, body);
  const raw = prop(body, 'expires_in');
  const seconds = raw !== undefined && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
  return { token, ...(seconds !== undefined && seconds <= 86_400 ? { expiresInSeconds: seconds } : {}) };
}

/** Google answers a bad grant with 400 `invalid_grant` and a bad client with 401 `invalid_client`. */
export function tokenFromResponse(status: number, body: unknown): string {
  const token = prop(body, 'access_token');
  if (status === 200 && token) return token;
  const error = prop(body, 'error');
  if (status === 400 || status === 401 || status === 403) throw sdkError('auth_failed', error);
  if (status === 429 || status >= 500) throw sdkError('unreachable', `HTTP_${status}`);
  throw sdkError('auth_failed', error ?? `HTTP_${status}`);
}

const LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
  'dailyLimitExceeded',
]);

/** Google JSON API errors: `{error:{code, status, errors:[{reason}]}}`. */
export function googleApiError(
  status: number,
  body: unknown,
  notFound: 'not_found' | 'permission_denied' = 'not_found',
): DriverError {
  const inner = (body as { error?: { status?: unknown; errors?: Array<{ reason?: unknown }> } } | undefined)
    ?.error;
  const reason =
    typeof inner?.errors?.[0]?.reason === 'string'
      ? inner.errors[0].reason
      : typeof inner?.status === 'string'
        ? inner.status
        : `HTTP_${status}`;
  switch (status) {
    case 400:
      return sdkError('invalid_config', reason);
    case 401:
      return sdkError('auth_failed', reason);
    case 403:
      // BigQuery (and older Google APIs) send rate and quota limits as 403: a refusal for now,
      // not a missing permission.
      if (LIMIT_REASONS.has(reason)) return sdkError('unreachable', reason);
      return sdkError(
        reason === 'accountDisabled' || reason === 'userProjectAccountProblem'
          ? 'auth_failed'
          : 'permission_denied',
        reason,
      );
    case 404:
      return sdkError(notFound, reason);
    case 408:
    case 504:
      return sdkError('timeout', reason);
    default:
      return sdkError('unreachable', reason);
  }
}

/**
 * RS256 compact JWT with node:crypto. (Not `jose`: it is ESM-only, and jwks-rsa require()s it,
 * which breaks when both load in one module graph.)
 */
function signRs256Jwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: KeyObject,
): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode({ ...claims, iat: now, exp: now + 600 })}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}
