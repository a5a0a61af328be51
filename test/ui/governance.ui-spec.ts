import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  browserSuite,
  closeConsolePage,
  expectAccessible as checkAccessible,
  expectNoHorizontalScroll as expectNoSideScroll,
  launchChromium,
  openConsolePage,
  screenshot,
  signInAs,
  type ConsolePage,
} from '../support/console-browser.js';
import { startConsoleStack, type ConsoleStack } from '../support/console-stack.js';
import { CONSOLE_UI_DIST } from './build-console.global.js';

// Ports of this suite (23100-23199); the console is built into its own directory.
const PORTS = { governance: 23101, assets: 23102, openFga: 23181 };
const ORG = 'acme';
const PROJECT = 'analytics';
const RUN = randomBytes(3).toString('hex');
const NEWBIE = `newbie-${RUN}`;
const READ = 'data_connection.secret.read';

const suite = await browserSuite('console governance UI suite');

suite('Console governance pages in Chromium', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let page: Page;
  let opened: ConsolePage | undefined;

  beforeAll(async () => {
    stack = await startConsoleStack(PORTS, CONSOLE_UI_DIST);
    await stack.createTenant(ORG, 'alice', { id: PROJECT, name: 'Analytics' }, [
      ['adam', 'admin'],
      ['olivia', 'operator'],
      ['victor', 'viewer'],
    ]);
    // One connection whose credentials alice reads through the API: a data_connection.secret.read event.
    const assets = stack.assetsAs('alice', ORG, PROJECT);
    const { data: created } = await assets.POST('/assets/data', {
      body: {
        name: 'Finance warehouse',
        connection_type: 'postgres',
        database_config: { host: '127.0.0.1', port: 5432, database: 'test', ssl_mode: 'disable' },
        credentials: { username: 'postgres', password: 'unused' },
      },
    });
    await assets.GET('/assets/data/{resource_uri}/secret', {
      params: { path: { resource_uri: created.resource_uri } },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  beforeEach(async () => {
    opened = await openConsolePage(browser);
    ({ page } = opened);
  });
  afterEach(() => closeConsolePage(opened));

  const signIn = (user: string, query = `?org=${ORG}`) => signInAs(page, stack.consoleUrl, ORG, user, query);

  const at = (path: string) => `?org=${ORG}&return_to=${encodeURIComponent(`/console${path}`)}`;

  const expectAccessible = (name: string) => checkAccessible(page, name);

  const expectNoHorizontalScroll = () => expectNoSideScroll(page);

  const shot = (name: string) => screenshot(page, name);
  const grantRow = (user: string, role: string) =>
    page.getByRole('row').filter({ hasText: user }).filter({ hasText: role });

  it('lists the project grants, grants viewer to a new user and revokes it after a confirmation', async () => {
    await signIn('alice', at(`/members?project=${PROJECT}`));
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    await grantRow('victor', 'viewer').waitFor();
    await grantRow('adam', 'admin').waitFor();
    await expect(grantRow(NEWBIE, 'viewer').count()).resolves.toBe(0);

    // A user id the API refuses: its message under the field.
    await page.getByLabel('User id').fill('not valid');
    await page.getByRole('button', { name: 'Grant', exact: true }).click();
    await page
      .locator('#grant-user-error')
      .getByText(/must look like user:/)
      .waitFor();
    await expect(page.getByLabel('User id').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('User id').fill(NEWBIE);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Grant', exact: true }).click();
    await page.getByText(`Granted viewer to ${NEWBIE}.`).waitFor();
    await grantRow(NEWBIE, 'viewer').waitFor();
    await expectAccessible('members');
    await shot('members');
    await expectNoHorizontalScroll();
    await shot('members-390px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Escape cancels a confirmation and gives the focus back to its button.
    const revokeVictor = page.getByRole('button', { name: 'Revoke viewer from victor' });
    await revokeVictor.click();
    await page.getByRole('button', { name: 'Yes, revoke' }).press('Escape');
    await page.waitForFunction(
      "document.activeElement?.getAttribute('aria-label') === 'Revoke viewer from victor'",
    );
    await grantRow('victor', 'viewer').waitFor();

    await page.getByRole('button', { name: `Revoke viewer from ${NEWBIE}` }).click();
    await page
      .getByRole('group', { name: 'Confirm revoke' })
      .getByText(`Revoke viewer from ${NEWBIE}?`)
      .waitFor();
    await page.getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByText(`Revoked viewer from ${NEWBIE}.`).waitFor();
    await grantRow(NEWBIE, 'viewer').waitFor({ state: 'detached' });
    const { data } = await stack
      .governanceAs('alice', ORG)
      .GET('/governance/grants', { params: { query: { object: `project:${PROJECT}` } } });
    expect(data.data.map((g) => g.user)).not.toContain(`user:${NEWBIE}`);
  });

  it('shows the organization grants when no project is picked', async () => {
    await signIn('alice', at('/members'));
    await page.getByText(`Direct role grants on the organization ${ORG}`).waitFor();
    await grantRow('alice', 'owner').waitFor();
    await expect(
      page.getByLabel('Role', { exact: true }).locator('option').allTextContents(),
    ).resolves.toEqual(['owner', 'admin', 'member']);
  });

  it('tells a viewer that only owners and admins manage members, and an admin that only owners grant owner', async () => {
    await signIn('victor', at(`/members?project=${PROJECT}`));
    await page
      .getByRole('alert')
      .getByText(`Only owners and admins of the project ${PROJECT} can see and change its members.`)
      .waitFor();
    await expect(page.getByLabel('User id').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Organization').waitFor();

    await signIn('adam', at(`/members?project=${PROJECT}`));
    await grantRow('victor', 'viewer').waitFor();
    await page.getByLabel('User id').fill(`owner-${RUN}`);
    await page.getByLabel('Role', { exact: true }).selectOption('owner');
    await page.getByRole('button', { name: 'Grant', exact: true }).click();
    await page.getByRole('alert').getByText('Only owners can grant the owner role.').waitFor();
    await expect(grantRow(`owner-${RUN}`, 'owner').count()).resolves.toBe(0);
  });

  it('shows the audit log, filters it by action with the filters in the URL, and keeps them on reload', async () => {
    await signIn('alice', at(`/audit?project=${PROJECT}`));
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    // The selected project is the default filter; the whole organization is one click away.
    await rows.filter({ hasText: 'data_connection.create' }).first().waitFor();
    await expect(rows.filter({ hasText: 'project.create' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Show the whole organization' }).click();
    await rows.filter({ hasText: 'project.create' }).first().waitFor();
    expect(new URL(page.url()).searchParams.get('project')).toBeNull();
    await rows.filter({ hasText: READ }).first().waitFor();
    await rows.filter({ hasText: 'grant.create' }).first().waitFor();
    const all = Number((await page.getByText(/^\d+ event\(s\)$/).textContent())!.split(' ')[0]);
    expect(all).toBeGreaterThan(1);

    await page.getByLabel('Action').fill(READ);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('1 event(s)').waitFor();
    expect(new URL(page.url()).searchParams.get('action')).toBe(READ);
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(1).textContent()).resolves.toMatch(new RegExp(`${READ}.*alice.*data_connection`));
    await page.getByText('Details', { exact: true }).click();
    await page.getByRole('row').getByText('Source', { exact: true }).waitFor();
    await expectAccessible('audit-log');
    await shot('audit-log');

    await page.reload();
    await page.getByRole('banner').getByText(`alice · ${ORG}`).waitFor();
    await page.getByText('1 event(s)').waitFor();
    await expect(page.getByLabel('Action').inputValue()).resolves.toBe(READ);
    await expectNoHorizontalScroll();
    await shot('audit-log-390px');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A time window after every event: nothing, and the bound goes into the URL as an ISO instant.
    await page.getByLabel('From').fill('2099-01-01T00:00');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No event matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('start_time')).toBe(
      new Date('2099-01-01T00:00').toISOString(),
    );

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText(`${all} event(s)`).waitFor();
    await expect(page.getByLabel('Action').inputValue()).resolves.toBe('');
  });

  it('tells someone who is not an org owner or admin that they may not read the audit log', async () => {
    await signIn('olivia', at('/audit'));
    await page.getByRole('alert').getByText('Only org owners and admins can read the audit log.').waitFor();
    await expect(page.getByRole('table').count()).resolves.toBe(0);
  });

  it('keeps the governance pages accessible in the dark color scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await signIn('alice', at(`/audit?project=${PROJECT}`));
    await page.getByText(/^\d+ event\(s\)$/).waitFor();
    await expectAccessible('audit-log-dark');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await grantRow('victor', 'viewer').waitFor();
    await expectAccessible('members-dark');
  });
});
