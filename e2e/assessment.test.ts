/**
 * The assessment office in the browser (issue #10 §11): the work list, two assessors scoring the
 * same case blind, the reconciliation and the agreed level, and the agreement statistics; axe on
 * every page.
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

describe('assessment office', () => {
  it('work list, blind scoring by two assessors, reconciliation, agreed level, statistics', async () => {
    const db = app.database.db;
    const client = await db
      .insertInto('clients')
      .values({
        personnummer: '19700101-0001',
        identity_kind: 'personnummer',
        name: 'Eva Exempel',
        district_id: 'bromma',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = (
      await db.selectFrom('units').select(['id', 'provider_id', 'services']).orderBy('id').execute()
    ).find((u) => u.services.includes('lss-gruppbostad'))!;
    const p = await db
      .insertInto('placements')
      .values({
        client_id: client.id,
        unit_id: unit.id,
        provider_id: unit.provider_id,
        service: 'lss-gruppbostad',
        regime: 'kommunal',
        start_date: '2026-10-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('level_entries')
      .values({
        placement_id: p.id,
        from_date: '2026-10-01',
        points: 30,
        kind: 'preliminary',
        assessed_on: '2026-09-25',
      })
      .execute();
    const c = await db
      .insertInto('assessment_cases')
      .values({
        placement_id: p.id,
        client_id: client.id,
        service: 'lss-gruppbostad',
        kind: 'final',
        opened_on: '2026-09-25',
        due_date: '2027-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const a = await newPage(app);
    await signIn(a, 'assessor');
    await openMenu(a, 'Bedömningar');
    await a.getByRole('heading', { name: 'Arbetslista' }).waitFor();
    expect(await checkPage(a, 'bedomningar')).toEqual([]);

    await a.goto(`/bedomningar/${c.id}`);
    await a.getByRole('heading', { name: 'Din bedömning' }).waitFor();
    expect(await checkPage(a, 'bedomning-oppen')).toEqual([]);
    // Unanswered questions: each one says so, and the focus is on the first of them.
    const groups = a.locator('form [role="radiogroup"]');
    await groups.first().getByLabel(/^1 /).check();
    await a.getByRole('button', { name: 'Lämna min bedömning' }).click();
    await a.getByText(/^\d+ frågor saknar svar, till exempel ”/).waitFor();
    expect(await a.getByText('Svara på frågan.').count()).toBe((await groups.count()) - 1);
    expect(await groups.nth(1).evaluate((g) => g.contains(document.activeElement))).toBe(true);
    await gradeAll(a, 1);
    expect(await a.getByText('Svara på frågan.').count()).toBe(0);
    await a.getByRole('button', { name: 'Lämna min bedömning' }).click();
    await a.getByText('Din bedömning är lämnad.').waitFor();

    const b = await newPage(app);
    // The second demo assessor has no role of its own in support.ts.
    await signIn(b, { username: 'bedomare2', password: 'bedomare-demo' }, `/bedomningar/${c.id}`);
    await b.getByText(/dold tills båda har lämnat sin bedömning/).waitFor();
    await gradeAll(b, 2);
    await b.getByRole('button', { name: 'Lämna min bedömning' }).click();
    await b.getByRole('heading', { name: 'Avstämning' }).waitFor();
    await b.getByText(/Frågor där bedömningarna skiljer sig/).waitFor();
    expect(await checkPage(b, 'bedomning-avstamning')).toEqual([]);
    // Saved without a date: the button is not dead, the field says what is missing.
    await b.getByRole('button', { name: 'Spara gemensam bedömning' }).click();
    await b.getByText('Fyll i bedömningsdatum.').waitFor();
    await b.getByLabel(/Bedömningsdatum/).fill('2026-11-31');
    await b.getByText('Bedömningsdatum finns inte i kalendern.').waitFor();
    await b.getByLabel(/Bedömningsdatum/).fill('2026-11-20');
    await b.getByRole('button', { name: 'Spara gemensam bedömning' }).click();
    await b.getByRole('heading', { name: 'Beslutad nivå' }).waitFor();
    const decided = await b.locator('main').innerText();
    expect(decided).toContain('lss-bostad-2024');
    expect(await checkPage(b, 'bedomning-avgjord')).toEqual([]);

    await b.goto('/bedomningar/statistik');
    await b.getByRole('heading', { name: 'Per bedömarpar' }).waitFor();
    expect(await b.locator('main').innerText()).toContain('Bo Bedömare och Britt Bedömare');
    expect(await checkPage(b, 'bedomningar-statistik')).toEqual([]);
    await a.context().close();
    await b.context().close();
  });
});

describe('questionnaire and the client record', () => {
  it('the provider answers the questionnaire; the case officer reads the client’s levels', async () => {
    const db = app.database.db;
    const unit = (
      await db
        .selectFrom('units')
        .select(['id', 'services'])
        .where('provider_id', '=', 'U001')
        .orderBy('id')
        .execute()
    ).find((u) =>
      ['lss-gruppbostad', 'lss-servicebostad', 'sp-boende', 'sp-stodboende', 'sp-boendestod'].some((s) =>
        u.services.includes(s),
      ),
    )!;
    const service = [
      'lss-gruppbostad',
      'lss-servicebostad',
      'sp-boende',
      'sp-stodboende',
      'sp-boendestod',
    ].find((s) => unit.services.includes(s))!;
    const client = await db
      .insertInto('clients')
      .values({
        personnummer: '19700101-0002',
        identity_kind: 'personnummer',
        name: 'Frida Formulär',
        district_id: 'bromma',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const p = await db
      .insertInto('placements')
      .values({
        client_id: client.id,
        unit_id: unit.id,
        provider_id: 'U001',
        service,
        regime: 'privat',
        start_date: '2026-10-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('level_entries')
      .values({
        placement_id: p.id,
        from_date: '2026-10-01',
        level: '1',
        kind: 'preliminary',
        assessed_on: '2026-09-25',
      })
      .execute();
    const kase = await db
      .insertInto('assessment_cases')
      .values({
        placement_id: p.id,
        client_id: client.id,
        service,
        kind: 'final',
        opened_on: '2026-09-25',
        due_date: '2027-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const provider = await newPage(app);
    await signIn(provider, 'provider');
    await openMenu(provider, 'Frågeformulär');
    expect(await checkPage(provider, 'fragor')).toEqual([]);
    await provider.getByRole('link', { name: 'Frida Formulär' }).click();
    await provider.getByRole('button', { name: 'Spara svaren' }).waitFor();
    await provider.getByRole('textbox').first().fill('Behöver stöd vid alla måltider');
    await provider.getByRole('button', { name: 'Spara svaren' }).click();
    await provider.getByText('Svaren är sparade.').waitFor();
    expect(await checkPage(provider, 'fragor-formular')).toEqual([]);

    const assessor = await newPage(app);
    await signIn(assessor, 'assessor', `/bedomningar/${kase.id}`);
    await assessor.getByText(/Behöver stöd vid alla måltider/).waitFor();
    await assessor.context().close();

    const officer = await newPage(app);
    await signIn(officer, 'case_officer', `/klienter/${client.id}/bedomningar`);
    await officer.getByRole('heading', { name: 'Nivåhistorik' }).waitFor();
    expect(await officer.locator('main').innerText()).toContain('Slutlig bedömning');
    expect(await checkPage(officer, 'klient-bedomningar')).toEqual([]);
    await provider.context().close();
    await officer.context().close();
  });
});
