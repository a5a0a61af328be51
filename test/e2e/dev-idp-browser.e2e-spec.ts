import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';

/** A Chromium to drive: CHROMIUM_PATH, else the distribution's. Without one the suite is skipped. */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);
const describeInBrowser = CHROMIUM ? describe : describe.skip;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The dev IdP's code flow in a real browser, where cookies, CSP (form-action is checked on the
 * redirect after the login POST) and CORS are enforced as the console will meet them. The
 * "console" is a stub page on its own origin. One Governance instance: the IdP's state is in memory.
 */
describeInBrowser('Dev IdP in a browser (e2e)', () => {
  let h: GovernanceHarness;
  let stub: Server;
  let browser: Browser;
  let gov: string;
  let consoleOrigin: string;
  let oidc: string;

  beforeAll(async () => {
    // The console stand-in: any /console page loads oidc-client-ts' browser build.
    const oidcPackage = dirname(createRequire(import.meta.url).resolve('oidc-client-ts/package.json'));
    const oidcClient = readFileSync(join(oidcPackage, 'dist/browser/oidc-client-ts.min.js'));
    stub = createServer((req, res) => {
      if (req.url === '/oidc-client-ts.js')
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(oidcClient);
      else
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<!doctype html><title>console</title><script src="/oidc-client-ts.js"></script><p>console</p>',
          );
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    consoleOrigin = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const port = await freePort();
    gov = `http://127.0.0.1:${port}`;
    oidc = `${gov}/governance/dev-idp/realms/acme/protocol/openid-connect`;
    h = await startGovernanceHarness({
      replicas: 1,
      env: {
        AUTH_DEV_ISSUER_BASE: `${gov}/governance/dev-idp`,
        AUTH_DEV_CONSOLE_REDIRECT_URIS: `${consoleOrigin}/console/callback`,
      },
    });
    await h.createOrg('acme', 'alice');
    await h.app.listen({ port, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    stub?.close();
    await h?.close();
  });

  const authorizeUrl = (challenge: string, extra: Record<string, string> = {}) => {
    const url = new URL(`${oidc}/auth`);
    const params = {
      response_type: 'code',
      client_id: 'assets-console',
      redirect_uri: `${consoleOrigin}/console/callback`,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'first',
      nonce: 'n',
      scope: 'openid profile',
      ...extra,
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.toString();
  };

  /** A form POST from the console's page, as oidc-client-ts sends it. */
  const postFromConsole = (page: Page, url: string, fields: Record<string, string>) =>
    page.evaluate(
      async ({ url, fields }) => {
        const res = await fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
        return { status: res.status, body: (await res.json()) as Record<string, string> };
      },
      { url, fields },
    );

  it('should sign in, exchange and refresh from the console origin, re-login silently and log out', async () => {
    const page = await browser.newPage();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');

    await page.goto(authorizeUrl(challenge));
    await page.getByLabel('User name').fill('alice');
    await Promise.all([
      page.waitForURL(`${consoleOrigin}/console/callback?**`),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    const callback = new URL(page.url());
    expect(callback.searchParams.get('state')).toBe('first');

    const tokens = await postFromConsole(page, `${oidc}/token`, {
      grant_type: 'authorization_code',
      client_id: 'assets-console',
      code: callback.searchParams.get('code')!,
      code_verifier: verifier,
      redirect_uri: `${consoleOrigin}/console/callback`,
    });
    expect(tokens.status).toBe(200);
    const apiStatus = await page.evaluate(
      async ({ url, token }) =>
        (await fetch(url, { headers: { authorization: `Bearer ${token}`, 'x-project-id': 'any' } })).status,
      { url: `${gov}/governance/projects`, token: tokens.body.access_token! },
    );
    expect(apiStatus).toBe(200);
    const refreshed = await postFromConsole(page, `${oidc}/token`, {
      grant_type: 'refresh_token',
      client_id: 'assets-console',
      refresh_token: tokens.body.refresh_token!,
    });
    expect(refreshed.status).toBe(200);

    // A reload: the session cookie answers without the form.
    await page.goto(authorizeUrl(challenge, { prompt: 'none', state: 'again' }));
    expect(new URL(page.url()).searchParams.get('code')).toMatch(/^[\w-]{43}$/);

    const logout = new URL(`${oidc}/logout`);
    logout.searchParams.set('client_id', 'assets-console');
    logout.searchParams.set('post_logout_redirect_uri', `${consoleOrigin}/console/`);
    logout.searchParams.set('state', 'bye');
    await page.goto(logout.toString());
    expect(page.url()).toBe(`${consoleOrigin}/console/?state=bye`);
    await page.goto(authorizeUrl(challenge, { prompt: 'none', state: 'third' }));
    expect(new URL(page.url()).searchParams.get('error')).toBe('login_required');
    await page.close();
  }, 60_000);

  it('should work with oidc-client-ts: redirect sign-in, silent renew by refresh token, sign-out', async () => {
    const page = await browser.newPage();
    const settings = {
      authority: `${gov}/governance/dev-idp/realms/acme`,
      client_id: 'assets-console',
      redirect_uri: `${consoleOrigin}/console/callback`,
      post_logout_redirect_uri: `${consoleOrigin}/console/`,
      scope: 'openid profile',
    };
    // What the page's `oidc` global (oidc-client-ts' browser build) offers, as far as used here.
    type Oidc = {
      UserManager: new (s: typeof settings) => {
        signinRedirect(): Promise<void>;
        signinCallback(): Promise<{ profile: { sub: string }; access_token: string; refresh_token?: string }>;
        signinSilent(): Promise<{ access_token: string } | null>;
        signoutRedirect(): Promise<void>;
      };
    };
    await page.goto(`${consoleOrigin}/console/`);
    // Not awaited in the page: the redirect ends its context.
    await Promise.all([
      page.waitForURL(`${oidc}/auth?**`),
      page.evaluate(
        (s) => void new (globalThis as unknown as { oidc: Oidc }).oidc.UserManager(s).signinRedirect(),
        settings,
      ),
    ]);
    await page.getByLabel('User name').fill('alice');
    await Promise.all([
      page.waitForURL(`${consoleOrigin}/console/callback?**`),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    const user = await page.evaluate(async (s) => {
      const signedIn = await new (globalThis as unknown as { oidc: Oidc }).oidc.UserManager(
        s,
      ).signinCallback();
      return { sub: signedIn.profile.sub, access: signedIn.access_token, refresh: !!signedIn.refresh_token };
    }, settings);
    expect(user).toMatchObject({ sub: 'alice', refresh: true });
    const renewed = await page.evaluate(
      async (s) =>
        (await new (globalThis as unknown as { oidc: Oidc }).oidc.UserManager(s).signinSilent())
          ?.access_token,
      settings,
    );
    expect(renewed).toBeTruthy();
    expect(renewed).not.toBe(user.access);
    await Promise.all([
      page.waitForURL(`${consoleOrigin}/console/`),
      page.evaluate(
        (s) => void new (globalThis as unknown as { oidc: Oidc }).oidc.UserManager(s).signoutRedirect(),
        settings,
      ),
    ]);
    // The IdP's session ended with it.
    await page.goto(
      authorizeUrl(createHash('sha256').update('y'.repeat(43)).digest('base64url'), { prompt: 'none' }),
    );
    expect(new URL(page.url()).searchParams.get('error')).toBe('login_required');
    await page.close();
  }, 60_000);

  it('should show a login form without accessibility violations', async () => {
    // axe is injected past the page's CSP (which allows no script at all).
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(authorizeUrl(createHash('sha256').update('x'.repeat(43)).digest('base64url')));
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axe);
    // Runs in the page, where axe.min.js defined `axe` on the global object.
    const violations = await page.evaluate(async () => {
      const { axe } = globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } };
      return (await axe.run()).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
