/**
 * Agreement between assessors (issue #10 §5): per assessor pair and per life area over a chosen
 * period, the share of items in exact agreement and quadratic-weighted Cohen's kappa, drawn as
 * bars with their figures in text, and how often each original landed on the agreed level.
 */
import { useState } from 'react';
import { Group, Progress, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatNumber, formatPercent } from '../../contract/format.js';
import { isIsoDate } from '../../domain/patterns.js';
import type { AssessmentStatistics } from '../../contract/assessments.js';

type Figures = AssessmentStatistics['overall'];

const pct = (x: number | null) => (x === null ? '–' : formatPercent(x * 100, 1));
const kappa = (x: number | null) => (x === null ? '–' : formatNumber(x, 2));

/** A bar with its value in text beside it (the chart never relies on the bar alone). */
function Bar({ value, label }: { value: number | null; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={Math.max(0, (value ?? 0) * 100)} w={120} aria-hidden="true" />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

function FigureTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; name: string; f: Figures }[];
}) {
  return (
    <TableScroll>
      <Table>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              {caption.startsWith('Per bedömarpar') ? 'Bedömare' : 'Livsområde'}
            </Table.Th>
            <Table.Th scope="col">Frågor</Table.Th>
            <Table.Th scope="col">Exakt lika</Table.Th>
            <Table.Th scope="col">Viktad kappa</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{r.name}</Table.Th>
              <Table.Td>{r.f.items}</Table.Td>
              <Table.Td>
                <Bar value={r.f.exactShare} label={pct(r.f.exactShare)} />
              </Table.Td>
              <Table.Td>
                <Bar value={r.f.kappa} label={kappa(r.f.kappa)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** The statistics page. */
export function AssessmentStatisticsPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const ok = (d: string) => d === '' || isIsoDate(d);
  const stats = useQuery({
    queryKey: ['assessments', 'statistics', ok(from) ? from : '', ok(to) ? to : ''],
    queryFn: () =>
      get<AssessmentStatistics>(
        withQuery('/api/assessments/statistics', { from: ok(from) ? from : null, to: ok(to) ? to : null }),
      ),
  });
  return (
    <Page title="Samstämmighet mellan bedömare">
      <Group align="flex-start">
        <TextInput
          label="Från"
          description="ÅÅÅÅ-MM-DD, tomt för början"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value.trim())}
          error={ok(from) ? undefined : 'Skriv datumet som ÅÅÅÅ-MM-DD.'}
        />
        <TextInput
          label="Till"
          description="ÅÅÅÅ-MM-DD, tomt för i dag"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value.trim())}
          error={ok(to) ? undefined : 'Skriv datumet som ÅÅÅÅ-MM-DD.'}
        />
      </Group>
      <QueryState query={stats} what="statistiken">
        {(s) => (
          <Stack gap="md">
            <Text>
              {s.cases} avgjorda ärenden, {s.overall.items} frågor: exakt lika {pct(s.overall.exactShare)},
              viktad kappa {kappa(s.overall.kappa)}. Bedömarnas egna bedömningar gav samma nivå i{' '}
              {s.levels.sameLevel} av {s.levels.cases} ärenden; den första bedömarens nivå var den gemensamma
              i {s.levels.aEqualsAgreed}, den andras i {s.levels.bEqualsAgreed}.
            </Text>
            <section aria-labelledby="pairs-h">
              <Title order={2} id="pairs-h" size="h3" mb="xs">
                Per bedömarpar
              </Title>
              <FigureTable
                caption="Per bedömarpar"
                rows={s.byPair.map((p) => ({
                  key: p.assessors.join('+'),
                  name: p.assessors.join(' och '),
                  f: p.figures,
                }))}
              />
              <ul aria-label="Nivåer per bedömarpar">
                {s.byPair.map((p) => (
                  <li key={p.assessors.join('+')}>
                    {p.assessors.join(' och ')}: samma nivå i {p.levels.sameLevel} av {p.levels.cases}{' '}
                    ärenden; den gemensamma nivån var den första bedömarens i {p.levels.aEqualsAgreed}, den
                    andras i {p.levels.bEqualsAgreed}.
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="areas-h">
              <Title order={2} id="areas-h" size="h3" mb="xs">
                Per livsområde
              </Title>
              <FigureTable
                caption="Per livsområde"
                rows={s.byArea.map((a) => ({
                  key: `${a.instrumentId}/${a.area}`,
                  name: `${a.label} (${a.instrumentId})`,
                  f: a.figures,
                }))}
              />
            </section>
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
