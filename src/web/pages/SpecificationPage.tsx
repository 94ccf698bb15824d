/**
 * A provider's specification for one run: every line with its calculation, corrections marked with
 * the month they correct (PAY-9), each line's explanation in plain Swedish (PAY-10), and the CSV
 * and XLSX exports.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { nameLookup, useModels, useProviders } from '../hooks.js';
import { formatKrOre, formatMonth, formatNumber, formatPeriod, kronorAsOre } from '../../contract/format.js';
import { oreToKronor } from '../../domain/money.js';
import { levelLabel, serviceLabel, unitLabel } from '../../contract/labels.js';
import { correctedMonth, explainLine, kindName, type ExplainableLine } from '../explain.js';
import { Link } from '../router.js';
import type { LineList, LineView, RunDetail, Specification } from '../../contract/settlement-runs.js';

/** A run's line with the client and unit names from the specification where the user may see them. */
export type ShownLine = LineView & { clientName?: string; unitName?: string };
import { hasRole, useAuth } from '../auth.js';
import { WARN } from '../colors.js';
import { TableScroll } from '../components/TableScroll.js';
import { RULE_DETAIL, SourceText } from '../components/Rule.js';

/** The specification page. */
export function SpecificationPage({ runId, providerId }: { runId: string; providerId: string }) {
  const providerName = nameLookup(useProviders().data);
  const run = useQuery({
    queryKey: ['run', runId],
    queryFn: () => get<RunDetail>(`/api/settlement-runs/${encodeURIComponent(runId)}`),
  });
  const lines = useQuery({
    queryKey: ['lines', runId, providerId],
    queryFn: () =>
      get<LineList>(withQuery(`/api/settlement-runs/${encodeURIComponent(runId)}/lines`, { providerId })),
  });
  const { user } = useAuth();
  // Names and units come from the JSON specification (not for analysts: no identities, docs/api.md).
  const spec = useQuery({
    queryKey: ['spec', runId, providerId],
    queryFn: () =>
      get<Specification>(
        `/api/settlement-runs/${encodeURIComponent(runId)}/specification/${encodeURIComponent(providerId)}.json`,
      ),
    enabled: hasRole(user, 'admin', 'finance', 'case_officer', 'provider'),
  });
  const base = `/api/settlement-runs/${encodeURIComponent(runId)}/specification/${encodeURIComponent(providerId)}`;
  const title = `Specifikation ${spec.data?.provider.name ?? providerName(providerId)}${run.data ? `, ${formatMonth(run.data.month)}` : ''}`;
  return (
    <Page title={title}>
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
      <QueryState query={lines} what="raderna">
        {(data) => {
          const names = new Map((spec.data?.lines ?? []).map((l) => [l.placementId, l]));
          return (
            <Lines
              lines={data.items.map((l): ShownLine => {
                const n = names.get(l.placementId);
                return n ? { ...l, clientName: n.clientName, unitName: n.unitName } : l;
              })}
            />
          );
        }}
      </QueryState>
    </Page>
  );
}

/** The line table with one explanation dialog; reused by the provider portal. */
export function Lines({ lines }: { lines: ShownLine[] }) {
  const { user } = useAuth();
  // Those who may open placements get a link from each line to its placement.
  const linkPlacements = hasRole(user, 'admin', 'case_officer', 'assessor');
  const [open, setOpen] = useState<ShownLine | null>(null);
  const total = oreToKronor(lines.reduce((s, l) => s + kronorAsOre(l.amount), 0));
  if (lines.length === 0) return <Text>Inga rader.</Text>;
  return (
    <>
      <TableScroll>
        <Table striped data-testid="spec-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Klient</Table.Th>
              <Table.Th scope="col">Insats</Table.Th>
              <Table.Th scope="col">Typ</Table.Th>
              <Table.Th scope="col">Period</Table.Th>
              <Table.Th scope="col">Nivå</Table.Th>
              <Table.Th scope="col" className="num">
                Antal
              </Table.Th>
              <Table.Th scope="col" className="num">
                À-pris (kr, öre)
              </Table.Th>
              <Table.Th scope="col" className="num">
                Belopp (kr, öre)
              </Table.Th>
              <Table.Th scope="col">Förklaring</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => {
              const corrects = correctedMonth(l);
              return (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    {linkPlacements ? (
                      <Anchor component={Link} href={`/placeringar/${l.placementId}`}>
                        {l.clientName ?? `Placering ${l.placementId}`}
                      </Anchor>
                    ) : (
                      (l.clientName ?? `Placering ${l.placementId}`)
                    )}
                  </Table.Td>
                  <Table.Td>{serviceLabel(l.service)}</Table.Td>
                  <Table.Td>
                    {kindName(l.kind)}
                    {corrects && (
                      <Badge ml={4} size="sm" variant="outline" color={WARN}>
                        rättar {corrects}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td className="date">{formatPeriod(l.from, l.to)}</Table.Td>
                  <Table.Td>{l.level ? levelLabel(l.level) : '–'}</Table.Td>
                  <Table.Td className="num">
                    {formatNumber(l.quantity, 4)} {unitLabel(l.unit, l.quantity)}
                  </Table.Td>
                  <Table.Td className="num">{formatKrOre(l.rate)}</Table.Td>
                  <Table.Td className="num">{formatKrOre(l.amount)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setOpen(l)}>
                      Visa förklaring
                      <span className="visually-hidden-count">
                        {' '}
                        för {l.clientName ?? l.placementId}, {formatPeriod(l.from, l.to)}
                      </span>
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={7}>
                Summa ({lines.length} rader)
              </Table.Th>
              <Table.Td className="num" fw={700}>
                {formatKrOre(total)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title="Förklaring av raden" size="lg">
        {open && <ExplanationView line={open} />}
      </Modal>
    </>
  );
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
