import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reachable } from './local-port.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** What the console's browser suites share: Chromium, the skip rule, sign-in, axe, screenshots. */
export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = join(process.cwd(), 'docs', 'console');
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * `describe`, or `describe.skip` when Chromium, PostgreSQL or one of `also` (names of what else is
 * missing, or false) is not there: `npm test` passes on a bare machine and says why; under CI=true,
 * where .ci/run installs them, the suite runs and fails instead.
 */
export async function browserSuite(name: string, also: (string | false)[] = []): Promise<jest.Describe> {
  const missing = [
    !existsSync(CHROMIUM) && `Chromium (${CHROMIUM})`,
    !(await reachable(5432)) && 'PostgreSQL on 127.0.0.1:5432',
    ...also,
  ]
    .filter(Boolean)
    .join(' and ');
  if (!missing || process.env.CI === 'true') return describe;
  process.stderr.write(`${name} skipped: no ${missing}\n`);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy reports from the page's console; a test ends with none. */
  cspViolations: string[];
}

/** A fresh profile (no identity provider session, no tokens) and page, at 1280 × 900. */
export async function openConsolePage(browser: Browser): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    if (process.env.CONSOLE_UI_DUMP) process.stderr.write(`browser: ${message.text()}\n`);
  });
  if (process.env.CONSOLE_UI_DUMP)
    page.on('response', (response) => {
      if (response.status() >= 400)
        process.stderr.write(
          `browser: ${response.status()} ${response.request().method()} ${response.url()}\n`,
        );
    });
  return { context, page, cspViolations };
}

export async function closeConsolePage(opened: ConsolePage | undefined): Promise<void> {
  if (!opened) return;
  expect(opened.cspViolations).toEqual([]);
  await opened.context.close();
}

/** Signs in through the dev identity provider's forms; `query` is the console URL's (`?org=…&return_to=…`). */
export async function signInAs(page: Page, consoleUrl: string, org: string, user: string, query: string) {
  await page.goto(`${consoleUrl}${query}`);
  await page.getByLabel('Organization').fill(org);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByLabel('User name')
    .fill(user)
    .catch(async (error: Error) => {
      throw new Error(`${error.message}\nat ${page.url()}:\n${(await page.content()).slice(0, 2000)}`);
    });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByText(`${user} · ${org}`).waitFor();
}

/** The console query that signs in to `org` and lands on `path` (`/console/…`). */
export const landingOn = (org: string, path: string) => `?org=${org}&return_to=${encodeURIComponent(path)}`;

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page, name: string) {
  await page.evaluate(AXE);
  // A string: it runs in the page, whose globals this file's types do not know.
  const violations = await page.evaluate<string[]>(`axe.run().then((result) => result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

/** At 390 px wide, nothing scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
}

/** A full-page screenshot into docs/console (the README shows some). */
export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
