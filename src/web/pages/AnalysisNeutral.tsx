/**
 * Cost neutrality (SCEN-2, issue #12 §4): the proposal solved so that it costs what the baseline
 * costs on a population, for a uniform factor, one level's amount or a participation interval's
 * share of full time (the daily-activity part-time share); the solved proposal is offered as a
 * draft model file that passes `model-check`.
 */
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, SegmentedControl, Select, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { post } from '../api.js';
import { DateField } from '../components/DateField.js';
import { useModels } from '../hooks.js';
import { formatKr, formatKrSigned, formatNumber } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { solveResult } from '../../contract/analysis.js';
import { DownloadModel, PopulationSelect, ToolError } from './AnalysisParts.js';
import { Rule } from '../components/Rule.js';

type Result = z.infer<typeof solveResult>;

/** The neutrality panel. */
export function NeutralPanel() {
  const models = useModels();
  const [baseline, setBaseline] = useState<string | null>('lss-bostad-2023');
  const [proposal, setProposal] = useState<string | null>('lss-bostad-2024');
  const [basis, setBasis] = useState<'schablon' | 'peng'>('schablon');
  const [kind, setKind] = useState('factor');
  const [service, setService] = useState('lss-gruppbostad');
  const [id, setId] = useState('3');
  const [population, setPopulation] = useState('');
  const [on, setOn] = useState('2025-06-01');
  const target =
    kind === 'factor'
      ? { kind }
      : kind === 'level'
        ? { kind, service, level: id.trim() }
        : { kind, service, interval: id.trim() };
  const run = useMutation({
    mutationFn: () =>
      post<Result>('/api/analysis/solve', {
        baseline,
        proposal,
        basis,
        target,
        ...(population ? { populationId: Number(population) } : { on }),
      }),
  });
  const options = (models.data ?? []).map((m) => ({ value: m.id, label: m.title }));
  const services = [...new Set((models.data ?? []).find((m) => m.id === proposal)?.services ?? [])];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  return (
    <section aria-labelledby="neutral-h">
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Title order={2} id="neutral-h" size="h3" mb="xs">
          Kostnadsneutralitet <Rule ids="SCEN-2" />
        </Title>
        <Group align="flex-end">
          <Select
            label="Nuvarande modell"
            data={options}
            value={baseline}
            onChange={setBaseline}
            allowDeselect={false}
          />
          <Select
            label="Förslag"
            data={options}
            value={proposal}
            onChange={setProposal}
            allowDeselect={false}
          />
          <PopulationSelect label="Befolkning" value={population} onChange={setPopulation} />
          {!population && <DateField label="Datum" value={on} onChange={setOn} />}
        </Group>
        <Group align="flex-end" mt="sm">
          <div>
            <Text size="sm" fw={500} id="solve-kind">
              Lös för
            </Text>
            <SegmentedControl
              aria-labelledby="solve-kind"
              value={kind}
              onChange={(v) => {
                setKind(v);
                if (v === 'interval') {
                  setBasis('peng');
                  setService('lss-daglig-verksamhet');
                  setId('1-10');
                }
              }}
              data={[
                { value: 'factor', label: 'En faktor för alla belopp' },
                { value: 'level', label: 'En nivås belopp' },
                { value: 'interval', label: 'Deltidens andel' },
              ]}
            />
          </div>
          <div>
            <Text size="sm" fw={500} id="solve-basis">
              Kostnadsgrund
            </Text>
            <SegmentedControl
              aria-labelledby="solve-basis"
              value={basis}
              onChange={(v) => setBasis(v === 'peng' ? 'peng' : 'schablon')}
              data={[
                { value: 'schablon', label: 'Schablon' },
                { value: 'peng', label: 'Peng × dagar' },
              ]}
            />
          </div>
          {kind !== 'factor' && (
            <>
              <Select
                label="Insats"
                data={services.map((x) => ({ value: x, label: serviceLabel(x) }))}
                value={service}
                onChange={(v) => setService(v ?? service)}
                allowDeselect={false}
              />
              <TextInput
                label={kind === 'level' ? 'Nivå' : 'Deltagandeintervall'}
                value={id}
                onChange={(e) => setId(e.currentTarget.value)}
              />
            </>
          )}
          <Button type="submit" loading={run.isPending}>
            Lös
          </Button>
        </Group>
      </Paper>
      {run.isError && <ToolError title="Kunde inte lösa för kostnadsneutralitet" error={run.error} />}
      {run.data && <Solution result={run.data} />}
    </section>
  );
}

function Solution({ result: r }: { result: Result }) {
  return (
    <section aria-labelledby="solution-h">
      <Title order={3} id="solution-h" size="h4" my="xs">
        Lösning på {formatNumber(r.population.persons)} personer
      </Title>
      <Text size="sm">
        Nuvarande modell {formatKr(r.baselineTotal)}, förslaget {formatKr(r.proposalTotalBefore)} före och{' '}
        {formatKr(r.proposalTotalAfter)} efter (rest {formatKrSigned(r.residual)}).
      </Text>
      {r.factor !== null && <Text size="sm">Faktor eller andel: {formatNumber(r.factor, 6)}</Text>}
      {r.annualStandardAmount !== null && (
        <Text size="sm">Nytt schablonbelopp: {formatKr(r.annualStandardAmount)} per år</Text>
      )}
      {r.rateDelta !== null && (
        <Text size="sm">Ändring av pengen: {formatKrSigned(r.rateDelta)} per enhet</Text>
      )}
      <DownloadModel model={r.model} />
    </section>
  );
}
