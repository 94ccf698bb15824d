/**
 * What the lists-at-scale browser tests share (issue #14 §8, §1): how many rows they put in, how
 * many one page may render, bulk clients with Swedish names and valid identity numbers, and the
 * check that a list pages forward and back by the server's cursors.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Database } from '../src/db/connect.js';
import { makeIdentity } from '../src/db/identity.js';

/** More than 10 000 rows: the scale. */
export const ROWS = 10_500;
/** The most rows one page may render ("a few hundred"; the lists page by 20-100, at most 200). */
export const MOST = 200;
/** Rows inserted per statement (a statement's parameters stay under PostgreSQL's limit). */
export const CHUNK = 1_500;

const FIRST = 'Anna Eva Maria Karin Erik Lars Karl Anders Johan Nils Åsa Örjan Sofia Hugo Fatima'.split(' ');
const LAST = 'Andersson Johansson Karlsson Nilsson Lindqvist Berg Sjöberg Holm Nguyen Virtanen Ahmed'.split(
  ' ',
);

/** A varied Swedish name for the i-th bulk row (surnames spread so a name search narrows). */
export const bulkName = (i: number): string =>
  `${FIRST[i % FIRST.length]!} ${LAST[(i * 7 + Math.floor(i / 11)) % LAST.length]!}`;

/** A first name for the i-th bulk row. */
export const bulkFirstName = (i: number): string => FIRST[i % FIRST.length]!;

/**
 * Clients `index` with valid, distinct identity numbers: born one a day from `born` (YYYY-MM-DD),
 * serial from `serial` (one serial a 20 000 days), in the districts in turn. Each test file takes
 * its own `born` and `serial` so files never collide in a shared database.
 */
export function insertBulkClients(
  db: Database['db'],
  index: number[],
  o: { born: string; serial: number; districts: string[]; name?: (i: number) => string },
) {
  const start = Date.parse(`${o.born}T00:00:00Z`);
  return db
    .insertInto('clients')
    .values(
      index.map((i) => ({
        personnummer: makeIdentity(
          new Date(start + (i % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, ''),
          o.serial + Math.floor(i / 20_000),
        ),
        identity_kind: 'personnummer' as const,
        name: (o.name ?? bulkName)(i),
        district_id: o.districts[i % o.districts.length]!,
      })),
    )
    .returning(['id', 'district_id'])
    .execute();
}

/** The total a list announces, as a number ("10 612 klienter. Visar 50 åt gången." → 10612). */
export async function listTotal(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(`${testId}-total`).innerText();
  return Number(text.split('.')[0]!.replace(/\D/g, ''));
}

/**
 * The list `testId` shows more than 10 000 rows in total but one page of them; the next page
 * shows others and the previous page the first ones again, the page in the address under
 * `pageField`. `pager` names the pager where a page has several lists (the provider portal).
 */
export async function pagesThrough(
  page: Page,
  testId: string,
  o: { pager?: string; pageField?: string } = {},
): Promise<number> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  const all = await listTotal(page, testId);
  expect(all).toBeGreaterThan(10_000);
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeLessThanOrEqual(MOST);
  const first = await rows.first().innerText();
  const nav = o.pager ? page.getByRole('navigation', { name: o.pager }) : page;
  await nav.getByRole('button', { name: 'Nästa sida' }).click();
  await expect.poll(() => rows.first().innerText()).not.toBe(first);
  expect(page.url()).toContain(`${o.pageField ?? 'sida'}=`);
  expect(await rows.count()).toBeLessThanOrEqual(MOST);
  await nav.getByRole('button', { name: 'Föregående sida' }).click();
  await expect.poll(() => rows.first().innerText()).toBe(first);
  return all;
}
