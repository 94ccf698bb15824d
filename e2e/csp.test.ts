/**
 * The web app passes its Content Security Policy (issue #13 §6): signed in as each of two roles
 * and through the main pages, the browser reports no CSP violation (no inline or evaluated
 * script, no foreign origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, openMenu, signInWithForm, startApp, type TestApp } from './support.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

describe('Content Security Policy in the browser', () => {
  it.each([
    ['admin', ['Klienter', 'Ersättningsmodeller', 'Importera']],
    ['analyst', ['Scenario och konsekvens']],
  ] as const)('reports no violation for %s', async (role, pages) => {
    const page = await newPage(app);
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await signInWithForm(page, role);
    for (const name of pages) await openMenu(page, name);
    violations.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
