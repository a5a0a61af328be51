import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserSuite,
  closeConsolePage,
  expectAccessible as checkAccessible,
  launchChromium,
  openConsolePage,
  screenshot,
  signInAs,
  type ConsolePage,
} from '../support/console-browser.js';
import { startConsoleStack, type ConsoleStack } from '../support/console-stack.js';
import { CONSOLE_UI_DIST } from './build-console.global.js';

// Ports of this suite (22800-22899); the console is built into its own directory.
const PORTS = { governance: 22801, assets: 22802, openFga: 22881 };
const ORG = 'acme';
const PROJECT = 'analytics';
const RUN = randomBytes(3).toString('hex');
const TABLE = `console_ui_${RUN}`;

const suite = await browserSuite('console UI suite');

suite('Console in Chromium', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let opened: ConsolePage | undefined;
  const db = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });

  beforeAll(async () => {
    stack = await startConsoleStack(PORTS, CONSOLE_UI_DIST);
    await stack.createTenant(ORG, 'alice', { id: PROJECT, name: 'Analytics' }, [
      ['olivia', 'operator'],
      ['victor', 'viewer'],
    ]);
    // Two connections made through the API, for the list's search and filters.
    const assets = stack.assetsAs('alice', ORG, PROJECT);
    for (const [name, tags] of [
      ['Finance warehouse', ['finance', 'prod']],
      ['Marketing replica', ['marketing']],
    ] as const)
      await assets.POST('/assets/data', {
        body: {
          name,
          connection_type: 'postgres',
          tags: [...tags],
          database_config: { host: '127.0.0.1', port: 5432, database: 'test', ssl_mode: 'disable' },
          credentials: { username: 'postgres', password: 'unused' },
        },
      });
    await db.connect();
    await db.query(`CREATE TABLE public.${TABLE} (id int)`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await db.query(`DROP TABLE IF EXISTS public.${TABLE}`).catch(() => undefined);
    await db.end().catch(() => undefined);
    await stack?.close();
  });

  beforeEach(async () => {
    opened = await openConsolePage(browser);
    ({ context, page } = opened);
  });
  afterEach(() => closeConsolePage(opened));

  const signIn = (user: string, query = `?org=${ORG}`) => signInAs(page, stack.consoleUrl, ORG, user, query);

  const expectAccessible = (name: string) => checkAccessible(page, name);

  const shot = (name: string) => screenshot(page, name);

  it('signs in with the code flow against the dev IdP, keeps no token in web storage, and survives a reload', async () => {
    await page.goto(`${stack.consoleUrl}?org=${ORG}`);
    await expectAccessible('sign-in');
    await shot('sign-in');
    await signIn('alice');
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    const stored = await page.evaluate<string>(
      'JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })',
    );
    expect(stored).not.toMatch(/access_token|refresh_token|eyJ/);

    await page.getByLabel('Project').selectOption(PROJECT);
    await page.waitForURL(/project=analytics/);
    await page.reload();
    // Signed in again through the IdP's session, back on the same URL.
    await page.getByRole('banner').getByText(`alice · ${ORG}`).waitFor();
    expect(page.url()).toContain('project=analytics');
    await page.locator('#project option[value="analytics"]').waitFor({ state: 'attached' });
    await expect(page.getByLabel('Project').inputValue()).resolves.toBe(PROJECT);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Organization').waitFor();
  });

  it('renews the session silently with the refresh token before the access token expires', async () => {
    // The page's clock runs normally until we jump it forward past the renewal point (the dev
    // IdP's access tokens live 300 s; oidc-client-ts renews 60 s before).
    await page.clock.install();
    await signIn(
      'alice',
      `?org=${ORG}&return_to=${encodeURIComponent(`/console/connections?project=${PROJECT}`)}`,
    );
    await page.getByText('2 connection(s)').waitFor();
    const refreshed = page.waitForRequest(
      (request) =>
        request.url().endsWith('/protocol/openid-connect/token') &&
        /grant_type=refresh_token/.test(request.postData() ?? ''),
    );
    await page.clock.fastForward(250_000);
    const response = await (await refreshed).response();
    expect(response?.status()).toBe(200);
    // Still signed in, with the new token: the API answers.
    await page.getByLabel('Status').selectOption('PENDING');
    await page.getByText('2 connection(s)').waitFor();
  });

  it('lists, searches and filters connections, with the state in the URL', async () => {
    await signIn(
      'alice',
      `?org=${ORG}&return_to=${encodeURIComponent(`/console/connections?project=${PROJECT}`)}`,
    );
    const rows = page.getByRole('table').getByRole('row');
    await page.getByText('2 connection(s)').waitFor();
    // A page past the last (an old link) lands on the last one.
    await page.goto(`${stack.consoleUrl}connections?project=${PROJECT}&page=9`);
    await page.waitForURL((url) => !url.searchParams.has('page'));
    await page.getByText('2 connection(s)').waitFor();
    await expect(rows.count()).resolves.toBe(3);
    await expectAccessible('connections');
    await shot('connections');

    await page.getByLabel('Search name or description').fill('finance');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 connection(s)').waitFor();
    await expect(rows.nth(1).textContent()).resolves.toContain('Finance warehouse');

    await page.getByLabel('Search name or description').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByLabel(/^Tags/).fill('marketing');
    await page.getByLabel(/^Tags/).press('Enter');
    await page.getByText('1 connection(s)').waitFor();
    await expect(rows.nth(1).textContent()).resolves.toContain('Marketing replica');

    await page.getByLabel('Type').selectOption('mysql');
    await page.getByText('No connection matches.').waitFor();
    expect(page.url()).toContain('connection_type=mysql');
    await page.reload();
    await page.getByText('No connection matches.').waitFor();
    await expect(page.getByLabel('Type').inputValue()).resolves.toBe('mysql');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Type').selectOption('');
    await page.getByText('1 connection(s)').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot('connections-390px');
  });

  it('creates a postgres connection through the generated form: verify report, table selection, save', async () => {
    await signIn(
      'alice',
      `?org=${ORG}&return_to=${encodeURIComponent(`/console/connections/new?project=${PROJECT}`)}`,
    );
    await page.getByRole('button', { name: /PostgreSQL/ }).click();
    await page.getByRole('button', { name: 'Verify' }).waitFor();
    await page.getByLabel(/^Name/).fill(`Local test ${RUN}`);
    await page.getByLabel(/^Tags/).fill('ui, local');
    await page.getByLabel(/^Host/).fill('127.0.0.1');
    await page.getByLabel(/^Database/).fill('test');
    await page.getByLabel(/^SSL mode/).selectOption('disable');
    await page.getByLabel(/^Username/).fill('postgres');
    const password = page.getByLabel(/^Password/);
    await password.fill('not-echoed-secret');
    expect(await password.getAttribute('type')).toBe('password');
    await expectAccessible('create-form');
    await shot('create-form');

    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: /Verification succeeded/ }).waitFor();
    for (const step of ['connect', 'authenticate', 'discover'])
      await page.getByText(step, { exact: true }).first().waitFor();
    await page.getByLabel(`public.${TABLE}`).check();
    await shot('verify-report');
    await page.getByRole('button', { name: 'Save connection' }).click();

    await page.getByText('Connection saved.').waitFor();
    await page.getByRole('heading', { name: `Local test ${RUN}` }).waitFor();
    await page.getByText(`public.${TABLE}`).first().waitFor();
    expect(await page.content()).not.toContain('not-echoed-secret');
  });

  it('shows field errors from the envelope next to the field they concern', async () => {
    await signIn(
      'alice',
      `?org=${ORG}&return_to=${encodeURIComponent(`/console/connections/new?type=postgres&project=${PROJECT}`)}`,
    );
    await page.getByLabel(/^Name/).fill(`Bad tags ${RUN}`);
    // The form takes any text as tags; the API refuses this one and names the field.
    await page.getByLabel(/^Tags/).fill('ok, not a tag!');
    await page.getByLabel(/^Host/).fill('127.0.0.1');
    await page.getByLabel(/^Database/).fill('test');
    await page.getByLabel(/^SSL mode/).selectOption('disable');
    await page.getByLabel(/^Username/).fill('postgres');
    await page.getByLabel(/^Password/).fill('x');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Save connection' }).click();
    const tagsError = page.locator('#cfg_tags__error');
    await tagsError.getByText(/each tag must be/).waitFor();
    await page.getByText('Please correct the fields marked above.').waitFor();
    await shot('field-error');
  });

  it('reveals credentials to an operator after a confirmation, and refuses a viewer', async () => {
    const { data: list } = await stack
      .assetsAs('alice', ORG, PROJECT)
      .GET('/assets/data', { params: { query: { search: 'Finance' } } });
    const uri = list.data[0]!.resource_uri;
    const detail = `/console/connections/${encodeURIComponent(uri)}?project=${PROJECT}`;

    await signIn('olivia', `?org=${ORG}&return_to=${encodeURIComponent(detail)}`);
    await page.getByRole('heading', { name: 'Finance warehouse' }).waitFor();
    await page.getByRole('button', { name: 'Reveal credentials' }).click();
    await page.getByRole('button', { name: 'Yes, reveal' }).click();
    const secret = page.getByLabel('Revealed credentials');
    await expect(secret.textContent()).resolves.toContain('"username": "postgres"');
    await expectAccessible('connection-detail');
    await shot('connection-reveal');
    await page.getByRole('button', { name: 'Hide now' }).click();
    await expect(secret.count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Organization').waitFor();

    // A viewer is not offered the reveal (GET …/permissions says can_execute is false)…
    await signIn('victor', `?org=${ORG}&return_to=${encodeURIComponent(detail)}`);
    await page.getByRole('heading', { name: 'Finance warehouse' }).waitFor();
    await page.getByText(/Reading credentials takes can_execute/).waitFor();
    await expect(page.getByRole('button', { name: 'Reveal credentials' }).count()).resolves.toBe(0);
    // …and when the console cannot tell (that answer lost), the API refuses the read itself.
    await page.route('**/permissions', (route) => route.abort());
    await page.reload();
    await page.getByRole('button', { name: 'Reveal credentials' }).click();
    await page.getByRole('button', { name: 'Yes, reveal' }).click();
    await page.getByText(/You may not read these credentials/).waitFor();
    await expect(page.getByLabel('Revealed credentials').count()).resolves.toBe(0);
  });

  it('hides revealed credentials again after 30 seconds', async () => {
    const { data: list } = await stack
      .assetsAs('alice', ORG, PROJECT)
      .GET('/assets/data', { params: { query: { search: 'Marketing' } } });
    const detail = `/console/connections/${encodeURIComponent(list.data[0]!.resource_uri)}?project=${PROJECT}`;
    await signIn('alice', `?org=${ORG}&return_to=${encodeURIComponent(detail)}`);
    await page.clock.install();
    await page.getByRole('button', { name: 'Reveal credentials' }).click();
    await page.getByRole('button', { name: 'Yes, reveal' }).click();
    const secret = page.getByLabel('Revealed credentials');
    await secret.waitFor();
    await page.clock.fastForward(29_000);
    await expect(secret.count()).resolves.toBe(1);
    await page.clock.fastForward(2_000);
    await secret.waitFor({ state: 'detached' });
  });

  it('uploads with a progress bar, lists by prefix, downloads the same bytes, deletes, and refuses a viewer', async () => {
    await signIn(
      'alice',
      `?org=${ORG}&return_to=${encodeURIComponent(`/console/storage?project=${PROJECT}&solution=reports`)}`,
    );
    await page.getByText('The reports solution holds no objects yet.').waitFor();
    await expectAccessible('storage-empty');

    // 3 MiB sent at 1 MiB/s (DevTools' network throttling), so the progress shows part-way.
    const bytes = randomBytes(3 * 1024 * 1024);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    });
    await page.getByLabel('Key prefix').fill('q4/');
    await page.getByRole('button', { name: 'List' }).click();
    await page.waitForURL(/prefix=q4%2F/);
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'sales.bin', mimeType: 'application/octet-stream', buffer: bytes });
    await expect(page.getByLabel(/^Path in reports/).inputValue()).resolves.toBe('q4/sales.bin');
    await page.getByRole('button', { name: 'Upload' }).click();
    const progress = page.getByLabel('Upload progress');
    await page.getByText(/of 3\.0 MiB \((?:[1-9]\d)%\)/).waitFor();
    const partWay = Number(await progress.getAttribute('value'));
    expect(partWay).toBeGreaterThan(0);
    expect(partWay).toBeLessThan(bytes.length);
    await shot('storage-upload-progress');
    await page.getByText('Uploaded reports/q4/sales.bin.').waitFor();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.getByRole('cell', { name: 'q4/sales.bin', exact: true }).waitFor();
    await expect(page.getByRole('row', { name: /q4\/sales\.bin/ }).textContent()).resolves.toContain(
      '3.0 MiB',
    );
    await expectAccessible('storage');
    await shot('storage');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download q4/sales.bin' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sales.bin');
    expect(readFileSync((await download.path())!).equals(bytes)).toBe(true);

    // A prefix that matches nothing, then back up through the folder path.
    await page.getByLabel('Key prefix').fill('q3/');
    await page.getByRole('button', { name: 'List' }).click();
    await page.getByText('Nothing under reports/q3/.').waitFor();
    await page.getByRole('navigation', { name: 'Folder' }).getByRole('button', { name: 'reports' }).click();
    await page.getByRole('cell', { name: 'q4/sales.bin', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('cell', { name: 'q4/sales.bin', exact: true }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.getByRole('button', { name: 'Delete q4/sales.bin' }).click();
    await page.getByRole('button', { name: 'Delete sales.bin' }).click();
    await page.getByText('The reports solution holds no objects yet.').waitFor();
    await expect(
      stack.assetsAs('alice', ORG, PROJECT).storage.list({ solution: 'reports' }),
    ).resolves.toMatchObject({
      data: [],
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Organization').waitFor();

    await signIn(
      'victor',
      `?org=${ORG}&return_to=${encodeURIComponent(`/console/storage?project=${PROJECT}&solution=reports`)}`,
    );
    await page.getByText('The reports solution holds no objects yet.').waitFor();
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'nope.txt', mimeType: 'text/plain', buffer: Buffer.from('no') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page
      .locator('#u-error')
      .getByText(/permission|not allowed|may not/i)
      .waitFor();
    await expect(page.getByLabel(/^Path in reports/).getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('works from the keyboard alone, with a visible focus', async () => {
    /** Tabs forward until the focused element's accessible name matches, as a keyboard user would. */
    async function tabTo(name: RegExp) {
      for (let presses = 0; presses < 40; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate<{ name: string; outline: string }>(`(() => {
          const el = document.activeElement;
          const label = el.labels && el.labels[0] ? el.labels[0].textContent : '';
          return { name: (label || el.getAttribute('aria-label') || el.textContent || '').trim(),
                   outline: getComputedStyle(el).outlineStyle };
        })()`);
        if (name.test(focused.name)) {
          expect(focused.outline).not.toBe('none');
          return;
        }
      }
      throw new Error(`no control named ${name} reached with Tab`);
    }
    await page.goto(stack.consoleUrl);
    await tabTo(/^Organization/);
    // Whatever the field remembers is replaced.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(ORG);
    await page.keyboard.press('Enter');
    await page.getByLabel('User name').waitFor();
    await tabTo(/^User name/);
    await page.keyboard.type('olivia');
    await page.keyboard.press('Enter');
    await page.getByRole('banner').getByText(`olivia · ${ORG}`).waitFor();

    await tabTo(/^Skip to content$/);
    await page.keyboard.press('Enter');
    // The picker's options arrive with the project list: wait for them, as a user would.
    await page
      .locator('#project option[value="analytics"]')
      .waitFor({ state: 'attached' })
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nat ${page.url()}:\n${(await page.content()).slice(0, 3000)}`);
      });
    await tabTo(/^Project/);
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/project=analytics/);
    await page.getByRole('link', { name: 'Finance warehouse' }).waitFor();
    await tabTo(/^Finance warehouse$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Finance warehouse' }).waitFor();
    await tabTo(/^Reveal credentials$/);
    await page.keyboard.press('Enter');
    // The confirmation takes the focus: Enter answers it.
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Revealed credentials').textContent()).resolves.toContain('"username"');
    await tabTo(/^Hide now$/);
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Revealed credentials').count()).resolves.toBe(0);
  });

  it('follows the dark color scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await signIn(
      'alice',
      `?org=${ORG}&return_to=${encodeURIComponent(`/console/connections?project=${PROJECT}`)}`,
    );
    await page
      .getByText('2 connection(s)')
      .or(page.getByText(/connection\(s\)/))
      .first()
      .waitFor();
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(13, 17, 23)');
    await expectAccessible('connections-dark');
    await shot('connections-dark');
  });
});
