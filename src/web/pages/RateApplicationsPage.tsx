/**
 * A client's applications for an individual rate (LVL-6) or special accounting (LVL-7) with their
 * history (issue #10 §9): the five criteria, the cost calculation, the points when applied and in
 * social psychiatry the orderer/provider agreement; a decision with amount and period (granted)
 * or a reason (refused). Case officers of the client's district and admins apply and decide.
 * The history is paged on the server with its true total (issue #14 §1): the page's applications
 * in a table (sort by submission, state and kind in the address, with the office-wide list's state
 * filter and columns: rate-application-list.tsx), each with its card below.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { SwedishNumberInput } from '../components/SwedishNumberInput.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { DateField } from '../components/DateField.js';
import { Page } from '../components/Page.js';
import { PagedTable } from '../components/PagedTable.js';
import { QueryState } from '../components/QueryState.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { Link, useLocation } from '../router.js';
import { formatDate, formatKr } from '../../contract/format.js';
import {
  RATE_APPLICATION_CRITERIA,
  RATE_APPLICATION_CRITERION_LABELS,
  RATE_APPLICATION_KIND_LABELS,
  RATE_APPLICATION_STATE_LABELS,
  serviceLabel,
} from '../../contract/labels.js';
import type { ClientDetail } from '../../contract/clients.js';
import type {
  ApplicationSort,
  RateApplication,
  RateApplicationListItem,
} from '../../contract/rate-applications.js';
import { isIsoDate } from '../../domain/patterns.js';
import { RateApplicationForm } from './RateApplicationForm.js';
import {
  APPLICATION_COLUMNS,
  ApplicationStateFilter,
  applicationFiltersOf,
} from './rate-application-list.js';

/** The decision on a submitted application: granted with amount and period, or refused. */
function DecisionForm({ a, clientId }: { a: RateApplication; clientId: string }) {
  const qc = useQueryClient();
  const [granted, setGranted] = useState('yes');
  const [amount, setAmount] = useState<number | string>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: () =>
      post<RateApplication>(`/api/rate-applications/${a.id}/decision`, {
        granted: granted === 'yes',
        ...(granted === 'yes' ? { amountKr: Number(amount), from, to: to || null } : {}),
        reason,
        version: a.version,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['rate-applications'] });
      void qc.invalidateQueries({ queryKey: ['client', clientId, 'assessments'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return setProblem('Skriv en motivering.');
    if (granted === 'yes' && (amount === '' || !isIsoDate(from)))
      return setProblem('Ange belopp och från-datum (ÅÅÅÅ-MM-DD).');
    if (to && !isIsoDate(to)) return setProblem('Till-datum ska vara ÅÅÅÅ-MM-DD.');
    setProblem(null);
    decide.mutate();
  }
  const h = `decide-${a.id}-h`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={h}>
      <Stack gap="xs">
        <Title order={4} id={h}>
          Beslut
        </Title>
        <Radio.Group label="Beslut" name={`granted-${a.id}`} value={granted} onChange={setGranted}>
          <Group mt={4}>
            <Radio value="yes" label="Bevilja" />
            <Radio value="no" label="Avslå" />
          </Group>
        </Radio.Group>
        {granted === 'yes' && (
          <Group align="flex-start">
            <SwedishNumberInput
              label="Belopp per dygn (kr)"
              min={0}
              decimalScale={2}
              value={amount}
              onChange={setAmount}
            />
            <DateField label="Från" value={from} onChange={setFrom} required />
            <DateField label="Till (tom = tills vidare)" value={to} onChange={setTo} />
          </Group>
        )}
        <Textarea
          label="Motivering"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
        />
        {(problem || decide.isError) && (
          <Alert color="red" role="alert" title="Beslutet kunde inte sparas">
            {problem ?? errorMessage(decide.error)}
          </Alert>
        )}
        <Button type="submit" loading={decide.isPending} w="fit-content">
          Spara beslut
        </Button>
      </Stack>
    </form>
  );
}

/** One application with its criteria, cost calculation and decision. */
function ApplicationCard({
  a,
  clientId,
  canDecide,
}: {
  a: RateApplication;
  clientId: string;
  canDecide: boolean;
}) {
  const h = `application-${a.id}-h`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={h}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={h}>
          {RATE_APPLICATION_KIND_LABELS[a.kind]}, {serviceLabel(a.service)}:{' '}
          {RATE_APPLICATION_STATE_LABELS[a.state]}
        </Title>
        <dl>
          {RATE_APPLICATION_CRITERIA.map((c) => (
            <div key={c}>
              <dt>{RATE_APPLICATION_CRITERION_LABELS[c]}</dt>
              <dd>{a.criteria[c] ?? '–'}</dd>
            </div>
          ))}
        </dl>
        <Text>
          Kostnadsberäkning: {a.cost.staffHoursPerYear} timmar × {formatKr(a.cost.hourlyCost)} +{' '}
          {formatKr(a.cost.otherCosts)} = {formatKr(a.cost.annualCost)} per år ({formatKr(a.cost.perDay)} per
          dygn)
        </Text>
        <Text>
          Poäng vid ansökan: {a.points ?? 'inga'}.{' '}
          {a.ordererProviderAgreed
            ? 'Beställare och utförare är överens.'
            : 'Beställare och utförare har inte angett att de är överens.'}
        </Text>
        {a.decision && (
          <Text>
            {a.state === 'granted'
              ? `Beviljad: ${formatKr(a.decision.amount ?? 0)} per dygn från ${formatDate(a.decision.from ?? '')}${a.decision.to ? ` till ${formatDate(a.decision.to)}` : ' tills vidare'}.`
              : 'Avslagen.'}{' '}
            Motivering: {a.decision.reason}. Beslutad av {a.decision.decidedBy ?? '–'}
            {a.decision.decidedAt ? ` ${formatDate(a.decision.decidedAt)}` : ''}.
          </Text>
        )}
        {a.state === 'submitted' && canDecide && <DecisionForm a={a} clientId={clientId} />}
      </Stack>
    </Paper>
  );
}

