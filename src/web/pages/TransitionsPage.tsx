/**
 * Transition to work (SVC-4, issue #11 §6): each client's transition with its six-month end and
 * the provider's workplace visits. The provider records a visit in its portal; the case officer
 * of the client's district (and admins) follow them.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, post } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { DateField } from '../components/DateField.js';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import {} from '../hooks.js';
import { useLocation } from '../router.js';
import { Rule } from '../components/Rule.js';
import { formatDate } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { TransitionSort, TransitionWithVisits } from '../../contract/participation.js';
import { isIsoDate } from '../../domain/patterns.js';
import { DistrictFilter, ProviderFilter } from '../components/ListFilters.js';

/** The provider's form for one visit. */
function VisitForm({ t }: { t: TransitionWithVisits }) {
  const qc = useQueryClient();
  const [visitedOn, setVisitedOn] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => post(`/api/transitions-to-work/${t.id}/visits`, { visitedOn, note }),
    onSuccess: () => {
      setVisitedOn('');
      setNote('');
      void qc.invalidateQueries({ queryKey: ['transitions-to-work'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!isIsoDate(visitedOn)) return setProblem('Skriv besöksdagen som ÅÅÅÅ-MM-DD.');
    setProblem(null);
    save.mutate();
  }
  const h = `visit-${t.id}-h`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={h}>
      <Title order={4} id={h} mb={4}>
        Registrera besök på arbetsplatsen
      </Title>
      <Group align="flex-end">
        <DateField label="Besöksdag" value={visitedOn} onChange={setVisitedOn} required />
        <TextInput label="Anteckning" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button type="submit" loading={save.isPending}>
          Spara besöket
        </Button>
      </Group>
      {(problem || save.isError) && (
        <Alert color="red" role="alert" mt="xs" title="Besöket kunde inte sparas">
          {problem ?? errorMessage(save.error)}
        </Alert>
      )}
    </form>
  );
}

/** The API filters in the address: `visa` (pagaende, avslutade), `stadsdel`, `utforare`. */
export function transitionFiltersOf(search: URLSearchParams) {
  const show = search.get('visa');
  return {
    ongoing: show === 'pagaende' ? 'true' : show === 'ovriga' ? 'false' : undefined,
    districtId: search.get('stadsdel') || undefined,
    providerId: search.get('utforare') || undefined,
  };
}

/**
 * The page: one page of transitions at a time with the true total, sorted and filtered on the
 * server, the filters, sort and page in the address (issue #14 §1).
 */
export function TransitionsPage() {
  const { user } = useAuth();
  const isProvider = hasRole(user, 'provider');
  const { search } = useLocation();
  const filters = transitionFiltersOf(search);
  const list = useListState<TransitionSort>({ sorts: ['from', 'to', 'client'], sort: 'from', dir: 'desc' });
  const transitions = useListQuery<TransitionWithVisits, TransitionSort>(
    '/api/transitions-to-work',
    filters,
    list,
  );
  const columns: Column<TransitionWithVisits, TransitionSort>[] = [
    { key: 'client', header: 'Klient', sort: 'client', render: (t) => t.clientName },
    { key: 'service', header: 'Insats', render: (t) => serviceLabel(t.service) },
    { key: 'from', header: 'Från', sort: 'from', className: 'date', render: (t) => formatDate(t.from) },
    {
      key: 'to',
      header: 'Till',
      sort: 'to',
      className: 'date',
      render: (t) => (
        <>
          {formatDate(t.to)}
          {t.ongoing && (
            <Badge ml="xs" variant="outline">
              pågår
            </Badge>
          )}
        </>
      ),
    },
    { key: 'limit', header: 'Längst till', className: 'date', render: (t) => formatDate(t.sixMonthEnd) },
    {
      key: 'visits',
      header: 'Besök på arbetsplatsen',
      render: (t) => (
        <Stack gap={4}>
          {t.visits.length === 0 ? (
            <Text size="sm">Inga besök registrerade.</Text>
          ) : (
            <ul aria-label={`Besök på arbetsplatsen för ${t.clientName}`} style={{ margin: 0 }}>
              {t.visits.map((v) => (
                <li key={v.id}>
                  {formatDate(v.visitedOn)}
                  {v.note ? `: ${v.note}` : ''}
                  {v.recordedBy ? ` (registrerat av ${v.recordedBy})` : ''}
                </li>
              ))}
            </ul>
          )}
          {isProvider && <VisitForm t={t} />}
        </Stack>
      ),
    },
  ];
  return (
    <Page title="Övergång till arbete">
      <Text>
        Under övergången till arbete betalas utföraren i högst sex månader, och bara medan den stöttar
        klienten och besöker arbetsplatsen regelbundet.
        <Rule ids="SVC-4" />
      </Text>
      <Group align="flex-end" gap="sm" role="search" aria-label="Filtrera övergångar">
        <Select
          label="Visa"
          placeholder="Alla"
          data={[
            { value: 'pagaende', label: 'Pågående i dag' },
            { value: 'ovriga', label: 'Kommande och avslutade' },
          ]}
          value={search.get('visa') || null}
          onChange={(v) => list.setFilters({ visa: v })}
          clearable
        />
        {hasRole(user, 'admin') && (
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
      <PagedTable
        query={transitions}
        list={list}
        columns={columns}
        rowKey={(t) => t.id}
        label="Övergångar till arbete"
        noun={{ one: 'övergång', many: 'övergångar' }}
        empty="Ingen klient är i övergång till arbete."
        testId="transitions"
      />
    </Page>
  );
}
