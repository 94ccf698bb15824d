/**
 * The client's decisions and orders (FLOW-1) on the client page: the case officer records the
 * decision (service, period, hours or sessions per week), and a change of participation as a new,
 * dated decision that replaces the old one (003). Each decision links to its page, where the unit
 * is matched, offered and ordered (DecisionPage.tsx).
 */
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, get, post, withQuery } from '../api.js';
import { DateField } from '../components/DateField.js';
import { ErrorAlert, QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDate, formatNumber, formatPeriod } from '../../contract/format.js';
import { SERVICE_LABELS, serviceLabel } from '../../contract/labels.js';
import type { DecisionCreate, DecisionView } from '../../contract/decisions.js';
import type { ListPage } from '../../contract/primitives.js';
import {
  NO_FIRST_FACTS,
  participationBody,
  validateFirstFacts,
  type FirstFactValues,
} from '../first-facts.js';
import { dateError, type FieldErrors } from '../validate.js';
import { Link, navigate } from '../router.js';
import { FirstFactsFields } from './placement-first-facts.js';

const FIELDS = ['service', 'from', 'to', 'decidedOn', 'hoursPerWeek', 'sessionsPerWeek', 'replaces'] as const;

/** The decided participation in words: `20 h/vecka`, `3 pass/vecka` or `–`. */
export function participationText(d: Pick<DecisionView, 'hoursPerWeek' | 'sessionsPerWeek'>): string {
  const parts = [];
  if (d.hoursPerWeek !== null) parts.push(`${formatNumber(d.hoursPerWeek)} h/vecka`);
  if (d.sessionsPerWeek !== null) parts.push(`${formatNumber(d.sessionsPerWeek)} pass/vecka`);
  return parts.join(', ') || '–';
}

/** A decision as users name it: the number letters and lists refer to (FLOW-1). */
export const decisionName = (d: Pick<DecisionView, 'id' | 'service'>): string =>
  `Beslut nr ${d.id}, ${serviceLabel(d.service)}`;

/** Swedish field checks of the decision form; the server checks again. */
export function validateDecision(v: {
  service: string;
  from: string;
  to: string;
  decidedOn: string;
  first: FirstFactValues;
}): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.service) errors.service = 'Välj insats.';
  const from = dateError(v.from, 'från och med', true);
  if (from) errors.from = from;
  const to = dateError(v.to, 'till och med', false);
  if (to) errors.to = to;
  else if (!from && v.to.trim() && v.to.trim() < v.from.trim())
    errors.to = 'Till och med kan inte vara före från och med.';
  const decided = dateError(v.decidedOn, 'beslutsdatum', true);
  if (decided) errors.decidedOn = decided;
  return { ...errors, ...validateFirstFacts(v.service, v.first, ['hoursPerWeek', 'sessionsPerWeek']) };
}

