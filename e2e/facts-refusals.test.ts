/**
 * Every fact the engine pays for, entered by the role that knows it (issue #9 §4), and a run that
 * pays every placement it can and lists the ones it could not (§2): the case officer records
 * participation (a new, dated decision: 003), special accounting and a transition to work with
 * Swedish messages next to the fields; evening/night hours get the API's own Swedish refusal; a run with a refused placement
 * shows it first, the start page counts it, and approval needs an explicit confirmation.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlacementList } from '../src/contract/placements.js';
import { checkPage, newPage, openMenu, signIn, startApp, type TestApp } from './support.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** An ongoing placement of `service` that began before 2025, as the signed-in user sees it. */
async function ongoing(page: Page, service: string) {
  const res = await page.request.get(
    `/api/placements?service=${service}&status=ongoing&sort=start&limit=200`,
  );
  expect(res.status()).toBe(200);
  const list = (await res.json()) as PlacementList;
  const p = list.items.find((x) => x.end === null && x.noticeDate === null && x.start < '2025-01-01');
  if (!p) throw new Error(`no ongoing ${service} placement in the demo data`);
  return p;
}

/**
 * A daily-activity placement in Bromma (the demo has no daily-activity unit): the administrator
 * adds a unit and places a Bromma client there with the first level and hours per week.
 */
