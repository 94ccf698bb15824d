/**
 * Rate models (list, one model with sources, two side by side) and clients and placements
 * (search, a client's record, a placement form with Swedish messages next to the fields, a
 * level entry by the assessment office), each page checked with axe (issue #6 steps 2, 3, 7).
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

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('rate models', () => {
  it('lists the models, shows one with figures and sources, and compares two', async () => {
    const page = await newPage(app);
    await signIn(page, 'analyst');
    await openMenu(page, 'Ersättningsmodeller');
    await page.getByRole('heading', { name: 'Ersättningsmodeller', level: 1 }).waitFor();
    expect(await checkPage(page, 'modeller')).toEqual([]);

    await page.getByRole('link', { name: /ny modell från 2024/ }).click();
    await page.getByRole('heading', { name: 'Gruppbostad' }).waitFor();
    expect(await page.title()).toMatch(/ny modell från 2024.* – Ersättning$/);
    const body = plain(await text(page, 'main'));
    expect(body).toContain('1 501 kr'); // 002 Tabell 2: gruppbostad nivå 1, privat regi
    expect(body).toContain('550 000 kr');
    expect(body).toContain(
      'Förslag till nya ersättningsnivåer i LSS bostad med särskild service, 2023, Tabell 2',
    );
    expect(await checkPage(page, 'modell-lss-bostad-2024')).toEqual([]);

    await page.goto('/modeller/sp-2010');
    await page.getByText(/Valideringsvarningar/).waitFor();
    expect(await checkPage(page, 'modell-sp-2010')).toEqual([]);

    await page.goto('/modeller/jamfor?a=lss-bostad-2023&b=lss-bostad-2024');
    await page.getByTestId('model-comparison').waitFor();
    expect(await page.locator('[data-testid="model-comparison"] .changed').count()).toBeGreaterThan(10);
    expect(await checkPage(page, 'modeller-jamfor')).toEqual([]);
    await page.context().close();
  });
});

describe('clients and placements', () => {
  it('a case officer searches, opens a client, and gets Swedish messages next to the fields of a new decision', async () => {
    const page = await newPage(app);
    await signIn(page, 'case_officer');
    await openMenu(page, 'Klienter');
    await page.getByRole('heading', { name: 'Klienter', level: 1 }).waitFor();
    await page.getByText(/\d+ klienter?\.|Inga klienter/).waitFor();
    expect(await checkPage(page, 'klienter')).toEqual([]);

    // Search by a name taken from the list, by keyboard.
    const first = page.locator('main table a').first();
    const name = (await first.innerText()).trim();
    await page.getByLabel('Namn eller personnummer').fill(name.split(' ')[0] ?? name);
    await page.keyboard.press('Enter');
    await page.locator('main table a', { hasText: name }).first().click();
    await page.getByRole('heading', { name: 'Placeringar' }).waitFor();
    expect(await page.title()).toBe(`${name} – Ersättning`);
    expect(await checkPage(page, 'klient')).toEqual([]);

    // A placement starts with a decision on the client's page (FLOW-1); its fields say what is wrong.
    const decision = page.getByRole('form', { name: 'Registrera beslut' });
    await decision.getByLabel(/^Från och med/).fill('2024-02-30');
    await decision.getByRole('button', { name: 'Registrera beslut' }).click();
    await decision.getByText('Från och med finns inte i kalendern.').waitFor();
    await decision.getByText('Välj insats.').waitFor();
    // The message is tied to its field for screen readers.
    const field = decision.getByLabel(/^Från och med/);
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const described = await Promise.all(
      describedBy.split(' ').map((id) =>
        page
          .locator(`[id="${id}"]`)
          .innerText()
          .catch(() => ''),
      ),
    );
    expect(described.join(' ')).toContain('Från och med finns inte i kalendern.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await checkPage(page, 'placering-ny-fel')).toEqual([]);
    await page.context().close();
  });

  it('a case officer registers a client, with the identity number checked next to the field', async () => {
    const page = await newPage(app);
    await signIn(page, 'case_officer');
    await openMenu(page, 'Klienter');
    await page.getByRole('link', { name: 'Ny klient' }).click();
    await page.getByRole('heading', { name: 'Ny klient', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /^Namn/ }).fill('Tolvan Tolvansson');
    await page.getByRole('textbox', { name: /^Personnummer/ }).fill('19121212-1213');
    await page.getByRole('button', { name: 'Registrera klient' }).click();
    await page.getByText('Numret är inte giltigt: kontrollsiffran stämmer inte.').waitFor();
    expect(await checkPage(page, 'klient-ny-fel')).toEqual([]);
    await page.getByRole('textbox', { name: /^Personnummer/ }).fill('19121212-1212');
    await page.getByRole('button', { name: 'Registrera klient' }).click();
    await page.getByRole('heading', { name: 'Tolvan Tolvansson', level: 1 }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Bromma');
    await page.context().close();
  });

  let placementUrl = '';

  it('a case officer creates a placement for a client and edits it', async () => {
    const page = await newPage(app);
    await signIn(page, 'case_officer', '/klienter');
    await page.locator('main table a').first().click();
    await page.getByRole('heading', { name: 'Placeringar' }).waitFor();
    const has = await page.locator('main table').first().innerText();
    await page.getByRole('link', { name: /^Nytt beslut för/ }).click();

    // A service the client does not have yet: the decision, then the order makes the placement (FLOW-1).
    const services = [
      'Stödboende (SoL)',
      'Boendestöd (SoL)',
      'Boende med särskild service (SoL)',
      'Gruppbostad (LSS)',
    ];
    const chosen = services.find((x) => !has.includes(x)) ?? '';
    expect(chosen).not.toBe('');
    const decision = page.getByRole('form', { name: 'Registrera beslut' });
    await decision.getByRole('textbox', { name: /^Insats/ }).click();
    await page.getByRole('option', { name: chosen, exact: true }).click();
    await decision.getByLabel(/^Från och med/).fill('2026-01-01');
    await decision.getByLabel(/^Beslutsdatum/).fill('2025-12-10');
    await decision.getByRole('button', { name: 'Registrera beslut' }).click();
    await page.getByRole('heading', { name: /^Beslut nr \d+/, level: 1 }).waitFor();
    const order = page.getByRole('form', { name: 'Beställ insatsen' });
    await order.getByRole('textbox', { name: /^Enhet/ }).click();
    await page.getByRole('option').first().click();
    await order.getByLabel(/^Beställningsdatum/).fill('2025-12-20');
    await order.getByLabel(/^Startdatum/).fill('2026-01-01');
    // The first level comes with the order (the API refuses a placement the engine could not pay).
    await order.getByRole('button', { name: 'Beställ och skapa placering' }).click();
    await order.getByText('Fyll i poäng från bedömningen.').waitFor();
    await order.getByLabel(/^Poäng från bedömningen/).fill('5');
    await order.getByLabel(/^Bedömningsdatum/).fill('2025-12-15');
    await order.getByRole('button', { name: 'Beställ och skapa placering' }).click();
    await order.getByRole('link', { name: 'Till placeringen' }).click();
    await page
      .getByRole('heading', { name: new RegExp(`^Placering: ${chosen.replace(/[()]/g, '\\$&')}`), level: 1 })
      .waitFor();
    expect(await page.getByRole('textbox', { name: /^Regiform/ }).inputValue()).toMatch(/regi|entreprenad/);
    placementUrl = page.url();
    expect(placementUrl).toMatch(/\/placeringar\/\d+$/);
    expect(await checkPage(page, 'placering-skapad')).toEqual([]);

    // A start before the placement's first level: the API's refusal names the level, a field this
    // form does not show, so the form's alert says it (it once said nothing), and the typed date stays.
    await page.getByLabel('Startdatum').fill('2025-12-01');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Placeringen kunde inte sparas' });
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/2025-12-01/);
    expect(await page.getByLabel('Startdatum').inputValue()).toBe('2025-12-01');
    await page.getByLabel('Startdatum').fill('2026-01-01');

    await page.getByLabel('Slutdatum').fill('2026-06-30');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await page.getByText('Placeringen är sparad.').waitFor();
    await page.context().close();
  }, 60_000);

  it("a case officer records a client's travel cost as the district's own cost (FLOW-6)", async () => {
    const page = await newPage(app);
    await signIn(page, 'case_officer', '/klienter');
    await page.locator('main table a').first().click();
    const form = page.getByRole('form', { name: 'Registrera resekostnad' });
    await form.getByLabel(/^Månad/).fill('2025-13');
    await form.getByLabel(/^Belopp/).fill('1250,50');
    await form.getByRole('button', { name: 'Registrera resekostnad' }).click();
    await form.getByText('Ange månaden som ÅÅÅÅ-MM, till exempel 2025-03.').waitFor();
    await form.getByLabel(/^Månad/).fill('2025-03');
    expect(await form.getByText('Ange månaden som ÅÅÅÅ-MM, till exempel 2025-03.').count()).toBe(0);
    await form.getByRole('button', { name: 'Registrera resekostnad' }).click();
    await form.getByText(/^Resekostnaden 1\s250,50\skr för 2025-03 är registrerad\.$/).waitFor();
    expect(await checkPage(page, 'resekostnad')).toEqual([]);
    await page.context().close();
  });

  it('a stale edit is refused with an explanation instead of overwriting (409)', async () => {
    const first = await newPage(app);
    const second = await newPage(app);
    await signIn(first, 'case_officer');
    await signIn(second, 'admin');
    await first.goto(placementUrl);
    await second.goto(placementUrl);
    await first.getByRole('button', { name: 'Spara ändringar' }).waitFor();
    await second.getByRole('button', { name: 'Spara ändringar' }).waitFor();
    await first.getByLabel('Uppsägningsdatum').fill('2026-06-01');
    await first.getByRole('button', { name: 'Spara ändringar' }).click();
    await first.getByText('Placeringen är sparad.').waitFor();
    await second.getByLabel('Slutdatum').fill('2026-05-31');
    await second.getByRole('button', { name: 'Spara ändringar' }).click();
    const alert = second.getByRole('alert').filter({ hasText: 'Krock med andra uppgifter' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('ändrats av någon annan');
    expect(await checkPage(second, 'placering-krock')).toEqual([]);
    await first.context().close();
    await second.context().close();
  });

  it('the assessment office adds the final level to the new placement (ASMT-2)', async () => {
    expect(placementUrl).not.toBe('');
    const page = await newPage(app);
    await signIn(page, 'assessor', placementUrl);
    await page.getByRole('heading', { name: 'Nivåer' }).waitFor();
    await page.getByRole('cell', { name: /5 poäng$/ }).waitFor(); // the preliminary level it was created with
    await page.getByRole('textbox', { name: /^Poäng/ }).fill('tjugo');
    await page.getByRole('button', { name: 'Lägg till nivå' }).click();
    await page.getByText('Poäng ska vara ett heltal, 0 eller mer.').waitFor();
    await page.getByRole('textbox', { name: /^Poäng/ }).fill('20');
    await page.getByRole('textbox', { name: /^Bedömning$/ }).click();
    await page.getByRole('option', { name: 'Slutlig' }).click();
    await page.getByRole('textbox', { name: /^Bedömningsdatum/ }).fill('2026-01-02');
    await page.getByRole('button', { name: 'Lägg till nivå' }).click();
    await page.getByRole('cell', { name: /^Nivå \d, 20 poäng$/ }).waitFor();
    expect(await checkPage(page, 'placering-niva')).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('the start page leads to the placements to act on', async () => {
    const page = await newPage(app);
    await signIn(page, 'assessor');
    await page.getByTestId('todo-preliminary-levels').getByRole('link').click();
    await page.getByRole('heading', { name: 'Placeringar', level: 1 }).waitFor();
    await page.getByText(/\d+ placeringar\.|Inga placeringar\./).waitFor();
    expect(await page.title()).toBe('Placeringar – Ersättning');
    expect(await checkPage(page, 'placeringar-preliminara')).toEqual([]);
    await page.goto('/');
    await page.getByTestId('todo-placements-without-level').getByRole('link').click();
    await page.getByText(/\d+ placeringar\.|Inga placeringar\./).waitFor();
    expect(page.url()).toContain('visa=utan-niva');
    await page.context().close();
  });

  it('the assessment office opens a placement and sees its levels', async () => {
    const page = await newPage(app);
    await signIn(page, 'assessor', '/klienter');
    await page.locator('main table a').first().click();
    await page.getByRole('heading', { name: 'Placeringar' }).waitFor();
    await page.locator('main table a').first().click();
    await page.getByRole('heading', { name: 'Nivåer' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till nivå' }).waitFor();
    expect(await checkPage(page, 'placering-bedomare')).toEqual([]);
    await page.context().close();
  });

  it('a case officer asks to move a client to another district; the receiving district sees the request', async () => {
    const page = await newPage(app);
    await signIn(page, 'case_officer', '/klienter');
    const client = page.locator('main table a').last();
    const name = await client.innerText();
    await client.click();
    const form = page.getByRole('form', { name: 'Begär flytt till en annan stadsdel' });
    await form.getByRole('button', { name: 'Begär flytt' }).click();
    await form.getByText('Välj stadsdel att flytta till.').waitFor();
    await form.getByRole('textbox', { name: /^Flytta till stadsdel/ }).click();
    await page.getByRole('option', { name: 'Södermalm', exact: true }).click();
    await form.getByRole('button', { name: 'Begär flytt' }).click();
    await form.getByText(/^Begäran nr \d+ om flytt till Södermalm är skickad\./).waitFor();
    expect(await checkPage(page, 'klient-flytt')).toEqual([]);
    // A second request while one is pending is refused, next to the form.
    await form.getByRole('textbox', { name: /^Flytta till stadsdel/ }).click();
    await page.getByRole('option', { name: 'Farsta', exact: true }).click();
    await form.getByRole('button', { name: 'Begär flytt' }).click();
    await form
      .getByRole('alert')
      .getByText(/Det finns redan en begäran om flytt/)
      .waitFor();

    const receiving = await newPage(app);
    await signIn(receiving, { username: 'handlaggare2', password: 'handlaggare-demo' }, '/klientflyttar');
    const row = receiving.locator('main tbody tr', { hasText: name });
    await row.getByRole('button', { name: `Godkänn flytten av ${name}` }).waitFor();

    // The asking district withdraws it, leaving the client where it was for the other tests.
    await page.goto('/klientflyttar');
    await page.getByRole('button', { name: `Återkalla flytten av ${name}` }).click();
    await page.locator('main tbody tr', { hasText: name }).getByText('Återkallad').waitFor();
    await page.context().close();
    await receiving.context().close();
  });
});
