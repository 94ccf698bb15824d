/**
 * One decision (FLOW-1, FLOW-3, FLOW-4): what was decided, the units ranked for it, the offers with
 * their working-day deadlines and the client's answers (decision-offers.tsx), and the order to
 * the chosen unit that makes the placement (its implementation plan due 15 days after the start,
 * FLOW-2; the provider and the assessment office are notified). The ids of the decision, offers
 * and orders are shown, so letters and phone calls can name them.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, get, post, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { DateField, dateBinding } from '../components/DateField.js';
import { Page } from '../components/Page.js';
import { ErrorAlert, QueryState } from '../components/QueryState.js';
import { formatDate, formatPeriod } from '../../contract/format.js';
import type { DecisionView, OrderCreate, OrderCreated } from '../../contract/decisions.js';
import type { OfferView } from '../../contract/offers.js';
import type { ListPage } from '../../contract/primitives.js';
import {
  NO_FIRST_FACTS,
  preliminaryLevelBody,
  validateFirstFacts,
  type FirstFactValues,
} from '../first-facts.js';
import { useProviders } from '../hooks.js';
import { dateError, type FieldErrors } from '../validate.js';
import { Link } from '../router.js';
import { LetterLink } from '../components/ClientLetters.js';
import { FirstFactsFields } from './placement-first-facts.js';
import { decisionName, participationText } from './client-decisions.js';
import { DecisionOffers } from './decision-offers.js';
import { Rule, TextWithRules } from '../components/Rule.js';

const ORDER_FIELDS = ['unitId', 'orderedOn', 'start', 'points', 'assessedOn'] as const;

/** Swedish field checks of the order form; the server checks again (period, level, deadline). */
export function validateOrder(
  service: string,
  v: { unitId: string; orderedOn: string; start: string; first: FirstFactValues },
): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.unitId) errors.unitId = 'Välj enhet.';
  const ordered = dateError(v.orderedOn, 'beställningsdatum', true);
  if (ordered) errors.orderedOn = ordered;
  const start = dateError(v.start, 'startdatum', true);
  if (start) errors.start = start;
  return { ...errors, ...validateFirstFacts(service, v.first, ['level']) };
}

/** The API's names for the preliminary level's fields, as the form names them. */
const orderField = (e: unknown): string | null => {
  const field = formFieldError(e, [
    ...ORDER_FIELDS,
    'preliminaryLevel.points',
    'preliminaryLevel.assessedOn',
  ]);
  return field?.replace(/^preliminaryLevel\./, '') ?? null;
};

