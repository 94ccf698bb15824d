/**
 * The provider catalogue and its upkeep (issue #11 §3, §5, #14 §4): a visitor browses and compares
 * units without signing in, by keyboard, with the count announced and the filters in the address;
 * the provider proposes a new profile in its portal; the admin sees the change side by side,
 * approves it and only then the catalogue shows it; the admin registers a provider (the
 * organisationsnummer checked next to the field) and a unit, and deactivates the unit; the case
 * officer opens a decision letter as PDF from the client page. axe: 0 serious/critical.
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

const DESIGN = 'Sju lägenheter kring en innergård med växthus';

describe('the provider catalogue', () => {
  it('is public: a visitor filters by keyboard, hears the count, and compares two units', async () => {
    const page = await newPage(app);
    await page.goto('/utforarkatalog');
    await page.getByRole('heading', { level: 1, name: 'Utförarkatalog' }).waitFor();
    expect(await page.title()).toBe('Utförarkatalog – Ersättning');
    const count = page.getByTestId('catalogue-count');
    await expect.poll(() => count.innerText()).toMatch(/^\d+ enheter hittades$/);
    expect(await count.getAttribute('role')).toBe('status');
    const all = Number((await count.innerText()).split(' ')[0]);
    expect(await checkPage(page, 'utforarkatalog')).toEqual([]);
    expect(await page.getByRole('button', { name: 'Logga ut' }).count()).toBe(0);

    await page.getByLabel('Insats').focus();
    await page.getByLabel('Insats').selectOption({ label: 'Gruppbostad (LSS)' });
    await page.getByLabel('Tillgänglig för rullstol').check();
    await page.getByRole('button', { name: 'Visa enheter' }).press('Enter');
    await expect.poll(() => page.url()).toContain('insats=lss-gruppbostad');
    expect(page.url()).toContain('rullstol=ja');
    await expect.poll(async () => Number((await count.innerText()).split(' ')[0])).toBeLessThan(all);
    const cards = page.getByRole('article');
    expect(await cards.count()).toBeGreaterThan(1);
    for (const text of await cards.allInnerTexts()) {
      expect(text).toContain('Gruppbostad (LSS)');
      expect(text).toMatch(/rullstol/i);
      expect(text).not.toMatch(/\d{6}-\d{4}/);
    }
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Utförarkatalog' }).waitFor();
    expect(await page.getByLabel('Insats').inputValue()).toBe('lss-gruppbostad');

    const boxes = page.getByRole('checkbox', { name: /^Jämför / });
    await boxes.nth(0).check();
    await expect.poll(() => page.url()).toContain('jamfor=');
    await boxes.nth(1).check();
    await page.getByRole('link', { name: 'Jämför valda enheter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jämför enheter' }).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').count()).toBe(3);
    expect(await table.getByRole('rowheader', { name: 'Lokaler och fysisk utformning' }).count()).toBe(1);
    expect(await checkPage(page, 'utforarkatalog-jamfor')).toEqual([]);
    await page.context().close();
  });

  it('shows a provider’s proposed profile only after the admin approves it', async () => {
    const provider = await newPage(app);
    await signIn(provider, 'provider');
    await openMenu(provider, 'Min verksamhet');
    await provider.getByRole('heading', { name: 'Profil i utförarkatalogen' }).waitFor();
    const propose = provider.getByRole('button', { name: /^Föreslå ändring av / }).first();
    const unitName = ((await propose.innerText()) ?? '').replace('Föreslå ändring av ', '');
    await propose.click();
    const form = provider.getByRole('form', { name: `Föreslå ändring av ${unitName}` });
    // The form takes the button's place and the focus; cancelled, the focus is back on the button.
    const active = () => provider.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await form.getByLabel('Inriktning').evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByRole('button', { name: 'Avbryt' }).click();
    expect(await active()).toBe(`Föreslå ändring av ${unitName}`);
    await propose.click();
    await form.getByLabel('Lokaler och fysisk utformning').fill(DESIGN);
    await form.getByRole('button', { name: 'Skicka för granskning' }).click();
    await provider.getByText('Förslaget har skickats.').waitFor();
    expect(await active()).toBe(`Föreslå ändring av ${unitName}`);
    await provider.getByText('Senaste förslaget: väntar på granskning').first().waitFor();
    expect(await checkPage(provider, 'utforare-profil')).toEqual([]);
    // Every proposal with its outcome, paged on the server; the state filter stands in the address.
    await expect.poll(() => provider.getByTestId('profile-proposals-total').innerText()).toBe('1 förslag.');
    await provider
      .getByRole('search', { name: 'Filtrera förslagen' })
      .getByRole('textbox', { name: 'Läge' })
      .click();
    await provider.getByRole('option', { name: 'Avslagen' }).click();
    await expect.poll(() => provider.url()).toContain('profil-lage=avslagna');
    await expect
      .poll(() => provider.getByTestId('profile-proposals-total').innerText())
      .toBe('Inga förslag.');
    await provider.context().close();

    const visitor = await newPage(app);
    const search = `/utforarkatalog?lokaler=${encodeURIComponent('växthus')}`;
    await visitor.goto(search);
    await expect.poll(() => visitor.getByTestId('catalogue-count').innerText()).toBe('0 enheter hittades');

    const admin = await newPage(app);
    await signIn(admin, 'admin');
    await openMenu(admin, 'Utförare och enheter');
    await admin.getByText('1 förslag väntar på granskning.').waitFor();
    const change = admin.getByRole('region', { name: new RegExp(`^${unitName}`) });
    await change.getByRole('rowheader', { name: 'Lokaler och fysisk utformning (ändrad)' }).waitFor();
    expect(await checkPage(admin, 'utforarregister-granska')).toEqual([]);
    await change.getByRole('button', { name: 'Godkänn förslaget' }).click();
    await admin.getByText('Inga förslag väntar på granskning.').waitFor();
    await admin.context().close();

    await visitor.goto(search);
    await expect.poll(() => visitor.getByTestId('catalogue-count').innerText()).toBe('1 enhet hittades');
    expect(await visitor.getByRole('article').innerText()).toContain(DESIGN);
    await visitor.context().close();
  });

  it('lets the admin register a provider and a unit, and deactivate the unit', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');
    await openMenu(page, 'Utförare och enheter');
    const form = page.getByRole('form', { name: 'Ny utförare' });
    await form.getByLabel(/^Namn/).fill('Ekbackens omsorg AB');
    await form.getByLabel('Utförarkod').fill('U900');
    await form.getByLabel('Organisationsnummer').fill('556677-8890');
    await form.getByRole('button', { name: 'Registrera utförare' }).click();
    const org = form.getByLabel('Organisationsnummer');
    await expect.poll(() => org.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('orgNumber');
    await page.getByText('kontrollsiffran stämmer inte').waitFor();
    await org.fill('556677-8899');
    await form.getByRole('button', { name: 'Registrera utförare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ekbackens omsorg AB' }).waitFor();
    expect(await checkPage(page, 'utforare-ny')).toEqual([]);

    const unit = page.getByRole('form', { name: 'Ny enhet' });
    await unit.getByLabel('Enhetens namn').fill('Ekbacken 1');
    await unit.getByRole('button', { name: 'Lägg till enhet' }).click();
    await page.getByText('Välj minst en insats som enheten erbjuder.').waitFor();
    await unit.getByLabel('Gruppbostad (LSS)').check();
    await unit.getByLabel('Antal platser').fill('6');
    await unit.getByRole('button', { name: 'Lägg till enhet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ekbacken 1' }).waitFor();
    await page.getByLabel('Inriktning').fill('Autism');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Ändringarna är sparade.').waitFor();
    await page.getByRole('button', { name: 'Inaktivera enheten' }).click();
    // Exact: "Inaktivera enheten", the button before the click, contains "Aktivera enheten".
    await page.getByRole('button', { name: 'Aktivera enheten', exact: true }).waitFor();
    await page.getByText('Inaktiverad', { exact: true }).first().waitFor();
    expect(await checkPage(page, 'enhet')).toEqual([]);
    await page.context().close();
  });

  it('gives the case officer the decision letter as a PDF from the client page', async () => {
    const decision = await app.database.db
      .selectFrom('decisions')
      .select(['id', 'client_id'])
      .where('district_id', '=', 'bromma')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const page = await newPage(app);
    await signIn(page, 'case_officer', `/klienter/${decision.client_id}`);
    await page.getByRole('heading', { name: 'Brev' }).waitFor();
    const link = page.getByRole('link', { name: /^Beslut \d{4}-\d{2}-\d{2} \(PDF\)$/ }).first();
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/decisions\/\d+\/letter\.pdf$/);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await checkPage(page, 'klient-brev')).toEqual([]);
    await page.context().close();
  });
});
