/**
 * Användare and Logg (issue #14 §4): an admin filters the accounts, creates a finance user
 * (field errors clear as they are fixed), deactivates it; then reads the audit log filtered by
 * action and user, and downloads the filtered log as XLSX. Every page and dialog is checked
 * with axe.
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

describe('users and the audit log', () => {
  it('creates and deactivates an account, then finds it in the log and exports the log', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');
    await openMenu(page, 'Användare');
    expect(await page.title()).toBe('Användare – Ersättning');
    await page.getByTestId('users').waitFor();
    expect(await checkPage(page, 'anvandare')).toEqual([]);

    // Filter by role: the two finance users, the filter kept in the address.
    await page.getByRole('textbox', { name: 'Roll' }).click();
    await page.getByRole('option', { name: 'Ekonom' }).click();
    await expect.poll(() => page.getByTestId('users-total').innerText()).toBe('2 användare.');
    expect(page.url()).toContain('roll=finance');

    // A new finance user: errors next to the fields, cleared as each is fixed.
    await page.getByRole('button', { name: 'Nytt konto' }).click();
    const form = page.getByRole('dialog', { name: 'Nytt konto' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Skapa kontot' }).click();
    await form.getByText(/Användarnamnet har 2–50 tecken/).waitFor();
    expect(await checkPage(page, 'anvandare-nytt-konto-fel')).toEqual([]);
    await form.getByLabel('Användarnamn').fill('ny.ekonom');
    expect(await form.getByText(/Användarnamnet har 2–50 tecken/).count()).toBe(0);
    await form.getByRole('textbox', { name: /^Namn/ }).fill('Nora Ekonom');
    await form.getByRole('textbox', { name: 'Roll' }).click();
    await page.getByRole('option', { name: 'Ekonom' }).click();
    await form.getByLabel('Lösenord').fill('ett-langt-losenord');
    await form.getByRole('button', { name: 'Skapa kontot' }).click();
    await page.getByText('Kontot är skapat.').waitFor();
    await expect.poll(() => page.getByTestId('users-total').innerText()).toBe('3 användare.');

    // Deactivate it: its sessions end at once.
    await page.getByRole('button', { name: 'Ändra ny.ekonom' }).click();
    const edit = page.getByRole('dialog', { name: 'Ändra ny.ekonom' });
    await edit.waitFor();
    await edit.getByRole('switch', { name: 'Kontot är aktivt' }).uncheck({ force: true });
    await edit.getByText('Personens pågående inloggningar avslutas direkt när du sparar.').waitFor();
    expect(await checkPage(page, 'anvandare-andra')).toEqual([]);
    await edit.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Kontot är sparat.').waitFor();
    await page.getByTestId('users').getByText('Inaktiv').waitFor();

    // The log: filtered by action, newest first, with Swedish labels.
    await openMenu(page, 'Logg');
    expect(await page.title()).toBe('Logg – Ersättning');
    await page.getByTestId('audit').waitFor();
    expect(await checkPage(page, 'logg')).toEqual([]);
    await page.getByRole('textbox', { name: 'Händelse' }).click();
    await page.getByRole('option', { name: 'skapat', exact: true }).click();
    await expect.poll(() => page.url()).toContain('handelse=create');
    const first = page.getByTestId('audit').locator('tbody tr').first();
    await expect.poll(() => first.innerText()).toMatch(/admin.*Administratör.*skapat.*användare/s);

    // A period that ends before it starts is explained next to the field.
    await page.getByLabel('Från och med').fill('2025-02-01');
    await page.getByLabel('Till och med').fill('2025-01-01');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByText('Perioden slutar före den börjar.').waitFor();
    expect(await checkPage(page, 'logg-fel-period')).toEqual([]);
    await page.getByLabel('Till och med').fill('');
    await page.getByLabel('Från och med').fill('');

    // The export carries the same filter and is a real workbook.
    const href = await page.getByRole('link', { name: 'Exportera till Excel (XLSX)' }).getAttribute('href');
    expect(href).toContain('action=create');
    const file = await page.request.get(href ?? '');
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
    await page.context().close();
  }, 180_000);
});
