/**
 * Test helpers for lists paged by cursor (issue #14 §1): walk every page of a list forwards and
 * back again, so route tests check for duplicates, gaps and the true total with one call.
 */
import { expect } from 'vitest';
import type { Agent } from './testing.js';

interface PageBody {
  items: Record<string, number>[];
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
}

const withCursor = (url: string, cursor: string): string =>
  `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;

/**
 * Follows `nextCursor` from the first page of `url` to the last, then `prevCursor` back to the
 * first; checks both walks see the same rows in the same order, none twice, and as many as
 * `total`. Returns the ids (the items' `key`, `id` unless named) in list order and the total.
 */
export async function walkList(
  agent: Agent,
  url: string,
  key = 'id',
): Promise<{ ids: number[]; total: number }> {
  const get = async (u: string): Promise<PageBody> => {
    const res = await agent.request({ method: 'GET', url: u });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PageBody;
  };
  const pages: number[][] = [];
  let page = await get(url);
  expect(page.prevCursor).toBeNull();
  const total = page.total;
  pages.push(page.items.map((i) => i[key]!));
  while (page.nextCursor) {
    page = await get(withCursor(url, page.nextCursor));
    expect(page.total).toBe(total);
    if (page.items.length) pages.push(page.items.map((i) => i[key]!));
  }
  const ids = pages.flat();
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(total);
  // Back from the last page to the first: the same pages in reverse.
  const back: number[][] = [pages.at(-1) ?? []];
  while (page.prevCursor) {
    page = await get(withCursor(url, page.prevCursor));
    back.unshift(page.items.map((i) => i[key]!));
  }
  expect(back.flat()).toEqual(ids);
  return { ids, total };
}
