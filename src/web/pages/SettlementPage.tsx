/**
 * Settlement runs (issue #6 step 4): start a run for a month (with progress while it computes;
 * finance staff and admins, issue #14 §3) and the list of runs with their totals. Where the month
 * already has a draft the page asks in a dialog whether to replace it (`replace: true`).
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, get, post } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { nameLookup, useDistricts, useMonthField, useProviders } from '../hooks.js';
import { formatDate, formatKr, formatMonth } from '../../contract/format.js';
import { Link } from '../router.js';
import { monthError } from '../validate.js';
import { jobErrorText, refusedText, runIdOf } from '../settlement.js';
import type { JobView } from '../../contract/jobs.js';
import type { RunDetail, RunQueued, RunSort, RunView } from '../../contract/settlement-runs.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery } from '../components/useListState.js';
import { RunFilters, RunStatus, useRunList } from '../components/RunFilters.js';
import { BAD, WARN } from '../colors.js';

/** The address's words for the status filter (`?status=`). */
const STATUS_WORDS: Record<string, RunView['status']> = {
  utkast: 'draft',
  godkand: 'approved',
  exporterad: 'exported',
};

/** The list and the start form; the list's month, status, sort and page live in the address. */
export function SettlementPage() {
  const { user } = useAuth();
  const { list, month, status } = useRunList(STATUS_WORDS);
  const runs = useListQuery<RunView, RunSort>('/api/settlement-runs', { month, status }, list, {
    key: 'runs',
  });
  const providerName = nameLookup(useProviders().data);
  const districtName = nameLookup(useDistricts().data);
  const columns: Column<RunView, RunSort>[] = [
    {
      key: 'month',
      header: 'Månad',
      sort: 'month',
      render: (r) => (
        <Anchor component={Link} href={`/avrakning/${r.id}`}>
          {formatMonth(r.month)} (körning {r.id})
        </Anchor>
      ),
    },
    {
      key: 'scope',
      header: 'Omfattning',
      render: (r) =>
        r.scope.districtId
          ? `Stadsdel ${districtName(r.scope.districtId)}`
          : r.scope.providerId
            ? `Utförare ${providerName(r.scope.providerId)}`
            : 'Hela staden',
    },
    { key: 'status', header: 'Status', sort: 'status', render: (r) => <RunStatus status={r.status} /> },
    {
      key: 'refused',
      header: 'Ej betalda',
      render: (r) =>
        r.refusedCount > 0 ? (
          <Badge variant="outline" color={WARN} data-testid={`run-${r.id}-refused`}>
            {refusedText(r)}
          </Badge>
        ) : (
          <span data-testid={`run-${r.id}-refused`}>inga</span>
        ),
    },
    { key: 'created', header: 'Skapad', className: 'date', render: (r) => formatDate(r.createdAt) },
    { key: 'total', header: 'Summa', className: 'num', render: (r) => formatKr(r.total) },
  ];
  return (
    <Page title="Avräkning">
      {hasRole(user, 'admin', 'finance') && <StartRun />}
      <section aria-labelledby="runs-h">
        <Title order={2} id="runs-h" size="h3" mb="xs">
          Körningar
        </Title>
        <RunFilters list={list} month={month} status={status} statusWords={STATUS_WORDS} allStatuses="Alla" />
        <PagedTable
          query={runs}
          list={list}
          columns={columns}
          rowKey={(r) => r.id}
          label="Körningar"
          noun={{ one: 'körning', many: 'körningar' }}
          empty={month || status ? 'Inga körningar matchar urvalet.' : 'Inga körningar ännu.'}
          testId="runs"
        />
      </section>
    </Page>
  );
}