async function dailyActivityPlacement(): Promise<number> {
  const admin = await newPage(app);
  await signIn(admin, 'admin');
  const { csrfToken } = (await (await admin.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const unit = await admin.request.post('/api/providers/U001/units', {
    headers,
    data: { name: 'Dagliga verket', districtId: 'bromma', services: ['lss-daglig-verksamhet'] },
  });
  expect(unit.status()).toBe(201);
  const clients = (await (await admin.request.get('/api/clients?districtId=bromma&limit=1')).json()) as {
    items: { id: number }[];
  };
  // Placed the only way the API allows (FLOW-1): a decision, then the order makes the placement.
  const decision = await admin.request.post('/api/decisions', {
    headers,
    data: {
      clientId: clients.items[0]?.id,
      service: 'lss-daglig-verksamhet',
      from: '2025-01-01',
      hoursPerWeek: 20,
      decidedOn: '2024-12-15',
    },
  });
  expect(decision.status(), await decision.text()).toBe(201);
  const created = await admin.request.post(
    `/api/decisions/${((await decision.json()) as { id: number }).id}/orders`,
    {
      headers,
      data: {
        unitId: ((await unit.json()) as { id: number }).id,
        orderedOn: '2024-12-20',
        start: '2025-01-01',
        preliminaryLevel: { level: '1', assessedOn: '2024-12-15' },
      },
    },
  );
  expect(created.status(), await created.text()).toBe(201);
  const { placementId: id } = (await created.json()) as { placementId: number };
  await admin.context().close();
  return id;
}

describe('facts by role (issue #9 §4)', () => {
  it('a case officer records participation, special accounting and a transition to work', async () => {
    const id = await dailyActivityPlacement();
    const page = await newPage(app);
    await signIn(page, 'case_officer', `/placeringar/${id}`);

    const hours = page.getByTestId('fact-participation-hours');
    await hours.getByRole('heading', { name: 'Deltagande, timmar per vecka' }).waitFor();
    // A change of participation is a new, dated decision (003), registered from the placement.
    await hours.getByLabel('Gäller från').fill('2025-02-01');
    await hours.getByLabel(/^Timmar per vecka/).fill('90');
    await hours.getByRole('button', { name: 'Registrera nytt beslut' }).click();
    await hours.getByText('Timmar per vecka får vara högst 80.').waitFor();
    await hours.getByLabel(/^Timmar per vecka/).fill('22,5');
    await hours.getByLabel('Beslutsdatum').fill('2025-01-25');
    await hours.getByRole('button', { name: 'Registrera nytt beslut' }).click();
    await hours.getByText('Nytt beslut registrerat: omfattningen gäller från det datum du angav.').waitFor();
    await hours.getByRole('cell', { name: '22,5' }).waitFor();
    expect(await hours.getByRole('button', { name: /^Ta bort/ }).count()).toBe(0);

    const special = page.getByTestId('fact-special-accounting');
    await special.getByLabel('Gäller från').fill('2025-02-01');
    await special.getByLabel('Gäller till och med').fill('2025-01-31');
    await special.getByLabel('Belopp per enhet (kr)').fill('1 250,155');
    await special.getByRole('button', { name: 'Spara särskild redovisning' }).click();
    await special
      .getByText('Skriv beloppet i kronor med högst två decimaler, till exempel 1 250,50.')
      .waitFor();
    await special.getByText('Fyll i skäl och beslut.').waitFor();
    await special.getByLabel('Belopp per enhet (kr)').fill('1 250,15');
    await special.getByLabel('Skäl och beslut').fill('Beslut om särskild redovisning, fem kriterier (LVL-7)');
    await special.getByRole('button', { name: 'Spara särskild redovisning' }).click();
    await special.getByText('Slutdatum kan inte vara före startdatum.').waitFor();
    await special.getByLabel('Gäller till och med').fill('2025-02-28');
    await special.getByRole('button', { name: 'Spara särskild redovisning' }).click();
    await special.getByText('Särskild redovisning: sparat.').waitFor();
    await special.getByRole('cell', { name: '1\u00a0250,15\u00a0kr' }).waitFor();

    const transition = page.getByTestId('fact-transition-to-work');
    await transition.getByLabel('Första dag').fill('2025-03-01');
    await transition.getByLabel('Sista dag').fill('2025-09-15');
    await transition.getByRole('button', { name: 'Spara övergång till arbete' }).click();
    await transition
      .getByText('Övergång till arbete gäller högst sex månader, till och med 2025-08-31.')
      .waitFor();
    await transition.getByLabel('Sista dag').fill('2025-08-31');
    await transition.getByRole('button', { name: 'Spara övergång till arbete' }).click();
    await transition.getByText('Övergång till arbete: sparat.').waitFor();
    await transition.getByRole('cell', { name: '2025-08-31' }).waitFor();
    expect(await checkPage(page, 'placering-fakta')).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('evening/night hours are refused with the API’s Swedish message, then recorded', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');
    const p = await ongoing(page, 'sp-stodboende');
    await page.goto(`/placeringar/${p.id}`);
    const evening = page.getByTestId('fact-evening-hours');
    await evening.getByRole('heading', { name: 'Kvälls- och nattimmar' }).waitFor();
    // The day before the placement began: the domain's check answers 422 with a Swedish message.
    const before = new Date(Date.parse(`${p.start}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await evening.getByLabel('Datum').fill(before);
    await evening.getByLabel(/^Timmar/).fill('3');
    await evening.getByRole('button', { name: 'Rapportera timmar' }).click();
    const refusal = evening.locator('[role="alert"], .mantine-InputWrapper-error').first();
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/[åäö]|placering/i);
    await evening.getByLabel('Datum').fill('2025-05-10');
    await evening.getByLabel(/^Timmar/).fill('2,25');
    await evening.getByRole('button', { name: 'Rapportera timmar' }).click();
    await evening.getByText('Kvälls- och nattimmar: sparat.').waitFor();
    await evening.getByRole('cell', { name: '2025-05-10' }).first().waitFor();
    expect(await checkPage(page, 'placering-kvallstimmar')).toEqual([]);
    await page.context().close();
  }, 90_000);
});

describe('refused placements (issue #9 §2)', () => {
  it('a run lists the placement it could not pay first, the start page counts it, approval is confirmed', async () => {
    // A group-home placement whose level entries are gone (as in a register loaded before the
    // checks): the engine refuses it, the run pays the rest.
    // (One whose level entries no assessment case refers to.)
    const bad = (
      await sql<{ id: number }>`
        select p.id from placements p
        where p.service = 'lss-gruppbostad' and p.end_date is null and p.start_date <= '2025-06-01'
          and not exists (
            select 1 from assessment_cases a join level_entries l on l.id = a.level_entry_id
            where l.placement_id = p.id)
        order by p.id desc limit 1`.execute(app.database.db)
    ).rows[0]!;
    await sql`delete from level_entries where placement_id = ${bad.id}`.execute(app.database.db);

    const page = await newPage(app);
    await signIn(page, 'admin');
    await openMenu(page, 'Avräkning');
    await page.locator('input[name="month"]').fill('2025-06');
    await page.getByRole('button', { name: 'Starta körning' }).click();
    await page.getByText('Körningen är klar').waitFor({ timeout: 60_000 });
    await page.getByText(/1 placering kunde inte betalas; se listan/).waitFor();
    await page.getByRole('link', { name: 'Öppna körningen' }).click();

    const refused = page.getByTestId('run-refused');
    await refused.getByRole('heading', { name: 'Kunde inte betalas (1)' }).waitFor();
    // Shown first: before the totals per provider.
    const order = await page.locator('main h2').evaluateAll((hs) => hs.map((h) => h.textContent ?? ''));
    expect(order[0]).toMatch(/^Kunde inte betalas/);
    expect(await refused.innerText()).toContain(`Placering ${bad.id}`);
    expect(await refused.innerText()).toContain('level-missing');
    expect(await checkPage(page, 'korning-ej-betalda')).toEqual([]);
    const runUrl = page.url();

    // The start page counts it and leads to the runs, where the run's refusals are counted too.
    await openMenu(page, 'Start');
    const card = page.getByTestId('todo-run-refusals');
    await expect.poll(() => card.innerText()).toMatch(/^1\b/);
    await card.getByRole('link').click();
    await page.getByText('1 placering kunde inte betalas', { exact: true }).first().waitFor();
    await page.goto(runUrl);
    await page.getByTestId('run-refused').waitFor();

    // Approval needs the explicit confirmation (sent as confirmRefusals: true, audited).
    // A second person approves (four-eyes, issue #14 §3): a finance user, who sees the refusal
    // without the client.
    const finance = await newPage(app);
    await signIn(finance, 'finance', runUrl);
    await finance.getByTestId('run-refused').getByText(`Placering ${bad.id}`).waitFor();
    await finance.getByRole('button', { name: 'Godkänn avräkningen' }).click();
    const dialog = finance.getByRole('dialog', { name: 'Godkänn avräkningen?' });
    await dialog.waitFor();
    const approve = dialog.getByRole('button', { name: 'Ja, godkänn' });
    expect(await approve.isDisabled()).toBe(true);
    expect(await checkPage(finance, 'korning-godkann-ej-betalda')).toEqual([]);
    await dialog.getByRole('checkbox').check();
    expect(await approve.isDisabled()).toBe(false);
    await approve.click();
    await finance.getByText(/Avräkningen för juni 2025 är godkänd/).waitFor();
    expect(finance.url()).toBe(runUrl);
    await finance.context().close();
    await page.reload();

    // The refused placement's link opens it, to correct the facts.
    await page
      .getByTestId('run-refused')
      .getByRole('link', { name: `Placering ${bad.id}` })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Nivåer' }).waitFor();
    await page.context().close();
  }, 150_000);
});
