import { createHash } from 'node:crypto';
import { AppException, DependencyUnavailableError, ErrorCode } from '@app/core';
import {
  type DestinationResolver,
  DriverError,
  type GoogleAccessTokenSource,
  readServiceAccount,
  type ServiceAccountKey,
} from '../verification/index.js';
import { EgressDeniedError, InvalidDestinationError, RedirectRefusedError } from '../egress/index.js';

/** What a GCS storage connection does with its bucket: objects read, written and deleted. */
export const GCS_READ_WRITE_SCOPE = 'https://www.googleapis.com/auth/devstorage.read_write';
/** A cached token is handed out only while it has at least this long left (Google's live an hour). */
export const REFRESH_BEFORE_EXPIRY_MS = 15 * 60_000;
/** Assumed lifetime when Google's answer says none: the token is then used for this one call only. */
const UNKNOWN_LIFETIME_S = 0;
const EXCHANGE_TIMEOUT_MS = 15_000;
const MAX_CACHED = 1_000;
/** An access token goes into an `Authorization` header: visible ASCII only, bounded. */
const TOKEN = /^[\x21-\x7e]{1,4096}$/;

interface Cached {
  token: string;
  /** Epoch ms after which the token is no longer handed out. */
  refreshAt: number;
}

/**
 * Access tokens for GCS storage connections. OpenDAL would otherwise sign its own JWT and post it
 * to Google's token URL with its own HTTP client, outside the egress policy and following
 * redirects. Here the exchange goes through the same JWT-bearer source as verification (token
 * endpoint resolved, checked and pinned by the egress policy; redirects refused), and OpenDAL is
 * given only the resulting token. Tokens are kept per key and scope (a rotated key is a new entry)
 * and exchanged again once fewer than REFRESH_BEFORE_EXPIRY_MS remain; concurrent callers share
 * one exchange.
 */
export class GoogleAccessTokens {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<Cached>>();

  constructor(
    private readonly source: GoogleAccessTokenSource,
    private readonly resolve: DestinationResolver,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token for `credentials.service_account_json` (the stored key object), or a 4xx/503. */
  async tokenFor(
    credentials: Record<string, unknown>,
    scope: string = GCS_READ_WRITE_SCOPE,
  ): Promise<string> {
    const key = keyOf(credentials);
    const id = cacheKey(key, scope);
    const hit = this.cache.get(id);
    if (hit && hit.refreshAt > this.now()) return hit.token;
    let exchange = this.pending.get(id);
    if (!exchange) {
      exchange = this.exchange(id, key, scope).finally(() => this.pending.delete(id));
      this.pending.set(id, exchange);
    }
    return (await exchange).token;
  }

  private async exchange(id: string, key: ServiceAccountKey, scope: string): Promise<Cached> {
    let answer: Awaited<ReturnType<GoogleAccessTokenSource>>;
    try {
      answer = await this.source(key, scope, AbortSignal.timeout(EXCHANGE_TIMEOUT_MS), this.resolve);
    } catch (error) {
      throw tokenError(error);
    }
    if (!TOKEN.test(answer.token))
      throw new DependencyUnavailableError('Google OAuth', new Error('malformed access token'));
    const lifetimeMs = (answer.expiresInSeconds ?? UNKNOWN_LIFETIME_S) * 1000;
    const entry = { token: answer.token, refreshAt: this.now() + lifetimeMs - REFRESH_BEFORE_EXPIRY_MS };
    this.cache.delete(id);
    if (entry.refreshAt > this.now()) {
      this.cache.set(id, entry);
      // Oldest first: Map keeps insertion order, and a refreshed entry was re-inserted above.
      while (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    }
    return entry;
  }
}

function keyOf(credentials: Record<string, unknown>): ServiceAccountKey {
  try {
    return readServiceAccount(credentials);
  } catch (error) {
    throw tokenError(error);
  }
}

/** The key's identity for the cache: a hash, so no key material is used as a map key. */
function cacheKey(key: ServiceAccountKey, scope: string): string {
  return createHash('sha256')
    .update(JSON.stringify([key.clientEmail, key.privateKeyId ?? '', key.privateKey, scope]))
    .digest('hex');
}

/** What the tenant is told: the class of failure, never Google's prose, the key or the token. */
function tokenError(error: unknown): AppException {
  if (error instanceof AppException) return error;
  if (error instanceof RedirectRefusedError) {
    return new AppException(
      ErrorCode.EGRESS_DENIED,
      `Google's token endpoint answered with a redirect (HTTP ${error.status}), which is never followed`,
      {
        reason: 'redirect_refused',
        status: error.status,
      },
    );
  }
  if (error instanceof EgressDeniedError) {
    return new AppException(
      ErrorCode.EGRESS_DENIED,
      "Google's token endpoint is not an allowed destination",
      { reason: error.reason },
    );
  }
  if (error instanceof InvalidDestinationError) {
    return new AppException(
      ErrorCode.EGRESS_DENIED,
      "Google's token endpoint is not an allowed destination",
      { reason: 'invalid_destination' },
    );
  }
  if (error instanceof DriverError) {
    switch (error.code) {
      case 'invalid_config':
        return AppException.validation("The connection's service account key cannot be used", {
          fields: [
            { field: 'credentials.service_account_json', message: 'is not a usable service account key' },
          ],
        });
      case 'auth_failed':
      case 'permission_denied':
        return new AppException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "Google refused the connection's service account key",
          { dependency: 'Google OAuth', reason: 'auth_failed' },
        );
      default:
        break;
    }
  }
  return new DependencyUnavailableError('Google OAuth', error);
}
