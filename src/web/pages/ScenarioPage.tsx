/**
 * Scenario and consequence analysis (issue #6 step 5; SCEN-1..3): choose baseline and proposal,
 * see a Tabell 3-style table, charts of cost per level, difference per district and per provider,
 * persons per level, the neutral factor, and a what-if: edit a level's amount and every figure
 * that depends on it updates at once (computed in the browser, scenario.ts).
 */
import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { errorMessage, get, post } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { nameLookup, useDistricts, useModels, useProviders } from '../hooks.js';
import { formatNumber, kronorAsOre } from '../../contract/format.js';
import { oreToKronor } from '../../domain/money.js';
import { levelLabel, serviceLabel } from '../../contract/labels.js';
import { tabell3, whatIf, type Overrides } from '../scenario.js';
import { Chart, Movements, Winners } from './scenario-parts.js';
import { ScenarioSummary } from './scenario-summary.js';
import { LevelTable } from './scenario-level-table.js';
import { PartTimeEffect } from './scenario-part-time.js';
import type { CompareResult } from '../scenario.js';
import type { ComparisonBody } from '../../contract/comparisons.js';
import type { PopulationView } from '../../contract/imports.js';
import { BAD } from '../colors.js';

/** The scenario page. */
export function ScenarioPage() {
  const models = useModels();
  const [baseline, setBaseline] = useState<string | null>('lss-bostad-2023');
  const [proposal, setProposal] = useState<string | null>('lss-bostad-2024');
  const [basis, setBasis] = useState<Request['basis']>('schablon');
  const [population, setPopulation] = useState<string | null>('');
  const populations = useQuery({
    queryKey: ['populations'],
    queryFn: () => get<PopulationView[]>('/api/imports/populations'),
  });
  const [errors, setErrors] = useState<{ baseline?: string; proposal?: string }>({});
  const [asked, setAsked] = useState<Request | null>(null);
  const compare = useMutation({
    mutationFn: (r: Request) => post<CompareResult>('/api/comparisons', r),
    onSuccess: (_, r) => setAsked(r),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const next = {
      baseline: baseline ? undefined : 'Välj nuvarande modell.',
      proposal: !proposal
        ? 'Välj förslag.'
        : proposal === baseline
          ? 'Välj en annan modell än den nuvarande.'
          : undefined,
    };
    setErrors(next);
    // A refused choice hides the last result: shown under the new choice, it would pass for its answer.
    if (next.baseline || next.proposal || !baseline || !proposal) compare.reset();
    else
      compare.mutate({
        baseline,
        proposal,
        basis,
        ...(population ? { populationId: Number(population) } : {}),
      });
  }
  const options = (models.data ?? []).map((m) => ({ value: m.id, label: m.title }));
  return (
    <Page title="Scenario och konsekvensanalys">
      <QueryState query={models} what="modellerna">
        {() => (
          <Paper withBorder p="md">
            <form onSubmit={submit} noValidate aria-label="Välj modeller att jämföra">
              <Stack gap="sm">
                <Group grow align="flex-start">
                  <Select
                    label="Nuvarande modell"
                    data={options}
                    value={baseline}
                    onChange={setBaseline}
                    error={errors.baseline}
                    required
                  />
                  <Select
                    label="Förslag"
                    data={options}
                    value={proposal}
                    onChange={setProposal}
                    error={errors.proposal}
                    required
                  />
                </Group>
                <Select
                  label="Befolkning"
                  description="Dagens placeringar, eller en importerad befolkning (Importera)"
                  data={[
                    { value: '', label: 'Aktuella placeringar i dag' },
                    ...(populations.data ?? []).map((p) => ({
                      value: String(p.id),
                      label: `${p.name} (${formatNumber(p.persons)} personer)`,
                    })),
                  ]}
                  value={population}
                  onChange={setPopulation}
                  allowDeselect={false}
                />
                <div>
                  <Text size="sm" fw={500} id="basis-label">
                    Kostnadsgrund
                  </Text>
                  <SegmentedControl
                    aria-labelledby="basis-label"
                    value={basis}
                    onChange={(v) => setBasis(v === 'peng' ? 'peng' : 'schablon')}
                    data={[
                      { value: 'schablon', label: 'Schablon (kr/år)' },
                      { value: 'peng', label: 'Peng × dagar' },
                    ]}
                  />
                </div>
                <Group>
                  <Button type="submit" loading={compare.isPending}>
                    Jämför
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        )}
      </QueryState>
      {compare.isError && (
        <Alert color="red" role="alert" title="Jämförelsen kunde inte göras">
          <Text c={BAD}>{errorMessage(compare.error)}</Text>
        </Alert>
      )}
      {compare.data && asked && <Result key={JSON.stringify(asked)} request={asked} result={compare.data} />}
    </Page>
  );
}

/** What the page asks the API to compare (the contract's body, overrides added per request). */
type Request = Omit<ComparisonBody, 'overrides'> & { basis: 'schablon' | 'peng' };

function Result({ request, result }: { request: Request; result: CompareResult }) {
  const [overrides, setOverrides] = useState<Overrides>({});
  const w = useMemo(() => whatIf(result, overrides), [result, overrides]);
  // Totals update at once in the browser; the per-district and per-provider impact needs every
  // person, so the server recomputes it with the same overrides shortly after the last edit.
  const [settled] = useDebouncedValue(overrides, 400);
  const serverOverrides = Object.entries(settled).map(([key, amount]) => {
    const [service, level] = key.split('|');
    return { service, level, annualStandardAmount: oreToKronor(kronorAsOre(amount)) };
  });
  const impact = useQuery({
    queryKey: ['comparison', request, settled],
    queryFn: () => post<CompareResult>('/api/comparisons', { ...request, overrides: serverOverrides }),
    enabled: request.basis === 'schablon' && serverOverrides.length > 0,
    placeholderData: keepPreviousData,
  });
  const shown =
    serverOverrides.length > 0 && request.basis === 'schablon' && impact.data ? impact.data : result;
  const stale =
    Object.keys(overrides).length > 0 &&
    (request.basis !== 'schablon' || impact.isFetching || settled !== overrides);
  const providerName = nameLookup(useProviders().data);
  const districtName = nameLookup(useDistricts().data);
  const rows = tabell3(result.baseline, w.proposal);
  const edited = Object.keys(overrides).length > 0;
  const movements = (result.levelChanges ?? []).filter((m) => m.from !== m.to);

  const costChart = rows.flatMap((s) => {
    const levels = [...new Set([...s.baseline, ...s.proposal].map((r) => r.level))];
    return levels.map((level) => ({
      nivå: `${serviceLabel(s.service).split(' ')[0]} ${levelLabel(level)}`,
      Nuvarande: (s.baseline.find((r) => r.level === level)?.cost ?? 0) / 1e6,
      Förslag: (s.proposal.find((r) => r.level === level)?.cost ?? 0) / 1e6,
    }));
  });
  const personsChart = rows.flatMap((s) => {
    const levels = [...new Set([...s.baseline, ...s.proposal].map((r) => r.level))];
    return levels.map((level) => ({
      nivå: `${serviceLabel(s.service).split(' ')[0]} ${levelLabel(level)}`,
      Nuvarande: s.baseline.find((r) => r.level === level)?.persons ?? 0,
      Förslag: s.proposal.find((r) => r.level === level)?.persons ?? 0,
    }));
  });
  const districtChart = shown.byDistrict.map((d) => ({
    stadsdel: districtName(d.district),
    Skillnad: d.difference / 1e6,
  }));
  const providerChart = shown.byProvider.map((p) => ({
    utförare: providerName(p.providerId),
    Skillnad: p.difference / 1e6,
  }));

  return (
    <Stack gap="lg">
      <ScenarioSummary result={result} whatIf={w} edited={edited} />
      <LevelTable rows={rows} result={result} whatIf={w} overrides={overrides} setOverrides={setOverrides} />

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Chart
          title="Kostnad per nivå (Mkr)"
          data={costChart}
          dataKey="nivå"
          series={['Nuvarande', 'Förslag']}
        />
        <Chart
          title="Personer per nivå"
          data={personsChart}
          dataKey="nivå"
          series={['Nuvarande', 'Förslag']}
        />
        <Chart
          title="Skillnad per stadsdel (Mkr)"
          data={districtChart}
          dataKey="stadsdel"
          series={['Skillnad']}
          signed
        />
        <Chart
          title="Skillnad per utförare (Mkr)"
          data={providerChart}
          dataKey="utförare"
          series={['Skillnad']}
          signed
        />
        <Chart
          title="Personer som byter nivå"
          data={movements.map((m) => ({
            byte: `${m.service ? serviceLabel(m.service).split(' ')[0] : ''} ${levelLabel(m.from)} → ${levelLabel(m.to)}`,
            Personer: m.persons,
          }))}
          dataKey="byte"
          series={['Personer']}
        />
      </SimpleGrid>
      {result.partTime.length > 0 && <PartTimeEffect rows={result.partTime} />}
      {movements.length > 0 && (
        <Movements movements={movements} total={result.personsChangingLevel ?? null} />
      )}
      <Winners
        rows={shown.byDistrict}
        districtName={districtName}
        note={
          stale
            ? request.basis === 'schablon'
              ? 'Räknas om med dina ändrade belopp …'
              : 'Visar förslaget utan dina ändringar (omräkning per stadsdel görs för schablon).'
            : null
        }
      />
    </Stack>
  );
}
