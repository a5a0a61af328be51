import { generateKeyPairSync, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Browser, Page, Request } from 'playwright-core';
import {
  browserSuite,
  closeConsolePage,
  expectAccessible as checkAccessible,
  landingOn,
  launchChromium,
  openConsolePage,
  screenshot,
  signInAs,
  type ConsolePage,
} from '../support/console-browser.js';
import { startConsoleStack, type ConsoleStack } from '../support/console-stack.js';
import { CONSOLE_UI_DIST } from './build-console.global.js';

// Ports of this suite (23200-23299); the console is built into its own directory.
const PORTS = { governance: 23201, assets: 23202, openFga: 23281 };
const ORG = 'acme';
const PROJECT = 'analytics';
const RUN = randomBytes(3).toString('hex');
const ROLE = `rotation_ui_${RUN}`;
const FIRST_PASSWORD = `first-${RUN}-secret`;
const NEW_PASSWORD = `second-${RUN}-secret`;

const suite = await browserSuite('connection detail UI suite');

/** A PKCS#8 RSA key as `openssl genrsa | openssl pkcs8 -topk8 -nocrypt` writes it (rsa_key.p8). */
const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;
/** A line from the middle of the key: what must never be on the page. */
const KEY_LINE = PRIVATE_KEY.split('\n')[5]!;

