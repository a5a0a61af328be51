import { createHash, randomBytes } from 'node:crypto';
import request, { type Response } from 'supertest';
import { decodeUnverified } from '../../libs/auth/src/jws.js';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';

const REALM = '/governance/dev-idp/realms/acme';
const OIDC = `${REALM}/protocol/openid-connect`;
const ISSUER = `http://localhost:8001${REALM}`;
const CLIENT = 'assets-console';
const CONSOLE = 'http://localhost:8002';
const REDIRECT = `${CONSOLE}/console/callback`;

const verifierPair = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

/** `name=value` of a Set-Cookie line, to send back as a browser would. */
function cookieOf(res: Response, name: string): string | undefined {
  const lines = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return lines.find((line) => line.startsWith(`${name}=`));
}
const pair = (line: string | undefined) => line?.split(';')[0] ?? '';

/** The hidden fields of the login form. */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[name!] = value!
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
  return fields;
}

/**
 * The dev IdP's authorization code + PKCE flow, as the web console walks it (issue #17). Its state
 * is in one process's memory, so the spec runs one Governance instance whatever E2E_REPLICAS says.
 */
describe('Dev IdP: authorization code + PKCE for the console (e2e)', () => {
  let h: GovernanceHarness;
  let http: ReturnType<GovernanceHarness['app']['getHttpServer']>;

  beforeAll(async () => {
    h = await startGovernanceHarness({ replicas: 1 });
    http = h.app.getHttpServer();
    await h.createOrg('acme', 'alice');
  });
  afterAll(() => h?.close());

  const authorizeQuery = (challenge: string, extra: Record<string, string> = {}) => ({
    response_type: 'code',
    client_id: CLIENT,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'st-123',
    nonce: 'n-456',
    scope: 'openid profile',
    ...extra,
  });

  /** Form, sign-in as `username`: the redirect and the session cookie. */
  async function signIn(challenge: string, username = 'alice') {
    const form = await request(http).get(`${OIDC}/auth`).query(authorizeQuery(challenge)).expect(200);
    const formCookie = pair(cookieOf(form, 'dev_idp_form'));
    const posted = await request(http)
      .post(`${OIDC}/auth`)
      .set('cookie', formCookie)
      .type('form')
      .send({ ...hiddenFields(form.text), username })
      .expect(302);
    return { form, posted, formCookie, session: pair(cookieOf(posted, 'dev_idp_session')) };
  }

  const codeOf = (res: Response): string => new URL(res.headers.location!).searchParams.get('code')!;

  const exchange = (code: string, verifier: string, redirectUri = REDIRECT) =>
    request(http).post(`${OIDC}/token`).type('form').send({
      grant_type: 'authorization_code',
      client_id: CLIENT,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });

  const refresh = (token: string) =>
    request(http)
      .post(`${OIDC}/token`)
      .type('form')
      .send({ grant_type: 'refresh_token', client_id: CLIENT, refresh_token: token });

  it('should advertise the code flow in discovery', async () => {
    const { body } = await request(http).get(`${REALM}/.well-known/openid-configuration`).expect(200);
    expect(body).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/protocol/openid-connect/auth`,
      token_endpoint: `${ISSUER}/protocol/openid-connect/token`,
      end_session_endpoint: `${ISSUER}/protocol/openid-connect/logout`,
      jwks_uri: `${ISSUER}/protocol/openid-connect/certs`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'profile', 'offline_access'],
    });
  });

  it('should walk the whole flow: form, code, tokens, API call, silent re-login, refresh, logout', async () => {
    const { verifier, challenge } = verifierPair();
    const { form, posted, session } = await signIn(challenge);
    expect(form.headers['content-type']).toMatch(/^text\/html/);
    expect(form.headers['content-security-policy']).toContain("default-src 'none'");
    expect(form.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(form.text).toContain('<label for="username">User name</label>');
    expect(form.text).toMatch(/development identity provider/i);

    const location = new URL(posted.headers.location!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(codeOf(posted)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sessionLine = cookieOf(posted, 'dev_idp_session')!;
    expect(sessionLine).toMatch(/HttpOnly/);
    expect(sessionLine).toMatch(/SameSite=Lax/);
    expect(sessionLine).toContain(`Path=${REALM}`);

    const tokens = await exchange(codeOf(posted), verifier).expect(200);
    expect(tokens.headers['cache-control']).toBe('no-store');
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'openid profile' });
    const access = decodeUnverified(tokens.body.access_token)!.claims;
    expect(access).toMatchObject({ iss: ISSUER, sub: 'alice', org_id: 'acme' });
    expect((access.exp as number) - (access.iat as number)).toBe(300);
    const id = decodeUnverified(tokens.body.id_token)!.claims;
    expect(id).toMatchObject({ iss: ISSUER, sub: 'alice', aud: CLIENT, nonce: 'n-456' });

    await request(http)
      .get('/governance/projects')
      .set('authorization', `Bearer ${tokens.body.access_token}`)
      .expect(200);
    // The id token is not an access token.
    await request(http)
      .get('/governance/projects')
      .set('authorization', `Bearer ${tokens.body.id_token}`)
      .expect(401);

    // A page reload: the session skips the form, silently too.
    const silent = await request(http)
      .get(`${OIDC}/auth`)
      .query(authorizeQuery(challenge, { prompt: 'none', state: 'again' }))
      .set('cookie', session)
      .expect(302);
    expect(new URL(silent.headers.location!).searchParams.get('state')).toBe('again');
    await exchange(codeOf(silent), verifier).expect(200);

    const refreshed = await refresh(tokens.body.refresh_token).expect(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.body.refresh_token);
    await request(http)
      .get('/governance/projects')
      .set('authorization', `Bearer ${refreshed.body.access_token}`)
      .expect(200);

    const out = await request(http)
      .get(`${OIDC}/logout`)
      .query({
        client_id: CLIENT,
        post_logout_redirect_uri: `${CONSOLE}/console/`,
        state: 'bye',
        id_token_hint: tokens.body.id_token,
      })
      .set('cookie', session)
      .expect(302);
    expect(out.headers.location).toBe(`${CONSOLE}/console/?state=bye`);
    expect(cookieOf(out, 'dev_idp_session')).toMatch(/Max-Age=0/);
    // The session and its refresh tokens are gone.
    expect((await refresh(refreshed.body.refresh_token).expect(400)).body).toEqual(
      expect.objectContaining({ error: 'invalid_grant' }),
    );
    const after = await request(http)
      .get(`${OIDC}/auth`)
      .query(authorizeQuery(challenge, { prompt: 'none' }))
      .set('cookie', session)
      .expect(302);
    expect(new URL(after.headers.location!).searchParams.get('error')).toBe('login_required');
  });

  it('should refuse a wrong verifier, and the code is spent after it', async () => {
    const { verifier, challenge } = verifierPair();
    const { posted } = await signIn(challenge);
    const wrong = await exchange(codeOf(posted), verifierPair().verifier).expect(400);
    expect(wrong.body.error).toBe('invalid_grant');
    expect(wrong.headers['cache-control']).toBe('no-store');
    await exchange(codeOf(posted), verifier).expect(400);
  });

  it('should refuse a reused code and revoke the tokens issued from it', async () => {
    const { verifier, challenge } = verifierPair();
    const { posted } = await signIn(challenge);
    const first = await exchange(codeOf(posted), verifier).expect(200);
    expect((await exchange(codeOf(posted), verifier).expect(400)).body.error).toBe('invalid_grant');
    expect((await refresh(first.body.refresh_token).expect(400)).body.error).toBe('invalid_grant');
  });

  it('should revoke the whole refresh family when a rotated token is replayed', async () => {
    const { verifier, challenge } = verifierPair();
    const { posted } = await signIn(challenge);
    const first = await exchange(codeOf(posted), verifier).expect(200);
    const second = await refresh(first.body.refresh_token).expect(200);
    await refresh(first.body.refresh_token).expect(400);
    await refresh(second.body.refresh_token).expect(400);
  });

  it('should never redirect to an unknown redirect_uri or for an unknown client', async () => {
    const { challenge } = verifierPair();
    for (const query of [
      authorizeQuery(challenge, { redirect_uri: 'https://evil.test/console/callback' }),
      authorizeQuery(challenge, { redirect_uri: `${REDIRECT}/` }),
      authorizeQuery(challenge, { client_id: 'other' }),
    ]) {
      const res = await request(http).get(`${OIDC}/auth`).query(query).expect(400);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('should refuse the plain PKCE method and a missing challenge', async () => {
    const { challenge } = verifierPair();
    for (const query of [
      authorizeQuery(challenge, { code_challenge_method: 'plain' }),
      authorizeQuery('', {}),
    ]) {
      const res = await request(http).get(`${OIDC}/auth`).query(query).expect(302);
      const back = new URL(res.headers.location!);
      expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
      expect(back.searchParams.get('error')).toBe('invalid_request');
      expect(back.searchParams.get('code')).toBeNull();
    }
  });

  it('should answer prompt=none without a session with login_required', async () => {
    const res = await request(http)
      .get(`${OIDC}/auth`)
      .query(authorizeQuery(verifierPair().challenge, { prompt: 'none' }))
      .expect(302);
    const back = new URL(res.headers.location!);
    expect(back.searchParams.get('error')).toBe('login_required');
    expect(back.searchParams.get('state')).toBe('st-123');
  });

  it('should refuse a login POST without its form cookie or with parameters swapped', async () => {
    const { challenge } = verifierPair();
    const form = await request(http).get(`${OIDC}/auth`).query(authorizeQuery(challenge)).expect(200);
    const fields = { ...hiddenFields(form.text), username: 'alice' };
    const noCookie = await request(http).post(`${OIDC}/auth`).type('form').send(fields).expect(400);
    expect(noCookie.headers.location).toBeUndefined();
    await request(http)
      .post(`${OIDC}/auth`)
      .set('cookie', pair(cookieOf(form, 'dev_idp_form')))
      .type('form')
      .send({ ...fields, code_challenge: verifierPair().challenge })
      .expect(400);
  });

  it('should show the form again for a user name that is not a slug', async () => {
    const form = await request(http)
      .get(`${OIDC}/auth`)
      .query(authorizeQuery(verifierPair().challenge))
      .expect(200);
    const res = await request(http)
      .post(`${OIDC}/auth`)
      .set('cookie', pair(cookieOf(form, 'dev_idp_form')))
      .type('form')
      .send({ ...hiddenFields(form.text), username: 'Alice <script>' })
      .expect(400);
    expect(res.text).toContain('role="alert"');
    expect(res.text).not.toContain('<script>');
  });

  it('should refuse an unknown grant type, client or a JSON body with RFC 6749 errors', async () => {
    const post = () => request(http).post(`${OIDC}/token`);
    expect(
      (await post().type('form').send({ grant_type: 'password', client_id: CLIENT }).expect(400)).body.error,
    ).toBe('unsupported_grant_type');
    expect(
      (
        await post()
          .type('form')
          .send({ grant_type: 'refresh_token', client_id: 'x', refresh_token: 'y' })
          .expect(400)
      ).body.error,
    ).toBe('invalid_client');
    expect((await post().send({ grant_type: 'refresh_token' }).expect(400)).body.error).toBe(
      'invalid_request',
    );
  });

  it('should end the session an id_token_hint names when the browser lost its cookie', async () => {
    const { verifier, challenge } = verifierPair();
    const { posted, session } = await signIn(challenge);
    const tokens = await exchange(codeOf(posted), verifier).expect(200);
    expect(decodeUnverified(tokens.body.access_token)!.claims.sid).toBe(
      decodeUnverified(tokens.body.id_token)!.claims.sid,
    );
    await request(http)
      .get(`${OIDC}/logout`)
      .query({ id_token_hint: tokens.body.id_token, post_logout_redirect_uri: `${CONSOLE}/console/` })
      .expect(302);
    await refresh(tokens.body.refresh_token).expect(400);
    const silent = await request(http)
      .get(`${OIDC}/auth`)
      .query(authorizeQuery(challenge, { prompt: 'none' }))
      .set('cookie', session)
      .expect(302);
    expect(new URL(silent.headers.location!).searchParams.get('error')).toBe('login_required');
  });

  it('should show a signed-out page, not redirect, for an unknown post-logout URI', async () => {
    const res = await request(http)
      .get(`${OIDC}/logout`)
      .query({ client_id: CLIENT, post_logout_redirect_uri: 'https://evil.test/' })
      .expect(200);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('Signed out');
  });

  describe('CORS', () => {
    it('should answer the token preflight for the console origin only', async () => {
      const ok = await request(http)
        .options(`${OIDC}/token`)
        .set('origin', CONSOLE)
        .set('access-control-request-method', 'POST')
        .expect(204);
      expect(ok.headers['access-control-allow-origin']).toBe(CONSOLE);
      const evil = await request(http)
        .options(`${OIDC}/token`)
        .set('origin', 'https://evil.test')
        .set('access-control-request-method', 'POST');
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      const token = await request(http)
        .post(`${OIDC}/token`)
        .set('origin', 'https://evil.test')
        .type('form')
        .send({ grant_type: 'refresh_token', client_id: CLIENT, refresh_token: 'x' })
        .expect(400);
      expect(token.headers['access-control-allow-origin']).toBeUndefined();
    });

    it("should let the console's origin call Governance's API, and no other", async () => {
      const preflight = await request(http)
        .options('/governance/projects')
        .set('origin', CONSOLE)
        .set('access-control-request-method', 'GET')
        .set('access-control-request-headers', 'authorization,x-project-id')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(CONSOLE);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
      expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Project-ID/);
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      const call = await request(http)
        .get('/governance/projects')
        .set('origin', 'http://127.0.0.1:8002')
        .set('authorization', h.bearer('alice', 'acme'))
        .expect(200);
      expect(call.headers['access-control-allow-origin']).toBe('http://127.0.0.1:8002');
      const evil = await request(http)
        .options('/governance/projects')
        .set('origin', 'https://evil.test')
        .set('access-control-request-method', 'GET');
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
