import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig, resolveAuthSettings } from '../../auth.config.js';
import { decodeUnverified } from '../../jws.js';
import { DevTokenIssuer } from '../dev-token.issuer.js';
import { CODE_TTL_MS } from './authorization-codes.js';
import { ConsoleClient } from './console-client.js';
import {
  DevOidcProvider,
  FORM_COOKIE,
  grantedScope,
  type Realm,
  SESSION_COOKIE,
} from './dev-oidc.provider.js';
import type { BrowserOutcome } from './oidc-outcomes.js';
import { s256ChallengeOf } from './pkce.js';

describe(DevOidcProvider.name, () => {
  const realm: Realm = { org: 'acme', issuer: 'http://idp.test/dev/realms/acme' };
  const redirect = 'http://localhost:8002/console/callback';
  const verifier = 'k'.repeat(64);
  let dir: string;
  let now: number;
  let provider: DevOidcProvider;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-oidc-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    now = 10_000_000;
    const config = loadAuthConfig({ AUTH_DATA_DIR: dir, AUTH_DEV_ISSUER_BASE: 'http://idp.test/dev' });
    provider = new DevOidcProvider(
      new ConsoleClient(resolveAuthSettings(config).devConsoleClient!),
      DevTokenIssuer.fromConfig(config),
      { accessTokenTtlS: 120, clock: () => now },
    );
  });

  const query = {
    response_type: 'code',
    client_id: 'assets-console',
    redirect_uri: redirect,
    code_challenge: s256ChallengeOf(verifier),
    code_challenge_method: 'S256',
    state: 's',
  };
  const cookie = (outcome: BrowserOutcome, name: string) =>
    outcome.cookies.find((c) => c.startsWith(`${name}=`))?.split(';')[0];
  const hidden = (html: string) =>
    Object.fromEntries(
      [...html.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );

  function signIn(): { code: string; session: string } {
    const form = provider.authorize(realm, query, undefined);
    if (form.kind !== 'page') throw new Error('no form');
    const posted = provider.login(
      realm,
      { ...hidden(form.html), username: 'alice' },
      cookie(form, FORM_COOKIE),
    );
    if (posted.kind !== 'redirect') throw new Error('no redirect');
    return {
      code: new URL(posted.location).searchParams.get('code')!,
      session: cookie(posted, SESSION_COOKIE)!,
    };
  }
  const exchange = (code: string) =>
    provider.token(realm, {
      grant_type: 'authorization_code',
      client_id: 'assets-console',
      code,
      redirect_uri: redirect,
      code_verifier: verifier,
    });

  it('should issue tokens for the realm with the configured TTL', () => {
    const { status, body } = exchange(signIn().code);
    expect(status).toBe(200);
    const claims = decodeUnverified(body.access_token as string)!.claims;
    expect(claims).toMatchObject({ iss: realm.issuer, sub: 'alice', org_id: 'acme', azp: 'assets-console' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(120);
    expect(body).toMatchObject({ expires_in: 120, scope: 'openid' });
  });

  it('should refuse a code once its 60 s are over', () => {
    const { code } = signIn();
    now += CODE_TTL_MS;
    expect(exchange(code)).toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'invalid_grant' }),
    });
  });

  it('should refuse a code in another realm', () => {
    const { code } = signIn();
    const other = { org: 'globex', issuer: 'http://idp.test/dev/realms/globex' };
    expect(
      provider.token(other, {
        grant_type: 'authorization_code',
        client_id: 'assets-console',
        code,
        redirect_uri: redirect,
        code_verifier: verifier,
      }).body.error,
    ).toBe('invalid_grant');
  });

  it("should skip the form with the realm's session, not another realm's", () => {
    const { session } = signIn();
    expect(provider.authorize(realm, query, session).kind).toBe('redirect');
    expect(provider.authorize(realm, { ...query, prompt: 'login' }, session).kind).toBe('page');
    const other = { org: 'globex', issuer: 'http://idp.test/dev/realms/globex' };
    expect(provider.authorize(other, query, session).kind).toBe('page');
  });

  it('should scope cookies to the realm path', () => {
    const form = provider.authorize(realm, query, undefined);
    expect(form.cookies[0]).toContain('Path=/dev/realms/acme;');
    expect(form.cookies[0]).toContain('HttpOnly');
    expect(form.cookies[0]).not.toContain('Secure');
  });

  it('should refuse repeated parameters without redirecting', () => {
    const outcome = provider.authorize(
      realm,
      { ...query, redirect_uri: [redirect, 'https://evil.test/'] },
      undefined,
    );
    expect(outcome).toMatchObject({ kind: 'page', status: 400 });
  });

  it('should let two tabs of one browser sign in at once', () => {
    const first = provider.authorize(realm, query, undefined);
    const nonce = cookie(first, FORM_COOKIE)!;
    const second = provider.authorize(realm, { ...query, state: 't2' }, nonce);
    expect(second.cookies).toEqual([]);
    for (const form of [first, second]) {
      if (form.kind !== 'page') throw new Error('no form');
      expect(provider.login(realm, { ...hidden(form.html), username: 'alice' }, nonce).kind).toBe('redirect');
    }
  });

  it("should end the browser's previous session, and its refresh tokens, on a new sign-in", () => {
    const { code, session } = signIn();
    const refreshToken = exchange(code).body.refresh_token as string;
    const form = provider.authorize(realm, { ...query, prompt: 'login' }, session);
    if (form.kind !== 'page') throw new Error('no form');
    const nonce = cookie(form, FORM_COOKIE)!;
    provider.login(realm, { ...hidden(form.html), username: 'bob' }, `${session}; ${nonce}`);
    const refresh = provider.token(realm, {
      grant_type: 'refresh_token',
      client_id: 'assets-console',
      refresh_token: refreshToken,
    });
    expect(refresh.body.error).toBe('invalid_grant');
    expect(provider.authorize(realm, query, session).kind).toBe('page');
  });

  it('should grant only the scopes it knows', () => {
    expect(grantedScope(undefined)).toBe('openid');
    expect(grantedScope('openid email offline_access')).toBe('openid offline_access');
    expect(grantedScope('email')).toBe('openid');
  });
});
