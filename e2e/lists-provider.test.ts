/**
 * Lists at scale, second part (issue #14 §8, §1): with more than 10 000 placements at the signed-in
 * provider's unit and more than 10 000 offers in the city, the provider portal's client list and
 * the office's Erbjudanden each show the true total, render one page (never more than a few
 * hundred rows), page forward and back by the server's cursors, and narrow with a filter kept in
 * the address. One app start and one browser for both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, openMenu, signIn, startApp, type TestApp } from './support.js';
import { CHUNK, insertBulkClients, listTotal as total, pagesThrough, ROWS } from './list-scale.js';

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
  for (let from = 0; from < ROWS; from += CHUNK) {
    const n = Math.min(CHUNK, ROWS - from);
    const index = Array.from({ length: n }, (_, k) => from + k);
    const clients = await insertBulkClients(db, index, { born: '1941-01-01', serial: 950, districts });
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

describe('lists of more than 10 000 rows, second part', () => {
  it("page and filter the provider's placements and the office's offers", async () => {
    const provider = await newPage(app);
    await signIn(provider, 'provider');
    await openMenu(provider, 'Min verksamhet');
    const placements = await pagesThrough(provider, 'provider-clients', { pager: 'Sidor, klienter' });
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
    const offers = await pagesThrough(admin, 'offers', { pager: 'Sidor, erbjudanden' });
    await admin.locator('label', { hasText: /^Väntar på svar$/ }).click();
    await expect.poll(() => admin.url()).toContain('visa=vantar');
    await expect.poll(() => total(admin, 'offers')).toBeLessThan(offers);
    expect(await total(admin, 'offers')).toBeGreaterThan(2_000);
    await admin.context().close();
  });
});