function StartRun() {
  const qc = useQueryClient();
  const [month, setMonth] = useMonthField();
  const [district, setDistrict] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [jobId, setJobId] = useState<number | null>(null);
  // The month's existing draft, when starting was refused with `run-draft-exists` (issue #14 §3).
  const [draftExists, setDraftExists] = useState<string | null>(null);
  const districts = useDistricts();
  // Started as a background job (`async=true`) so the page can show its progress (docs/api.md).
  const start = useMutation({
    mutationFn: (replace: boolean) =>
      post<RunQueued>('/api/settlement-runs?async=true', {
        month: month.trim(),
        ...(district ? { scope: { districtId: district } } : {}),
        ...(replace ? { replace: true } : {}),
      }),
    onSuccess: (r) => {
      setDraftExists(null);
      setJobId(r.jobId);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.id === 'run-draft-exists') setDraftExists(e.message);
      else if (e instanceof ApiError && e.field === 'month') setError(errorMessage(e));
    },
  });
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => get<JobView>(`/api/jobs/${jobId ?? 0}`),
    enabled: jobId !== null,
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 400,
  });
  const status = job.data?.status;
  const runId = runIdOf(job.data);
  const run = useQuery({
    queryKey: ['run', runId],
    queryFn: () => get<RunDetail>(`/api/settlement-runs/${runId ?? 0}`),
    enabled: runId !== null,
  });
  useEffect(() => {
    if (!runId) return;
    // A new run changes the run list and the start page's counts (draft runs, refusals).
    void qc.invalidateQueries({ queryKey: ['runs'] });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
  }, [runId, qc]);
  const computing = start.isPending || (jobId !== null && status !== 'done' && status !== 'failed');
  const pct = Math.round((status === 'done' ? 1 : (job.data?.progress ?? 0)) * 100);

  function submit(e: FormEvent) {
    e.preventDefault();
    const err = monthError(month);
    setError(err);
    setJobId(null);
    if (!err) start.mutate(false);
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby="start-h">
        <Title order={2} id="start-h" size="h3" mb="xs">
          Starta avräkning
        </Title>
        <Stack gap="sm">
          <Group align="flex-start">
            <TextInput
              label="Månad"
              name="month"
              description="ÅÅÅÅ-MM"
              placeholder="ÅÅÅÅ-MM"
              value={month}
              onChange={(e) => setMonth(e.currentTarget.value)}
              error={error}
              required
              maxLength={7}
            />
            <Select
              label="Stadsdel (frivillig)"
              placeholder="Hela staden"
              description="Begränsa körningen"
              data={(districts.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
              value={district}
              onChange={setDistrict}
              clearable
            />
          </Group>
          <Group>
            <Button type="submit" loading={start.isPending}>
              Starta körning
            </Button>
          </Group>
          {jobId !== null && (
            <div>
              <Text size="sm" id="run-progress-label">
                {computing
                  ? `Avräkningen beräknas … ${pct} %`
                  : status === 'failed'
                    ? 'Avräkningen misslyckades.'
                    : 'Avräkningen är klar.'}
              </Text>
              <Progress value={pct} aria-labelledby="run-progress-label" animated={computing} size="lg" />
            </div>
          )}
          <div role="status" aria-live="polite">
            {run.data && (
              <Alert color="green" variant="light" title="Körningen är klar">
                <Text size="sm">
                  {formatMonth(run.data.month)}: {formatKr(run.data.total)}.{' '}
                  {refusedText(run.data) ? `${refusedText(run.data)}; se listan i körningen. ` : ''}
                  <Anchor component={Link} href={`/avrakning/${run.data.id}`}>
                    Öppna körningen
                  </Anchor>
                </Text>
              </Alert>
            )}
          </div>
          {status === 'failed' && (
            <Alert color="red" role="alert" title="Avräkningen misslyckades">
              <Text c={BAD} size="sm">
                {jobErrorText(job.data?.error)}
              </Text>
            </Alert>
          )}
          <Modal
            opened={draftExists !== null}
            onClose={() => {
              setDraftExists(null);
              start.reset();
            }}
            title="Ersätta utkastet?"
            centered
          >
            <Stack>
              <Text>{draftExists}</Text>
              <Text size="sm">
                Det gamla utkastet tas bort när den nya körningen är klar. Borttagningen loggas.
              </Text>
              <Group justify="flex-end">
                <Button
                  variant="default"
                  onClick={() => {
                    setDraftExists(null);
                    start.reset();
                  }}
                >
                  Avbryt
                </Button>
                <Button onClick={() => start.mutate(true)} loading={start.isPending}>
                  Ersätt utkastet
                </Button>
              </Group>
            </Stack>
          </Modal>
          {start.isError &&
            !(start.error instanceof ApiError && start.error.field === 'month') &&
            !(start.error instanceof ApiError && start.error.id === 'run-draft-exists') && (
              <Alert color="red" role="alert" title="Körningen kunde inte startas">
                <Text c={BAD} size="sm">
                  {errorMessage(start.error)}
                </Text>
              </Alert>
            )}
        </Stack>
      </form>
    </Paper>
  );
}