/** The order: the unit the client chose, the order date and the start (FLOW-1). */
function OrderForm({ decision, offers }: { decision: DecisionView; offers: OfferView[] }) {
  const qc = useQueryClient();
  const providers = useProviders();
  const accepted = offers.find((o) => o.state === 'accepted' && o.orderId === null);
  const [values, setValues] = useState({
    unitId: accepted ? String(accepted.unitId) : '',
    orderedOn: '',
    start: '',
  });
  const [first, setFirst] = useState<FirstFactValues>(NO_FIRST_FACTS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const units = (providers.data ?? []).flatMap((p) =>
    p.units
      .filter((u) => u.services.includes(decision.service))
      .map((u) => ({ value: String(u.id), label: `${u.name} (${p.name})` })),
  );
  const save = useMutation({
    mutationFn: (body: OrderCreate) => post<OrderCreated>(`/api/decisions/${decision.id}/orders`, body),
    onSuccess: () => void qc.invalidateQueries(),
    onError: (e) => {
      const field = orderField(e);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateOrder(decision.service, { ...values, first });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    save.mutate({
      unitId: Number(values.unitId),
      orderedOn: values.orderedOn.trim(),
      start: values.start.trim(),
      ...preliminaryLevelBody(decision.service, first),
    });
  }
  const set = (k: keyof typeof values) => (v: string | null) => setValues((s) => ({ ...s, [k]: v ?? '' }));
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Beställ insatsen">
        <Stack gap="sm">
          <Select
            label="Enhet"
            name="unitId"
            description={
              accepted ? (
                <TextWithRules
                  text={`Erbjudande nr ${accepted.id} är antaget: start senast ${formatDate(accepted.startBy)} (FLOW-4)`}
                />
              ) : (
                'Den enhet den enskilde har valt'
              )
            }
            data={units}
            value={values.unitId || null}
            onChange={set('unitId')}
            searchable
            nothingFoundMessage="Ingen enhet erbjuder insatsen"
            error={errors.unitId}
            required
          />
          <Group grow align="flex-start">
            <DateField
              label="Beställningsdatum"
              required
              {...dateBinding('orderedOn', values, set, errors)}
            />
            <DateField label="Startdatum" required {...dateBinding('start', values, set, errors)} />
          </Group>
          <FirstFactsFields
            start={values.start}
            service={decision.service}
            values={first}
            errors={errors}
            onChange={setFirst}
            only={['level']}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Beställ och skapa placering
            </Button>
          </Group>
          <div role="status" aria-live="polite">
            {save.data && (
              <Alert color="green" variant="light" title={`Beställning nr ${save.data.id} är skickad`}>
                <Text size="sm">
                  Utföraren och bedömningskansliet har fått besked. Genomförandeplanen ska vara klar senast{' '}
                  {formatDate(save.data.planDue)}.
                  <Rule ids="FLOW-2" />{' '}
                  <Anchor component={Link} href={`/placeringar/${save.data.placementId}`}>
                    Till placeringen
                  </Anchor>
                </Text>
              </Alert>
            )}
          </div>
          {save.isError && !orderField(save.error) && (
            <ErrorAlert title="Beställningen kunde inte göras" error={save.error} />
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** The decision's facts and orders. */
function DecisionFacts({ d, unitName }: { d: DecisionView; unitName: (id: number) => string }) {
  const { user } = useAuth();
  // Order letters are for the orderer and the provider (letters/routes.ts), not the assessment office.
  const orderLetters = hasRole(user, 'case_officer', 'provider', 'admin');
  return (
    <Stack gap="xs" data-decision-id={d.id}>
      <Group gap="md">
        <Anchor component={Link} href={`/klienter/${d.clientId}`}>
          Till klienten
        </Anchor>
        <LetterLink href={`/api/decisions/${d.id}/letter.pdf`}>{`Beslutsbrev nr ${d.id}`}</LetterLink>
      </Group>
      <Text>
        Period: {formatPeriod(d.from, d.to)}. Omfattning: {participationText(d)}. Beslutsdatum:{' '}
        {formatDate(d.decidedOn)}.{d.replacesId !== null && ` Ersätter beslut nr ${d.replacesId} (003).`}
      </Text>
      {d.orders.length > 0 && (
        <Table striped data-testid="decision-orders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Beställning</Table.Th>
              <Table.Th scope="col">Enhet</Table.Th>
              <Table.Th scope="col">Beställd</Table.Th>
              <Table.Th scope="col">Start</Table.Th>
              <Table.Th scope="col">Placering</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.orders.map((o) => (
              <Table.Tr key={o.id} data-order-id={o.id}>
                <Table.Td>
                  {orderLetters ? (
                    <LetterLink
                      href={`/api/orders/${o.id}/letter.pdf`}
                    >{`Beställning nr ${o.id}`}</LetterLink>
                  ) : (
                    `Beställning nr ${o.id}`
                  )}
                </Table.Td>
                <Table.Td>{unitName(o.unitId)}</Table.Td>
                <Table.Td>{formatDate(o.orderedOn)}</Table.Td>
                <Table.Td>{formatDate(o.start)}</Table.Td>
                <Table.Td>
                  {o.placementId !== null ? (
                    <Anchor component={Link} href={`/placeringar/${o.placementId}`}>
                      Placering nr {o.placementId}
                    </Anchor>
                  ) : (
                    '–'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The decision page. */
export function DecisionPage({ id }: { id: string }) {
  const { user } = useAuth();
  const canEdit = hasRole(user, 'case_officer', 'admin');
  const decision = useQuery({
    queryKey: ['decisions', 'one', id],
    queryFn: () => get<DecisionView>(`/api/decisions/${encodeURIComponent(id)}`),
  });
  const offers = useQuery({
    queryKey: ['offers', 'decision', id],
    // One decision's offers: a handful, within one page of 200.
    queryFn: async () =>
      (await get<ListPage<OfferView>>(withQuery('/api/offers', { decisionId: id, limit: 200 }))).items,
    enabled: canEdit,
  });
  const providers = useProviders();
  const unitName = (unitId: number) =>
    providers.data?.flatMap((p) => p.units).find((u) => u.id === unitId)?.name ?? `Enhet nr ${unitId}`;
  return (
    <Page title={decision.data ? decisionName(decision.data) : 'Beslut'}>
      <QueryState query={decision} what="beslutet">
        {(d) => (
          <Stack gap="lg">
            <DecisionFacts d={d} unitName={unitName} />
            {canEdit && (
              <QueryState query={offers} what="erbjudandena">
                {(list) => (
                  <>
                    <DecisionOffers decision={d} offers={list} />
                    <section aria-labelledby="order-h">
                      <Title order={2} id="order-h" size="h3" mb="xs">
                        Beställning
                      </Title>
                      <OrderForm decision={d} offers={list} />
                    </section>
                  </>
                )}
              </QueryState>
            )}
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
