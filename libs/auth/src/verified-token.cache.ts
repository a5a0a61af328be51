import { createHash } from 'node:crypto';
import type { Principal } from '@app/core';

/** Where the strategy leaves the verified token's time claims for the guard (seconds since epoch). */
export const VERIFIED_TOKEN_TIMES = Symbol('verifiedTokenTimes');

export interface VerifiedTokenTimes {
  exp: number;
  nbf?: number;
}

export interface VerifiedTokenCacheOptions {
  /** Entries kept; the least recently used goes first. */
  maxEntries?: number;
  /**
   * Longest an entry lives, whatever its `exp`: a signing key removed from the issuer's JWKS
   * (rotation, compromise) stops accepting its tokens at most this long after.
   */
  maxAgeMs?: number;
  /** Milliseconds since epoch; tests pass a fake clock. */
  now?: () => number;
}

interface Entry {
  principal: Principal;
  expiresAt: number;
  notBefore: number;
}

export const TOKEN_CACHE_DEFAULTS = { maxEntries: 10_000, maxAgeMs: 60_000 } as const;

/**
 * Principals of tokens that passed full verification (signature, algorithm, issuer, audience,
 * exp/nbf, org), keyed by the SHA-256 of the whole token, so a request with the very same token
 * skips the RS256/ES256 check and the claim mapping until the token's `exp`. Only successes are
 * stored; an entry never outlives `exp` (no clock tolerance added) nor `maxAgeMs`, and is never
 * used before `nbf`. Verification settings are fixed per app, so the same token always verifies
 * the same way within an entry's life.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: VerifiedTokenCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? TOKEN_CACHE_DEFAULTS.maxEntries;
    this.maxAgeMs = options.maxAgeMs ?? TOKEN_CACHE_DEFAULTS.maxAgeMs;
    this.now = options.now ?? (() => Date.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /** The principal of this exact token if it was verified and is still inside its window. */
  lookup(token: string | undefined): Principal | null {
    if (!token || this.maxEntries <= 0) return null;
    const key = hashOf(token);
    const entry = this.entries.get(key);
    if (!entry) return null;
    const now = this.now();
    // The token itself is compared too: a hash collision can never hand out someone else's principal.
    if (now >= entry.expiresAt || entry.principal.token !== token) {
      this.entries.delete(key);
      return null;
    }
    if (now < entry.notBefore) return null;
    // Most recently used last, so eviction takes the oldest first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { ...entry.principal };
  }

  /** Stores a principal the strategy has just verified, with its token's `exp`/`nbf`. */
  remember(principal: Principal, times: VerifiedTokenTimes | undefined): void {
    if (!times || typeof times.exp !== 'number' || this.maxEntries <= 0) return;
    const now = this.now();
    const expiresAt = Math.min(times.exp * 1000, now + this.maxAgeMs);
    if (expiresAt <= now) return;
    const notBefore = typeof times.nbf === 'number' ? times.nbf * 1000 : 0;
    const key = hashOf(principal.token);
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { principal: { ...principal }, expiresAt, notBefore });
  }

  clear(): void {
    this.entries.clear();
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64');
}