/** The form: a new decision, or with `replaces` a dated change of participation (003). */
function DecisionForm({ clientId, decisions }: { clientId: number; decisions: DecisionView[] }) {
  const qc = useQueryClient();
  const [values, setValues] = useState({ service: '', from: '', to: '', decidedOn: '', replaces: '' });
  const [first, setFirst] = useState<FirstFactValues>(NO_FIRST_FACTS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const replaceable = decisions.filter(
    (d) => d.service === values.service && !decisions.some((x) => x.replacesId === d.id),
  );
  const save = useMutation({
    mutationFn: (body: DecisionCreate) => post<DecisionView>('/api/decisions', body),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: ['decisions'] });
      navigate(`/beslut/${d.id}`);
    },
    onError: (e) => {
      const field = formFieldError(e, FIELDS);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateDecision({ ...values, first });
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`)?.focus();
      return;
    }
    save.mutate({
      clientId,
      service: values.service as DecisionCreate['service'],
      from: values.from.trim(),
      to: values.to.trim() || null,
      decidedOn: values.decidedOn.trim(),
      ...participationBody(values.service, first),
      ...(values.replaces ? { replaces: Number(values.replaces) } : {}),
    });
  }
  const set = (k: keyof typeof values) => (v: string | null) => setValues((s) => ({ ...s, [k]: v ?? '' }));
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Registrera beslut">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Registrera beslut
          </Title>
          <Select
            label="Insats"
            name="service"
            data={Object.entries(SERVICE_LABELS).map(([value, label]) => ({ value, label }))}
            value={values.service || null}
            onChange={(v) => setValues((s) => ({ ...s, service: v ?? '', replaces: '' }))}
            error={errors.service}
            required
          />
          <Group grow align="flex-start">
            <DateField
              label="Från och med"
              name="from"
              value={values.from}
              onChange={set('from')}
              error={errors.from}
              required
            />
            <DateField
              label="Till och med"
              name="to"
              value={values.to}
              onChange={set('to')}
              error={errors.to}
              description="ÅÅÅÅ-MM-DD, tomt om beslutet gäller tills vidare"
            />
            <DateField
              label="Beslutsdatum"
              name="decidedOn"
              value={values.decidedOn}
              onChange={set('decidedOn')}
              error={errors.decidedOn}
              required
            />
          </Group>
          <FirstFactsFields
            start={values.from}
            service={values.service}
            values={first}
            errors={errors}
            onChange={setFirst}
            only={['hoursPerWeek', 'sessionsPerWeek']}
          />
          {replaceable.length > 0 && (
            <Select
              label="Ersätter beslut"
              name="replaces"
              description="Ändrad omfattning kräver ett nytt, daterat beslut; det gamla upphör dagen före (003)"
              data={replaceable.map((d) => ({
                value: String(d.id),
                label: `${decisionName(d)}, ${formatPeriod(d.from, d.to)}`,
              }))}
              value={values.replaces || null}
              onChange={set('replaces')}
              error={errors.replaces}
              clearable
            />
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Registrera beslut
            </Button>
          </Group>
          {save.isError && !formFieldError(save.error, FIELDS) && (
            <ErrorAlert title="Beslutet kunde inte registreras" error={save.error} />
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** The client's decisions with their orders and placements, and the form for a new one. */
export function ClientDecisions({ clientId, canEdit }: { clientId: number; canEdit: boolean }) {
  const decisions = useQuery({
    queryKey: ['decisions', clientId],
    // One client's decisions: a handful, within one page of 200.
    queryFn: async () =>
      (await get<ListPage<DecisionView>>(withQuery('/api/decisions', { clientId, limit: 200 }))).items,
  });
  return (
    <section aria-labelledby="beslut">
      <Title order={2} id="beslut" size="h3" mb="xs">
        Beslut och beställningar
      </Title>
      <QueryState query={decisions} what="besluten">
        {(list) => (
          <Stack gap="md">
            {list.length === 0 ? (
              <Text>Inga beslut registrerade.</Text>
            ) : (
              <TableScroll>
                <Table striped data-testid="client-decisions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Beslut</Table.Th>
                      <Table.Th scope="col">Period</Table.Th>
                      <Table.Th scope="col">Omfattning</Table.Th>
                      <Table.Th scope="col">Beslutsdatum</Table.Th>
                      <Table.Th scope="col">Beställningar</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <Anchor component={Link} href={`/beslut/${d.id}`}>
                            {decisionName(d)}
                          </Anchor>
                          {d.replacesId !== null && <Text size="xs">Ersätter beslut nr {d.replacesId}</Text>}
                        </Table.Td>
                        <Table.Td>{formatPeriod(d.from, d.to)}</Table.Td>
                        <Table.Td>{participationText(d)}</Table.Td>
                        <Table.Td>{formatDate(d.decidedOn)}</Table.Td>
                        <Table.Td>
                          {d.orders.length === 0
                            ? 'Ej beställd'
                            : d.orders.map((o) => (
                                <div key={o.id}>
                                  {o.placementId !== null ? (
                                    <Anchor component={Link} href={`/placeringar/${o.placementId}`}>
                                      Beställning nr {o.id}, start {formatDate(o.start)}
                                    </Anchor>
                                  ) : (
                                    `Beställning nr ${o.id}, start ${formatDate(o.start)}`
                                  )}
                                </div>
                              ))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
            {canEdit && <DecisionForm clientId={clientId} decisions={list} />}
          </Stack>
        )}
      </QueryState>
    </section>
  );
}
