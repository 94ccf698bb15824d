/**
 * A new application for an individual rate (LVL-6) or special accounting (LVL-7): the five
 * criteria of 001 and a cost calculation of staff hours × hourly cost + other costs, shown as it
 * is typed (the domain's own calculation, rounded once), and in social psychiatry the agreement
 * between orderer and provider. The server checks the points against the model's limit (LVL-6).
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { SwedishNumberInput } from '../components/SwedishNumberInput.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, post } from '../api.js';
import { formatNumber, formatOre } from '../../contract/format.js';
import {
  RATE_APPLICATION_CRITERIA,
  RATE_APPLICATION_CRITERION_LABELS,
  RATE_APPLICATION_KIND_LABELS,
  RATE_APPLICATION_KINDS,
  serviceLabel,
} from '../../contract/labels.js';
import type { RateApplication } from '../../contract/rate-applications.js';
import { costCalculation } from '../../domain/assessment/individual-rate.js';
import { kronorToOre } from '../../domain/money.js';
import { Rule } from '../components/Rule.js';

type Kind = (typeof RATE_APPLICATION_KINDS)[number];
type Criterion = (typeof RATE_APPLICATION_CRITERIA)[number];
const FIELDS = ['placementId', 'kind', 'points', 'ordererProviderAgreed', 'staffHoursPerYear'] as const;

/** The form; `placements` are the client's placements to choose from. */
export function RateApplicationForm({
  clientId,
  placements,
}: {
  clientId: string;
  placements: { id: number; service: string; unitName: string | null; start: string }[];
}) {
  const qc = useQueryClient();
  const [placementId, setPlacementId] = useState<string | null>(
    placements[0] ? String(placements[0].id) : null,
  );
  const [kind, setKind] = useState<Kind>('special-accounting');
  const [criteria, setCriteria] = useState<Record<Criterion, string>>(
    Object.fromEntries(RATE_APPLICATION_CRITERIA.map((c) => [c, ''])) as Record<Criterion, string>,
  );
  const [hours, setHours] = useState<number | string>(0);
  const [hourly, setHourly] = useState<number | string>(0);
  const [other, setOther] = useState<number | string>(0);
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  // After a submit with criteria left empty, each of them says so next to itself until filled in.
  const [marked, setMarked] = useState(false);
  const cost = costCalculation({
    staffHoursPerYear: Number(hours) || 0,
    hourlyCostKr: Number(hourly) || 0,
    otherCostsKr: Number(other) || 0,
  });
  const create = useMutation({
    mutationFn: () =>
      post<RateApplication>('/api/rate-applications', {
        placementId: Number(placementId),
        kind,
        criteria,
        staffHoursPerYear: Number(hours) || 0,
        hourlyCostKr: Number(hourly) || 0,
        otherCostsKr: Number(other) || 0,
        ordererProviderAgreed: agreed,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['rate-applications'] });
      void qc.invalidateQueries({ queryKey: ['client', clientId, 'assessments'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const empty = RATE_APPLICATION_CRITERIA.filter((c) => !criteria[c].trim());
    setMarked(true);
    const first = !placementId ? 'placementId' : empty[0];
    if (first) e.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    if (!placementId) setMissing('Välj placering.');
    else if (empty.length > 0)
      setMissing(
        empty.length === 1
          ? `Fyll i ${RATE_APPLICATION_CRITERION_LABELS[empty[0]!].toLowerCase()}.`
          : `${empty.length} av de fem kriterierna är inte ifyllda.`,
      );
    else {
      setMissing(null);
      create.mutate();
    }
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="new-application-h">
        <Stack gap="sm">
          <Title order={2} id="new-application-h" size="h3">
            Ny ansökan
          </Title>
          <Select
            label="Placering"
            name="placementId"
            data={placements.map((p) => ({
              value: String(p.id),
              label: `${serviceLabel(p.service)}${p.unitName ? `, ${p.unitName}` : ''} från ${p.start}`,
            }))}
            value={placementId}
            onChange={setPlacementId}
            required
          />
          <Radio.Group label="Slag" name="kind" value={kind} onChange={(v) => setKind(v as Kind)}>
            <Stack gap={4} mt={4}>
              {RATE_APPLICATION_KINDS.map((k) => (
                <Radio key={k} value={k} label={RATE_APPLICATION_KIND_LABELS[k]} />
              ))}
            </Stack>
          </Radio.Group>
          {RATE_APPLICATION_CRITERIA.map((c) => (
            <Textarea
              key={c}
              label={RATE_APPLICATION_CRITERION_LABELS[c]}
              name={c}
              autosize
              minRows={2}
              value={criteria[c]}
              error={
                marked && !criteria[c].trim()
                  ? `Fyll i ${RATE_APPLICATION_CRITERION_LABELS[c].toLowerCase()}.`
                  : undefined
              }
              onChange={(e) => {
                const text = e.currentTarget.value;
                setCriteria((s) => ({ ...s, [c]: text }));
              }}
              required
            />
          ))}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <SwedishNumberInput
              label="Personaltimmar per år"
              name="staffHoursPerYear"
              min={0}
              decimalScale={2}
              value={hours}
              onChange={setHours}
            />
            <SwedishNumberInput
              label="Timkostnad (kr)"
              name="hourlyCostKr"
              min={0}
              decimalScale={2}
              value={hourly}
              onChange={setHourly}
            />
            <SwedishNumberInput
              label="Övriga kostnader per år (kr)"
              name="otherCostsKr"
              min={0}
              decimalScale={2}
              value={other}
              onChange={setOther}
            />
          </SimpleGrid>
          <Text aria-live="polite" data-testid="cost-calculation">
            Kostnadsberäkning: {formatNumber(Number(hours) || 0)} timmar ×{' '}
            {formatOre(kronorToOre(Number(hourly) || 0))} + {formatOre(cost.otherCosts)} ={' '}
            <strong>{formatOre(cost.annualCost)} per år</strong> ({formatOre(cost.perDay)} per dygn)
          </Text>
          <Checkbox
            label={
              <>
                Beställare och utförare är överens om ersättningen (krävs för individuell ersättning)
                <Rule ids="LVL-6" />
              </>
            }
            name="ordererProviderAgreed"
            checked={agreed}
            onChange={(e) => setAgreed(e.currentTarget.checked)}
          />
          {missing && (
            <Alert color="red" role="alert" title="Ansökan är inte komplett">
              {missing}
            </Alert>
          )}
          {create.isError && (
            <Alert color="red" role="alert" title="Ansökan kunde inte lämnas in">
              {errorMessage(create.error)}
              {formFieldError(create.error, FIELDS) === 'points'
                ? ' Se klientens poäng i nivåhistoriken.'
                : ''}
            </Alert>
          )}
          {create.isSuccess && (
            <Alert color="green" role="status" title="Ansökan är inlämnad">
              Den väntar nu på beslut.
            </Alert>
          )}
          <Button type="submit" loading={create.isPending}>
            Lämna in ansökan
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
