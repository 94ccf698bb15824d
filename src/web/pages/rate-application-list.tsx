/**
 * What the two lists of rate applications (LVL-6, LVL-7) share: the office-wide list
 * (RateApplicationsListPage) and a client's (RateApplicationsPage) take the same filters from the
 * address (`lage`, `slag`, `stadsdel`), offer the same state filter and show the same columns for
 * an application, so the words and columns are written once here.
 */
import { Select } from '@mantine/core';
import type { Column } from '../components/PagedTable.js';
import type { ListState } from '../components/useListState.js';
import { formatDate } from '../../contract/format.js';
import {
  RATE_APPLICATION_KIND_LABELS,
  RATE_APPLICATION_KINDS,
  RATE_APPLICATION_STATE_LABELS,
  RATE_APPLICATION_STATES,
  serviceLabel,
} from '../../contract/labels.js';
import type { ApplicationSort, RateApplicationListItem } from '../../contract/rate-applications.js';

/** The address's words for the state filter (`?lage=`). */
const STATE_WORDS: Record<string, (typeof RATE_APPLICATION_STATES)[number]> = {
  inlamnade: 'submitted',
  beviljade: 'granted',
  avslagna: 'refused',
};
/** The address's words for the kind filter (`?slag=`). */
export const KIND_WORDS: Record<string, (typeof RATE_APPLICATION_KINDS)[number]> = {
  individuell: 'individual-rate',
  sarskild: 'special-accounting',
};

/** The address's word for a filter value (null when unset). */
export const wordOf = <T extends string>(words: Record<string, T>, value: T | undefined) =>
  Object.entries(words).find(([, v]) => v === value)?.[0] ?? null;

/** The API filters in the address: `lage`, `slag`, `stadsdel`. */
export function applicationFiltersOf(search: URLSearchParams) {
  const state = search.get('lage') ?? '';
  const kind = search.get('slag') ?? '';
  return {
    state: Object.hasOwn(STATE_WORDS, state) ? STATE_WORDS[state] : undefined,
    kind: Object.hasOwn(KIND_WORDS, kind) ? KIND_WORDS[kind] : undefined,
    districtId: search.get('stadsdel') || undefined,
  };
}

/** The state filter (`?lage=`): the list's first page in the chosen state. */
export function ApplicationStateFilter({
  state,
  list,
}: {
  state: (typeof RATE_APPLICATION_STATES)[number] | undefined;
  list: ListState<ApplicationSort>;
}) {
  return (
    <Select
      label="Läge"
      placeholder="Alla"
      data={Object.entries(STATE_WORDS).map(([word, id]) => ({
        value: word,
        label: RATE_APPLICATION_STATE_LABELS[id],
      }))}
      value={wordOf(STATE_WORDS, state)}
      onChange={(v) => list.setFilters({ lage: v })}
      clearable
    />
  );
}

/** An application's columns: service, kind, state and submission date (sortable). */
export const APPLICATION_COLUMNS: Column<RateApplicationListItem, ApplicationSort>[] = [
  { key: 'service', header: 'Insats', render: (a) => serviceLabel(a.service) },
  { key: 'kind', header: 'Slag', render: (a) => RATE_APPLICATION_KIND_LABELS[a.kind] },
  { key: 'state', header: 'Läge', render: (a) => RATE_APPLICATION_STATE_LABELS[a.state] },
  {
    key: 'submitted',
    header: 'Inlämnad',
    sort: 'submitted',
    className: 'date',
    render: (a) => (a.submittedAt ? formatDate(a.submittedAt) : '–'),
  },
];
