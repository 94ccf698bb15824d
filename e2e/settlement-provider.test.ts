/**
 * The settlement journey (issue #6 step 4): an administrator starts a run for a month and sees
 * its progress, opens the run, drills down to a provider's specification and a line's
 * explanation, exports CSV, and a finance user approves (four-eyes); then the provider portal (step 6): own units and
 * clients, an absence report and the monthly specification. Every page is checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, newPage, openMenu, signIn, startApp, type TestApp } from './support.js';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

const MONTH = '2025-03';

describe('settlement', () => {
  it('runs, explains a line, exports and approves a month', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');
    await openMenu(page, 'Avräkning');
    expect(await page.title()).toBe('Avräkning – Ersättning');
    expect(await checkPage(page, 'avrakning')).toEqual([]);

    // A bad month is explained next to the field.
    await page.locator('input[name="month"]').fill('2025-3');
    await page.getByRole('button', { name: 'Starta körning' }).click();
    await page.getByText('Skriv månaden som ÅÅÅÅ-MM, till exempel 2024-03.').waitFor();

    await page.locator('input[name="month"]').fill(MONTH);
    await page.getByRole('button', { name: 'Starta körning' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByText('Körningen är klar').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Öppna körningen' }).click();
    await page.getByRole('heading', { name: 'Avräkning mars 2025', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Per utförare' }).waitFor();
    expect(await page.getByTestId('run-total').innerText()).toMatch(/^Summa: [\d\u00a0 ]+(,\d\d)?\u00a0kr$/);
    expect(await checkPage(page, 'avrakning-korning')).toEqual([]);
    const runUrl = page.url();

    // Drill down to the first provider's specification and one line's explanation.
    await page.locator('section[aria-labelledby="prov-h"] a').first().click();
    await page.getByTestId('spec-lines').waitFor();
    expect(await page.title()).toMatch(/^Specifikation .*, mars 2025 – Ersättning$/);
    expect(await checkPage(page, 'specifikation')).toEqual([]);
    // The sum row is the server's sum of every line matching; the kind filter is in the address.
    expect(await page.getByTestId('spec-sum').innerText()).toMatch(/^[\d\u00a0 ]+,\d\d\u00a0kr$/);
    await page.getByRole('textbox', { name: 'Typ av rad' }).click();
    await page.getByRole('option', { name: 'ordinarie', exact: true }).click();
    await page.waitForURL(/[?&]typ=ordinary/);
    // The district filter narrows the same lines; both filters stay in the address.
    await page.getByRole('textbox', { name: 'Stadsdel' }).click();
    await page.getByRole('option').first().click();
    await page.waitForURL(/[?&]stadsdel=[a-z0-9-]+/);
    expect(page.url()).toMatch(/[?&]typ=ordinary/);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('stadsdel='));
    await page
      .getByTestId('spec-lines-total')
      .getByText(/rader?\b/)
      .waitFor();
    await page
      .getByRole('button', { name: /^Visa förklaring/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Förklaring av raden' });
    await dialog.waitFor();
    const explanation = await dialog.innerText();
    expect(explanation).toContain('Beräkning');
    expect(explanation).toMatch(/PAY-\d+/);
    expect(explanation).toContain(' kr');
    expect(await checkPage(page, 'specifikation-forklaring')).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The CSV export is a real download with the Swedish header row.
    const href = await page.getByRole('link', { name: 'Exportera CSV' }).getAttribute('href');
    const csv = await page.request.get(href ?? '');
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Belopp (kr, öre)');
    const xlsxHref = await page.getByRole('link', { name: 'Exportera Excel (XLSX)' }).getAttribute('href');
    const xlsx = await page.request.get(xlsxHref ?? '');
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK'); // a zip container

    // Approve after confirming in a dialog, by a second person (four-eyes, issue #14 §3): the
    // admin who started the run reads who approves; a finance user approves and exports.
    await page.goto(runUrl);
    await page.getByTestId('four-eyes').waitFor();
    expect(await page.getByRole('button', { name: 'Godkänn avräkningen' }).count()).toBe(0);
    const finance = await newPage(app);
    await signIn(finance, 'finance', runUrl);
    await finance.getByRole('button', { name: 'Godkänn avräkningen' }).click();
    await finance.getByRole('dialog', { name: 'Godkänn avräkningen?' }).waitFor();
    await finance.getByRole('button', { name: 'Ja, godkänn' }).click();
    await finance.getByText(/Avräkningen för mars 2025 är godkänd/).waitFor();
    await finance.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await finance.locator('main').innerText()).toContain('godkänd');
    expect(await checkPage(finance, 'avrakning-godkand')).toEqual([]);
    await finance.getByRole('button', { name: 'Markera som exporterad till utbetalning' }).click();
    await finance.getByText('Körningen är markerad som exporterad.').waitFor();
    await finance.getByText('exporterad', { exact: true }).waitFor();
    await finance.context().close();
    await page.reload();
    await page.getByText('exporterad', { exact: true }).waitFor();

    // A late-reported move-out in the approved month: the next run corrects March (PAY-9).
    await page.goBack(); // the specification
    await page.getByTestId('spec-lines').waitFor();
    const fullMonth = page
      .getByTestId('spec-lines')
      .locator('tbody tr', { hasText: '2025-03-01 – 2025-03-31' })
      .filter({ hasText: 'ordinarie' });
    await fullMonth.first().getByRole('link').click();
    await page.getByRole('button', { name: 'Spara ändringar' }).waitFor();
    await page.getByLabel('Slutdatum').fill('2025-03-15');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await page.getByText('Placeringen är sparad.').waitFor();

    // The client's record shows the approved payment for March (ASMT-9: everything in one place).
    await page.getByRole('link', { name: 'Till klienten' }).click();
    const payments = page.locator('section[aria-labelledby="payments-h"]');
    // The month in words, as on every other page (it was shown as 2025-03).
    await payments.getByRole('link', { name: 'mars 2025' }).first().waitFor();
    expect(await payments.innerText()).toMatch(/godkänd|exporterad/);

    await openMenu(page, 'Avräkning');
    await page.locator('input[name="month"]').fill('2025-04');
    await page.getByRole('button', { name: 'Starta körning' }).click();
    await page.getByText('Körningen är klar').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Öppna körningen' }).click();
    await page.getByText(/Varav rättelser av tidigare månader/).waitFor();
    await page.locator('section[aria-labelledby="prov-h"] a').first().click();
    await page.getByTestId('spec-lines').waitFor();
    const correction = page.getByTestId('spec-lines').locator('tbody tr', { hasText: 'rättar 2025-03' });
    await correction.first().waitFor();
    await correction
      .first()
      .getByRole('button', { name: /^Visa förklaring/ })
      .click();
    const why = page.getByRole('dialog', { name: 'Förklaring av raden' });
    await why.waitFor();
    expect(await why.innerText()).toMatch(/Rättelse av mars 2025/);
    expect(await checkPage(page, 'rattelse-forklaring')).toEqual([]);
    await page.keyboard.press('Escape');

    // The run list filters by month as it is typed.
    await openMenu(page, 'Avräkning');
    await page
      .getByRole('link', { name: /^mars 2025/ })
      .first()
      .waitFor();
    await page.getByRole('textbox', { name: /^Visa månad/ }).pressSequentially('2025-04');
    await page
      .getByRole('link', { name: /^april 2025/ })
      .first()
      .waitFor();
    await expect.poll(() => page.getByRole('link', { name: /^mars 2025/ }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: /^april 2025/ }).count()).toBeGreaterThan(0);
    await page.context().close();
  }, 180_000);
});

describe('provider portal', () => {
  it('shows own units and clients, takes an absence report and lists the specifications', async () => {
    const page = await newPage(app);
    await signIn(page, 'provider');
    await openMenu(page, 'Min verksamhet');
    await page.getByTestId('provider-clients').waitFor();
    expect(await checkPage(page, 'utforare')).toEqual([]);

    // An ongoing placement that started before the absence (May 2025), found by its client's
    // name among all the provider's placements (the one last in name order: on no first page).
    const ongoing = await app.database.db
      .selectFrom('placements')
      .innerJoin('clients', 'clients.id', 'placements.client_id')
      .select('clients.name')
      .where('placements.provider_id', '=', 'U001')
      .where('placements.end_date', 'is', null)
      .where('placements.no_show', '=', false)
      .where('placements.start_date', '<', '2025-01-01')
      .where('clients.protected_identity', '=', false)
      .orderBy('clients.name', 'desc')
      .executeTakeFirstOrThrow();
    await page.getByRole('textbox', { name: 'Placering' }).fill(ongoing.name);
    await page
      .getByRole('option', { name: /\(20(1\d|2[0-4])-\d\d-\d\d – pågår\)$/ })
      .filter({ hasText: `${ongoing.name}, ` })
      .first()
      .click();
    await page.getByLabel('Första frånvarodag').fill('2025-05-05');
    await page.getByLabel('Sista frånvarodag').fill('2025-05-04');
    await page.getByRole('button', { name: 'Rapportera frånvaro' }).click();
    await page.getByText('Sista frånvarodag kan inte vara före första.').waitFor();
    await page.getByLabel('Sista frånvarodag').fill('2025-05-07');
    await page.getByRole('button', { name: 'Rapportera frånvaro' }).click();
    await page.getByText('Frånvaron 2025-05-05 – 2025-05-07 är rapporterad.').waitFor();
    await page.getByRole('cell', { name: '2025-05-07' }).first().waitFor(); // listed among the reported
    expect(await checkPage(page, 'utforare-franvaro')).toEqual([]);
    // A wrong report is removed (FLOW-5), to be reported again.
    const removeAbsence = page.getByRole('button', { name: 'Ta bort frånvaron 2025-05-05 – 2025-05-07' });
    await removeAbsence.click();
    await removeAbsence.waitFor({ state: 'detached' });
    expect(
      await app.database.db
        .selectFrom('absences')
        .innerJoin('placements', 'placements.id', 'absences.placement_id')
        .innerJoin('clients', 'clients.id', 'placements.client_id')
        .select('absences.id')
        .where('clients.name', '=', ongoing.name)
        .where('absences.from_date', '=', '2025-05-05')
        .execute(),
    ).toEqual([]);

    // A client's name in the attendance table chooses that placement in the absence form.
    const attendee = page.getByTestId('attendance').locator('tbody a').first();
    const attendeeName = await attendee.innerText();
    await attendee.click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Placering' }).inputValue())
      .toMatch(new RegExp(`^${attendeeName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
    await page.getByLabel('Första frånvarodag').waitFor();

    // The approved run's specification is listed and opens.
    await page.getByRole('link', { name: 'Specifikation mars 2025' }).first().click();
    await page.getByTestId('spec-lines').waitFor();
    expect(await checkPage(page, 'utforare-specifikation')).toEqual([]);
    await page.context().close();
  }, 180_000);
});
