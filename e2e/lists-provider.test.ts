/**
 * Lists at scale, second part (issue #14 §8, §1): with more than 10 000 placements at the signed-in
 * provider's unit and more than 10 000 offers in the city, the provider portal's client list and
 * the office's Erbjudanden each show the true total, render one page (never more than a few
 * hundred rows), page forward and back by the server's cursors, and narrow with a filter kept in
 * the address. One app start and one browser for both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeIdentity } from '../src/db/identity.js';
import { newPage, openMenu, signIn, startApp, type TestApp } from './support.js';

const ROWS = 10_500;
/** The most rows one page may render ("a few hundred"; the lists page by 20-100, at most 200). */
const MOST = 200;
const FIRST = 'Anna Eva Maria Karin Erik Lars Karl Anders Johan Nils Åsa Örjan Sofia Hugo Fatima'.split(' ');
const LAST = 'Andersson Johansson Karlsson Nilsson Lindqvist Berg Sjöberg Holm Nguyen Virtanen Ahmed'.split(
  ' ',
);

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const districts = (await db.selectFrom('districts').select('id').orderBy('id').execute()).map((d) => d.id);
  // The demo provider account's provider (U001) and one of its units.
  const unit = await db
    .selectFrom('units')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .select(['units.id', 'units.provider_id', 'providers.regime'])
    .where('units.provider_id', '=', 'U001')
    .orderBy('units.id')
    .executeTakeFirstOrThrow();
  for (let from = 0; from < ROWS; from += 1_500) {
    const n = Math.min(1_500, ROWS - from);
    const index = Array.from({ length: n }, (_, k) => from + k);
    const clients = await db
      .insertInto('clients')
      .values(
        index.map((i) => ({
          personnummer: makeIdentity(
            new Date(Date.UTC(1941, 0, 1) + (i % 20_000) * 86_400_000)
              .toISOString()
              .slice(0, 10)
              .replace(/-/g, ''),
            950 + Math.floor(i / 20_000),
          ),
          identity_kind: 'personnummer' as const,
          name: `${FIRST[i % FIRST.length]!} ${LAST[(i * 7 + Math.floor(i / 11)) % LAST.length]!}`,
          district_id: districts[i % districts.length]!,
        })),
      )
      .returning(['id', 'district_id'])
      .execute();
    await db
      .insertInto('placements')
      .values(
        clients.map((c, k) => ({
          client_id: c.id,
          unit_id: unit.id,
          provider_id: unit.provider_id,
          service: k % 3 === 0 ? 'lss-daglig-verksamhet' : 'lss-gruppbostad',
          regime: unit.regime,
          start_date: '2024-03-01',
        })),
      )
      .execute();
    const decisions = await db
      .insertInto('decisions')
      .values(
        clients.map((c) => ({
          client_id: c.id,
          district_id: c.district_id,
          service: 'lss-gruppbostad',
          from_date: '2026-10-01',
          decided_on: '2026-10-01',
        })),
      )
      .returning('id')
      .execute();
    // One offer in four still waits for an answer (its answer day far ahead), the rest declined.
    await db
      .insertInto('offers')
      .values(
        decisions.map((d, k) => ({
          decision_id: d.id,
          unit_id: unit.id,
          offered_on: '2026-10-05',
          answer_by: k % 4 === 0 ? '2099-12-31' : '2026-10-08',
          state: k % 4 === 0 ? ('open' as const) : ('declined' as const),
          answered_on: k % 4 === 0 ? null : '2026-10-07',
        })),
      )
      .execute();
  }
});
afterAll(async () => {
  await app?.close();
});

/** The total a list announces, as a number ("10 612 placeringar. Visar 100 åt gången." → 10612). */
async function total(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(`${testId}-total`).innerText();
  return Number(text.split('.')[0]!.replace(/\D/g, ''));
}

/**
 * The list `testId` (its pager named `pager`: the portal has several lists) shows more than
 * 10 000 rows in total but one page of them; the next page shows others and the previous page the
 * first ones again, its page in the address under `pageField`.
 */
async function pagesThrough(page: Page, testId: string, pager: string, pageField: string): Promise<number> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  const all = await total(page, testId);
  expect(all).toBeGreaterThan(10_000);
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeLessThanOrEqual(MOST);
  const first = await rows.first().innerText();
  const nav = page.getByRole('navigation', { name: pager });
  await nav.getByRole('button', { name: 'Nästa sida' }).click();
  await expect.poll(() => rows.first().innerText()).not.toBe(first);
  expect(page.url()).toContain(`${pageField}=`);
  expect(await rows.count()).toBeLessThanOrEqual(MOST);
  await nav.getByRole('button', { name: 'Föregående sida' }).click();
  await expect.poll(() => rows.first().innerText()).toBe(first);
  return all;
}

describe('lists of more than 10 000 rows, second part', () => {
  it("page and filter the provider's placements and the office's offers", async () => {
    const provider = await newPage(app);
    await signIn(provider, 'provider');
    await openMenu(provider, 'Min verksamhet');
    const placements = await pagesThrough(provider, 'provider-clients', 'Sidor, klienter', 'sida');
    await provider.getByRole('textbox', { name: 'Insats' }).click();
    await provider.getByRole('option', { name: 'Daglig verksamhet (LSS)' }).click();
    await expect.poll(() => provider.url()).toContain('insats=');
    await expect.poll(() => total(provider, 'provider-clients')).toBeLessThan(placements);
    expect(await total(provider, 'provider-clients')).toBeGreaterThan(3_000);
    // The filtered view is an address: opened afresh it shows the same total.
    const narrowed = await total(provider, 'provider-clients');
    await provider.goto(provider.url());
    await expect.poll(() => total(provider, 'provider-clients')).toBe(narrowed);
    await provider.context().close();

    const admin = await newPage(app);
    await signIn(admin, 'admin');
    await openMenu(admin, 'Erbjudanden och tidsfrister');
    await admin.locator('label', { hasText: /^Alla$/ }).click();
    await expect.poll(() => admin.url()).toContain('visa=alla');
    const offers = await pagesThrough(admin, 'offers', 'Sidor, erbjudanden', 'sida');
    await admin.locator('label', { hasText: /^Väntar på svar$/ }).click();
    await expect.poll(() => admin.url()).toContain('visa=vantar');
    await expect.poll(() => total(admin, 'offers')).toBeLessThan(offers);
    expect(await total(admin, 'offers')).toBeGreaterThan(2_000);
    await admin.context().close();
  });
});
