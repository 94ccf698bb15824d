/**
 * Ekonomiexport (issue #12 §3): the approved and exported runs, each with its finance export:
 * the export number, voucher numbers, the SIE 4I file and the supplier-invoice CSV with their
 * SHA-256; an administrator exports a run (once; again gives the same bytes).
 */
import { Alert, Anchor, Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, get, post, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatKr, formatMonth } from '../../contract/format.js';
import { runStatusLabel } from '../../contract/labels.js';
import type { FinanceExport } from '../../contract/finance.js';
import type { RunList, RunView } from '../../contract/settlement-runs.js';

/** The page. */
export function FinanceExportPage() {
  const runs = useQuery({
    queryKey: ['runs', 'finance'],
    queryFn: async () => [
      // The newest 200 of each (a list page's most); older runs are found on Avräkning.
      ...(await get<RunList>(withQuery('/api/settlement-runs', { status: 'exported', limit: 200 }))).items,
      ...(await get<RunList>(withQuery('/api/settlement-runs', { status: 'approved', limit: 200 }))).items,
    ],
  });
  return (
    <Page title="Ekonomiexport">
      <Text size="sm">
        En godkänd körning blir en SIE 4I-fil med en verifikation per utförare (konto per insats och regiform,
        kostnadsställe = stadsdel) och en fil för leverantörsfakturor. Numren löper utan luckor; en ny export
        av samma körning ger exakt samma filer.
      </Text>
      <QueryState query={runs} what="körningarna">
        {(list) =>
          list.length === 0 ? (
            <Text>Ingen körning är godkänd ännu.</Text>
          ) : (
            <Stack gap="lg">
              {list
                .sort((a, b) => b.month.localeCompare(a.month) || b.id - a.id)
                .map((r) => (
                  <RunExport key={r.id} run={r} />
                ))}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}

function RunExport({ run }: { run: RunView }) {
  const { user } = useAuth();
  const client = useQueryClient();
  const exp = useQuery({
    queryKey: ['finance-export', run.id],
    queryFn: async () => {
      try {
        return await get<FinanceExport>(`/api/settlement-runs/${run.id}/finance-export`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  const make = useMutation({
    mutationFn: () => post<FinanceExport>(`/api/settlement-runs/${run.id}/finance-export`),
    onSuccess: (x) => {
      client.setQueryData(['finance-export', run.id], x);
      void client.invalidateQueries({ queryKey: ['runs'] });
    },
  });
  const h = `run-${run.id}-h`;
  return (
    <section aria-labelledby={h}>
      <Title order={2} size="h4" id={h}>
        Körning {run.id}, {formatMonth(run.month)} ({runStatusLabel(run.status)}), {formatKr(run.total)}
      </Title>
      <QueryState query={exp} what="exporten">
        {(x) =>
          x === null ? (
            hasRole(user, 'admin', 'finance') ? (
              <Button mt="xs" onClick={() => make.mutate()} loading={make.isPending}>
                Exportera körning {run.id} till ekonomisystemet
              </Button>
            ) : (
              <Text>Inte exporterad.</Text>
            )
          ) : (
            <TableScroll label={`Filer för körning ${run.id}`}>
              <Table>
                <caption style={{ textAlign: 'left' }}>
                  Export nr {x.exportNumber}, {x.exportedOn}, verifikationer {x.series}
                  {x.firstVoucher}–{x.series}
                  {x.firstVoucher + x.voucherCount - 1} ({x.voucherCount} st), #KSUMMA {x.sieChecksum}
                  {x.reproduced ? ', samma filer vid ny export' : ''}
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Fil</Table.Th>
                    <Table.Th scope="col">Storlek</Table.Th>
                    <Table.Th scope="col">SHA-256</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {x.files.map((f) => (
                    <Table.Tr key={f.kind}>
                      <Table.Td>
                        <Anchor href={f.url}>{f.name}</Anchor>
                      </Table.Td>
                      <Table.Td>{f.bytes} byte</Table.Td>
                      <Table.Td>
                        <Code>{f.sha256}</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryState>
      {make.isError && (
        <Alert color="red" role="alert" mt="sm" title="Exporten gjordes inte">
          {errorMessage(make.error)}
        </Alert>
      )}
    </section>
  );
}
