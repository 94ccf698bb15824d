/**
 * Participation follow-up (FLOW-5, SVC-3): per client and month, the decided hours or sessions per
 * week against the weekdays, the absence the provider reported and the attendance; the rows to
 * follow up (daily activity under 10 hours a week, absence over half the month) say why. The
 * provider's portal shows its own placements; the case officer's page its district's, the flagged
 * first chosen. One table for both; the API scopes the rows.
 */
import { Anchor, Group, SegmentedControl, Select, Text, Title } from '@mantine/core';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { TextWithRules } from '../components/Rule.js';
import { civilDate, formatMonth, formatNumber } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { FollowUpRow, FollowUpSort } from '../../contract/participation.js';
import { addMonths } from '../../domain/assessment/effect.js';
import { WARN } from '../colors.js';
import { useLatestMonth } from '../hooks.js';
import { isMonth } from '../../domain/patterns.js';
import { Link } from '../router.js';
import { participationText } from './client-decisions.js';

/**
 * The month's attendance, one page at a time with the true total (issue #14 §1); the month, the
 * choice of flagged rows and the page live in the address (`narvaro-…`, apart from the portal's
 * other lists). `district`: the case officer's view, each client linked to the placement, the
 * flagged rows first chosen; otherwise the provider's, each client's name choosing that placement
 * in the absence form on the same page (`onChoose`) and moving there.
 */
export function Attendance({
  district = false,
  onChoose,
}: {
  district?: boolean;
  onChoose?: (placementId: number) => void;
}) {
  // The twelve months up to the latest month with data (issue #14 §5), that one chosen first.
  const latest = useLatestMonth() ?? civilDate(new Date()).slice(0, 7);
  const list = useListState<FollowUpSort>({ sorts: ['client', 'start'], sort: 'client', prefix: 'narvaro' });
  const asked = list.filter('narvaro-manad');
  const month = isMonth(asked) ? asked : latest;
  const shown = list.filter('narvaro-visa');
  const flagged = shown === 'alla' || !district ? 'false' : 'true';
  const months = Array.from({ length: 12 }, (_, i) => addMonths(`${latest}-01`, -i).slice(0, 7));
  const rows = useListQuery<FollowUpRow, FollowUpSort>(
    '/api/participation-follow-up',
    { month, flagged: flagged === 'true' ? 'true' : undefined },
    list,
    { key: 'participation' },
  );
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
          onChange={(v) => list.setFilters({ 'narvaro-manad': v })}
          maw={240}
          allowDeselect={false}
        />
        {district && (
          <SegmentedControl
            aria-label="Visa klienter"
            value={flagged}
            onChange={(v) => list.setFilters({ 'narvaro-visa': v === 'true' ? null : 'alla' })}
            data={[
              { value: 'true', label: 'Att följa upp' },
              { value: 'false', label: 'Alla' },
            ]}
          />
        )}
      </Group>
      <PagedTable
        query={rows}
        list={list}
        columns={attendanceColumns(district, onChoose)}
        rowKey={(r) => r.placementId}
        label="Närvaro och frånvaro"
        noun={{ one: 'klient', many: 'klienter' }}
        empty={
          flagged === 'true'
            ? 'Ingen att följa upp den månaden.'
            : 'Ingen daglig verksamhet eller sysselsättning den månaden.'
        }
        testId="attendance"
      />
    </section>
  );
}

/** The columns of one month's rows. */
function attendanceColumns(
  district: boolean,
  onChoose?: (placementId: number) => void,
): Column<FollowUpRow, FollowUpSort>[] {
  return [
    {
      key: 'client',
      header: 'Klient',
      sort: 'client',
      render: (r) =>
        district ? (
          <Anchor component={Link} href={`/placeringar/${r.placementId}`}>
            {r.clientName}
          </Anchor>
        ) : (
          // The link still moves to the form without script; the click also chooses the placement.
          <Anchor href="#absence-h" onClick={() => onChoose?.(r.placementId)}>
            {r.clientName}
          </Anchor>
        ),
    },
    { key: 'service', header: 'Insats', render: (r) => serviceLabel(r.service) },
    { key: 'decided', header: 'Beslutad omfattning', render: (r) => participationText(r) },
    { key: 'weekdays', header: 'Vardagar', className: 'num', render: (r) => formatNumber(r.weekdays) },
    { key: 'absent', header: 'Frånvaro', className: 'num', render: (r) => formatNumber(r.absentWeekdays) },
    { key: 'attended', header: 'Närvaro', className: 'num', render: (r) => formatNumber(r.attendedWeekdays) },
    {
      key: 'reasons',
      header: 'Att följa upp',
      render: (r) =>
        r.reasons.length === 0 ? (
          '–'
        ) : (
          <Text size="sm" c={WARN}>
            <TextWithRules text={r.reasons.join('; ')} />
          </Text>
        ),
    },
  ];
}
