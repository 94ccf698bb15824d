/**
 * Lists at scale (issue #14 §8, §1): with more than 10 000 clients, placements, accounts and log
 * entries in the server's database, each list shows its true total, renders one page of rows
 * (never more than a few hundred), pages forward and back by the server's cursors, and a filter
 * narrows the total. Also the month fields' default (§5): the run start shows the latest month
 * with data. One app start and one browser for all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeIdentity } from '../src/db/identity.js';
import { newPage, openMenu, signIn, startApp, type TestApp } from './support.js';

const ROWS = 10_500;
/** The most rows one page may render ("a few hundred"; the lists page by 50, at most 200). */
const MOST = 200;
const FIRST = 'Anna Eva Maria Karin Erik Lars Karl Anders Johan Nils Åsa Örjan Sofia Hugo Fatima'.split(' ');
const LAST = 'Andersson Johansson Karlsson Nilsson Lindqvist Berg Sjöberg Holm Nguyen Virtanen Ahmed'.split(
  ' ',
);

let app: TestApp;
let clientId: number;
beforeAll(async () => {
  app = await startApp();
  const { db } = app.database;
  const districts = (await db.selectFrom('districts').select('id').orderBy('id').execute()).map((d) => d.id);
  const unit = await db
    .selectFrom('units')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .select(['units.id', 'units.provider_id', 'providers.regime'])
    .orderBy('units.id')
    .executeTakeFirstOrThrow();
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  for (let from = 0; from < ROWS; from += 1_500) {
    const n = Math.min(1_500, ROWS - from);
    const index = Array.from({ length: n }, (_, k) => from + k);
    const clients = await db
      .insertInto('clients')
      .values(
        index.map((i) => ({
          personnummer: makeIdentity(
            new Date(Date.UTC(1940, 0, 1) + (i % 20_000) * 86_400_000)
              .toISOString()
              .slice(0, 10)
              .replace(/-/g, ''),
            900 + Math.floor(i / 20_000),
          ),
          identity_kind: 'personnummer' as const,
          name: `${FIRST[i % FIRST.length]!} ${LAST[(i * 7 + Math.floor(i / 11)) % LAST.length]!}`,
          district_id: districts[i % districts.length]!,
        })),
      )
      .returning('id')
      .execute();
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
    await db
      .insertInto('users')
      .values(
        index.map((i) => ({
          username: `lista${String(i).padStart(5, '0')}`,
          name: `${FIRST[i % FIRST.length]!} Listsson`,
          role: 'analyst' as const,
          password_hash: 'inte-ett-lösenord',
          active: i % 10 !== 0,
        })),
      )
      .execute();
    await db
      .insertInto('audit_log')
      .values(
        clients.map((c) => ({
          user_id: admin.id,
          username: 'admin',
          role: 'admin',
          action: 'read',
          entity: 'client',
          entity_id: String(c.id),
          client_ids: [c.id],
          details: '{}',
        })),
      )
      .execute();
    clientId = clients[0]!.id;
  }
});
afterAll(async () => {
  await app?.close();
});

/** The total a list announces, as a number ("10 612 klienter. Visar 50 åt gången." → 10612). */
async function total(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(`${testId}-total`).innerText();
  return Number(text.split('.')[0]!.replace(/\D/g, ''));
}

/**
 * The list `testId` shows more than 10 000 rows in total but one page of them; the next page
 * shows others and the previous page the first ones again.
 */
async function pagesThrough(page: Page, testId: string): Promise<number> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  const all = await total(page, testId);
  expect(all).toBeGreaterThan(10_000);
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeLessThanOrEqual(MOST);
  const first = await rows.first().innerText();
  await page.getByRole('button', { name: 'Nästa sida' }).click();
  await expect.poll(() => rows.first().innerText()).not.toBe(first);
  expect(page.url()).toContain('sida=');
  expect(await rows.count()).toBeLessThanOrEqual(MOST);
  await page.getByRole('button', { name: 'Föregående sida' }).click();
  await expect.poll(() => rows.first().innerText()).toBe(first);
  return all;
}

describe('lists of more than 10 000 rows', () => {
  it('page and filter clients, placements, accounts and the log; the run month starts at the latest data', async () => {
    const page = await newPage(app);
    await signIn(page, 'admin');

    await openMenu(page, 'Klienter');
    const clients = await pagesThrough(page, 'clients');
    await page.getByLabel('Namn eller personnummer').fill('Lindqvist');
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect.poll(() => page.url()).toContain('q=Lindqvist');
    await expect.poll(() => total(page, 'clients')).toBeLessThan(clients);
    expect(await total(page, 'clients')).toBeGreaterThan(500);

    await openMenu(page, 'Placeringar');
    const placements = await pagesThrough(page, 'placements');
    await page.getByRole('textbox', { name: 'Insats' }).click();
    await page.getByRole('option', { name: 'Daglig verksamhet (LSS)' }).click();
    await expect.poll(() => page.url()).toContain('insats=');
    await expect.poll(() => total(page, 'placements')).toBeLessThan(placements);
    expect(await total(page, 'placements')).toBeGreaterThan(3_000);

    await openMenu(page, 'Användare');
    const users = await pagesThrough(page, 'users');
    await page.getByLabel('Namn eller användarnamn').fill('lista0001');
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect.poll(() => total(page, 'users')).toBe(10);
    expect(users).toBeGreaterThan(10_000);

    await openMenu(page, 'Logg');
    const entries = await pagesThrough(page, 'audit');
    await page.getByLabel('Klientnummer').fill(String(clientId));
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect.poll(() => page.url()).toContain(`klient=${clientId}`);
    await expect.poll(() => total(page, 'audit')).toBeLessThan(entries);
    expect(await total(page, 'audit')).toBeGreaterThanOrEqual(1);
    // The user filter searches the accounts on the server: one of thousands can be chosen.
    await page.getByRole('textbox', { name: 'Användare' }).fill('lista09876');
    await page.getByRole('option', { name: /\(lista09876\)/ }).click();
    await expect.poll(() => page.url()).toContain('anvandare=');
    await expect.poll(() => total(page, 'audit')).toBe(0);

    // §5: the month field of a new run holds the latest month with data, as the API says.
    await openMenu(page, 'Avräkning');
    const latest = (await (await page.request.get('/api/latest-month')).json()) as { month: string };
    expect(latest.month).toMatch(/^\d{4}-\d{2}$/);
    await expect.poll(() => page.locator('input[name="month"]').inputValue()).toBe(latest.month);
  });
});
