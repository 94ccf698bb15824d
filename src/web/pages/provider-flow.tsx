/**
 * The provider portal's part of the flow from decision to start: new orders and notices from the
 * district (FLOW-1), offers of its units, which it may not decline (FLOW-3), implementation plans
 * to mark done (FLOW-2); the month's attendance against the decided participation (FLOW-5, SVC-3)
 * is attendance.tsx. Every list is scoped to the signed-in provider by the API.
 */
import { useState } from 'react';
import { Alert, Button, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, withQuery } from '../api.js';
import { QueryState } from '../components/QueryState.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { Rule, TextWithRules } from '../components/Rule.js';
import { formatDate } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { NotificationSort, NotificationView } from '../../contract/notifications.js';
import type { OfferSort, OfferView } from '../../contract/offers.js';
import type { PlacementView } from '../../contract/placements.js';
import type { PlanSort, PlanView } from '../../contract/plans.js';
import type { ListPage } from '../../contract/primitives.js';
import { offerColumns } from './offer-table.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { PlanDoneForm, PlanTable } from './plan-parts.js';

/** What a notification says, in the portal's words, from the placement it concerns. */
function noticeText(n: NotificationView, p: PlacementView | undefined): string {
  // The placement is looked up on the portal's current page of placements; off it, the stored
  // message (service, unit and start, without the client's name) says what happened.
  if (!p && (n.kind === 'order' || n.kind === 'switch')) return n.message;
  const who = p ? `${p.clientName}, ${serviceLabel(p.service)}${p.unitName ? ` på ${p.unitName}` : ''}` : '';
  if (n.kind === 'order')
    return `Ny beställning: ${who}, start ${formatDate(p?.start)}. Genomförandeplanen ska vara klar inom 15 dagar (FLOW-2).`;
  if (n.kind === 'switch')
    return `Uppsägning: ${who}. Den enskilde byter utförare; sista dag ${formatDate(p?.end)} (PAY-6).`;
  if (n.kind === 'offer') return 'Nytt erbjudande till en av era enheter: se Erbjudanden nedan.';
  return 'Genomförandeplan försenad: se Genomförandeplaner nedan.';
}

/**
 * Unread orders and notices, each marked read once handled (FLOW-1), paged on the server newest
 * first, with their own page in the address (`medd-sida`, issue #14 §1).
 */
export function ProviderNotices({ placements }: { placements: PlacementView[] }) {
  const qc = useQueryClient();
  const list = useListState<NotificationSort>({
    sorts: ['created'],
    sort: 'created',
    dir: 'desc',
    prefix: 'medd',
  });
  const notices = useListQuery<NotificationView, NotificationSort>(
    '/api/notifications',
    { unread: 'true', limit: 20 },
    list,
  );
  const read = useMutation({
    mutationFn: (id: number) => post(`/api/notifications/${id}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const columns: Column<NotificationView, NotificationSort>[] = [
    {
      key: 'created',
      header: 'Datum',
      sort: 'created',
      className: 'date',
      render: (n) => formatDate(n.createdOn),
    },
    {
      key: 'message',
      header: 'Meddelande',
      render: (n) => (
        <>
          <TextWithRules
            text={noticeText(
              n,
              placements.find((p) => p.id === n.placementId),
            )}
          />
          {n.orderId !== null && ` Beställning nr ${n.orderId}.`}
        </>
      ),
    },
    {
      key: 'read',
      header: 'Hanterad',
      render: (n) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => read.mutate(n.id)}
          loading={read.isPending && read.variables === n.id}
          // One button per row: its name says which notice, for those who hear it out of the table.
          aria-label={`Markera som läst: ${n.orderId !== null ? `beställning nr ${n.orderId}` : 'meddelandet'} ${formatDate(n.createdOn)}`}
        >
          Markera som läst
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="bestallningar">
      <Title order={2} id="bestallningar" size="h3" mb="xs">
        Nya beställningar och meddelanden
      </Title>
      <PagedTable
        query={notices}
        list={list}
        columns={columns}
        rowKey={(n) => n.id}
        label="Olästa meddelanden"
        noun={{ one: 'oläst meddelande', many: 'olästa meddelanden' }}
        empty="Inga olästa meddelanden."
        testId="provider-notices"
      />
    </section>
  );
}

/** Offers of the provider's units: it may not decline an offered client (FLOW-3). */
export function ProviderOffers() {
  // Paged on the server; its own page and sort in the address (`erbj-sida`, issue #14 §1).
  const list = useListState<OfferSort>({
    sorts: ['offered', 'answerBy'],
    sort: 'offered',
    dir: 'desc',
    prefix: 'erbj',
  });
  const offers = useListQuery<OfferView, OfferSort>('/api/offers', { limit: 20 }, list);
  return (
    <section aria-labelledby="erbjudanden-h">
      <Title order={2} id="erbjudanden-h" size="h3" mb="xs">
        Erbjudanden till era enheter
      </Title>
      <Text size="sm" mb="xs">
        En utförare i valfrihetssystemet får inte tacka nej till en erbjuden person.
        <Rule ids="FLOW-3" /> Den enskilde svarar genom handläggaren.
      </Text>
      <PagedTable
        query={offers}
        list={list}
        columns={offerColumns()}
        rowKey={(o) => o.id}
        label="Erbjudanden"
        noun={{ one: 'erbjudande', many: 'erbjudanden' }}
        empty="Inga erbjudanden."
        testId="provider-offers"
      />
    </section>
  );
}

/**
 * The provider's implementation plans, overdue marked, one page at a time (issue #14 §1, its page
 * and sort in the address as `plan-…`), and the form for one not yet done (FLOW-2).
 */
export function ProviderPlans() {
  const list = useListState<PlanSort>({ sorts: ['due', 'start', 'client'], sort: 'due', prefix: 'plan' });
  const plans = useListQuery<PlanView, PlanSort>('/api/implementation-plans', {}, list, { key: 'plans' });
  // The plans not yet done, soonest due first, for the form's picker.
  const openPlans = useQuery({
    queryKey: ['plans', 'provider', 'open'],
    queryFn: () =>
      get<ListPage<PlanView>>(withQuery('/api/implementation-plans', { done: 'false', limit: 200 })),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="planer-h">
      <Title order={2} id="planer-h" size="h3" mb="xs">
        Genomförandeplaner
      </Title>
      <PlanTable query={plans} list={list} />
      <QueryState query={openPlans} what="genomförandeplanerna">
        {({ items: open }) => {
          const plan = open.find((p) => String(p.placementId) === selected);
          return (
            <Stack gap="sm" mt="sm">
              {open.length > 0 && (
                <Select
                  label="Markera en plan som klar"
                  data={open.map((p) => ({
                    value: String(p.placementId),
                    label: `${p.clientName}, ${serviceLabel(p.service)}, klar senast ${formatDate(p.dueDate)}`,
                  }))}
                  value={selected}
                  onChange={setSelected}
                  searchable
                  nothingFoundMessage="Ingen plan matchar"
                />
              )}
              {plan && (
                <PlanDoneForm
                  key={plan.placementId}
                  plan={plan}
                  onDone={(message) => {
                    setSelected(null);
                    setDone(message);
                  }}
                />
              )}
              <div role="status" aria-live="polite">
                {done && (
                  <Alert color="green" variant="light" title="Sparat">
                    <Text size="sm">{done}</Text>
                  </Alert>
                )}
              </div>
            </Stack>
          );
        }}
      </QueryState>
    </section>
  );
}
