/**
 * The office-wide list of applications for an individual rate (LVL-6) or special accounting
 * (LVL-7) (issue #10 §9 leftover: they were reached per client only), paged, sorted and filtered
 * on the server (issue #14 §1): state, kind and district live in the address with the sort and
 * page. Each row links to the client's applications, where they are decided.
 */
import { Anchor, Group, Select } from '@mantine/core';
import { useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { nameLookup, useDistricts } from '../hooks.js';
import { Link, useLocation } from '../router.js';
import { formatDate } from '../../contract/format.js';
import {
  RATE_APPLICATION_KIND_LABELS,
  RATE_APPLICATION_KINDS,
  RATE_APPLICATION_STATE_LABELS,
  RATE_APPLICATION_STATES,
  serviceLabel,
} from '../../contract/labels.js';
import type { ApplicationSort, RateApplicationListItem } from '../../contract/rate-applications.js';
import { DistrictFilter } from '../components/ListFilters.js';

/** The address's words for the state filter (`?lage=`), also on a client's applications. */
export const STATE_WORDS: Record<string, (typeof RATE_APPLICATION_STATES)[number]> = {
  inlamnade: 'submitted',
  beviljade: 'granted',
  avslagna: 'refused',
};
/** The address's words for the kind filter (`?slag=`). */
const KIND_WORDS: Record<string, (typeof RATE_APPLICATION_KINDS)[number]> = {
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

/** The list page. */
export function RateApplicationsListPage() {
  const { user } = useAuth();
  const { search } = useLocation();
  const filters = applicationFiltersOf(search);
  const list = useListState<ApplicationSort>({
    sorts: ['submitted', 'client'],
    sort: 'submitted',
    dir: 'desc',
  });
  const apps = useListQuery<RateApplicationListItem, ApplicationSort>(
    '/api/rate-applications',
    filters,
    list,
  );
  const districts = useDistricts();
  const district = nameLookup(districts.data);
  const columns: Column<RateApplicationListItem, ApplicationSort>[] = [
    {
      key: 'client',
      header: 'Klient',
      sort: 'client',
      render: (a) => (
        <Anchor component={Link} href={`/klienter/${a.clientId}/ansokningar`}>
          {a.clientName}
        </Anchor>
      ),
    },
    { key: 'district', header: 'Stadsdel', render: (a) => district(a.districtId) },
    { key: 'service', header: 'Insats', render: (a) => serviceLabel(a.service) },
    { key: 'kind', header: 'Slag', render: (a) => RATE_APPLICATION_KIND_LABELS[a.kind] },
    { key: 'state', header: 'Läge', render: (a) => RATE_APPLICATION_STATE_LABELS[a.state] },
    {
      key: 'submitted',
      header: 'Inlämnad',
      sort: 'submitted',
      className: 'date',
      render: (a) => (a.submittedAt ? formatDate(a.submittedAt.slice(0, 10)) : '–'),
    },
  ];
  return (
    <Page title="Ansökningar om individuell ersättning och särskild redovisning">
      <Group align="flex-end" gap="sm" role="search" aria-label="Filtrera ansökningar">
        <Select
          label="Läge"
          placeholder="Alla"
          data={Object.entries(STATE_WORDS).map(([word, id]) => ({
            value: word,
            label: RATE_APPLICATION_STATE_LABELS[id],
          }))}
          value={wordOf(STATE_WORDS, filters.state)}
          onChange={(v) => list.setFilters({ lage: v })}
          clearable
        />
        <Select
          label="Slag"
          placeholder="Alla"
          data={Object.entries(KIND_WORDS).map(([word, id]) => ({
            value: word,
            label: RATE_APPLICATION_KIND_LABELS[id],
          }))}
          value={wordOf(KIND_WORDS, filters.kind)}
          onChange={(v) => list.setFilters({ slag: v })}
          clearable
        />
        {user?.role !== 'case_officer' && (
          <DistrictFilter
            value={filters.districtId ?? null}
            onChange={(v) => list.setFilters({ stadsdel: v })}
          />
        )}
      </Group>
      <PagedTable
        query={apps}
        list={list}
        columns={columns}
        rowKey={(a) => a.id}
        label="Ansökningar"
        noun={{ one: 'ansökan', many: 'ansökningar' }}
        empty="Inga ansökningar."
        testId="rate-applications"
      />
    </Page>
  );
}
