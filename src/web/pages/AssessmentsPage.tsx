/**
 * The assessment office's work lists (issue #10 §2): due, overdue, waiting for the second
 * assessor, waiting for reconciliation, decided; with the counts for the start of the day.
 * Case officers see their district's clients' cases. Paged, sorted and filtered on the server
 * (issue #14 §1): the list, district, service and "mine" live in the address with the sort and page.
 */
import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { QueryState } from '../components/QueryState.js';
import { useListQuery, useListState } from '../components/useListState.js';
import {} from '../hooks.js';
import { Link, useLocation } from '../router.js';
import { formatDate } from '../../contract/format.js';
import {
  ASSESSMENT_KIND_LABELS,
  ASSESSMENT_STATE_LABELS,
  SERVICE_LABELS,
  WORK_LIST_LABELS,
  WORK_LISTS,
  serviceLabel,
} from '../../contract/labels.js';
import type { CaseListItem, CaseSort } from '../../contract/assessments.js';
import { BAD } from '../colors.js';
import { DistrictFilter } from '../components/ListFilters.js';

type List = (typeof WORK_LISTS)[number];

/** The four counts of the office's day (GET /api/assessments/overview). */
export function AssessmentCounts() {
  const overview = useQuery({
    queryKey: ['assessments', 'overview'],
    queryFn: () =>
      get<{ due: number; overdue: number; waitingSecond: number; waitingReconciliation: number }>(
        '/api/assessments/overview',
      ),
  });
  return (
    <QueryState query={overview} what="bedömningsläget">
      {(o) => (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {[
            ['Att göra', o.due],
            ['Försenade', o.overdue],
            ['Väntar på andra bedömaren', o.waitingSecond],
            ['Väntar på avstämning', o.waitingReconciliation],
          ].map(([label, n]) => (
            <Paper key={label} withBorder p="sm">
              <Text size="sm">{label}</Text>
              <Text fz="xl" fw={700} c={label === 'Försenade' && Number(n) > 0 ? BAD : undefined}>
                {n}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </QueryState>
  );
}

/**
 * The API filters in the address: `lista` (the work list, `due` when unset), `stadsdel`, `insats`
 * and `mina=1` (an assessor's own cases).
 */
export function caseFiltersOf(search: URLSearchParams) {
  const asked = search.get('lista') ?? '';
  const list: List = (WORK_LISTS as readonly string[]).includes(asked) ? (asked as List) : 'due';
  return {
    list,
    districtId: search.get('stadsdel') || undefined,
    service: search.get('insats') || undefined,
    mine: search.get('mina') === '1' ? 'true' : undefined,
  };
}

/** The work list page. */
export function AssessmentsPage() {
  const { user } = useAuth();
  const { search } = useLocation();
  const filters = caseFiltersOf(search);
  // Decided cases newest first; the others soonest due first.
  const list = useListState<CaseSort>({
    sorts: ['due', 'opened', 'client'],
    sort: 'due',
    dir: filters.list === 'decided' ? 'desc' : 'asc',
  });
  const cases = useListQuery<CaseListItem, CaseSort>('/api/assessments', filters, list);
  const columns: Column<CaseListItem, CaseSort>[] = [
    {
      key: 'case',
      header: 'Ärende',
      render: (c) => (
        <Anchor component={Link} href={`/bedomningar/${c.id}`}>
          Ärende {c.id}
        </Anchor>
      ),
    },
    { key: 'client', header: 'Klient', sort: 'client', render: (c) => c.clientName },
    { key: 'service', header: 'Insats', render: (c) => serviceLabel(c.service) },
    { key: 'kind', header: 'Slag', render: (c) => ASSESSMENT_KIND_LABELS[c.kind] },
    { key: 'state', header: 'Läge', render: (c) => ASSESSMENT_STATE_LABELS[c.state] },
    {
      key: 'opened',
      header: 'Öppnad',
      sort: 'opened',
      className: 'date',
      render: (c) => formatDate(c.openedOn),
    },
    {
      key: 'due',
      header: 'Senast',
      sort: 'due',
      className: 'date',
      render: (c) => (
        <Group gap={4} wrap="nowrap">
          {formatDate(c.dueDate)}
          {c.overdue && (
            <Badge color={BAD} variant="outline">
              försenad
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'level', header: 'Nivå', render: (c) => (c.agreedLevel ? `Nivå ${c.agreedLevel}` : '–') },
  ];
  return (
    <Page
      title="Bedömningar"
      actions={
        <Group>
          <Anchor component={Link} href="/bedomningar/statistik">
            Samstämmighet mellan bedömare
          </Anchor>
          {hasRole(user, 'assessor', 'admin') && (
            <Anchor component={Link} href="/bedomningar/uppstart">
              Uppstartsmätning
            </Anchor>
          )}
          {hasRole(user, 'assessor', 'admin') && (
            <Anchor component={Link} href="/ansokningar">
              Ansökningar om individuell ersättning
            </Anchor>
          )}
        </Group>
      }
    >
      <AssessmentCounts />
      <section aria-labelledby="worklist-h">
        <Title order={2} id="worklist-h" size="h3" mb="xs">
          Arbetslista
        </Title>
        <SegmentedControl
          aria-label="Välj arbetslista"
          value={filters.list}
          onChange={(v) => list.setFilters({ lista: v, sortera: null, ordning: null })}
          data={WORK_LISTS.map((l) => ({ value: l, label: WORK_LIST_LABELS[l] }))}
          mb="sm"
        />
        <Group align="flex-end" gap="sm" role="search" aria-label="Filtrera ärenden" mb="sm">
          {user?.role !== 'case_officer' && (
            <DistrictFilter
              value={filters.districtId ?? null}
              onChange={(v) => list.setFilters({ stadsdel: v })}
            />
          )}
          <Select
            label="Insats"
            placeholder="Alla insatser"
            data={Object.entries(SERVICE_LABELS).map(([value, label]) => ({ value, label }))}
            value={filters.service ?? null}
            onChange={(v) => list.setFilters({ insats: v })}
            clearable
          />
          {user?.role === 'assessor' && (
            <Checkbox
              label="Bara mina"
              checked={filters.mine === 'true'}
              onChange={(e) => list.setFilters({ mina: e.currentTarget.checked ? '1' : null })}
            />
          )}
        </Group>
        <PagedTable
          query={cases}
          list={list}
          columns={columns}
          rowKey={(c) => c.id}
          label={`Arbetslista: ${WORK_LIST_LABELS[filters.list]}`}
          noun={{ one: 'ärende', many: 'ärenden' }}
          empty="Inga ärenden i listan."
          testId="cases"
        />
      </section>
    </Page>
  );
}
