/**
 * Ekonomiexport (issue #12 §3, issue #14 §1): the approved and exported runs, paged, sorted and
 * filtered (month, status) on the server with the state in the address, each with its finance
 * export: the export number, voucher numbers, the SIE 4I file and the supplier-invoice CSV with
 * their SHA-256, listed with each run (no request per row); an administrator or finance user exports a run (once; again gives the same bytes).
 */
import { Alert, Anchor, Button, Code, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, post } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery } from '../components/useListState.js';
import { formatDate, formatKr, formatMonth, formatNumber } from '../../contract/format.js';
import type { FinanceExport } from '../../contract/finance.js';
import type { RunListItem, RunSort } from '../../contract/settlement-runs.js';
import { Link } from '../router.js';
import { RunFilters, RunStatus, useRunList } from '../components/RunFilters.js';

/** The address's words for the status filter (`?status=`); none: approved and exported. */
const STATUS_WORDS: Record<string, 'approved' | 'exported'> = {
  godkand: 'approved',
  exporterad: 'exported',
};

/** The page. */
export function FinanceExportPage() {
  const { list, month, status } = useRunList(STATUS_WORDS);
  // 20 a page: each row shows its export (read with the page, one query).
  const runs = useListQuery<RunListItem, RunSort>(
    '/api/settlement-runs',
    { final: 'true', month: month || undefined, status, limit: 20 },
    list,
    { key: 'runs' },
  );
  const columns: Column<RunListItem, RunSort>[] = [
    {
      key: 'month',
      header: 'Körning',
      sort: 'month',
      render: (r) => (
        <Anchor component={Link} href={`/avrakning/${r.id}`}>
          {formatMonth(r.month)} (körning {r.id})
        </Anchor>
      ),
    },
    { key: 'status', header: 'Status', sort: 'status', render: (r) => <RunStatus status={r.status} /> },
    { key: 'total', header: 'Summa', className: 'num', render: (r) => formatKr(r.total) },
    { key: 'export', header: 'Ekonomiexport', render: (r) => <RunExport run={r} /> },
  ];
  return (
    <Page title="Ekonomiexport">
      <Text size="sm">
        En godkänd körning blir en SIE 4I-fil med en verifikation per utförare (konto per insats och regiform,
        kostnadsställe = stadsdel) och en fil för leverantörsfakturor. Numren löper utan luckor; en ny export
        av samma körning ger exakt samma filer.
      </Text>
      <RunFilters
        list={list}
        month={month}
        status={status}
        statusWords={STATUS_WORDS}
        allStatuses="Godkända och exporterade"
      />
      <PagedTable
        query={runs}
        list={list}
        columns={columns}
        rowKey={(r) => r.id}
        label="Godkända körningar"
        noun={{ one: 'godkänd körning', many: 'godkända körningar' }}
        empty={month || status ? 'Ingen körning matchar urvalet.' : 'Ingen körning är godkänd ännu.'}
        testId="finance-runs"
      />
    </Page>
  );
}

/** One run's export in its row (listed with the run: no request per row), or the button that makes it. */
function RunExport({ run }: { run: RunListItem }) {
  const { user } = useAuth();
  const client = useQueryClient();
  const make = useMutation({
    mutationFn: () => post<FinanceExport>(`/api/settlement-runs/${run.id}/finance-export`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['runs'] }),
  });
  const x = run.financeExport ?? make.data ?? null;
  return (
    <>
      {x === null ? (
        hasRole(user, 'admin', 'finance') ? (
          <Button size="xs" onClick={() => make.mutate()} loading={make.isPending}>
            Exportera körning {run.id} till ekonomisystemet
          </Button>
        ) : (
          <Text size="sm">Inte exporterad.</Text>
        )
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            Export nr {x.exportNumber}, {formatDate(x.exportedOn)}, verifikationer {x.series}
            {x.firstVoucher}–{x.series}
            {x.firstVoucher + x.voucherCount - 1} ({x.voucherCount} st), #KSUMMA {x.sieChecksum}
            {x.reproduced ? ', samma filer vid ny export' : ''}
          </Text>
          {x.files.map((f) => (
            <Text key={f.kind} size="sm">
              <Anchor href={f.url}>{f.name}</Anchor> ({formatNumber(f.bytes)} byte), SHA-256{' '}
              <Code style={{ wordBreak: 'break-all' }}>{f.sha256}</Code>
            </Text>
          ))}
        </Stack>
      )}
      {make.isError && (
        <Alert color="red" role="alert" mt="sm" title="Exporten gjordes inte">
          {errorMessage(make.error)}
        </Alert>
      )}
    </>
  );
}
