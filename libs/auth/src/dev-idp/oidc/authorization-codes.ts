import { type Clock, ExpiringStore } from './expiring-store.js';
import { randomToken, verifiesS256 } from './pkce.js';

/** What the user consented to at the authorization endpoint, bound to one code. */
export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
  scope: string;
  sub: string;
  org: string;
  sessionId: string;
  sid: string;
}

export interface CodeRedemption {
  code: string;
  clientId: string;
  redirectUri: string;
  codeVerifier: string;
}

export type RedeemResult =
  | { ok: true; grant: CodeGrant }
  /** `replayed`: the code had already been redeemed; what it produced must be revoked. */
  | { ok: false; replayed: { refreshFamily: string | null } | null };

interface CodeEntry {
  grant: CodeGrant;
  redeemed: boolean;
  refreshFamily: string | null;
}

export const CODE_TTL_MS = 60_000;
/** A redeemed code is remembered this long, so that a replay can still revoke its tokens. */
const REDEEMED_MEMORY_MS = 10 * 60_000;

/** Single-use authorization codes, each bound to its client, redirect URI and PKCE challenge. */
export class AuthorizationCodes {
  private readonly codes: ExpiringStore<CodeEntry>;

  constructor(
    private readonly clock: Clock,
    maxEntries = 10_000,
  ) {
    this.codes = new ExpiringStore(clock, maxEntries);
  }

  issue(grant: CodeGrant): string {
    const code = randomToken();
    this.codes.set(code, { grant, redeemed: false, refreshFamily: null }, this.clock() + CODE_TTL_MS);
    return code;
  }

  /**
   * The grant, once: any attempt consumes the code (a wrong verifier too, so it cannot be
   * guessed at), and a second redemption reports the replay.
   */
  redeem({ code, clientId, redirectUri, codeVerifier }: CodeRedemption): RedeemResult {
    const entry = this.codes.get(code);
    if (!entry) return { ok: false, replayed: null };
    if (entry.redeemed) {
      this.codes.delete(code);
      return { ok: false, replayed: { refreshFamily: entry.refreshFamily } };
    }
    entry.redeemed = true;
    this.codes.set(code, entry, this.clock() + REDEEMED_MEMORY_MS);
    const { grant } = entry;
    const bound =
      grant.clientId === clientId &&
      grant.redirectUri === redirectUri &&
      verifiesS256(codeVerifier, grant.codeChallenge);
    return bound ? { ok: true, grant } : { ok: false, replayed: null };
  }

  /** Remembers the refresh-token family a code produced (revoked if the code is replayed). */
  recordRefreshFamily(code: string, familyId: string): void {
    const entry = this.codes.get(code);
    if (entry) entry.refreshFamily = familyId;
  }
}
