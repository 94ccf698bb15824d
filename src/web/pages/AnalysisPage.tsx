/**
 * Analysverktyg (issue #12 §4): base-staffing break-even (SCEN-4: for a model, service, regime and
 * a unit's annual cost, the mix over the two lowest levels that covers it for 1–12 residents), a
 * cost survey to rates (SCEN-5), follow-up before and after a model change (SCEN-6) and cost
 * neutrality (SCEN-2), the last two offering draft model files.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { errorMessage, post } from '../api.js';
import { Page } from '../components/Page.js';
import { TableScroll } from '../components/TableScroll.js';
import { useModels } from '../hooks.js';
import { formatKr } from '../../contract/format.js';
import { levelLabel, serviceLabel } from '../../contract/labels.js';
import type { breakevenResponse } from '../../contract/analysis.js';
import { FollowUpPanel } from './AnalysisFollowUp.js';
import { NeutralPanel } from './AnalysisNeutral.js';
import { SurveyPanel } from './AnalysisSurvey.js';
import { Rule } from '../components/Rule.js';

type Result = z.infer<typeof breakevenResponse>;

/** The page. */
export function AnalysisPage() {
  const models = useModels();
  const [model, setModel] = useState<string | null>('lss-bostad-2024');
  const [service, setService] = useState<string | null>('lss-gruppbostad');
  const [regime, setRegime] = useState<string | null>('kommunal');
  const [cost, setCost] = useState('3500000');
  const costKr = Number(cost.replace(/\s/g, '').replace(',', '.'));
  const validCost = Number.isFinite(costKr) && costKr > 0;
  const solve = useMutation({
    mutationFn: () => post<Result>('/api/analysis/breakeven', { model, service, regime, annualCost: costKr }),
  });
  const services = models.data?.find((m) => m.id === model)?.services ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (model && service && regime && validCost) solve.mutate();
  };
  return (
    <Page title="Analysverktyg">
      <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="be-h">
        <Title order={2} id="be-h" size="h3" mb="xs">
          Grundbemanning: vilka boendemixar bär kostnaden?
          <Rule ids="SCEN-4" />
        </Title>
        <Group align="flex-end">
          <Select
            label="Modell"
            value={model}
            onChange={setModel}
            data={(models.data ?? []).map((m) => ({ value: m.id, label: m.id }))}
            allowDeselect={false}
          />
          <Select
            label="Insats"
            value={service}
            onChange={setService}
            data={services.map((s) => ({ value: s, label: serviceLabel(s) }))}
            allowDeselect={false}
          />
          <Select
            label="Regiform"
            value={regime}
            onChange={setRegime}
            data={[
              { value: 'kommunal', label: 'Kommunal regi' },
              { value: 'entreprenad', label: 'Entreprenad' },
              { value: 'privat', label: 'Privat regi' },
            ]}
            allowDeselect={false}
          />
          <TextInput
            label="Kostnad per år (kr)"
            name="annualCost"
            value={cost}
            onChange={(e) => setCost(e.currentTarget.value)}
            error={cost && !validCost ? 'Skriv ett belopp i kronor, till exempel 3500000' : undefined}
          />
          <Button type="submit" loading={solve.isPending}>
            Beräkna
          </Button>
        </Group>
      </Paper>
      {solve.isError && (
        <Alert color="red" role="alert" title="Kunde inte beräkna">
          {errorMessage(solve.error)}
        </Alert>
      )}
      {solve.data && <Mixes result={solve.data} />}
      <SurveyPanel />
      <FollowUpPanel />
      <NeutralPanel />
    </Page>
  );
}

function Mixes({ result }: { result: Result }) {
  const { low, high } = result.levels;
  return (
    <section aria-labelledby="mix-h">
      <Title order={2} id="mix-h" size="h3" mb="xs">
        Boendemixar som bär {formatKr(result.annualCost)} per år
      </Title>
      <Text size="sm">
        {levelLabel(low)} ger {formatKr(result.rates.low)} och {levelLabel(high)}{' '}
        {formatKr(result.rates.high)} per dygn, {result.daysPerYear} dygn per år.
      </Text>
      <TableScroll label="Boendemixar">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Boende</Table.Th>
              <Table.Th scope="col">{levelLabel(low)}</Table.Th>
              <Table.Th scope="col">{levelLabel(high)}</Table.Th>
              <Table.Th scope="col">Intäkt per år</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.mixes.map((m) => (
              <Table.Tr key={m.residents}>
                <Table.Td>{m.residents}</Table.Td>
                <Table.Td>{m.counts ? m.counts[low] : '–'}</Table.Td>
                <Table.Td>{m.counts ? m.counts[high] : '–'}</Table.Td>
                <Table.Td>{m.annualIncome === null ? 'räcker inte' : formatKr(m.annualIncome)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}