suite('Connection detail in Chromium', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let page: Page;
  let opened: ConsolePage | undefined;
  let postgresUri: string;
  let snowflakeUri: string;
  const db = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  const detailOf = (uri: string) => `/console/connections/${encodeURIComponent(uri)}?project=${PROJECT}`;

  beforeAll(async () => {
    await db.connect();
    await db.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${FIRST_PASSWORD}'`);
    await db.query(`GRANT CONNECT ON DATABASE test TO ${ROLE}`);
    stack = await startConsoleStack(PORTS, CONSOLE_UI_DIST);
    await stack.createTenant(ORG, 'alice', { id: PROJECT, name: 'Analytics' }, [['victor', 'viewer']]);
    const assets = stack.assetsAs('alice', ORG, PROJECT);
    const { data: postgres } = await assets.POST('/assets/data', {
      body: {
        name: 'Orders database',
        description: 'The local PostgreSQL, as a role whose password rotates',
        connection_type: 'postgres',
        tags: ['orders', 'prod'],
        database_config: { host: '127.0.0.1', port: 5432, database: 'test', ssl_mode: 'disable' },
        credentials: { username: ROLE, password: FIRST_PASSWORD },
      },
    });
    postgresUri = postgres.resource_uri;
    const { data: snowflake } = await assets.POST('/assets/data', {
      body: {
        name: 'Snowflake warehouse',
        connection_type: 'snowflake',
        database_config: { auth_type: 'key_pair', account: `ui-${RUN}-nowhere`, warehouse: 'COMPUTE_WH' },
        credentials: { username: 'SVC_UI', private_key: PRIVATE_KEY },
      } as never,
    });
    snowflakeUri = snowflake.resource_uri;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await db.query(`DROP OWNED BY ${ROLE}`).catch(() => undefined);
    await db.query(`DROP ROLE IF EXISTS ${ROLE}`).catch(() => undefined);
    await db.end().catch(() => undefined);
  });

  beforeEach(async () => {
    opened = await openConsolePage(browser);
    ({ page } = opened);
  });
  afterEach(() => closeConsolePage(opened));

  const signIn = (user: string, path: string) =>
    signInAs(page, stack.consoleUrl, ORG, user, landingOn(ORG, path));

  const expectAccessible = (name: string) => checkAccessible(page, name);

  const rotations = () => page.getByRole('list', { name: 'Rotations, newest first' });
  const reads = () => page.getByRole('list', { name: 'Credential reads, newest first' });

  it('rotates a postgres password through the generated form, promotes it and rolls it back', async () => {
    await signIn('alice', detailOf(postgresUri));
    await page.getByRole('heading', { name: 'Orders database' }).waitFor();
    await page.getByText('No rotation yet.').waitFor();
    await page.getByRole('button', { name: 'Rotate credentials' }).click();

    // The database learns the new password first, then the connection does.
    await db.query(`ALTER ROLE ${ROLE} PASSWORD '${NEW_PASSWORD}'`);
    await page.getByLabel(/^Username/).fill(ROLE);
    const password = page.getByLabel(/^Password/);
    await password.fill(NEW_PASSWORD);
    expect(await password.getAttribute('type')).toBe('password');
    await page.getByLabel(/^Grace period/).fill('3600');
    await expectAccessible('rotate-form');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/rotations'));
    await page.getByRole('button', { name: 'Rotate', exact: true }).click();
    expect((await sent).postDataJSON()).toEqual({
      credentials: { username: ROLE, password: NEW_PASSWORD },
      grace_period_seconds: 3600,
    });

    await page.getByText(/Rotation promoted: version 2 is active; version 1 stays readable until/).waitFor();
    const latest = rotations().getByRole('listitem').first();
    await latest.getByText('promoted', { exact: true }).waitFor();
    await latest.getByText('v1 → v2').waitFor();
    await expect(latest.textContent()).resolves.toMatch(/Grace period3600 s.*Verificationpassed/);
    expect(await page.content()).not.toContain(NEW_PASSWORD);

    // The rotated credentials are what the API now hands out.
    const { data: secret } = await stack
      .assetsAs('alice', ORG, PROJECT)
      .GET('/assets/data/{resource_uri}/secret', { params: { path: { resource_uri: postgresUri } } });
    expect(secret.credentials).toEqual({ username: ROLE, password: NEW_PASSWORD });

    await latest.getByRole('button', { name: 'Roll back…' }).click();
    await page.getByRole('group', { name: 'Confirm rollback' }).waitFor();
    await page.getByRole('button', { name: 'Yes, roll back' }).click();
    await page.getByText('Rolled back: version 1 is active again.').waitFor();
    await latest.getByText('rolled_back', { exact: true }).waitFor();
    await expect(latest.getByRole('button', { name: 'Roll back…' }).count()).resolves.toBe(0);
    // Reload: the list comes from the API, newest first.
    await page.reload();
    await rotations().getByRole('listitem').first().getByText('rolled_back', { exact: true }).waitFor();
    await db.query(`ALTER ROLE ${ROLE} PASSWORD '${FIRST_PASSWORD}'`);
  });

  it('refuses a viewer a rotation and the audit trail with notices, not crashes', async () => {
    await signIn('victor', detailOf(postgresUri));
    await page.getByRole('heading', { name: 'Orders database' }).waitFor();
    await page.getByText(/Only the organization's owners and admins can see who read/).waitFor();
    // Not offered what the viewer may not do…
    await page.getByText(/Rotating credentials takes can_manage_secrets/).waitFor();
    await expect(page.getByRole('button', { name: 'Rotate credentials' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Verify now' }).count()).resolves.toBe(0);
    await expectAccessible('detail-viewer-offered');
    // …and refused by the API when the console cannot tell (the permissions answer lost).
    await page.route('**/permissions', (route) => route.abort());
    await page.reload();
    await page.getByRole('button', { name: 'Rotate credentials' }).click();
    await page.getByLabel(/^Username/).fill(ROLE);
    await page.getByLabel(/^Password/).fill('viewer-try');
    await page.getByRole('button', { name: 'Rotate', exact: true }).click();
    await page.getByText(/You may not rotate these credentials: it takes can_manage_secrets/).waitFor();
    await expectAccessible('detail-viewer');
  });

  it('puts the envelope field errors next to the rotation field they name', async () => {
    await signIn('alice', detailOf(postgresUri));
    await page.getByRole('button', { name: 'Rotate credentials' }).click();
    // The API's own judgement (here, as it would answer a password its policy refuses).
    await page.route('**/rotations', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'VALIDATION_ERROR',
                message: 'Invalid request body',
                status: 422,
                details: { fields: [{ field: 'credentials.password', message: 'is too weak' }] },
                request_id: 'r1',
                trace_id: null,
              },
            }),
          })
        : route.continue(),
    );
    await page.getByLabel(/^Username/).fill(ROLE);
    await page.getByLabel(/^Password/).fill('weak');
    await page.getByRole('button', { name: 'Rotate', exact: true }).click();
    await page.locator('#rot_credentials_password__error').getByText('is too weak').waitFor();
    await page.getByText('Please correct the fields marked above.').waitFor();
    expect(await page.getByLabel(/^Password/).inputValue()).toBe('weak');
  });

  it('shows a credential read in the trail right after a reveal', async () => {
    await signIn('alice', detailOf(postgresUri));
    await page.getByRole('heading', { name: 'Orders database' }).waitFor();
    const before = await reads()
      .getByRole('listitem')
      .count()
      .catch(() => 0);
    await page.getByRole('button', { name: 'Reveal credentials' }).click();
    await page.getByRole('button', { name: 'Yes, reveal' }).click();
    await page.getByLabel('Revealed credentials').waitFor();
    const newest = reads().getByRole('listitem').first();
    await newest.getByText('alice', { exact: true }).waitFor();
    await expect(newest.textContent()).resolves.toMatch(/user · version \d+ · request /);
    expect(await reads().getByRole('listitem').count()).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Hide now' }).click();

    await expectAccessible('connection-detail');
    await screenshot(page, 'connection-detail');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Rotate credentials' }).click();
    await page.getByLabel(/^Username/).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // The whole history: the audit log, filtered to this connection's reads of every version.
    const count = await reads().getByRole('listitem').count();
    await page.getByRole('link', { name: 'Every read in the audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await expect(page.getByLabel('Resource id starts with').inputValue()).resolves.toBe(`${postgresUri}#`);
    await page.getByText(/^\d+ event\(s\)$/).waitFor();
    const rows = (await page.getByRole('table').getByRole('row').allTextContents()).slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(count);
    for (const row of rows) expect(row).toContain(`${postgresUri}#credentials-v`);
  });

  it('loads a Snowflake private key from a file, sends it only to the API and never shows it', async () => {
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await signIn('alice', detailOf(snowflakeUri));
    await page.getByRole('heading', { name: 'Snowflake warehouse' }).waitFor();
    await page.getByRole('button', { name: 'Rotate credentials' }).click();
    await expect(page.getByLabel('Authentication method').inputValue()).resolves.toBe('key_pair');
    await page.getByLabel(/^Username/).fill('SVC_UI');
    const keyInput = page.getByLabel(/^Private key\*?$/);
    expect(await keyInput.getAttribute('type')).toBe('file');
    await keyInput.setInputFiles({
      name: 'rsa_key.p8',
      mimeType: 'application/pkcs8',
      buffer: Buffer.from(PRIVATE_KEY),
    });
    await page.getByText(/Key loaded from rsa_key\.p8 \(\d+ characters, not shown\)/).waitFor();
    expect(await page.content()).not.toContain(KEY_LINE);
    await expectAccessible('rotate-key-pair');

    await page.getByRole('button', { name: 'Rotate', exact: true }).click();
    // No Snowflake here: the account does not resolve (or, with a network, refuses this key), so
    // the rotation fails with the verification's reason, and the console says nothing changed.
    await page
      .getByText(/Rotation failed \(\w+\): .+ Nothing changed: version 1 is still active\./)
      .waitFor();
    await rotations().getByRole('listitem').first().getByText('failed', { exact: true }).waitFor();

    const carrying = requests.filter((r) => (r.postData() ?? '').includes(KEY_LINE));
    expect(carrying.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual([
      `POST /assets/data/${encodeURIComponent(snowflakeUri)}/rotations`,
    ]);
    // The Assets API, which serves the console too: no other origin ever sees the key.
    expect(new URL(carrying[0]!.url()).origin).toBe(new URL(stack.consoleUrl).origin);
    expect(carrying[0]!.postDataJSON()).toEqual({
      credentials: { username: 'SVC_UI', private_key: `${PRIVATE_KEY.trim()}\n` },
    });
    expect(await page.content()).not.toContain(KEY_LINE);
  });

  it('offers the same key loader in the create wizard for key-pair auth', async () => {
    await signIn('alice', `/console/connections/new?type=snowflake&auth=key_pair&project=${PROJECT}`);
    const keyInput = page.getByLabel(/^Private key\*?$/);
    await keyInput.setInputFiles({ name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('This is not a PEM key: expected a -----BEGIN … PRIVATE KEY----- block.').waitFor();
    await keyInput.setInputFiles({
      name: 'rsa_key.p8',
      mimeType: 'text/plain',
      buffer: Buffer.from(PRIVATE_KEY),
    });
    await page.getByText(/Key loaded from rsa_key\.p8/).waitFor();
    await page.getByRole('button', { name: 'Remove key' }).click();
    await page.getByText('No key loaded.').waitFor();
    // Pasted: taken into the form, the box emptied at once.
    await page.getByText('Paste the key instead').click();
    const paste = page.getByLabel(/^Paste the PEM text/);
    await paste.fill(PRIVATE_KEY);
    await page.getByText(/Key loaded from the clipboard/).waitFor();
    await expect(paste.inputValue()).resolves.toBe('');
    expect(await page.content()).not.toContain(KEY_LINE);
    await expectAccessible('create-key-pair');
  });
});
