/**
 * The provider portal's two lists (issue #14 §1), each paged, sorted and filtered on the server
 * with its state in the address: the provider's placements (filtered by unit, service and status;
 * the API scopes them to the signed-in provider) and its monthly specifications (approved and
 * exported runs only: a provider sees no draft, issue #14 §3). The specifications' paging fields
 * carry the prefix `spec-` so both lists keep their own page.
 */
import { Anchor, Badge, Group, Select, Title } from '@mantine/core';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState, type ListState } from '../components/useListState.js';
import { WARN } from '../colors.js';
import { useLevelNamer } from '../hooks.js';
import { civilDate, formatDate, formatKr, formatMonth } from '../../contract/format.js';
import { PLACEMENT_STATUS_LABELS, SERVICE_LABELS, serviceLabel } from '../../contract/labels.js';
import type { PlacementSort, PlacementStatus, PlacementView } from '../../contract/placements.js';
import type { RunSort, RunView } from '../../contract/settlement-runs.js';
import type { ProviderView } from '../../contract/providers.js';
import { Link } from '../router.js';
import { levelText } from './ClientPage.js';
import { RunStatus } from '../components/RunFilters.js';

/** The address's words for the status filter (`?status=`), as on Placeringar. */
const STATUS_WORDS: Record<string, PlacementStatus> = {
  pagaende: 'ongoing',
  avslutade: 'ended',
  uppsagda: 'notice',
};

const PLACEMENT_SORTS: PlacementSort[] = ['client', 'start', 'end'];

/** The provider's placement list state and its current page (the notices name placements from it). */
export function useProviderPlacements() {
  const list = useListState<PlacementSort>({ sorts: PLACEMENT_SORTS, sort: 'client' });
  const unit = list.filter('enhet');
  const statusWord = list.filter('status');
  const filters = {
    unitId: /^[1-9][0-9]{0,9}$/.test(unit) ? unit : undefined,
    service: list.filter('insats') || undefined,
    status: Object.hasOwn(STATUS_WORDS, statusWord) ? STATUS_WORDS[statusWord] : undefined,
  };
  // 100 a page: the notices above name the placements found on it (provider-flow.tsx).
  const query = useListQuery<PlacementView, PlacementSort>(
    '/api/placements',
    { ...filters, limit: 100 },
    list,
  );
  return { list, filters, query };
}

/** The provider's placements, one page at a time, with unit, service and status filters. */
export function ProviderPlacements({
  placements,
  own,
}: {
  placements: ReturnType<typeof useProviderPlacements>;
  own: ProviderView | undefined;
}) {
  const { list, filters, query } = placements;
  const nameLevel = useLevelNamer();
  const today = civilDate(new Date());
  const unitName = (id: number) => own?.units.find((u) => u.id === id)?.name ?? '–';
  const columns: Column<PlacementView, PlacementSort>[] = [
    { key: 'client', header: 'Klient', sort: 'client', render: (p) => p.clientName },
    { key: 'service', header: 'Insats', render: (p) => serviceLabel(p.service) },
    { key: 'unit', header: 'Enhet', render: (p) => p.unitName ?? unitName(p.unitId) },
    { key: 'start', header: 'Start', sort: 'start', className: 'date', render: (p) => formatDate(p.start) },
    {
      key: 'end',
      header: 'Slut',
      sort: 'end',
      className: 'date',
      render: (p) => (p.end ? formatDate(p.end) : 'pågår'),
    },
    {
      key: 'level',
      header: 'Nivå',
      render: (p) =>
        p.currentLevel ? (
          levelText(p.currentLevel, nameLevel(p.service, today, p.currentLevel.points))
        ) : (
          <Badge variant="outline" color={WARN}>
            Saknar nivå
          </Badge>
        ),
    },
  ];
  const filtered = Boolean(filters.unitId || filters.service || filters.status);
  return (
    <section aria-labelledby="clients-h">
      <Title order={2} id="clients-h" size="h3" mb="xs">
        Klienter
      </Title>
      <Group align="flex-end" gap="sm" mb="sm" role="search" aria-label="Filtrera placeringar">
        <Select
          label="Enhet"
          placeholder="Alla enheter"
          data={(own?.units ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
          value={filters.unitId ?? null}
          onChange={(v) => list.setFilters({ enhet: v })}
          clearable
          searchable
        />
        <Select
          label="Insats"
          placeholder="Alla insatser"
          data={Object.entries(SERVICE_LABELS).map(([value, label]) => ({ value, label }))}
          value={filters.service ?? null}
          onChange={(v) => list.setFilters({ insats: v })}
          clearable
        />
        <Select
          label="Status"
          placeholder="Alla"
          data={Object.entries(STATUS_WORDS).map(([word, id]) => ({
            value: word,
            label: PLACEMENT_STATUS_LABELS[id] ?? word,
          }))}
          value={filters.status ? list.filter('status') : null}
          onChange={(v) => list.setFilters({ status: v })}
          clearable
        />
      </Group>
      <PagedTable
        query={query}
        list={list}
        columns={columns}
        rowKey={(p) => p.id}
        label="Klienter"
        noun={{ one: 'placering', many: 'placeringar' }}
        empty={filtered ? 'Inga placeringar matchar urvalet.' : 'Inga placeringar.'}
        testId="provider-clients"
      />
    </section>
  );
}

/** The provider's monthly specifications (approved and exported runs), newest month first. */
export function ProviderSpecifications({ providerId }: { providerId: string }) {
  const list: ListState<RunSort> = useListState<RunSort>({
    sorts: ['month', 'status'],
    sort: 'month',
    dir: 'desc',
    prefix: 'spec',
  });
  const runs = useListQuery<RunView, RunSort>('/api/settlement-runs', {}, list, { key: 'runs' });
  const columns: Column<RunView, RunSort>[] = [
    {
      key: 'month',
      header: 'Månad',
      sort: 'month',
      render: (r) => (
        <Anchor component={Link} href={`/avrakning/${r.id}/utforare/${encodeURIComponent(providerId)}`}>
          Specifikation {formatMonth(r.month)}
        </Anchor>
      ),
    },
    { key: 'status', header: 'Status', sort: 'status', render: (r) => <RunStatus status={r.status} /> },
    { key: 'total', header: 'Summa', className: 'num', render: (r) => formatKr(r.total) },
  ];
  return (
    <section aria-labelledby="specifikationer">
      <Title order={2} id="specifikationer" size="h3" mb="xs">
        Månadsspecifikationer
      </Title>
      <PagedTable
        query={runs}
        list={list}
        columns={columns}
        rowKey={(r) => r.id}
        label="Månadsspecifikationer"
        noun={{ one: 'specifikation', many: 'specifikationer' }}
        empty="Inga avräkningar ännu."
        testId="provider-runs"
      />
    </section>
  );
}