/** The page for one client. */
export function RateApplicationsPage({ id }: { id: string }) {
  const { user } = useAuth();
  const canApply = hasRole(user, 'case_officer', 'admin');
  const client = useQuery({
    queryKey: ['client', id],
    queryFn: () => get<ClientDetail>(`/api/clients/${encodeURIComponent(id)}`),
  });
  const { search } = useLocation();
  const { state, kind } = applicationFiltersOf(search);
  const list = useListState<ApplicationSort>({ sorts: ['submitted'], sort: 'submitted', dir: 'desc' });
  const apps = useListQuery<RateApplicationListItem, ApplicationSort>(
    '/api/rate-applications',
    { clientId: id, state, kind },
    list,
  );
  return (
    <Page
      title={`Individuell ersättning och särskild redovisning${client.data ? `: ${client.data.name}` : ''}`}
    >
      <Anchor component={Link} href={`/klienter/${encodeURIComponent(id)}/bedomningar`}>
        Till klientens nivåer och bedömningar
      </Anchor>
      <section aria-labelledby="history-h">
        <Title order={2} id="history-h" size="h3" mb="xs">
          Ansökningar och beslut
        </Title>
        <Group align="flex-end" gap="sm" role="search" aria-label="Filtrera klientens ansökningar">
          <ApplicationStateFilter state={state} list={list} />
        </Group>
        <PagedTable
          query={apps}
          list={list}
          columns={APPLICATION_COLUMNS}
          rowKey={(a) => a.id}
          label="Klientens ansökningar"
          noun={{ one: 'ansökan', many: 'ansökningar' }}
          empty={state ? 'Inga ansökningar i det läget.' : 'Inga ansökningar ännu.'}
          testId="client-rate-applications"
        />
        {apps.data && apps.data.items.length > 0 && (
          <Stack mt="md">
            {apps.data.items.map((a) => (
              <ApplicationCard key={a.id} a={a} clientId={id} canDecide={canApply} />
            ))}
          </Stack>
        )}
      </section>
      {canApply && (
        <QueryState query={client} what="klientens placeringar">
          {(c) => (
            <RateApplicationForm
              clientId={id}
              placements={c.placements
                .filter((p) => !p.end)
                .map((p) => ({ ...p, unitName: p.unitName ?? null }))}
            />
          )}
        </QueryState>
      )}
    </Page>
  );
}
