/**
 * Lists at scale, second part (issue #14 §8, §1): with more than 10 000 placements at the signed-in
 * provider's unit and more than 10 000 offers in the city, the provider portal's client list and
 * the office's Erbjudanden each show the true total, render one page (never more than a few
 * hundred rows), page forward and back by the server's cursors, and narrow with a filter kept in
 * the address; and among them the absence form finds any of the provider's own placements by the
 * client's name on the server (never a protected client by its own name, never another
 * provider's). One app start and one browser for all, every new view checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, newPage, openMenu, signIn, startApp, type TestApp } from './support.js';
import { CHUNK, insertBulkClients, listTotal as total, pagesThrough, ROWS } from './list-scale.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const districts = (await db.selectFrom('districts').select('id').orderBy('id').execute()).map((d) => d.id);
  // The first unit of the demo provider account's provider (U001), or of another provider.
  const unitOf = (op: '=' | '<>') =>
    db
      .selectFrom('units')
      .innerJoin('providers', 'providers.id', 'units.provider_id')
      .select(['units.id', 'units.provider_id', 'providers.regime'])
      .where('units.provider_id', op, 'U001')
      .orderBy('units.id')
      .executeTakeFirstOrThrow();
  const unit = await unitOf('=');
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
  // Beyond every first page: one of the provider's own, its protected client and another
  // provider's client, all with one surname, for the absence form's name search.
  const other = await unitOf('<>');
  const named = await insertBulkClients(db, [0, 1, 2], {
    born: '1942-02-02',
    serial: 960,
    districts: ['bromma'],
    name: (i) => ['Zäta Frånvarosson', 'Hemlig Frånvarosson', 'Annan Frånvarosson'][i]!,
  });
  await db.updateTable('clients').set({ protected_identity: true }).where('id', '=', named[1]!.id).execute();
  await db
    .insertInto('placements')
    .values(
      named.map((c, k) => ({
        client_id: c.id,
        unit_id: k === 2 ? other.id : unit.id,
        provider_id: k === 2 ? other.provider_id : unit.provider_id,
        service: 'lss-gruppbostad',
        regime: k === 2 ? other.regime : unit.regime,
        start_date: '2024-03-01',
      })),
    )
    .execute();
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

  it("finds any of the provider's own placements by name in the absence form, never a protected name", async () => {
    const page = await newPage(app);
    await signIn(page, 'provider');
    await openMenu(page, 'Min verksamhet');
    await page.getByTestId('provider-clients').waitFor();
    const picker = page.getByRole('textbox', { name: 'Placering' });
    const options = page.getByRole('option');
    // Only the provider's own placement by that name: not the protected client (its name is
    // hidden) and not another provider's.
    await picker.fill('Frånvarosson');
    await options.filter({ hasText: /^Zäta Frånvarosson, / }).waitFor();
    await expect.poll(() => options.count()).toBe(1);
    await picker.fill('Hemlig');
    await page.getByText('Ingen placering matchar').waitFor();
    // As the provider is shown it, the protected client is found: masked.
    await picker.fill('skyddad');
    await options
      .filter({ hasText: /^Skyddad identitet, / })
      .first()
      .waitFor();
    await expect.poll(() => options.filter({ hasNotText: /^Skyddad identitet, / }).count()).toBe(0);
    expect(await checkPage(page, 'utforare-sok-placering')).toEqual([]);

    await picker.fill('zäta frånv');
    await options.filter({ hasText: /^Zäta Frånvarosson, / }).click();
    await page.getByRole('form', { name: /^Rapportera frånvaro för Zäta Frånvarosson, / }).waitFor();
    // Its reports and form open (settlement-provider.test.ts submits an absence through it).
    await page.getByText('Rapporterad frånvaro').waitFor();
    expect(await checkPage(page, 'utforare-sokt-franvaro')).toEqual([]);
    await page.context().close();
  }, 180_000);
});
