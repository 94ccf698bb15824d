/**
 * The assessment office's whole journey in the browser (issue #10 §11): a new placement notifies
 * the office (FLOW-1) and opens the final case; overdue cases on the start pages; two assessors
 * score blind and reconcile; the final level differs from the preliminary one and the next
 * approved run corrects the settled month (ASMT-8, PAY-9), shown on the client's levels page
 * reached from the client page; a special-accounting application decided (LVL-7); changed needs
 * reported by the case officer (ASMT-4); a start-up measurement with its progress (ASMT-6). axe on
 * every new page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeIdentity } from '../src/db/identity.js';
import { checkPage, newPage, openMenu, signIn, startApp, type TestApp } from './support.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

/** Calls the API as the page's signed-in user (with its CSRF token); throws on an error status. */
async function api<T>(page: Page, method: 'GET' | 'POST', url: string, data?: unknown): Promise<T> {
  const me = await page.request.get('/api/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
  if (res.status() >= 400) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Answers every item with the grade whose label starts with `grade`. */
async function gradeAll(page: Page, grade: number): Promise<void> {
  const groups = page.locator('form [role="radiogroup"]');
  const n = await groups.count();
  for (let i = 0; i < n; i++)
    await groups
      .nth(i)
      .getByLabel(new RegExp(`^${grade} `))
      .check();
}

/** Runs a month for Bromma as one user and approves it as another (four eyes, issue #14 §3). */
async function settle(starter: Page, approver: Page, month: string): Promise<void> {
  const run = await api<{ id: number }>(starter, 'POST', '/api/settlement-runs', {
    month,
    scope: { districtId: 'bromma' },
  });
  await api(approver, 'POST', `/api/settlement-runs/${run.id}/approve`, { confirmRefusals: true });
}

describe('assessment journey', () => {
  it('notification → blind scoring → reconciliation → a final level whose correction the client page shows', async () => {
    const db = app.database.db;
    const client = await db
      .insertInto('clients')
      .values({
        personnummer: '19700101-0010',
        identity_kind: 'personnummer',
        name: 'Nora Notis',
        district_id: 'bromma',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = (
      await db
        .selectFrom('units')
        .select(['id', 'services'])
        .where('provider_id', '=', 'U001')
        .orderBy('id')
        .execute()
    ).find((u) => u.services.includes('lss-gruppbostad'))!;

    // FLOW-1: the case officer enters the placement with the preliminary level; the office is told.
    const officer = await newPage(app);
    await signIn(officer, 'case_officer');
    // The decision, then the order makes the placement (the only door, FLOW-1).
    const decision = await api<{ id: number }>(officer, 'POST', '/api/decisions', {
      clientId: client.id,
      service: 'lss-gruppbostad',
      from: '2026-09-01',
      decidedOn: '2026-08-20',
    });
    const order = await api<{ placementId: number }>(
      officer,
      'POST',
      `/api/decisions/${decision.id}/orders`,
      {
        unitId: unit.id,
        orderedOn: '2026-08-25',
        start: '2026-09-01',
        preliminaryLevel: { points: 90, assessedOn: '2026-08-25' },
      },
    );
    const placement = { id: order.placementId };
    const kase = await db
      .selectFrom('assessment_cases')
      .select(['id', 'due_date'])
      .where('placement_id', '=', placement.id)
      .executeTakeFirstOrThrow();
    expect(kase.due_date).toBe('2026-12-01');

    // September is paid on the preliminary level and approved.
    const admin = await newPage(app);
    await signIn(admin, 'admin');
    const finance = await newPage(app);
    await signIn(finance, 'finance');
    await settle(finance, admin, '2026-09');

    // The start pages list overdue cases (the demo has some), for the office and the district.
    const a = await newPage(app);
    await signIn(a, 'assessor');
    await a.getByTestId('overdue-assessments').getByRole('table').waitFor();
    expect(await checkPage(a, 'start-bedomare')).toEqual([]);
    await officer.goto('/');
    await officer.getByTestId('overdue-assessments').waitFor();
    expect(await checkPage(officer, 'start-handlaggare')).toEqual([]);

    // Two assessors score blind and reconcile.
    await a.goto(`/bedomningar/${kase.id}`);
    await a.getByRole('heading', { name: 'Din bedömning' }).waitFor();
    await gradeAll(a, 1);
    await a.getByRole('button', { name: 'Lämna min bedömning' }).click();
    await a.getByText('Din bedömning är lämnad.').waitFor();
    const b = await newPage(app);
    await signIn(b, { username: 'bedomare2', password: 'bedomare-demo' }, `/bedomningar/${kase.id}`);
    await b.getByText(/dold tills båda har lämnat sin bedömning/).waitFor();
    await gradeAll(b, 2);
    await b.getByRole('button', { name: 'Lämna min bedömning' }).click();
    await b.getByRole('heading', { name: 'Avstämning' }).waitFor();
    await b.getByLabel(/Bedömningsdatum/).fill('2026-11-20');
    await b.getByRole('button', { name: 'Spara gemensam bedömning' }).click();
    await b.getByRole('heading', { name: 'Beslutad nivå' }).waitFor();

    // ASMT-8: the final level holds from the start; October's run reclaims September's difference.
    await settle(finance, admin, '2026-10');
    await officer.goto(`/klienter/${client.id}`);
    await officer.getByRole('link', { name: /^Nivåer och bedömningar/ }).click();
    await officer.getByRole('heading', { name: 'Nivåhistorik' }).waitFor();
    const history = officer.locator('section[aria-labelledby="levels-h"] tbody tr');
    await history.nth(1).waitFor();
    expect(await history.nth(1).innerText()).toContain('Bo Bedömare');
    expect(await history.nth(1).innerText()).toMatch(/\d+ rad(er)?, .+kr/);
    expect(await officer.locator('section[aria-labelledby="corr-h"]').innerText()).toContain('2026-09');
    expect(await checkPage(officer, 'klient-bedomningar-rattelse')).toEqual([]);
    for (const p of [a, b, admin, finance]) await p.context().close();

    // LVL-7: a special-accounting application with its cost calculation, then the decision.
    await officer.getByRole('link', { name: 'Ansökningar om individuell ersättning' }).click();
    await officer.getByRole('heading', { name: 'Ny ansökan' }).waitFor();
    expect(await checkPage(officer, 'ansokningar-tom')).toEqual([]);
    // Sent empty: each criterion says so next to itself, and the focus is on the first.
    await officer.getByRole('button', { name: 'Lämna in ansökan' }).click();
    await officer.getByText('5 av de fem kriterierna är inte ifyllda.').waitFor();
    await officer.getByText('Fyll i vidtagna åtgärder i bemanningen.').waitFor();
    expect(await officer.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('disability');
    for (const label of [
      'Funktionsnedsättning och beteende',
      'Vidtagna åtgärder i bemanningen',
      'Inne- och utemiljö',
      'Den enskildes historik',
      'Kostnadsberäkning (motivering)',
    ])
      await officer
        .getByRole('textbox', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
        .fill(`${label}: beskrivet`);
    await officer.getByRole('textbox', { name: /^Personaltimmar per år/ }).fill('1000');
    // Kronor typed the Swedish way, with a decimal comma (once read as 40 050 kr an hour).
    await officer.getByRole('textbox', { name: /^Timkostnad/ }).fill('400,50');
    await officer.getByRole('textbox', { name: /^Övriga kostnader/ }).fill('10000');
    await officer
      .getByTestId('cost-calculation')
      .getByText(/1\s000 timmar × 400,50\skr \+ 10\s000\skr = 410\s500\skr per år/)
      .waitFor();
    await officer.getByRole('button', { name: 'Lämna in ansökan' }).click();
    await officer.getByText('Särskild redovisning, Gruppbostad (LSS): Inlämnad, ej beslutad').waitFor();
    await officer.getByRole('textbox', { name: /^Belopp per dygn/ }).fill('1500,50');
    await officer.getByRole('textbox', { name: /^Från/ }).fill('2026-12-01');
    await officer.getByRole('textbox', { name: /^Motivering/ }).fill('Kostnaden ryms inte i nivån');
    await officer.getByRole('button', { name: 'Spara beslut' }).click();
    await officer.getByText(/Beviljad: 1\s500,50\skr per dygn från/).waitFor();
    expect(await checkPage(officer, 'ansokningar-beslut')).toEqual([]);

    // ASMT-4: the case officer reports changed needs with the reason; a reassessment case opens.
    await officer.getByRole('link', { name: 'Till klientens nivåer och bedömningar' }).click();
    await officer.getByRole('heading', { name: /^Anmäl förändrade behov/ }).waitFor();
    await officer.getByRole('button', { name: 'Anmäl förändrade behov' }).click();
    await officer.getByText('Skriv vad som har förändrats.').waitFor();
    await officer.getByRole('textbox', { name: /^Vad har förändrats/ }).fill('Behöver stöd nattetid');
    await officer.getByRole('button', { name: 'Anmäl förändrade behov' }).click();
    await officer
      .getByRole('status')
      .getByText(/Ärendet är öppnat/)
      .waitFor();
    await officer
      .locator('section[aria-labelledby="cases-h"]')
      .getByText(/Förändrade behov, /)
      .waitFor();
    expect(await checkPage(officer, 'forandrade-behov')).toEqual([]);
    await officer.context().close();
  });

  it('a start-up measurement runs as one job with a progress bar, and its campaign is followed', async () => {
    const page = await newPage(app);
    await signIn(page, 'assessor', '/bedomningar');
    await page.getByRole('link', { name: 'Uppstartsmätning' }).click();
    await page.getByRole('heading', { name: 'Starta en uppstartsmätning' }).waitFor();
    expect(await checkPage(page, 'uppstart')).toEqual([]);
    await page.getByRole('textbox', { name: /^Ny modell/ }).click();
    await page.getByRole('option', { name: /^Socialpsykiatri, ersättningsmodell från 2010/ }).click();
    await page.getByRole('button', { name: 'Starta uppstartsmätning' }).click();
    await page.getByTestId('startup-job').getByRole('progressbar').waitFor();
    await page.getByText(/Klart: [\d\s\u00a0]+ nya mätningsärenden/).waitFor({ timeout: 60_000 });
    await page
      .getByTestId('campaigns')
      .getByRole('cell', { name: 'Socialpsykiatri, ersättningsmodell från 2010', exact: true })
      .waitFor();
    expect(await checkPage(page, 'uppstart-klar')).toEqual([]);
    await page.context().close();
  });

  it('transition to work: the provider records a workplace visit, the case officer sees it (SVC-4)', async () => {
    const admin = await newPage(app);
    await signIn(admin, 'admin');
    const unit = await api<{ id: number }>(admin, 'POST', '/api/providers/U001/units', {
      name: 'Arbetsgården',
      services: ['lss-daglig-verksamhet'],
    });
    const client = await api<{ id: number }>(admin, 'POST', '/api/clients', {
      personnummer: makeIdentity('19850505', 8),
      name: 'Ove Övergång',
      districtId: 'bromma',
    });
    // Placed the only way the API allows (FLOW-1): a decision, then an order.
    const daily = await api<{ id: number }>(admin, 'POST', '/api/decisions', {
      clientId: client.id,
      service: 'lss-daglig-verksamhet',
      from: '2026-01-01',
      hoursPerWeek: 30,
      decidedOn: '2026-01-01',
    });
    const ordered = await api<{ placementId: number }>(admin, 'POST', `/api/decisions/${daily.id}/orders`, {
      unitId: unit.id,
      orderedOn: '2026-01-01',
      start: '2026-01-01',
      preliminaryLevel: { points: 40, assessedOn: '2026-01-01' },
    });
    const placement = { id: ordered.placementId };
    await api(admin, 'POST', `/api/placements/${placement.id}/transition-to-work`, {
      from: '2026-09-15',
      to: '2027-03-14',
      reason: 'Anställd på lagret',
    });
    await admin.context().close();

    const provider = await newPage(app);
    await signIn(provider, 'provider');
    await openMenu(provider, 'Övergång till arbete');
    // The list is a table (issue #14 §1): the client's row, with the six-month limit (SVC-4).
    const card = provider.getByRole('row', { name: /Ove Övergång/ });
    await card.waitFor();
    expect(await card.innerText()).toContain('2027-03-14');
    expect(await checkPage(provider, 'overgang-utforare')).toEqual([]);
    await card.getByRole('textbox', { name: /^Besöksdag/ }).fill('2026-10-02');
    await card.getByRole('textbox', { name: /^Anteckning/ }).fill('Träffade arbetsledaren');
    await card.getByRole('button', { name: 'Spara besöket' }).click();
    await card.getByText(/Träffade arbetsledaren/).waitFor();
    await provider.context().close();

    const officer = await newPage(app);
    await signIn(officer, 'case_officer', '/overgang-till-arbete');
    await officer
      .getByRole('row', { name: /Ove Övergång/ })
      .getByText(/Träffade arbetsledaren/)
      .waitFor();
    expect(await checkPage(officer, 'overgang-handlaggare')).toEqual([]);
    await officer.context().close();
  });
});
