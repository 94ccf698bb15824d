/**
 * Runs as finance staff use them (issue #14 §3): a finance user starts a month, is told that
 * someone else approves it (four-eyes), starts the month again and is asked whether to replace
 * the draft, discards a draft; a second finance user approves and exports; the provider sees only
 * the approved run, never a draft. Every page and dialog is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkPage, newPage, openMenu, signIn, startApp, type TestApp } from './support.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** Starts a run for `month` on the runs page and waits until it is computed. */
async function startRun(page: Page, month: string): Promise<void> {
  await page.locator('input[name="month"]').fill(month);
  await page.getByRole('button', { name: 'Starta körning' }).click();
}

describe('runs for finance staff', () => {
  it('asks before replacing a draft, discards one, and needs a second person to approve', async () => {
    const page = await newPage(app);
    await signIn(page, 'finance');
    await openMenu(page, 'Avräkning');
    expect(await checkPage(page, 'ekonom-avrakning')).toEqual([]);
    await startRun(page, '2025-05');
    await page.getByText('Körningen är klar').waitFor({ timeout: 60_000 });

    // The same month again: a dialog asks whether to replace the draft.
    await startRun(page, '2025-05');
    const ask = page.getByRole('dialog', { name: 'Ersätta utkastet?' });
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(/Det finns redan ett utkast för maj 2025 \(körning \d+\)/);
    expect(await checkPage(page, 'ekonom-ersatt-utkast')).toEqual([]);
    await ask.getByRole('button', { name: 'Ersätt utkastet' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByText('Körningen är klar').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Öppna körningen' }).click();
    await page.getByRole('heading', { name: 'Avräkning maj 2025', level: 1 }).waitFor();

    // Started by this user: no approval here, only who approves, and the draft can be discarded.
    await page.getByTestId('four-eyes').waitFor();
    expect(await page.getByRole('button', { name: 'Godkänn avräkningen' }).count()).toBe(0);
    expect(await checkPage(page, 'ekonom-egen-korning')).toEqual([]);
    await page.getByRole('button', { name: 'Ta bort utkastet' }).click();
    const discard = page.getByRole('dialog', { name: 'Ta bort utkastet?' });
    await discard.waitFor();
    expect(await checkPage(page, 'ekonom-ta-bort-utkast')).toEqual([]);
    await discard.getByRole('button', { name: 'Ja, ta bort' }).click();
    // Back on the list (the run page's heading "Avräkning maj 2025" also contains "Avräkning").
    await page.waitForURL(/\/avrakning$/);
    await page.getByRole('heading', { name: 'Avräkning', level: 1, exact: true }).waitFor();

    // Start again: no draft left, so no question; then a draft of another month stays a draft.
    await startRun(page, '2025-05');
    await page.getByText('Körningen är klar').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Öppna körningen' }).click();
    await page.getByTestId('four-eyes').waitFor();
    const runUrl = page.url();
    await openMenu(page, 'Avräkning');
    await startRun(page, '2025-08');
    await page.getByText('Körningen är klar').waitFor({ timeout: 60_000 });
    await page.context().close();

    // A second finance user approves and exports.
    const second = await newPage(app);
    await signIn(second, 'finance2', runUrl);
    await second.getByRole('button', { name: 'Godkänn avräkningen' }).click();
    await second.getByRole('dialog', { name: 'Godkänn avräkningen?' }).waitFor();
    const refused = second.getByRole('checkbox');
    if ((await refused.count()) > 0) await refused.check();
    await second.getByRole('button', { name: 'Ja, godkänn' }).click();
    await second.getByText(/Avräkningen för maj 2025 är godkänd/).waitFor();
    await second.getByRole('button', { name: 'Markera som exporterad till utbetalning' }).click();
    await second.getByText('Körningen är markerad som exporterad.').waitFor();
    expect(await checkPage(second, 'ekonom2-exporterad')).toEqual([]);
    await second.context().close();

    // The provider sees the approved May, never the August draft.
    const provider = await newPage(app);
    await signIn(provider, 'provider');
    const runs = (
      (await (await provider.request.get('/api/settlement-runs')).json()) as {
        items: { month: string; status: string }[];
      }
    ).items;
    expect(runs.map((r) => r.status)).not.toContain('draft');
    expect(runs.map((r) => r.month)).toContain('2025-05');
    expect(runs.map((r) => r.month)).not.toContain('2025-08');
    await openMenu(provider, 'Min verksamhet');
    await provider.getByRole('link', { name: 'Specifikation maj 2025' }).first().waitFor();
    expect(await provider.getByRole('link', { name: 'Specifikation augusti 2025' }).count()).toBe(0);
    await provider.context().close();
  }, 240_000);
});
