import { REFRESH_TOKEN_TTL_MS, RefreshTokens } from './refresh-tokens.js';

describe(RefreshTokens.name, () => {
  const login = {
    clientId: 'assets-console',
    sub: 'alice',
    org: 'acme',
    scope: 'openid',
    sessionId: 's1',
    sid: 'sid-1',
  };
  let now: number;
  let tokens: RefreshTokens;
  beforeEach(() => {
    now = 5_000_000;
    tokens = new RefreshTokens(() => now);
  });

  const rotate = (token: string) => {
    const result = tokens.rotate(token, 'assets-console');
    if (!result.ok) throw new Error('refused');
    return result.token;
  };

  it('should rotate: the new token works, the old one does not', () => {
    const { token } = tokens.start(login);
    const second = rotate(token);
    expect(second).not.toBe(token);
    const third = rotate(second);
    expect(tokens.rotate(third, 'assets-console')).toMatchObject({
      ok: true,
      family: { sub: 'alice', org: 'acme' },
    });
  });

  it('should revoke the whole family when a rotated token is replayed', () => {
    const { token } = tokens.start(login);
    const second = rotate(token);
    expect(tokens.rotate(token, 'assets-console').ok).toBe(false);
    expect(tokens.rotate(second, 'assets-console').ok).toBe(false);
  });

  it('should keep other families alive', () => {
    const a = tokens.start(login);
    const b = tokens.start({ ...login, sessionId: 's2' });
    tokens.revokeFamily(a.family.id);
    expect(tokens.rotate(a.token, 'assets-console').ok).toBe(false);
    expect(tokens.rotate(b.token, 'assets-console').ok).toBe(true);
  });

  it("should revoke a session's families", () => {
    const a = tokens.start(login);
    const b = tokens.start({ ...login, sessionId: 's2' });
    tokens.revokeSession('s1');
    expect(tokens.rotate(a.token, 'assets-console').ok).toBe(false);
    expect(tokens.rotate(b.token, 'assets-console').ok).toBe(true);
  });

  it('should refuse another client without spending the token', () => {
    const { token } = tokens.start(login);
    expect(tokens.rotate(token, 'other').ok).toBe(false);
    expect(tokens.rotate(token, 'assets-console').ok).toBe(true);
  });

  it('should expire a token 8 h after it was issued', () => {
    const { token } = tokens.start(login);
    now += REFRESH_TOKEN_TTL_MS - 1;
    const fresh = rotate(token);
    now += REFRESH_TOKEN_TTL_MS;
    expect(tokens.rotate(fresh, 'assets-console').ok).toBe(false);
  });
});
