/**
 * Cost survey to rates (SCEN-5, issue #12 §4): the analyst uploads a survey (CSV or XLSX,
 * `unit_id,service,regime,total_cost,volume,rent`), chooses the outlier rule on screen (Tukey's
 * fences with factor k, or every unit) and the model whose rules the draft keeps; the table shows
 * per service and regime the units kept, the means and the units left out, and the weighted means
 * come back as a draft model file to download.
 */
import { useState, type FormEvent } from 'react';
import {
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { upload } from '../api.js';
import { TableScroll } from '../components/TableScroll.js';
import { useModels } from '../hooks.js';
import { formatKr, formatNumber } from '../../contract/format.js';
import { regimeLabel, serviceLabel } from '../../contract/labels.js';
import type { costSurveyResult } from '../../contract/analysis.js';
import { DownloadModel, ToolError } from './AnalysisParts.js';
import { Rule } from '../components/Rule.js';
import { FileColumn } from '../components/FileColumn.js';
import { RowProblems } from '../components/RowProblems.js';

type Result = z.infer<typeof costSurveyResult>;

/** The survey panel. */
export function SurveyPanel() {
  const models = useModels();
  const [file, setFile] = useState<File | null>(null);
  const [rule, setRule] = useState('iqr');
  const [k, setK] = useState('1,5');
  const [base, setBase] = useState<string | null>('sp-2010');
  const validK = /^\d{1,2}([.,]\d{1,2})?$/.test(k.trim());
  const run = useMutation({
    mutationFn: () =>
      upload<Result>('/api/analysis/cost-survey', file!, {
        fence: rule === 'none' ? 'none' : k.trim(),
        baseModel: base ?? '',
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file && base && (rule === 'none' || validK)) run.mutate();
  };
  return (
    <section aria-labelledby="survey-h">
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Title order={2} id="survey-h" size="h3" mb="xs">
          Kostnadsenkät till ersättning <Rule ids="SCEN-5" />
        </Title>
        <Text size="sm" mb="xs">
          Kolumner: <FileColumn name="unit_id" />, <FileColumn name="service" />, <FileColumn name="regime" />
          , <FileColumn name="total_cost" /> (kr utan hyra), <FileColumn name="volume" /> (dygn, dagar, timmar
          eller tillfällen per år), <FileColumn name="rent" /> (tom när den inte är känd).
        </Text>
        <Group align="flex-end">
          <FileInput label="Enkätfil (CSV eller XLSX)" accept=".csv,.xlsx" value={file} onChange={setFile} />
          <div>
            <Text size="sm" fw={500} id="rule-label">
              Extremvärden
            </Text>
            <SegmentedControl
              aria-labelledby="rule-label"
              value={rule}
              onChange={setRule}
              data={[
                { value: 'iqr', label: 'Tukeys staket' },
                { value: 'none', label: 'Ta med alla' },
              ]}
            />
          </div>
          {rule === 'iqr' && (
            <TextInput
              label="Faktor k"
              value={k}
              onChange={(e) => setK(e.currentTarget.value)}
              error={validK ? undefined : 'Skriv en faktor, till exempel 1,5'}
            />
          )}
          <Select
            label="Grundmodell (regler och insatser)"
            value={base}
            onChange={setBase}
            data={(models.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
            allowDeselect={false}
          />
          <Button type="submit" loading={run.isPending} disabled={!file}>
            Räkna fram ersättning
          </Button>
        </Group>
      </Paper>
      {run.isError && <ToolError title="Enkäten kunde inte räknas" error={run.error} />}
      <RowProblems error={run.error} testId="survey-row-errors" />
      {run.data && <SurveyResult result={run.data} />}
    </section>
  );
}

function SurveyResult({ result }: { result: Result }) {
  return (
    <section aria-labelledby="survey-result-h">
      <Title order={3} id="survey-result-h" size="h4" my="xs">
        {result.origin}: {formatNumber(result.units)} enheter,{' '}
        {result.fence === null ? 'alla enheter med' : `Tukeys staket med k = ${formatNumber(result.fence)}`}
      </Title>
      <TableScroll label="Kostnad per enhet per insats och regiform">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Insats</Table.Th>
              <Table.Th scope="col">Regiform</Table.Th>
              <Table.Th scope="col">Enheter</Table.Th>
              <Table.Th scope="col">Lägst–högst</Table.Th>
              <Table.Th scope="col">Medel</Table.Th>
              <Table.Th scope="col">Vägt medel</Table.Th>
              <Table.Th scope="col">Hyra per enhet</Table.Th>
              <Table.Th scope="col">Utelämnade</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.groups.map((g) => (
              <Table.Tr key={`${g.service}-${g.regime}`}>
                <Table.Td>{serviceLabel(g.service)}</Table.Td>
                <Table.Td>{g.regime === 'alla' ? 'Alla regiformer' : regimeLabel(g.regime)}</Table.Td>
                <Table.Td>{formatNumber(g.units)}</Table.Td>
                <Table.Td>
                  {formatKr(g.min)}–{formatKr(g.max)}
                </Table.Td>
                <Table.Td>{formatKr(g.mean)}</Table.Td>
                <Table.Td>{formatKr(g.weightedMean)}</Table.Td>
                <Table.Td>{g.rentPerUnit === null ? '–' : formatKr(g.rentPerUnit)}</Table.Td>
                <Table.Td>
                  {g.excluded.length === 0
                    ? 'inga'
                    : g.excluded
                        .map(
                          (e) =>
                            `${e.unitId} (${formatKr(e.costPerUnit)}, ${e.side === 'low' ? 'under' : 'över'} staketet)`,
                        )
                        .join(', ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <DownloadModel model={result.model} />
    </section>
  );
}
