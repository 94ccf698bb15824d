/**
 * The public catalogue's address (issue #11 §3, FLOW-3): the filters and the units chosen for
 * comparison live in the URL with Swedish keys, so a view can be bookmarked, shared and reloaded;
 * this maps it to and from the API's query. Pure, tested beside.
 */
import type { CatalogueQuery } from '../contract/catalogue.js';

/** The filters as the page holds them (empty string = not filtered). */
export interface CatalogueFilters {
  service: string;
  districtId: string;
  orientation: string;
  method: string;
  design: string;
  transport: string;
  wheelchair: boolean;
  vacant: boolean;
}

/** At most this many units are compared side by side. */
export const MAX_COMPARED = 3;

/** The filters read from the address (`?insats=…&stadsdel=…&rullstol=ja`). */
export function filtersFromSearch(search: URLSearchParams): CatalogueFilters {
  return {
    service: search.get('insats') ?? '',
    districtId: search.get('stadsdel') ?? '',
    orientation: search.get('inriktning') ?? '',
    method: search.get('arbetssatt') ?? '',
    design: search.get('lokaler') ?? '',
    transport: search.get('kollektivtrafik') ?? '',
    wheelchair: search.get('rullstol') === 'ja',
    vacant: search.get('lediga') === 'ja',
  };
}

/** The address's query for the filters and the compared units (empty values left out). */
export function searchFromFilters(f: CatalogueFilters, compared: number[] = []): Record<string, string> {
  return {
    insats: f.service,
    stadsdel: f.districtId,
    inriktning: f.orientation,
    arbetssatt: f.method,
    lokaler: f.design.trim(),
    kollektivtrafik: f.transport.trim(),
    rullstol: f.wheelchair ? 'ja' : '',
    lediga: f.vacant ? 'ja' : '',
    jamfor: compared.join(','),
  };
}

/** The API's query for the filters. */
export function apiQuery(
  f: CatalogueFilters,
): Omit<Record<keyof CatalogueQuery, string | undefined>, 'sort' | 'dir' | 'limit' | 'cursor' | 'unitIds'> {
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    service: text(f.service),
    districtId: text(f.districtId),
    orientation: text(f.orientation),
    method: text(f.method),
    design: text(f.design),
    transport: text(f.transport),
    wheelchair: f.wheelchair ? 'true' : undefined,
    vacant: f.vacant ? 'true' : undefined,
    on: undefined,
  };
}

/** The unit ids chosen for comparison (`jamfor=3,7`): distinct positive ids, at most three. */
export function comparedFromSearch(value: string | null): number[] {
  const ids = (value ?? '')
    .split(',')
    .filter((s) => /^[1-9][0-9]{0,9}$/.test(s))
    .map(Number);
  return [...new Set(ids)].slice(0, MAX_COMPARED);
}

/** `1 ledig plats`, `3 lediga platser av 10`, or that the unit gives no capacity. */
export function vacancyText(vacancies: number | null, capacity: number | null): string {
  if (vacancies === null || capacity === null) return 'Uppgift om platser saknas';
  const places = vacancies === 1 ? '1 ledig plats' : `${vacancies} lediga platser`;
  return `${places} av ${capacity}`;
}

/** The results count as announced: `1 enhet hittades`, `12 enheter hittades`. */
export const resultsText = (n: number): string => (n === 1 ? '1 enhet hittades' : `${n} enheter hittades`);
