/**
 * One reconciliation snapshot (issue #12 §1): district totals, the cells per district, service
 * and level beside the previous reconciliation ("färre än 5" where suppressed for analysts), the
 * clients behind the changes for the city office and the district's own staff, and the XLSX link.
 */
import { Suspense, lazy } from 'react';
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Loading, QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { nameLookup, useDistricts } from '../hooks.js';
import { formatDate, formatKr, formatKrSigned } from '../../contract/format.js';
import { levelLabel, serviceLabel } from '../../contract/labels.js';
import type { reconciliationChanges, reconciliationDetail } from '../../contract/reconciliations.js';
import { SUPPRESSED_LABEL } from '../../domain/statistics/suppress.js';

type Detail = z.infer<typeof reconciliationDetail>;
type Changes = z.infer<typeof reconciliationChanges>;

// The chart (recharts) is loaded only when a snapshot is shown, as on the scenario page.
const Chart = lazy(() => import('./scenario-parts.js').then((m) => ({ default: m.Chart })));
const DistrictChart = lazy(() => import('./reconciliation-district-chart.js'));

/** Swedish names of the snapshot kinds. */
export const KIND_LABELS = { march: 'mars', august: 'augusti', draft: 'utkast' } as const;
const CHANGE_LABELS = {
  new: 'ny',
  ended: 'avslutad',
  up: 'högre nivå',
  down: 'lägre nivå',
  moved: 'flyttad',
} as const;
const shown = (n: number | null, f: (n: number) => string = String) => (n === null ? SUPPRESSED_LABEL : f(n));

/** The snapshot with id `id`. */
export function Snapshot({ id }: { id: number }) {
  const { user } = useAuth();
  const districtName = nameLookup(useDistricts().data);
  const detail = useQuery({
    queryKey: ['reconciliation', id],
    queryFn: () => get<Detail>(`/api/reconciliations/${id}`),
  });
  const seesClients = hasRole(user, 'admin', 'case_officer');
  const changes = useQuery({
    queryKey: ['reconciliation-changes', id],
    queryFn: () => get<Changes>(`/api/reconciliations/${id}/changes`),
    enabled: seesClients,
  });
  return (
    <section aria-labelledby="snap-h">
      <QueryState query={detail} what="avstämningen">
        {(d) => (
          <Stack gap="sm">
            <Title order={2} id="snap-h" size="h3">
              Avstämning {d.id}, {KIND_LABELS[d.kind]} {formatDate(d.takenOn)}
            </Title>
            <Text size="sm">
              Fördelning = personer × schablon för {d.coverage.days} av {d.coverage.yearDays} dagar (från
              avstämningsdagen till årets slut). Jämförs med{' '}
              {d.previous
                ? `avstämning ${d.previous.id} (${formatDate(d.previous.takenOn)})`
                : 'ingen tidigare'}
              .{' '}
              <Anchor href={`/api/reconciliations/${d.id}/reconciliation.xlsx`}>
                Hämta som Excel (XLSX)
              </Anchor>
            </Text>
            <Suspense fallback={<Loading what="diagrammet" />}>
              <Chart
                title="Fördelning per stadsdel, miljoner kronor (förra avstämningen och denna)"
                dataKey="stadsdel"
                series={['Förra', 'Denna']}
                data={d.districts.map((x) => ({
                  stadsdel: x.name,
                  Förra: Math.round(x.previousAllocation / 10_000) / 100,
                  Denna: Math.round(x.allocation / 10_000) / 100,
                }))}
              />
              <DistrictChart detail={d} />
            </Suspense>
            <TableScroll label="Fördelning per stadsdel">
              <Table striped>
                <caption style={{ textAlign: 'left' }}>Per stadsdel</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Stadsdel</Table.Th>
                    <Table.Th scope="col">Fördelning</Table.Th>
                    <Table.Th scope="col">Förra</Table.Th>
                    <Table.Th scope="col">Förändring</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.districts.map((x) => (
                    <Table.Tr key={x.districtId}>
                      <Table.Td>{x.name}</Table.Td>
                      <Table.Td>{formatKr(x.allocation)}</Table.Td>
                      <Table.Td>{formatKr(x.previousAllocation)}</Table.Td>
                      <Table.Td>{formatKrSigned(x.change)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            <TableScroll label="Fördelning per stadsdel, insats och nivå">
              <Table striped>
                <caption style={{ textAlign: 'left' }}>Per stadsdel, insats och nivå</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Stadsdel</Table.Th>
                    <Table.Th scope="col">Insats</Table.Th>
                    <Table.Th scope="col">Nivå</Table.Th>
                    <Table.Th scope="col">Personer</Table.Th>
                    {/* A count, not the amount "Förra" is in the table above. */}
                    <Table.Th scope="col">Personer förra</Table.Th>
                    <Table.Th scope="col">Fördelning</Table.Th>
                    <Table.Th scope="col">Förändring</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.cells.map((c) => (
                    <Table.Tr key={`${c.districtId}|${c.service}|${c.level}`}>
                      <Table.Td>{districtName(c.districtId)}</Table.Td>
                      <Table.Td>{serviceLabel(c.service)}</Table.Td>
                      <Table.Td>{levelLabel(c.level)}</Table.Td>
                      <Table.Td>{shown(c.persons)}</Table.Td>
                      <Table.Td>{shown(c.previousPersons)}</Table.Td>
                      <Table.Td>{shown(c.allocation, formatKr)}</Table.Td>
                      <Table.Td>{shown(c.change, formatKrSigned)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
            {seesClients && (
              <QueryState query={changes} what="förändringarna">
                {(ch) => (
                  <TableScroll label="Klienter bakom förändringarna">
                    <Table striped>
                      <caption style={{ textAlign: 'left' }}>
                        Klienter bakom förändringarna ({ch.items.length})
                      </caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Klient</Table.Th>
                          <Table.Th scope="col">Insats</Table.Th>
                          <Table.Th scope="col">Förändring</Table.Th>
                          <Table.Th scope="col">Från</Table.Th>
                          <Table.Th scope="col">Till</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {ch.items.map((c) => (
                          <Table.Tr key={`${c.clientId}|${c.service}`}>
                            <Table.Td>
                              {c.name} ({c.personnummerMasked})
                            </Table.Td>
                            <Table.Td>{serviceLabel(c.service)}</Table.Td>
                            <Table.Td>{CHANGE_LABELS[c.kind]}</Table.Td>
                            <Table.Td>
                              {c.from
                                ? `${districtName(c.from.districtId)}, ${levelLabel(c.from.level)}`
                                : '–'}
                            </Table.Td>
                            <Table.Td>
                              {c.to ? `${districtName(c.to.districtId)}, ${levelLabel(c.to.level)}` : '–'}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </TableScroll>
                )}
              </QueryState>
            )}
          </Stack>
        )}
      </QueryState>
    </section>
  );
}
