/**
 * The assessment office's lists at scale (issue #14 §8, §1): with more than 10 000 assessment
 * cases and rate applications in the server's database, the work list (/bedomningar) and the
 * office-wide applications (/ansokningar) show their true totals, render one page of rows (never
 * more than a few hundred), page forward and back by the server's cursors, and a filter chosen on
 * the page narrows the total and stands in the address, so the view can be bookmarked. One
 * client's own applications (/klienter/:id/ansokningar) page the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, openMenu, signIn, startApp, type TestApp } from './support.js';
import { CHUNK, insertBulkClients, listTotal as total, MOST, pagesThrough, ROWS } from './list-scale.js';

/** Cases due in the future (the default work list "Att göra") and overdue ones besides. */
const OVERDUE = 1_500;

let app: TestApp;
/** A client with more applications than one page holds (their own page pages, issue #14 §1). */
const OWN = 60;
let busyClientId = 0;
let districtName = '';
beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const districts = await db.selectFrom('districts').select(['id', 'name']).orderBy('id').execute();
  districtName = districts[0]!.name;
  const unit = await db
    .selectFrom('units')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .select(['units.id', 'units.provider_id', 'providers.regime'])
    .orderBy('units.id')
    .executeTakeFirstOrThrow();
  for (let from = 0; from < ROWS + OVERDUE; from += CHUNK) {
    const n = Math.min(CHUNK, ROWS + OVERDUE - from);
    const index = Array.from({ length: n }, (_, k) => from + k);
    const clients = await insertBulkClients(db, index, {
      born: '1945-01-01',
      serial: 977,
      districts: districts.map((d) => d.id),
      name: (i) => `Bedömd ${String(i).padStart(5, '0')}`,
    });
    const placements = await db
      .insertInto('placements')
      .values(
        clients.map((c) => ({
          client_id: c.id,
          unit_id: unit.id,
          provider_id: unit.provider_id,
          service: 'lss-gruppbostad',
          regime: unit.regime,
          start_date: '2024-03-01',
        })),
      )
      .returning(['id', 'client_id'])
      .execute();
    await db
      .insertInto('assessment_cases')
      .values(
        placements.map((p, k) => ({
          placement_id: p.id,
          client_id: p.client_id,
          service: 'lss-gruppbostad',
          kind: 'final' as const,
          opened_on: '2024-03-01',
          due_date: from + k < ROWS ? '2099-06-30' : '2020-06-30',
        })),
      )
      .execute();
    if (from < ROWS)
      await db
        .insertInto('rate_applications')
        .values(
          placements.slice(0, Math.min(n, ROWS - from)).map((p, k) => ({
            placement_id: p.id,
            client_id: p.client_id,
            kind: 'special-accounting' as const,
            criteria: JSON.stringify({ disability: 'Dubbelbemanning' }),
            staff_hours_per_year: 100,
            hourly_cost_ore: 40_000,
            other_costs_ore: 0,
            annual_cost_ore: 4_000_000,
            orderer_provider_agreed: false,
            state: (['submitted', 'granted', 'refused'] as const)[k % 3]!,
          })),
        )
        .execute();
  }
  const busy = await db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .select(['placements.id', 'placements.client_id'])
    .where('clients.name', '=', 'Bedömd 00000')
    .executeTakeFirstOrThrow();
  busyClientId = busy.client_id;
  await db
    .insertInto('rate_applications')
    .values(
      Array.from({ length: OWN }, (_, k) => ({
        placement_id: busy.id,
        client_id: busy.client_id,
        kind: 'special-accounting' as const,
        criteria: JSON.stringify({ disability: `Ansökan ${k}` }),
        staff_hours_per_year: 100,
        hourly_cost_ore: 40_000,
        other_costs_ore: 0,
        annual_cost_ore: 4_000_000,
        orderer_provider_agreed: false,
        state: k % 2 ? ('refused' as const) : ('granted' as const),
        // Older than the rest, so the office-wide list's newest pages still differ row by row.
        created_at: new Date(Date.UTC(2020, 0, 1, 0, k)),
      })),
    )
    .execute();
});
afterAll(async () => {
  await app?.close();
});

describe('the assessment office with more than 10 000 cases and applications', () => {
  it('pages and filters the work list and the applications; a filtered view survives a reload', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');

    await openMenu(page, 'Bedömningar');
    const due = await pagesThrough(page, 'cases');
    await page.getByRole('textbox', { name: 'Stadsdel' }).click();
    await page.getByRole('option', { name: districtName, exact: true }).click();
    await expect.poll(() => page.url()).toContain('stadsdel=');
    await expect.poll(() => total(page, 'cases')).toBeLessThan(due);
    expect(await total(page, 'cases')).toBeGreaterThan(100);
    // The overdue list as a bookmark: the address alone gives the view.
    await page.goto(`${app.url}/bedomningar?lista=overdue`);
    await expect.poll(() => total(page, 'cases')).toBeGreaterThanOrEqual(OVERDUE);
    expect(await total(page, 'cases')).toBeLessThan(due);
    expect(await page.getByTestId('cases').locator('tbody tr').count()).toBeLessThanOrEqual(MOST);

    await openMenu(page, 'Ansökningar om ersättning');
    const applications = await pagesThrough(page, 'rate-applications');
    await page.getByRole('textbox', { name: 'Läge' }).click();
    await page.getByRole('option', { name: 'Beviljad' }).click();
    await expect.poll(() => page.url()).toContain('lage=beviljade');
    await expect.poll(() => total(page, 'rate-applications')).toBeLessThan(applications);
    expect(await total(page, 'rate-applications')).toBeGreaterThan(3_000);
    await page.reload();
    await expect.poll(() => total(page, 'rate-applications')).toBeLessThan(applications);

    // One client's applications: a page at a time with the true total, the state in the address.
    await page.goto(`${app.url}/klienter/${busyClientId}/ansokningar`);
    await expect.poll(() => total(page, 'client-rate-applications')).toBe(OWN + 1);
    const own = page.getByTestId('client-rate-applications').locator('tbody tr');
    expect(await own.count()).toBe(50);
    await page.getByRole('button', { name: 'Nästa sida' }).click();
    await expect.poll(() => own.count()).toBe(OWN + 1 - 50);
    expect(page.url()).toContain('sida=');
    await page.getByRole('textbox', { name: 'Läge' }).click();
    await page.getByRole('option', { name: 'Avslagen' }).click();
    await expect.poll(() => page.url()).toContain('lage=avslagna');
    await expect.poll(() => total(page, 'client-rate-applications')).toBeLessThan(OWN);
  });
});
