import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { sshdAvailable, startTestSshd, type TestSshd } from '../support/test-sshd.js';

// Ports of this suite (23300-23399; sshd picks one of 23350-23399); its own console build.
const PORTS = { governance: 23301, assets: 23302, openFga: 23381 };
const SSHD_PORTS = { from: 23350, to: 23399 };
const ORG = 'acme';
const PROJECT = 'tunnels';

const sshdCheck = sshdAvailable();
const suite = await browserSuite('SSH tunnel UI suite', [
  !sshdCheck.ok && `OpenSSH server (${sshdCheck.reason})`,
]);

type PublicKey = { public_key: string; fingerprint: string };

suite('SSH tunnel panel in Chromium', () => {
  let stack: ConsoleStack;
  let sshd: TestSshd;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let opened: ConsolePage | undefined;
  let uri: string;
  const detailOf = (resourceUri: string) =>
    `/console/connections/${encodeURIComponent(resourceUri)}?project=${PROJECT}`;
  const api = () => stack.assetsAs('alice', ORG, PROJECT);
  const publicKeyOf = async (resourceUri: string) =>
    (
      await api().GET('/assets/data/{resource_uri}/ssh-public-key', {
        params: { path: { resource_uri: resourceUri } },
      })
    ).data as PublicKey;
  const approvedFingerprint = async () => {
    const { data } = await api().GET('/assets/data/{resource_uri}', {
      params: { path: { resource_uri: uri } },
    });
    return (
      (data.database_config as { ssh_tunnel: { host_key_fingerprint?: string | null } }).ssh_tunnel
        .host_key_fingerprint ?? null
    );
  };

  /** The local PostgreSQL through the test bastion, signing in to it with `authMethod`. */
  const createBehindBastion = async (
    name: string,
    authMethod: 'managed_key' | 'password',
    credentials: Record<string, unknown>,
  ) =>
    (
      await api().POST('/assets/data', {
        body: {
          name,
          connection_type: 'postgres',
          database_config: {
            host: '127.0.0.1',
            port: 5432,
            database: 'test',
            ssl_mode: 'disable',
            ssh_tunnel: {
              host: '127.0.0.1',
              port: sshd.port,
              username: sshd.username,
              auth_method: authMethod,
            },
          },
          credentials,
        } as never,
      })
    ).data.resource_uri;

  beforeAll(async () => {
    sshd = await startTestSshd({ authorizedKeys: [], portRange: SSHD_PORTS });
    stack = await startConsoleStack(PORTS, CONSOLE_UI_DIST);
    await stack.createTenant(ORG, 'alice', { id: PROJECT, name: 'Tunnels' }, [['victor', 'viewer']]);
    // No key in the request: the platform generates the pair and keeps the private half.
    uri = await createBehindBastion('Warehouse behind bastion', 'managed_key', {
      username: 'postgres',
      password: 'unused-trust-auth',
    });
    // The bastion's administrator adds the managed key to authorized_keys.
    await sshd.setAuthorizedKeys([(await publicKeyOf(uri)).public_key]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await sshd?.stop();
  });

  beforeEach(async () => {
    opened = await openConsolePage(browser);
    ({ context, page } = opened);
  });
  afterEach(() => closeConsolePage(opened));

  const signIn = (user: string, path: string) =>
    signInAs(page, stack.consoleUrl, ORG, user, landingOn(ORG, path));

  const expectAccessible = (name: string) => checkAccessible(page, name);

  const panel = () => page.getByRole('region', { name: 'SSH tunnel' });
  const publicKeyBox = () => panel().getByLabel("Public key to add to the bastion's authorized_keys");
  const steps = () => page.getByRole('region', { name: /^Verification/ }).getByRole('listitem');

  it('refuses a viewer the host key approval and the key rotation with notices', async () => {
    // A viewer may not verify (can_execute): the report is the one the API gives an owner.
    const { data: report } = await api().POST('/assets/data/{resource_uri}/verify', {
      params: { path: { resource_uri: uri } },
      body: {} as never,
    });
    expect(report.details.error_code).toBe('ssh_hostkey_unapproved');
    await signIn('victor', detailOf(uri));
    await page.getByRole('heading', { name: 'Warehouse behind bastion' }).waitFor();
    // Told, not offered: no verify, no key rotation (GET …/permissions).
    await page.getByText(/verifying it takes can_execute/).waitFor();
    await expect(page.getByRole('button', { name: 'Verify now' }).count()).resolves.toBe(0);
    await expect(panel().getByRole('button', { name: 'Rotate key…' }).count()).resolves.toBe(0);
    // When the console cannot tell, the API refuses: the verify answer is the owner's report.
    await page.route('**/permissions', (route) => route.abort());
    await page.route('**/verify', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(report) }),
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Warehouse behind bastion' }).waitFor();
    await expect(publicKeyBox().inputValue()).resolves.toBe((await publicKeyOf(uri)).public_key);
    await page.getByRole('button', { name: 'Verify now' }).click();
    await panel()
      .getByRole('group', { name: 'Host key to approve' })
      .getByText(sshd.hostKeyFingerprint)
      .waitFor();
    await panel().getByRole('button', { name: 'Approve host key…' }).click();
    await panel().getByRole('button', { name: 'Yes, trust this key' }).click();
    await panel()
      .getByText('You may not approve the host key: it takes can_manage_secrets on this connection')
      .waitFor();
    expect(await approvedFingerprint()).toBeNull();

    await panel().getByRole('button', { name: 'Rotate key…' }).click();
    await panel().getByRole('button', { name: 'Yes, rotate key' }).click();
    await panel()
      .getByText('You may not rotate the key: it takes can_manage_secrets on this connection')
      .waitFor();
    await expectAccessible('ssh-viewer');
  });

  it('shows the managed key, approves the host key the bastion presented and verifies through the tunnel', async () => {
    const key = await publicKeyOf(uri);
    await signIn('alice', detailOf(uri));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(stack.consoleUrl).origin,
    });
    await page.getByRole('heading', { name: 'Warehouse behind bastion' }).waitFor();
    await expect(publicKeyBox().inputValue()).resolves.toBe(key.public_key);
    await panel().getByText(`Key fingerprint ${key.fingerprint}`).waitFor();
    await panel()
      .getByText(/^None approved yet/)
      .waitFor();
    await panel().getByRole('button', { name: 'Copy public key' }).click();
    await panel().getByRole('status').getByText('Copied to the clipboard.').waitFor();
    await expect(page.evaluate<string>('navigator.clipboard.readText()')).resolves.toBe(key.public_key);

    // First verification: the bastion answers, its key is not approved, nothing is sent to it.
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByRole('heading', { name: /^Verification failed/ }).waitFor();
    const offer = panel().getByRole('group', { name: 'Host key to approve' });
    await offer.getByText(sshd.hostKeyFingerprint).waitFor();
    await expect(steps().filter({ hasText: 'ssh_host_key' }).textContent()).resolves.toMatch(/^failed/);
    await offer.getByRole('button', { name: 'Approve host key…' }).click();
    // The confirmation can be left.
    await offer.getByRole('button', { name: 'Cancel' }).click();
    await offer.getByRole('button', { name: 'Approve host key…' }).click();
    await expectAccessible('ssh-approve-confirm');
    await screenshot(page, 'ssh-tunnel');
    const approval = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith('/ssh-host-key/approve'),
    );
    await offer.getByRole('button', { name: 'Yes, trust this key' }).click();
    expect((await approval).postDataJSON()).toEqual({ fingerprint: sshd.hostKeyFingerprint });

    // The page verifies again at once: now through the tunnel, to the database.
    await page.getByRole('heading', { name: /^Verification succeeded/ }).waitFor();
    const names = await steps().allTextContents();
    expect(
      names.slice(0, 6).map((s) =>
        s
          .match(/^(\w+) (\w+)/)
          ?.slice(1)
          .reverse()
          .join(':'),
      ),
    ).toEqual([
      'ssh_resolve:ok',
      'ssh_egress_policy:ok',
      'ssh_connect:ok',
      'ssh_host_key:ok',
      'ssh_authenticate:ok',
      'tunnel:ok',
    ]);
    await panel().getByText(`Approved: ${sshd.hostKeyFingerprint}`).waitFor();
    await expect(offer.count()).resolves.toBe(0);
    expect(await approvedFingerprint()).toBe(sshd.hostKeyFingerprint);

    await expectAccessible('ssh-tunnel');
    await page.setViewportSize({ width: 390, height: 844 });
    await panel().getByRole('button', { name: 'Rotate key…' }).click();
    await panel()
      .getByLabel(/^Grace period/)
      .waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });

  it('rotates the managed key: the old one works through the grace period, then the new one', async () => {
    const old = await publicKeyOf(uri);
    await signIn('alice', detailOf(uri));
    await expect(publicKeyBox().inputValue()).resolves.toBe(old.public_key);
    await panel().getByRole('button', { name: 'Rotate key…' }).click();
    const confirm = panel().getByRole('group', { name: 'Confirm key rotation' });
    // The API's own bounds: its refusal sits next to the field.
    await confirm.getByLabel(/^Grace period/).fill('0');
    await confirm.getByRole('button', { name: 'Yes, rotate key' }).click();
    await page.locator('#ssh-grace-hours-error').waitFor();
    await expect(confirm.getByLabel(/^Grace period/).getAttribute('aria-invalid')).resolves.toBe('true');
    await confirm.getByLabel(/^Grace period/).fill('2');
    await expectAccessible('ssh-rotate-confirm');
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/ssh-key/rotate'));
    await confirm.getByRole('button', { name: 'Yes, rotate key' }).click();
    expect((await sent).postDataJSON()).toEqual({ grace_period_hours: 2 });
    await panel()
      .getByText(/New key generated/)
      .waitFor();

    const rotated = await publicKeyOf(uri);
    expect(rotated.public_key).not.toBe(old.public_key);
    // The panel shows the new key once the API has it.
    await page.waitForFunction(
      `document.getElementById('ssh-public-key')?.value === ${JSON.stringify(rotated.public_key)}`,
    );
    await panel()
      .getByText(/The replaced key is still offered until/)
      .waitFor();

    // The bastion lists only the old key: the grace period keeps the tunnel open.
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByRole('heading', { name: /^Verification succeeded/ }).waitFor();
    // Then the administrator swaps the line: the new key alone opens it.
    await sshd.setAuthorizedKeys([rotated.public_key]);
    const verified = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/verify'),
    );
    await page.getByRole('button', { name: 'Verify now' }).click();
    expect(await (await verified).json()).toMatchObject({ success: true });
    await page.getByRole('button', { name: 'Verify now' }).waitFor();
    await page.getByRole('heading', { name: /^Verification succeeded/ }).waitFor();
  });

  it('warns when the bastion presents another host key, and replaces the approved one only when confirmed', async () => {
    // As if the key approved earlier were the bastion's old one.
    const previous = `SHA256:${randomBytes(32).toString('base64').replace(/=+$/, '')}`;
    await api().POST('/assets/data/{resource_uri}/ssh-host-key/approve', {
      params: { path: { resource_uri: uri } },
      body: { fingerprint: previous },
    });
    await signIn('alice', detailOf(uri));
    await panel().getByText(`Approved: ${previous}`).waitFor();
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.getByRole('heading', { name: /^Verification failed/ }).waitFor();
    const offer = panel().getByRole('group', { name: 'Host key to approve' });
    await offer.getByText(/not the approved one, and nothing was sent to it/).waitFor();
    await offer.getByText(sshd.hostKeyFingerprint).waitFor();
    await expect(offer.getByRole('button', { name: 'Approve host key…' }).count()).resolves.toBe(0);
    await offer.getByRole('button', { name: 'Replace the approved key…' }).click();
    await expectAccessible('ssh-host-key-mismatch');
    await offer.getByRole('button', { name: 'Yes, trust this key' }).click();
    await page.getByRole('heading', { name: /^Verification succeeded/ }).waitFor();
    expect(await approvedFingerprint()).toBe(sshd.hostKeyFingerprint);
  });

  it('says a tunnel with a password of its own has no managed key, instead of failing to load one', async () => {
    const passwordUri = await createBehindBastion('Bastion with a password', 'password', {
      username: 'postgres',
      password: 'unused',
      ssh_tunnel: { password: 'bastion-pw' },
    });
    const keyRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/ssh-public-key') && keyRequests.push(r.url()));
    await signIn('alice', detailOf(passwordUri));
    await page.getByRole('heading', { name: 'Bastion with a password' }).waitFor();
    await panel()
      .getByText(/signs in with a password you supplied: there is no platform-managed key/)
      .waitFor();
    await expect(panel().getByRole('alert').count()).resolves.toBe(0);
    await expect(panel().getByRole('button', { name: 'Rotate key…' }).count()).resolves.toBe(0);
    expect(keyRequests).toEqual([]);
  });
});
