import { AuthorizationCodes, CODE_TTL_MS, type CodeGrant } from './authorization-codes.js';
import { s256ChallengeOf } from './pkce.js';

describe(AuthorizationCodes.name, () => {
  const verifier = 'v'.repeat(50);
  const grant: CodeGrant = {
    clientId: 'assets-console',
    redirectUri: 'http://localhost:8002/console/callback',
    codeChallenge: s256ChallengeOf(verifier),
    nonce: 'n',
    scope: 'openid',
    sub: 'alice',
    org: 'acme',
    sessionId: 'session',
    sid: 'sid',
  };
  const redemption = (
    code: string,
    overrides: Partial<{ clientId: string; redirectUri: string; codeVerifier: string }> = {},
  ) => ({
    code,
    clientId: grant.clientId,
    redirectUri: grant.redirectUri,
    codeVerifier: verifier,
    ...overrides,
  });
  let now: number;
  let codes: AuthorizationCodes;
  beforeEach(() => {
    now = 1_000_000;
    codes = new AuthorizationCodes(() => now);
  });

  it('should issue 32 random bytes, base64url', () => {
    const code = codes.issue(grant);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(codes.issue(grant)).not.toBe(code);
  });

  it('should redeem a code once, and report the replay with the family it produced', () => {
    const code = codes.issue(grant);
    expect(codes.redeem(redemption(code))).toEqual({ ok: true, grant });
    codes.recordRefreshFamily(code, 'family-1');
    expect(codes.redeem(redemption(code))).toEqual({ ok: false, replayed: { refreshFamily: 'family-1' } });
    // Reported once: the replay forgets the code.
    expect(codes.redeem(redemption(code))).toEqual({ ok: false, replayed: null });
  });

  it('should expire a code after 60 s', () => {
    const code = codes.issue(grant);
    now += CODE_TTL_MS - 1;
    const early = codes.issue(grant);
    expect(codes.redeem(redemption(early)).ok).toBe(true);
    now += 1;
    expect(codes.redeem(redemption(code))).toEqual({ ok: false, replayed: null });
  });

  it.each([
    ['a wrong verifier', { codeVerifier: 'w'.repeat(50) }],
    ['another client', { clientId: 'other' }],
    ['another redirect URI', { redirectUri: `${grant.redirectUri}/` }],
  ])('should refuse %s and spend the code', (_, overrides) => {
    const code = codes.issue(grant);
    expect(codes.redeem(redemption(code, overrides)).ok).toBe(false);
    expect(codes.redeem(redemption(code)).ok).toBe(false);
  });

  it('should refuse an unknown code', () => {
    expect(codes.redeem(redemption('nope'))).toEqual({ ok: false, replayed: null });
  });
});
