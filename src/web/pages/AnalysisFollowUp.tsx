/**
 * Follow-up before and after a model change (SCEN-6, issue #12 §4; 000 asks for one 18–24 months
 * after the change): two populations (the placements on a date, or imported ones), each under its
 * model; persons and shares per level and participation interval, with charts. Cells of fewer
 * than 5 persons are shown as "färre än 5" for analysts (§6).
 */
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { post } from '../api.js';
import { DateField } from '../components/DateField.js';
import { TableScroll } from '../components/TableScroll.js';
import { useModels } from '../hooks.js';
import { formatKr, formatNumber, formatPercent } from '../../contract/format.js';
import { levelLabel, serviceLabel } from '../../contract/labels.js';
import { SUPPRESSED_LABEL } from '../../domain/statistics/suppress.js';
import type { followUpResult } from '../../contract/analysis.js';
import { PopulationSelect, ToolError } from './AnalysisParts.js';
import { Rule } from '../components/Rule.js';

const Chart = lazy(() => import('./scenario-parts.js').then((m) => ({ default: m.Chart })));

type Result = z.infer<typeof followUpResult>;
type Row = Result['levels'][number];

/** The follow-up panel. */
export function FollowUpPanel() {
  const models = useModels();
  const [before, setBefore] = useState({ model: 'lss-bostad-2023', on: '2025-02-01', population: '' });
  const [after, setAfter] = useState({ model: 'lss-bostad-2024', on: '2025-09-01', population: '' });
  const side = (s: typeof before) => ({
    model: s.model,
    ...(s.population ? { populationId: Number(s.population) } : { on: s.on }),
  });
  const run = useMutation({
    mutationFn: () => post<Result>('/api/analysis/follow-up', { before: side(before), after: side(after) }),
  });
  const options = (models.data ?? []).map((m) => ({ value: m.id, label: m.title }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  const fields = (label: string, s: typeof before, set: (v: typeof before) => void) => (
    <Group align="flex-end">
      <Select
        label={`Modell ${label}`}
        data={options}
        value={s.model}
        onChange={(v) => set({ ...s, model: v ?? s.model })}
        allowDeselect={false}
      />
      <PopulationSelect
        label={`Befolkning ${label}`}
        value={s.population}
        onChange={(v) => set({ ...s, population: v })}
      />
      {!s.population && (
        <DateField label={`Datum ${label}`} value={s.on} onChange={(v) => set({ ...s, on: v ?? s.on })} />
      )}
    </Group>
  );
  return (
    <section aria-labelledby="follow-h">
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Title order={2} id="follow-h" size="h3" mb="xs">
          Uppföljning före och efter en modelländring <Rule ids="SCEN-6" />
        </Title>
        {fields('före', before, setBefore)}
        {fields('efter', after, setAfter)}
        <Button type="submit" mt="sm" loading={run.isPending}>
          Följ upp
        </Button>
      </Paper>
      {run.isError && <ToolError title="Uppföljningen kunde inte göras" error={run.error} />}
      {run.data && <FollowUpResult result={run.data} />}
    </section>
  );
}

const shown = (n: number | null, f: (n: number) => string = (x) => formatNumber(x)) =>
  n === null ? SUPPRESSED_LABEL : f(n);

function Shares({ title, rows, name }: { title: string; rows: Row[]; name: (r: Row) => string }) {
  const data = rows
    .filter((r) => !r.suppressed)
    .map((r) => ({
      nivå: `${serviceLabel(r.service)} ${name(r)}`,
      Före: r.before ?? 0,
      Efter: r.after ?? 0,
    }));
  return (
    <section aria-label={title}>
      <Title order={3} size="h4" my="xs">
        {title}
      </Title>
      <TableScroll label={title}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Insats</Table.Th>
              <Table.Th scope="col">Nivå eller intervall</Table.Th>
              <Table.Th scope="col">Personer före</Table.Th>
              <Table.Th scope="col">Personer efter</Table.Th>
              <Table.Th scope="col">Andel före</Table.Th>
              <Table.Th scope="col">Andel efter</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.service}-${r.id}`}>
                <Table.Td>{serviceLabel(r.service)}</Table.Td>
                <Table.Td>{name(r)}</Table.Td>
                <Table.Td>{shown(r.before)}</Table.Td>
                <Table.Td>{shown(r.after)}</Table.Td>
                <Table.Td>{shown(r.shareBefore, (x) => formatPercent(x * 100, 1))}</Table.Td>
                <Table.Td>{shown(r.shareAfter, (x) => formatPercent(x * 100, 1))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Suspense fallback={<Text size="sm">Diagrammet laddas …</Text>}>
        <Chart
          title={`${title}: personer före och efter`}
          data={data}
          dataKey="nivå"
          series={['Före', 'Efter']}
        />
      </Suspense>
    </section>
  );
}

function FollowUpResult({ result }: { result: Result }) {
  const line = (label: string, s: Result['before']) =>
    `${label}: ${s.model}, ${formatNumber(s.persons)} personer, ${formatKr(s.total)} per år` +
    (s.costPerPerson === null ? '' : `, ${formatKr(s.costPerPerson)} per person`);
  return (
    <section aria-labelledby="follow-result-h">
      <Title order={3} id="follow-result-h" size="h4" my="xs">
        Resultat
      </Title>
      <Text size="sm">{line('Före', result.before)}</Text>
      <Text size="sm">{line('Efter', result.after)}</Text>
      <Shares title="Nivåer" rows={result.levels} name={(r) => levelLabel(r.id)} />
      {result.intervals.length > 0 && (
        <Shares title="Deltagandeintervall" rows={result.intervals} name={(r) => `${r.id} timmar/vecka`} />
      )}
    </section>
  );
}
