/**
 * The Swedish guard (issue #14 §2 and §8): every page of the route table, for every role, is
 * visited on the demo data and fails when English words or raw ids and codes reach the rendered
 * text (text nodes, `aria-label`, `title`, `placeholder`, `alt`, the page title), and when axe
 * finds a serious or critical violation. Rule ids are allowed only inside an element marked
 * `data-regel` (the "Regel" detail, an explanation's sources). Pages that need an id are reached
 * through the links the app itself shows (crawled per role), or borrow the id of a related page
 * (BORROW); a route reached neither way fails the test, so a new page cannot slip past the guard.
 * Every rate model's page is read (their sources differ); other patterns once per role.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { matchPath } from '../src/web/router.js';
import {
  checkPage,
  newPage,
  signIn,
  startApp,
  type DemoRole,
  type Finding,
  type TestApp,
} from './support.js';
import { ensureKinds } from './axe.js';
import { findLeaks, SKIPPED } from './swedish-words.js';

/** The route patterns of the app's route table (src/web/App.tsx), read from its source. */
const PATTERNS = [
  ...readFileSync(resolve(import.meta.dirname, '../src/web/App.tsx'), 'utf8').matchAll(/pattern: '([^']+)'/g),
].map((m) => m[1] as string);

/** Routes that only redirect: checked through their target. */
const REDIRECTS = new Set(['/logga-in', '/utbetalning', '/utbetalning/:id']);

/** Routes no page links to on the demo data, and the route whose sample id they take. */
const BORROW: Record<string, string> = {
  '/klienter/:id/bedomningar': '/klienter/:id',
  '/utforare/fragor/:id': '/bedomningar/:id',
};

/** Patterns whose every linked record is read (a handful, each different). */
const EVERY = new Set(['/modeller/:id']);

const ROLES: DemoRole[] = ['admin', 'case_officer', 'assessor', 'provider', 'analyst', 'finance'];

let app: TestApp;
/** One link per pattern with ids, found by any role's crawl (the href as the app wrote it). */
const samples = new Map<string, string>();
const problems: string[] = [];
const visited = new Map<DemoRole, Set<string>>();

const patternOf = (href: string): string | undefined => {
  const path = href.split(/[?#]/)[0] as string;
  const exact = PATTERNS.find((p) => !p.includes(':') && p === path);
  return exact ?? PATTERNS.find((p) => p.includes(':') && matchPath(p, path));
};

/** The CSRF header of a signed-in page's session. */
async function csrf(page: Page): Promise<Record<string, string>> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return { 'x-csrf-token': me.csrfToken };
}

/**
 * A month run by one finance user and approved by another (four-eyes), another month left as a
 * draft, so run, specification and portal pages have data.
 */
async function prepareRuns(): Promise<void> {
  const page = await newPage(app);
  await signIn(page, 'finance', null);
  const headers = await csrf(page);
  const first = await page.request.post('/api/settlement-runs', { data: { month: '2025-02' }, headers });
  expect(first.status(), await first.text()).toBe(201);
  const { id } = (await first.json()) as { id: number };
  const draft = await page.request.post('/api/settlement-runs', { data: { month: '2025-03' }, headers });
  expect(draft.status(), await draft.text()).toBe(201);
  await page.context().close();
  const second = await newPage(app);
  await signIn(second, 'finance2', null);
  const approved = await second.request.post(`/api/settlement-runs/${id}/approve`, {
    data: { confirmRefusals: true },
    headers: await csrf(second),
  });
  expect(approved.status(), await approved.text()).toBe(200);
  await second.context().close();
}

/**
 * Waits until the page has its heading and has stopped loading: no query in flight (main's
 * aria-busy) and no loader, still so after the renders and effects the last answer caused (two
 * frames and the tasks between them), when queries that start from others' answers begin.
 */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  const idle = () =>
    page.waitForFunction(
      () => !document.querySelector('[aria-busy="true"], .mantine-Loader-root'),
      undefined,
      { polling: 50 },
    );
  await idle();
  await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  });
  await idle();
}

/** Per route pattern: the element kinds (see {@link kindsOf}) of every render axe has checked. */
const axed = new Map<string, Set<string>>();
let axeRuns = 0;
let axeSkipped = 0;

/**
 * The kinds of element a page shows, as a set: each element's kind (`__e2eKind`, e2e/axe.ts: tag,
 * classes, role, type, state, inline style, which aria attributes, whether it has text) with the
 * kinds of all its ancestors. Rows of a table are one kind however many there are, and a list's
 * text is not a kind: what axe judges (names, roles, landmarks, contrast of this element in this
 * place) is.
 */
async function kindsOf(page: Page): Promise<string[]> {
  await ensureKinds(page);
  return page.evaluate(() => {
    const kindOf = (window as unknown as { __e2eKind: (el: Element) => string }).__e2eKind;
    const kinds = new Set<string>();
    const walk = (el: Element, parentPath: string): void => {
      const path = parentPath === '' ? kindOf(el) : `${parentPath}>${kindOf(el)}`;
      kinds.add(path);
      for (const child of el.children) walk(child, path);
    };
    for (const child of document.body.children) walk(child, '');
    return [...kinds];
  });
}

/**
 * Whether axe has already checked a render of this route with every kind of element this one
 * shows: the same page for another role (or another record) then differs only in text and row
 * counts, which axe's serious and critical rules do not judge, and the Swedish text check (run on
 * every visit) does. A new kind (a button only admin sees, a badge of another colour) runs axe.
 * Measured: axe was 77 % of this file's time with one run per page and role.
 */
