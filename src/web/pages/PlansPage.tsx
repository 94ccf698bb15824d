/**
 * Implementation plans of the case officer's district (FLOW-2): due 15 days after the start, the
 * overdue ones shown first (judged on today); the provider marks them done in its portal. Paged,
 * sorted and filtered on the server (issue #14 §1): `visa` (forsenade, ej-klara, alla), `stadsdel`
 * and `utforare` live in the address with the sort and page.
 */
import { Group, SegmentedControl, Stack } from '@mantine/core';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { useListQuery, useListState } from '../components/useListState.js';
import {} from '../hooks.js';
import { useLocation } from '../router.js';
import type { PlanSort, PlanView } from '../../contract/plans.js';
import { PlanTable } from './plan-parts.js';
import { DistrictFilter, ProviderFilter } from '../components/ListFilters.js';

/** The address's words for what to show (`?visa=`), overdue when unset. */
const SHOW = { forsenade: 'Försenade', 'ej-klara': 'Ej klara', alla: 'Alla' } as const;
type Show = keyof typeof SHOW;

/** The API filters in the address: `visa`, `stadsdel`, `utforare`. */
export function planFiltersOf(search: URLSearchParams) {
  const asked = search.get('visa') ?? '';
  const show: Show = Object.hasOwn(SHOW, asked) ? (asked as Show) : 'forsenade';
  return {
    show,
    overdue: show === 'forsenade' ? 'true' : undefined,
    done: show === 'ej-klara' ? 'false' : undefined,
    districtId: search.get('stadsdel') || undefined,
    providerId: search.get('utforare') || undefined,
  };
}

/** The plans page. */
export function PlansPage() {
  const { user } = useAuth();
  const { search } = useLocation();
  const { show, ...filters } = planFiltersOf(search);
  const list = useListState<PlanSort>({ sorts: ['due', 'start', 'client'], sort: 'due' });
  const plans = useListQuery<PlanView, PlanSort>('/api/implementation-plans', filters, list, {
    key: 'plans',
  });
  return (
    <Page title="Genomförandeplaner">
      <Stack gap="md">
        <Group align="flex-end" gap="sm" role="search" aria-label="Filtrera genomförandeplaner">
          <SegmentedControl
            aria-label="Visa genomförandeplaner"
            value={show}
            onChange={(v) => list.setFilters({ visa: v === 'forsenade' ? null : v })}
            data={Object.entries(SHOW).map(([value, label]) => ({ value, label }))}
            w="fit-content"
          />
          {user?.role !== 'case_officer' && (
            <DistrictFilter
              value={filters.districtId ?? null}
              onChange={(v) => list.setFilters({ stadsdel: v })}
            />
          )}
          {hasRole(user, 'case_officer', 'admin') && (
            <ProviderFilter
              value={filters.providerId ?? null}
              onChange={(v) => list.setFilters({ utforare: v })}
            />
          )}
        </Group>
        <PlanTable query={plans} list={list} />
      </Stack>
    </Page>
  );
}
