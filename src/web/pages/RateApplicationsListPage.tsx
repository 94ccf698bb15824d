/**
 * The office-wide list of applications for an individual rate (LVL-6) or special accounting
 * (LVL-7) (issue #10 §9 leftover: they were reached per client only), paged, sorted and filtered
 * on the server (issue #14 §1): state, kind and district live in the address with the sort and
 * page. Each row links to the client's applications, where they are decided. The state filter,
 * the address's words and an application's columns are shared with a client's applications
 * (rate-application-list.tsx).
 */
import { Anchor, Group, Select } from '@mantine/core';
import { useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { nameLookup, useDistricts } from '../hooks.js';
import { Link, useLocation } from '../router.js';
import { RATE_APPLICATION_KIND_LABELS } from '../../contract/labels.js';
import type { ApplicationSort, RateApplicationListItem } from '../../contract/rate-applications.js';
import {
  APPLICATION_COLUMNS,
  ApplicationStateFilter,
  applicationFiltersOf,
  KIND_WORDS,
  wordOf,
} from './rate-application-list.js';
import { DistrictFilter } from '../components/ListFilters.js';

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
    ...APPLICATION_COLUMNS,
  ];
  return (
    <Page title="Ansökningar om individuell ersättning och särskild redovisning">
      <Group align="flex-end" gap="sm" role="search" aria-label="Filtrera ansökningar">
        <ApplicationStateFilter state={filters.state} list={list} />
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
