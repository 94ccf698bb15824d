/**
 * Resursfördelning and Ekonomiexport (issue #12 §1, §2, §3, §6, §7): with the demo's March and
 * August reconciliations and exported January run, the city office reads the allocation, the
 * clients behind the changes and budget against outcome; an analyst sees small cells suppressed;
 * the finance export lists its files. Every page is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/models/load.js';
import { seedDemoAllocation } from '../src/server/seed-allocation.js';
import { checkPage, newPage, openMenu, signIn, startApp, type TestApp } from './support.js';

let app: TestApp;
let made: Awaited<ReturnType<typeof seedDemoAllocation>>;
beforeAll(async () => {
  app = await startApp();
  made = await seedDemoAllocation(app.database.db, loadCatalog(), '2026-11-29');
});
afterAll(async () => {
  await app?.close();
});

describe('allocation and finance pages', () => {
  it('the city office reads a reconciliation with the clients behind its changes, and budget against outcome', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');
    await openMenu(page, 'Resursfördelning');
    await page.getByRole('heading', { name: 'Resursfördelning', level: 1 }).waitFor();
    await page.getByRole('button', { name: `Visa avstämning ${made.reconciliations[1]}` }).click();
    await page.getByText(/Klienter bakom förändringarna \(\d+\)/).waitFor();
    await page.getByRole('img', { name: /Fördelning per stadsdel, miljoner kronor/ }).waitFor();
    // A chart per district (issue #12 §1): the chosen district's levels, previous and this one.
    await page.getByRole('img', { name: /: fördelning per insats och nivå, tusen kronor/ }).waitFor();
    await page.getByRole('textbox', { name: 'Stadsdel i diagrammet' }).click();
    await page.getByRole('option').nth(1).click();
    await page.getByRole('img', { name: /: fördelning per insats och nivå, tusen kronor/ }).waitFor();
    await page.getByText('Budget mot utfall').first().waitFor();
    await page.locator('table').last().waitFor();
    // One reconciliation is "avstämning 2 (…)", several "avstämningarna 1 (…), 2 (…)".
    await page
      .getByText(/Fördelning för LSS-boende från (avstämning \d+ \(|avstämningarna \d+ \(.*\), \d+ \()/)
      .waitFor();
    expect(await page.getByText(/från avstämningarna \d+ \([^)]*\);/).count()).toBe(0);
    expect(await checkPage(page, 'resursfordelning')).toEqual([]);
    await page.context().close();
  });

  it('an analyst sees no clients and small cells as "färre än 5"', async () => {
    const page = await newPage(app);
    await signIn(page, 'analyst');
    await openMenu(page, 'Resursfördelning');
    await page.getByRole('button', { name: `Visa avstämning ${made.reconciliations[1]}` }).click();
    await page.getByText('Per stadsdel, insats och nivå').waitFor();
    // The cells' previous count is headed as a count, not as the previous allocation.
    const cells = page.getByRole('table', { name: 'Per stadsdel, insats och nivå' });
    expect(await cells.getByRole('columnheader').allInnerTexts()).toEqual([
      'Stadsdel',
      'Insats',
      'Nivå',
      'Personer',
      'Personer förra',
      'Fördelning',
      'Förändring',
    ]);
    expect(await page.getByText('Klienter bakom förändringarna').count()).toBe(0);
    expect(await page.getByText('färre än 5').count()).toBeGreaterThan(0);
    expect(await checkPage(page, 'resursfordelning-analytiker')).toEqual([]);
    await page.context().close();
  });

  it('lists the exported run with its SIE and CSV files', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');
    // Each row's export comes with the run list (issue #14 §1): no request per row.
    const perRow: string[] = [];
    page.on('request', (r) => {
      if (/\/finance-export$/.test(new URL(r.url()).pathname)) perRow.push(r.url());
    });
    await openMenu(page, 'Ekonomiexport');
    await page.getByRole('heading', { name: 'Ekonomiexport', level: 1 }).waitFor();
    await page.getByText(/Export nr 1/).waitFor();
    expect(perRow).toEqual([]);
    expect(await page.getByRole('link', { name: /\.se$/ }).count()).toBe(1);
    expect(await checkPage(page, 'ekonomiexport')).toEqual([]);
    await page.context().close();
  });

  it('an analyst finds the resident mixes that carry a unit’s base staffing (SCEN-4)', async () => {
    const page = await newPage(app);
    await signIn(page, 'analyst');
    await openMenu(page, 'Analysverktyg');
    await page.getByRole('heading', { name: 'Analysverktyg', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Beräkna' }).click();
    await page.getByRole('heading', { name: /Boendemixar som bär/ }).waitFor();
    expect((await page.locator('main').innerText()).replace(/\u00a0/g, ' ')).toContain('3 507 285 kr'); // 002: 3 + 3
    expect(await checkPage(page, 'analysverktyg')).toEqual([]);
    await page.context().close();
  });
});
