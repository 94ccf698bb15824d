/**
 * A list's state held in the address (issue #14 §1): its filters, sort field, direction and page
 * (the server's opaque cursor) are search parameters, so a view can be bookmarked and shared, a
 * reload keeps it and the back button returns to the previous filter or page. Each change pushes
 * a history entry; a changed filter or sort starts again at the first page.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { navigate, useLocation } from '../router.js';
import type { ListPage } from '../../contract/primitives.js';

/** The address's own names for the paging fields (Swedish, as users see them in links). */
const SORT_FIELD = 'sortera';
const DIR_FIELD = 'ordning';
const PAGE_FIELD = 'sida';
const DIRS = { stigande: 'asc', fallande: 'desc' } as const;

/** How a page's list sorts: its sort fields and the default. */
export interface ListDefaults<S extends string> {
  sorts: readonly S[];
  sort: NoInfer<S>;
  dir?: 'asc' | 'desc';
  /**
   * Prefixes the paging fields' names (`spec` → `spec-sida`) for a second list on the same page,
   * so each keeps its own page and sort in the address.
   */
  prefix?: string;
}

/** The list state read from the address, and the ways to change it. */
export interface ListState<S extends string> {
  /** A filter's value from the address (`''` when unset). */
  filter(key: string): string;
  sort: S;
  dir: 'asc' | 'desc';
  cursor: string | null;
  /** Sets filters (empty or null removes one) and goes back to the first page. */
  setFilters(patch: Record<string, string | null>): void;
  /** Sorts by `sort`: the same field again turns the direction round. First page. */
  setSort(sort: S): void;
  /** Goes to the page a cursor names (null: the first page). */
  goTo(cursor: string | null): void;
  /** The paging part of the API query: `sort`, `dir` and `cursor`. */
  paging: { sort: S; dir: 'asc' | 'desc'; cursor?: string };
}

/** Reads and writes one list's state in the address of the current page. */
export function useListState<S extends string>(defaults: ListDefaults<S>): ListState<S> {
  const { pathname, search } = useLocation();
  const named = (field: string) => (defaults.prefix ? `${defaults.prefix}-${field}` : field);
  const [SORT, DIR, PAGE] = [named(SORT_FIELD), named(DIR_FIELD), named(PAGE_FIELD)];
  const asked = search.get(SORT) as S | null;
  const sort = asked && defaults.sorts.includes(asked) ? asked : defaults.sort;
  const dirText = search.get(DIR);
  const dir = dirText === 'fallande' || dirText === 'stigande' ? DIRS[dirText] : (defaults.dir ?? 'asc');
  const cursor = search.get(PAGE) || null;

  const go = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    navigate(qs ? `${pathname}?${qs}` : pathname);
  };
  const dirWord = (d: 'asc' | 'desc') => (d === 'asc' ? 'stigande' : 'fallande');

  return {
    filter: (key) => search.get(key) ?? '',
    sort,
    dir,
    cursor,
    setFilters: (patch) => go({ ...patch, [PAGE]: null }),
    setSort: (s) =>
      go({ [SORT]: s, [DIR]: dirWord(s === sort ? (dir === 'asc' ? 'desc' : 'asc') : 'asc'), [PAGE]: null }),
    goTo: (c) => go({ [PAGE]: c }),
    paging: { sort, dir, ...(cursor ? { cursor } : {}) },
  };
}

/**
 * One page of `path` with `filters` and the list's paging, keeping the shown page while the next
 * one loads (no jump to a spinner on every page or sort change). The query key starts with the
 * resource (`/api/placements` → `placements`, or `options.key`), so invalidating that key
 * refreshes the list.
 */
export function useListQuery<T, S extends string>(
  path: string,
  filters: Record<string, string | number | null | undefined>,
  list: ListState<S>,
  options: { enabled?: boolean; key?: string } = {},
) {
  const url = withQuery(path, { ...filters, ...list.paging });
  return useQuery({
    queryKey: [options.key ?? path.replace(/^\/api\//, '').split('/')[0], 'list', url],
    queryFn: () => get<ListPage<T>>(url),
    placeholderData: keepPreviousData,
    ...(options.enabled === undefined ? {} : { enabled: options.enabled }),
  });
}
