import { createHash } from 'node:crypto';
import { type Clock, ExpiringStore } from './expiring-store.js';
import { randomToken } from './pkce.js';

/** A login's line of refresh tokens: each use rotates it, a replay kills it. */
export interface RefreshFamily {
  id: string;
  clientId: string;
  sub: string;
  org: string;
  scope: string;
  sessionId: string;
  /** The session's public id, carried by the tokens. */
  sid: string;
  revoked: boolean;
}

export type RotateResult = { ok: true; family: RefreshFamily; token: string } | { ok: false };

export const REFRESH_TOKEN_TTL_MS = 8 * 3600_000;

// Kept by hash: the store never holds a usable token.
const keyOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Opaque, rotating refresh tokens with reuse detection (OAuth 2.0 Security BCP §4.14.2). */
export class RefreshTokens {
  private readonly tokens: ExpiringStore<{ familyId: string; rotated: boolean }>;
  private readonly families: ExpiringStore<RefreshFamily>;

  constructor(
    private readonly clock: Clock,
    maxEntries = 10_000,
  ) {
    this.tokens = new ExpiringStore(clock, maxEntries * 4);
    this.families = new ExpiringStore(clock, maxEntries);
  }

  start(grant: Omit<RefreshFamily, 'id' | 'revoked'>): { family: RefreshFamily; token: string } {
    const family: RefreshFamily = { ...grant, id: randomToken(), revoked: false };
    return { family, token: this.next(family) };
  }

  /** A new token for a current one; a token already rotated revokes its whole family. */
  rotate(token: string, clientId: string): RotateResult {
    const key = keyOf(token);
    const entry = this.tokens.get(key);
    if (!entry) return { ok: false };
    const family = this.families.get(entry.familyId);
    if (!family || family.revoked) return { ok: false };
    if (entry.rotated) {
      family.revoked = true;
      return { ok: false };
    }
    if (family.clientId !== clientId) return { ok: false };
    entry.rotated = true;
    return { ok: true, family, token: this.next(family) };
  }

  revokeFamily(familyId: string): void {
    const family = this.families.get(familyId);
    if (family) family.revoked = true;
  }

  revokeSession(sessionId: string): void {
    for (const [, family] of this.families.values())
      if (family.sessionId === sessionId) family.revoked = true;
  }

  private next(family: RefreshFamily): string {
    const token = randomToken();
    const expiresAt = this.clock() + REFRESH_TOKEN_TTL_MS;
    this.tokens.set(keyOf(token), { familyId: family.id, rotated: false }, expiresAt);
    // The family lives as long as its newest token (and remembers its rotated ones that long).
    this.families.set(family.id, family, expiresAt);
    return token;
  }
}
