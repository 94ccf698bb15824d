/**
 * axe in the page, run the cheap way with the same rules (docs/operations.md "Test suite"): the
 * axe-core source is injected once per loaded document (not before every check, as AxeBuilder
 * does), and colour contrast, 75-90 % of axe's time on a page, judges two of every _kind_ of
 * element instead of each of hundreds of table rows that differ only in their text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

/** The WCAG 2.0 and 2.1 A and AA rules (axe's tags), the level the city requires. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The axe-core that @axe-core/playwright itself injects (its dependency, resolved from it).
const require = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

/**
 * Installs, once per document, `window.__e2eKind(el)`: an element's kind (tag, classes, role,
 * type, state, inline style (Mantine's colour variables), which aria attributes it has and
 * whether it has text of its own). The Swedish guard's render kinds and the contrast sample here
 * are the same notion, defined here once.
 */
export async function ensureKinds(page: Page): Promise<void> {
  await page.evaluate(() => {
    if ('__e2eKind' in window) return;
    const ATTRS = [
      'role',
      'type',
      'disabled',
      'style',
      'data-variant',
      'data-disabled',
      'data-active',
      'tabindex',
    ];
    (window as unknown as { __e2eKind: (el: Element) => string }).__e2eKind = (el) => {
      const attrs = ATTRS.map((a) => (el.hasAttribute(a) ? `${a}=${el.getAttribute(a)}` : '')).join(';');
      const aria = el
        .getAttributeNames()
        .filter((a) => a.startsWith('aria-') || a === 'alt' || a === 'title' || a === 'for' || a === 'id')
        .sort()
        .join(',');
      const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()) ? 'T' : '';
      return `${el.tagName}.${[...el.classList].sort().join('.')}[${attrs}|${aria}]${text}`;
    };
  });
}

/** Injects axe-core into the page's document unless it is there already (an in-app navigation keeps it). */
async function ensureAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(AXE_SOURCE);
}

/**
 * Runs the WCAG A/AA rules on the page and returns axe's violations. Every rule but colour
 * contrast runs on the whole page. Colour contrast skips an element subtree when two elements of
 * its kind, with the same kinds of ancestors, were already judged and nothing inside it is of a
 * new kind: the third and later rows of a table, list items, repeated cells. An element whose
 * colours differ by a class, a variant or an inline style is a new kind and is judged. Inside a
 * chart (`svg`) everything is judged: a label's background there is the bar it is drawn on.
 * Measured on the allocation page (3 551 elements): contrast judged 2 733 elements in 8-12 s,
 * sampled 123 in 1,4 s, the same (no) violations.
 */
export async function runAxe(page: Page): Promise<AxeResults['violations']> {
  await ensureKinds(page);
  await ensureAxe(page);
  return page.evaluate(async (tags) => {
    type Axe = {
      run(context: unknown, options: unknown): Promise<{ violations: AxeResults['violations'] }>;
    };
    const w = window as unknown as { axe: Axe; __e2eKind: (el: Element) => string };
    const seen = new Map<string, number>();
    const exclude: Element[] = [];
    // Whether el or anything inside it is new (fewer than two of its kind path seen so far).
    const walk = (el: Element, parentPath: string, inSvg: boolean): boolean => {
      const path = `${parentPath}>${w.__e2eKind(el)}`;
      const n = seen.get(path) ?? 0;
      seen.set(path, n + 1);
      const svg = inSvg || el.tagName.toLowerCase() === 'svg';
      let fresh = n < 2 || svg;
      const repeats: Element[] = [];
      for (const child of el.children) {
        if (walk(child, path, svg)) fresh = true;
        else repeats.push(child);
      }
      if (fresh) exclude.push(...repeats);
      return fresh;
    };
    for (const child of document.body.children) if (!walk(child, '', false)) exclude.push(child);
    const rest = await w.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'color-contrast': { enabled: false } },
      resultTypes: ['violations'],
    });
    const contrast = await w.axe.run(
      { include: [document], exclude },
      { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] },
    );
    return [...rest.violations, ...contrast.violations];
  }, WCAG_TAGS);
}
