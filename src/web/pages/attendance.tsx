/**
 * Participation follow-up (FLOW-5, SVC-3): per client and month, the decided hours or sessions per
 * week against the weekdays, the absence the provider reported and the attendance; the rows to
 * follow up (daily activity under 10 hours a week, absence over half the month) say why. The
 * provider's portal shows its own placements; the case officer's page its district's, the flagged
 * first chosen. One table for both; the API scopes the rows.
 */
import { useState } from 'react';
import { Anchor, Group, SegmentedControl, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { TextWithRules } from '../components/Rule.js';
import { formatMonth, formatNumber } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { FollowUpRow } from '../../contract/participation.js';
import { addMonths } from '../../domain/assessment/effect.js';
import { WARN } from '../colors.js';
import { useLatestMonth, useMonthField } from '../hooks.js';
import { Link } from '../router.js';
import { participationText } from './client-decisions.js';

/**
 * The month's attendance. `district`: the case officer's view, each client linked to the
 * placement, with a choice of the flagged rows only; otherwise the provider's, linked to its
 * absence form on the same page.
 */
export function Attendance({ district = false }: { district?: boolean }) {
  // The twelve months up to the latest month with data (issue #14 §5), that one chosen first.
  const latest = useLatestMonth() ?? new Date().toISOString().slice(0, 7);
  const [chosen, setMonth] = useMonthField();
  const [flagged, setFlagged] = useState(district ? 'true' : 'false');
  const month = chosen || latest;
  const months = Array.from({ length: 12 }, (_, i) => addMonths(`${latest}-01`, -i).slice(0, 7));
  const rows = useQuery({
    queryKey: ['participation', month, flagged],
    queryFn: () => get<FollowUpRow[]>(withQuery('/api/participation-follow-up', { month, flagged })),
  });
  return (
    <section aria-labelledby="narvaro-h">
      <Title order={2} id="narvaro-h" size="h3" mb="xs">
        Närvaro och frånvaro
      </Title>
      <Group align="flex-end" mb="xs">
        <Select
          label="Månad"
          data={months.map((m) => ({ value: m, label: formatMonth(m) }))}
          value={month}
          onChange={(v) => setMonth(v ?? latest)}
          maw={240}
          allowDeselect={false}
        />
        {district && (
          <SegmentedControl
            aria-label="Visa klienter"
            value={flagged}
            onChange={setFlagged}
            data={[
              { value: 'true', label: 'Att följa upp' },
              { value: 'false', label: 'Alla' },
            ]}
          />
        )}
      </Group>
      <QueryState query={rows} what="närvaron">
        {(list) =>
          list.length === 0 ? (
            <Text>
              {flagged === 'true'
                ? 'Ingen att följa upp den månaden.'
                : 'Ingen daglig verksamhet eller sysselsättning den månaden.'}
            </Text>
          ) : (
            <AttendanceTable rows={list} district={district} />
          )
        }
      </QueryState>
    </section>
  );
}

/** The rows of one month. */
function AttendanceTable({ rows, district }: { rows: FollowUpRow[]; district: boolean }) {
  return (
    <TableScroll>
      <Table striped data-testid="attendance">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Klient</Table.Th>
            <Table.Th scope="col">Insats</Table.Th>
            <Table.Th scope="col">Beslutad omfattning</Table.Th>
            <Table.Th scope="col" className="num">
              Vardagar
            </Table.Th>
            <Table.Th scope="col" className="num">
              Frånvaro
            </Table.Th>
            <Table.Th scope="col" className="num">
              Närvaro
            </Table.Th>
            <Table.Th scope="col">Att följa upp</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.placementId}>
              <Table.Td>
                {district ? (
                  <Anchor component={Link} href={`/placeringar/${r.placementId}`}>
                    {r.clientName}
                  </Anchor>
                ) : (
                  <Anchor href="#absence-h">{r.clientName}</Anchor>
                )}
              </Table.Td>
              <Table.Td>{serviceLabel(r.service)}</Table.Td>
              <Table.Td>{participationText(r)}</Table.Td>
              <Table.Td className="num">{formatNumber(r.weekdays)}</Table.Td>
              <Table.Td className="num">{formatNumber(r.absentWeekdays)}</Table.Td>
              <Table.Td className="num">{formatNumber(r.attendedWeekdays)}</Table.Td>
              <Table.Td>
                {r.reasons.length === 0 ? (
                  '–'
                ) : (
                  <Text size="sm" c={WARN}>
                    <TextWithRules text={r.reasons.join('; ')} />
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
