/**
 * Browser-test support (issue #6 step 7): the real server in-process on a fresh in-memory
 * database with demo data, Debian's Chromium through playwright-core (never a downloaded
 * browser), sign-in per role, and a page check that runs axe (zero serious or critical
 * violations) and keeps its report, and a failing page's screenshot, in test-results/ (gitignored).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Database } from '../src/db/connect.js';
import { runAxe } from './axe.js';
import { timed } from './steps.js';

/** Where screenshots and axe reports go (gitignored). */
export const RESULTS_DIR = resolve(import.meta.dirname, '..', 'test-results', 'e2e');

/** Debian's Chromium; CI installs it in .ci/run. */
export const CHROMIUM = process.env.ERSATTNING_CHROMIUM ?? '/usr/bin/chromium';

/** The demo accounts' credentials per role (src/db/seed/demo.ts). */
export const ACCOUNTS = {
  admin: { username: 'admin', password: 'admin-demo' },
  case_officer: { username: 'handlaggare', password: 'handlaggare-demo' },
  assessor: { username: 'bedomare', password: 'bedomare-demo' },
  provider: { username: 'utforare', password: 'utforare-demo' },
  analyst: { username: 'analytiker', password: 'analytiker-demo' },
  /** A second admin: four eyes on a price-year uplift (RATE-1). */
  admin2: { username: 'admin2', password: 'admin-demo' },
  finance: { username: 'ekonom', password: 'ekonom-demo' },
  /** A second finance user: approves what `finance` started (four-eyes, issue #14 §3). */
  finance2: { username: 'ekonom2', password: 'ekonom-demo' },
} as const;

/** A role with a demo account. */
export type DemoRole = keyof typeof ACCOUNTS;

/** The running app for one test file. */
export interface TestApp {
  url: string;
  browser: Browser;
  /** The server's own database, to set up a case the API (rightly) refuses to create. */
  database: Database;
  close(): Promise<void>;
}

/** Starts the real server (demo data, small scale) and Chromium; `close()` stops both and removes the data. */
export async function startApp(): Promise<TestApp> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium, as .ci/run does)`,
    );
  // A stale bundle against today's server fails in confusing ways (a page expecting a list gets a
  // page of one): say so at once. `npm test` builds before it runs.
  const { isWebBuildCurrent } = await import('../src/build/web-stamp.js');
  if (!isWebBuildCurrent(resolve(import.meta.dirname, '..')))
    throw new Error('dist/web is missing or older than the web sources: run `npm run build` first');
  const { startServer } = await import('../src/server/start.js');
  const { seededPgliteDump } = await import('../src/server/seeded-template.js');
  const server = await timed('start.server', async () =>
    startServer({
      port: 0,
      // In memory: the journeys test pages, not storage (src/server/lifecycle.test.ts opens a data
      // directory on disk, its lock and its restart). Loading the demo dump into memory took
      // 0,7-1,0 s against 1,3-1,5 s into a folder on disk, for each of the 19 files.
      dataDir: ':memory:',
      // The demo data made once per source change and copied (the server seeds only an empty database).
      template: await seededPgliteDump(0.05),
      seed: 'demo',
      demoScale: 0.05,
      demoAllocation: false,
      logLevel: false,
    }),
  );
  const browser = await timed('start.browser', () =>
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }),
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    url: server.url,
    browser,
    database: server.database,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh browser context and page (Swedish locale, a desktop viewport). */
export async function newPage(app: TestApp): Promise<Page> {
  const context = await app.browser.newContext({
    baseURL: app.url,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    // The app honours reduced motion: dialogs appear at once, so axe never sees a half-faded one.
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

/**
 * Signs in without the form, as the journeys' users are already signed in: the API's login sets
 * the session cookie in the page's browser context (which `page.request` shares), then the page
 * `at` opens (the start page unless told; `null` opens none, for a page used only for requests).
 * The form itself (keyboard, messages, each role) is what e2e/signin.test.ts tests, with
 * {@link signInWithForm}. Takes a demo role or another account's credentials.
 */
export async function signIn(
  page: Page,
  who: DemoRole | { username: string; password: string },
  at: string | null = '/',
): Promise<void> {
  return timed('signIn', async () => {
    const credentials = typeof who === 'string' ? ACCOUNTS[who] : who;
    const response = await page.request.post('/api/auth/login', { data: credentials });
    if (!response.ok()) throw new Error(`sign-in as ${credentials.username}: ${response.status()}`);
    if (at === null) return;
    await page.goto(at);
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  });
}

/** Signs in through the form, by keyboard only (Tab between fields, Enter to submit). */
export async function signInWithForm(page: Page, role: DemoRole): Promise<void> {
  return timed('signIn.form', async () => {
    const { username, password } = ACCOUNTS[role];
    await page.goto('/');
    await page.getByLabel('Användarnamn').focus();
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  });
}

/** Follows an entry of the main menu (by its visible name). */
export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** A serious or critical axe finding, summarised for the assertion message. */
export interface Finding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Whether every checked page is photographed (`E2E_SCREENSHOTS=1`), not only a failing one. */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS === '1';

/**
 * Checks the current page: waits for the heading, runs axe (WCAG 2.0/2.1 A and AA rules), saves
 * the axe report, and a full-page screenshot when it finds a serious or critical violation (or
 * with `E2E_SCREENSHOTS=1`, unless `screenshot: false`), and returns those findings.
 *
 * axe runs in the page itself (`axe.run`, not `runPartial` + `finishRun` in a new blank page,
 * which exists for cross-origin frames; the app has no frames) and works out the details of
 * violations only, not of every passing node; colour contrast samples repeated elements
 * ({@link runAxe}): the same rules, measured several times faster per page (docs/operations.md
 * "Test suite").
 */
export async function checkPage(
  page: Page,
  name: string,
  options: { screenshot?: boolean } = {},
): Promise<Finding[]> {
  await timed('check.wait', async () => {
    await page.locator('h1').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[role="status"] .mantine-Loader-root'));
  });
  const violations = await timed('check.axe', () => runAxe(page));
  writeFileSync(join(RESULTS_DIR, `${name}.axe.json`), JSON.stringify(violations, null, 2));
  const findings = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  if (options.screenshot !== false && (SCREENSHOTS || findings.length > 0))
    await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
  return findings;
}