async function alreadyChecked(page: Page, pattern: string): Promise<boolean> {
  const kinds = await kindsOf(page);
  const seen = axed.get(pattern) ?? new Set<string>();
  if (kinds.every((k) => seen.has(k))) return true;
  for (const k of kinds) seen.add(k);
  axed.set(pattern, seen);
  return false;
}

/**
 * Visits one page (by following a link inside the app, or by loading it), records its leaks and
 * axe findings, and returns the app links it shows.
 */
async function visit(page: Page, role: DemoRole, href: string, how: 'link' | 'load'): Promise<string[]> {
  const where = `${role} ${href}`;
  try {
    // A crawl follows the app's links as a user does, inside the app (pushState, as Link does):
    // loading the whole app again for every page was half of a visit's time apart from axe.
    // fillIn opens its pages as shared links are opened: a full load.
    if (how === 'load' || !page.url().startsWith(app.url)) await page.goto(href);
    else
      await page.evaluate(async (to) => {
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
        await new Promise((r) => setTimeout(r, 0)); // the router's store change renders synchronously
      }, href);
    await settle(page);
  } catch (error) {
    problems.push(
      `${where}: the page did not settle with a heading (${(error as Error).message.split('\n')[0]})`,
    );
    return [];
  }
  const texts = await page.evaluate((skipped) => {
    const out: string[] = [document.title];
    const skip = (el: Element | null) => !el || el.closest(`${skipped}, script, style, noscript`) !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (!skip(n.parentElement) && n.textContent?.trim()) out.push(n.textContent);
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
      if (!skip(el))
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
          const v = el.getAttribute(a);
          if (v) out.push(v);
        }
    return out;
  }, SKIPPED);
  for (const leak of findLeaks(texts)) problems.push(`${where}: ${leak}`);
  if (await alreadyChecked(page, patternOf(href) ?? href)) axeSkipped++;
  else {
    axeRuns++;
    const findings: Finding[] = await checkPage(page, `guard-${role}-${href.replace(/[^a-z0-9]+/gi, '_')}`, {
      screenshot: false,
    });
    for (const f of findings) problems.push(`${where}: axe ${f.id} (${f.impact}) ${f.targets.join(', ')}`);
  }
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href') as string),
  );
}

/** Visits every static page of the role and every page its links lead to (one link per pattern). */
async function crawl(role: DemoRole): Promise<void> {
  const page = await newPage(app);
  await signIn(page, role);
  const seen = new Set<string>();
  const read = new Set<string>();
  visited.set(role, seen);
  const queue = PATTERNS.filter((p) => !p.includes(':') && !REDIRECTS.has(p));
  while (queue.length > 0) {
    const href = queue.shift() as string;
    const pattern = patternOf(href) as string;
    if (read.has(href) || (seen.has(pattern) && !(EVERY.has(pattern) && role === 'admin'))) continue;
    seen.add(pattern);
    read.add(href);
    const links = await visit(page, role, href, 'link');
    for (const link of links) {
      const p = patternOf(link);
      if (!p || REDIRECTS.has(p) || link.startsWith('/api/')) continue;
      // A link with a query (a placement form for a client) is the better sample of its pattern.
      if (p.includes(':') || link.includes('?')) {
        if (!samples.has(p) || (link.includes('?') && !samples.get(p)?.includes('?'))) samples.set(p, link);
        if (!seen.has(p) || (EVERY.has(p) && role === 'admin')) queue.push(link);
      }
    }
  }
  await page.context().close();
}

/** Gives each route no link leads to the id of its related route's sample. */
function borrowSamples(): void {
  for (const [pattern, from] of Object.entries(BORROW)) {
    const source = samples.get(from);
    if (samples.has(pattern) || !source) continue;
    const params = matchPath(from, source.split(/[?#]/)[0] as string) ?? {};
    samples.set(
      pattern,
      pattern.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(params[k] ?? '')),
    );
  }
}

/** Visits, as the role, the pages only other roles' links led to (what a shared link would show). */
async function fillIn(role: DemoRole): Promise<void> {
  const page = await newPage(app);
  await signIn(page, role, null);
  borrowSamples();
  const seen = visited.get(role) ?? new Set<string>();
  for (const [pattern, href] of samples) if (!seen.has(pattern)) await visit(page, role, href, 'load');
  await page.context().close();
}

beforeAll(async () => {
  app = await startApp();
  await prepareRuns();
}, 600_000);
afterAll(async () => {
  if (process.env.GUARD_REPORT) console.info(`axe ran ${axeRuns} times, skipped ${axeSkipped}`);
  await app?.close();
});

describe('Swedish guard: every page, every role', () => {
  for (const role of ROLES) it(`crawls the pages ${role} reaches`, () => crawl(role), 900_000);
  for (const role of ROLES) it(`opens the other roles' pages as ${role}`, () => fillIn(role), 900_000);

  it('reaches every route of the table', () => {
    const unreached = PATTERNS.filter((p) => p.includes(':') && !REDIRECTS.has(p) && !samples.has(p));
    expect(unreached, 'no page links to these routes: add a link or a demo record').toEqual([]);
  });

  it('finds no English, no raw codes and no serious axe violation', () => {
    expect(
      problems,
      `axe ran ${axeRuns} times; ${axeSkipped} renders showed only kinds already checked`,
    ).toEqual([]);
  });
});
