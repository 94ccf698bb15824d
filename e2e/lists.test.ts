/**
 * Lists at scale (issue #14 §8, §1): with more than 10 000 clients, placements, accounts and log
 * entries in the server's database, each list shows its true total, renders one page of rows
 * (never more than a few hundred), pages forward and back by the server's cursors, and a filter
 * narrows the total. Also the month fields' default (§5): the run start shows the latest month
 * with data. One app start and one browser for all of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, openMenu, signIn, startApp, type TestApp } from './support.js';
import {
  bulkFirstName,
  CHUNK,
  insertBulkClients,
  listTotal as total,
  pagesThrough,
  ROWS,
} from './list-scale.js';

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
  for (let from = 0; from < ROWS; from += CHUNK) {
    const n = Math.min(CHUNK, ROWS - from);
    const index = Array.from({ length: n }, (_, k) => from + k);
    const clients = await insertBulkClients(db, index, { born: '1940-01-01', serial: 900, districts });
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
          name: `${bulkFirstName(i)} Listsson`,
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
