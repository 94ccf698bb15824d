/**
 * A provider's specification for one run: its lines with their calculation, corrections marked
 * with the month they correct (PAY-9), each line's explanation in plain Swedish (PAY-10), and the
 * CSV and XLSX exports. The lines are paged, sorted and filtered on the server with the filter,
 * sort and page in the address (`?typ=`, `?stadsdel=`; issue #14 §1); the sum row is the server's sum of every
 * line matching the filter, not of the page shown.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, List, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.js';
import { Page } from '../components/Page.js';
import { DistrictFilter } from '../components/ListFilters.js';
import { DISTRICT_ID_PATTERN } from '../../domain/patterns.js';
import { PagedTable, countText, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { nameLookup, useModels, useProviders } from '../hooks.js';
import { formatKrOre, formatMonth, formatNumber, formatPeriod } from '../../contract/format.js';
import { LINE_KIND_LABELS, levelLabel, serviceLabel, unitLabel } from '../../contract/labels.js';
import { correctedMonth, explainLine, kindName, type ExplainableLine } from '../explain.js';
import { Link } from '../router.js';
import type { LineItem, LineList, LineSort, RunDetail } from '../../contract/settlement-runs.js';
import { hasRole, useAuth } from '../auth.js';
import { WARN } from '../colors.js';
import { RULE_DETAIL, SourceText } from '../components/Rule.js';

const NOUN = { one: 'rad', many: 'rader' };

/** The specification page. */
export function SpecificationPage({ runId, providerId }: { runId: string; providerId: string }) {
  const providerName = nameLookup(useProviders().data);
  const run = useQuery({
    queryKey: ['run', runId],
    queryFn: () => get<RunDetail>(`/api/settlement-runs/${encodeURIComponent(runId)}`),
  });
  const list = useListState<LineSort>({ sorts: ['placement', 'amount'], sort: 'placement' });
  const kind = list.filter('typ');
  const known = Object.hasOwn(LINE_KIND_LABELS, kind) ? kind : '';
  const district = list.filter('stadsdel');
  const districtId = DISTRICT_ID_PATTERN.test(district) ? district : undefined;
  const lines = useListQuery<LineItem, LineSort>(
    `/api/settlement-runs/${encodeURIComponent(runId)}/lines`,
    { providerId, kind: known || undefined, districtId },
    list,
    { key: 'lines' },
  );
  const { user } = useAuth();
  const base = `/api/settlement-runs/${encodeURIComponent(runId)}/specification/${encodeURIComponent(providerId)}`;
  const title = `Specifikation ${providerName(providerId)}${run.data ? `, ${formatMonth(run.data.month)}` : ''}`;
  const [open, setOpen] = useState<LineItem | null>(null);
  const sum = (lines.data as LineList | undefined)?.sum;
  return (
    <Page title={title}>
      <Stack gap="md">
        <Group>
          <Anchor component={Link} href={`/avrakning/${encodeURIComponent(runId)}`}>
            Tillbaka till körningen
          </Anchor>
          {hasRole(user, 'admin', 'finance', 'case_officer', 'provider') && (
            <>
              <Button component="a" href={`${base}.csv`} download variant="light" size="sm">
                Exportera CSV
              </Button>
              <Button component="a" href={`${base}.xlsx`} download variant="light" size="sm">
                Exportera Excel (XLSX)
              </Button>
            </>
          )}
        </Group>
        <Group align="flex-end" role="search" aria-label="Filtrera raderna">
          {user?.role !== 'case_officer' && (
            <DistrictFilter value={districtId ?? null} onChange={(v) => list.setFilters({ stadsdel: v })} />
          )}
          <Select
            label="Typ av rad"
            placeholder="Alla typer"
            data={Object.entries(LINE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={known || null}
            onChange={(v) => list.setFilters({ typ: v })}
            clearable
          />
        </Group>
        <PagedTable
          query={lines}
          list={list}
          columns={lineColumns(hasRole(user, 'admin', 'case_officer', 'assessor'), setOpen)}
          rowKey={(l) => l.id}
          label="Specifikationens rader"
          noun={NOUN}
          empty="Inga rader."
          testId="spec-lines"
          footer={
            sum !== undefined && lines.data ? (
              <Table.Tr>
                <Table.Th scope="row" colSpan={7}>
                  Summa ({countText(lines.data.total, NOUN)})
                </Table.Th>
                <Table.Td className="num" fw={700} data-testid="spec-sum">
                  {formatKrOre(sum)}
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            ) : undefined
          }
        />
      </Stack>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title="Förklaring av raden" size="lg">
        {open && <ExplanationView line={open} />}
      </Modal>
    </Page>
  );
}

/** The line table's columns; those who may open placements get a link from each line to it. */
function lineColumns(linkPlacements: boolean, explain: (l: LineItem) => void): Column<LineItem, LineSort>[] {
  const who = (l: LineItem) => l.clientName ?? `Placering ${l.placementId}`;
  return [
    // The lines sort by placement (each placement's lines together), so the sortable column is the
    // placement's number: sorting a column headed "Klient" by number looked like a broken sort.
    { key: 'placement', header: 'Placering', sort: 'placement', render: (l) => l.placementId },
    {
      key: 'client',
      header: 'Klient',
      render: (l) =>
        linkPlacements ? (
          <Anchor component={Link} href={`/placeringar/${l.placementId}`}>
            {who(l)}
          </Anchor>
        ) : (
          who(l)
        ),
    },
    { key: 'service', header: 'Insats', render: (l) => serviceLabel(l.service) },
    {
      key: 'kind',
      header: 'Typ',
      render: (l) => {
        const corrects = correctedMonth(l);
        return (
          <>
            {kindName(l.kind)}
            {corrects && (
              <Badge ml={4} size="sm" variant="outline" color={WARN}>
                rättar {corrects}
              </Badge>
            )}
          </>
        );
      },
    },
    { key: 'period', header: 'Period', className: 'date', render: (l) => formatPeriod(l.from, l.to) },
    { key: 'level', header: 'Nivå', render: (l) => (l.level ? levelLabel(l.level) : '–') },
    {
      key: 'quantity',
      header: 'Antal',
      className: 'num',
      render: (l) => `${formatNumber(l.quantity, 4)} ${unitLabel(l.unit, l.quantity)}`,
    },
    { key: 'rate', header: 'À-pris (kr, öre)', className: 'num', render: (l) => formatKrOre(l.rate) },
    {
      key: 'amount',
      header: 'Belopp (kr, öre)',
      className: 'num',
      sort: 'amount',
      render: (l) => formatKrOre(l.amount),
    },
    {
      key: 'explain',
      header: 'Förklaring',
      render: (l) => (
        <Button size="xs" variant="subtle" onClick={() => explain(l)}>
          Visa förklaring
          <span className="visually-hidden-count">
            {' '}
            för {l.clientName ?? l.placementId}, {formatPeriod(l.from, l.to)}
          </span>
        </Button>
      ),
    },
  ];
}

/** One line explained (PAY-10). */
export function ExplanationView({ line }: { line: ExplainableLine }) {
  const models = useModels();
  const modelTitle = models.data?.find((m) => m.id === line.model)?.title;
  const e = explainLine(modelTitle ? { ...line, modelTitle } : line);
  return (
    <Stack gap="sm" data-testid="explanation">
      <Text>{e.summary}</Text>
      <Title order={3} size="h5">
        Beräkning
      </Title>
      <Text fw={600}>{e.calculation}</Text>
      {e.notes.length > 0 && (
        <>
          <Title order={3} size="h5">
            Underlag
          </Title>
          <List size="sm" {...RULE_DETAIL}>
            {e.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </>
      )}
      <Title order={3} size="h5">
        Regler
      </Title>
      {e.rules.length === 0 ? (
        <Text size="sm">Inga regler angivna.</Text>
      ) : (
        <List size="sm" {...RULE_DETAIL}>
          {e.rules.map((r) => (
            <List.Item key={r.id}>
              <strong>{r.id}</strong>: {r.text}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={3} size="h5">
        Källor
      </Title>
      {e.sources.length === 0 ? (
        <Text size="sm">Beloppet kommer från ersättningsmodellen som gällde perioden.</Text>
      ) : (
        <List size="sm" {...RULE_DETAIL}>
          {e.sources.map((s) => (
            <List.Item key={s}>
              <SourceText source={s} />
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
