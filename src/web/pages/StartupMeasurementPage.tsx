/**
 * Start-up measurement (ASMT-6, issue #10 §8): when a new model is introduced the office starts
 * one batch job that opens a measurement case for every current client of the model's services,
 * follows the job's progress bar, and then each campaign's progress (decided, in progress,
 * overdue). Assessors and admins.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../api.js';
import { DateField } from '../components/DateField.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { nameLookup, useModels } from '../hooks.js';
import { Link } from '../router.js';
import { formatDate, formatNumber } from '../../contract/format.js';
import type { z } from 'zod';
import type { campaignsSchema, startupJobSchema } from '../../contract/assessments.js';
import { isIsoDate } from '../../domain/patterns.js';

type Job = z.infer<typeof startupJobSchema>;
type Campaigns = z.infer<typeof campaignsSchema>;

/** A labelled progress bar with its figure in text too. */
function Bar({ label, share }: { label: string; share: number }) {
  const percent = Math.round(share * 100);
  return (
    <Stack gap={2}>
      <Progress value={percent} aria-label={label} size="lg" />
      <Text size="sm">
        {label}: {percent} %
      </Text>
    </Stack>
  );
}

/** The running job: polled every second until it is done or failed. */
function JobProgress({ jobId }: { jobId: number }) {
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: ['startup-job', jobId],
    queryFn: async () => {
      const j = await get<Job>(`/api/assessments/startup/${jobId}`);
      if (j.status === 'done') void qc.invalidateQueries({ queryKey: ['campaigns'] });
      return j;
    },
    refetchInterval: (q) => (q.state.data && ['done', 'failed'].includes(q.state.data.status) ? false : 1000),
  });
  return (
    <Paper withBorder p="md" aria-live="polite" data-testid="startup-job">
      <QueryState query={job} what="körningen">
        {(j) => (
          <Stack gap="xs">
            <Bar label="Uppstartsmätningen skapar ärenden" share={j.status === 'done' ? 1 : j.progress} />
            {j.status === 'done' && <Text>Klart: {formatNumber(j.created ?? 0)} nya mätningsärenden.</Text>}
            {j.status === 'failed' && (
              <Alert color="red" role="alert" title="Uppstartsmätningen misslyckades">
                {j.error ?? 'Okänt fel.'}
              </Alert>
            )}
            {(j.status === 'queued' || j.status === 'running') && <Text>Pågår …</Text>}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

/** The page. */
export function StartupMeasurementPage() {
  const models = useModels();
  const modelName = nameLookup(models.data?.map((m) => ({ id: m.id, name: m.title })));
  const [modelId, setModelId] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => get<Campaigns>('/api/assessments/campaigns'),
  });
  const start = useMutation({
    mutationFn: () => post<Job>('/api/assessments/startup', { modelId, ...(due ? { dueDate: due } : {}) }),
    onSuccess: (j) => setJobId(j.jobId),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!modelId) return setProblem('Välj den nya modellen.');
    if (due && !isIsoDate(due)) return setProblem('Sista dag ska skrivas ÅÅÅÅ-MM-DD.');
    setProblem(null);
    start.mutate();
  }
  return (
    <Page title="Uppstartsmätning">
      <Anchor component={Link} href="/bedomningar">
        Till arbetslistorna
      </Anchor>
      <Paper withBorder p="md" maw={640}>
        <form onSubmit={submit} noValidate aria-labelledby="startup-h">
          <Stack gap="sm">
            <Title order={2} id="startup-h" size="h3">
              Starta en uppstartsmätning
            </Title>
            <Text>
              Ett mätningsärende öppnas för varje pågående placering i modellens insatser som har nivåer. En
              placering som redan finns i mätningen får inget nytt ärende.
            </Text>
            <Select
              label="Ny modell"
              name="modelId"
              data={(models.data ?? [])
                .filter((m) => m.status !== 'draft')
                .map((m) => ({ value: m.id, label: `${m.title} (från ${formatDate(m.validFrom)})` }))}
              value={modelId}
              onChange={setModelId}
              required
            />
            <DateField
              label="Sista dag för mätningarna"
              description="ÅÅÅÅ-MM-DD; tomt ger sex månader från i dag"
              value={due}
              onChange={setDue}
            />
            {(problem || start.isError) && (
              <Alert color="red" role="alert" title="Mätningen kunde inte startas">
                {problem ?? errorMessage(start.error)}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={start.isPending}>
                Starta uppstartsmätning
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {jobId !== null && <JobProgress jobId={jobId} />}
      <section aria-labelledby="campaigns-h">
        <Title order={2} id="campaigns-h" size="h3" mb="xs">
          Mätningarnas framsteg
        </Title>
        <QueryState query={campaigns} what="mätningarna">
          {(d) =>
            d.items.length === 0 ? (
              <Text>Ingen uppstartsmätning har startats.</Text>
            ) : (
              <TableScroll>
                <Table striped data-testid="campaigns">
                  <Table.Caption>Ärenden per uppstartsmätning</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Modell</Table.Th>
                      <Table.Th scope="col">Ärenden</Table.Th>
                      <Table.Th scope="col">Avgjorda</Table.Th>
                      <Table.Th scope="col">Pågår</Table.Th>
                      <Table.Th scope="col">Försenade</Table.Th>
                      <Table.Th scope="col">Första sista dag</Table.Th>
                      <Table.Th scope="col">Framsteg</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.items.map((c) => (
                      <Table.Tr key={c.campaign}>
                        <Table.Td>{modelName(c.modelId)}</Table.Td>
                        <Table.Td>{formatNumber(c.total)}</Table.Td>
                        <Table.Td>{formatNumber(c.decided)}</Table.Td>
                        <Table.Td>{formatNumber(c.inProgress)}</Table.Td>
                        <Table.Td>{formatNumber(c.overdue)}</Table.Td>
                        <Table.Td>{formatDate(c.firstDue)}</Table.Td>
                        <Table.Td miw={160}>
                          <Bar
                            label={`Avgjorda av ${modelName(c.modelId)}`}
                            share={c.total ? c.decided / c.total : 0}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )
          }
        </QueryState>
      </section>
    </Page>
  );
}
