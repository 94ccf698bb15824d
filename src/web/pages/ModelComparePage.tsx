/**
 * Two rate models side by side with the differences marked (issue #6 step 2). Levels are matched
 * by id within each service; a changed figure is highlighted AND labelled "ändrad" in text, so the
 * difference never depends on colour alone (WCAG 1.4.1).
 */
import { Badge, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { BAD, OK } from '../colors.js';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.js';
import { Page } from '../components/Page.js';
import { ErrorAlert, Loading, QueryState } from '../components/QueryState.js';
import { useModels } from '../hooks.js';
import { compareModels, type ComparedCell } from '../model-view.js';
import { formatKr, formatKrSigned } from '../../contract/format.js';
import { regimeLabel } from '../../contract/labels.js';
import { navigate, useLocation } from '../router.js';
import type { ModelDetail } from '../../contract/models.js';
import { TableScroll } from '../components/TableScroll.js';

const fetchModel = (id: string) => get<ModelDetail>(`/api/models/${encodeURIComponent(id)}`);

/** The comparison page; the chosen models live in the address (`?a=…&b=…`) so it can be shared. */
export function ModelComparePage() {
  const { search } = useLocation();
  const a = search.get('a') ?? '';
  const b = search.get('b') ?? '';
  const models = useModels();
  const ma = useQuery({ queryKey: ['model', a], queryFn: () => fetchModel(a), enabled: !!a });
  const mb = useQuery({ queryKey: ['model', b], queryFn: () => fetchModel(b), enabled: !!b });
  const set = (key: 'a' | 'b', value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    navigate(`/modeller/jamfor?${next.toString()}`, { replace: true });
  };
  const options = (models.data ?? []).map((m) => ({ value: m.id, label: m.title }));

  return (
    <Page title="Jämför ersättningsmodeller">
      <QueryState query={models} what="modellerna">
        {() => (
          <Group align="flex-end" grow>
            <Select
              label="Modell A (nuvarande)"
              data={options}
              value={a || null}
              onChange={(v) => set('a', v)}
              searchable
            />
            <Select
              label="Modell B (jämförs)"
              data={options}
              value={b || null}
              onChange={(v) => set('b', v)}
              searchable
            />
          </Group>
        )}
      </QueryState>
      {!a || !b ? (
        <Text>Välj två modeller för att se dem sida vid sida.</Text>
      ) : ma.isPending || mb.isPending ? (
        <Loading what="modellerna" />
      ) : ma.isError || mb.isError ? (
        <ErrorAlert title="Kunde inte hämta modellerna" error={ma.error ?? mb.error} />
      ) : (
        <Comparison a={ma.data} b={mb.data} />
      )}
    </Page>
  );
}

function Cell({ c }: { c: ComparedCell }) {
  return (
    <Table.Td className={c.changed ? 'num changed' : 'num'}>
      <Stack gap={0}>
        <Text span size="sm">
          A: {c.a === null ? 'saknas' : formatKr(c.a)}
        </Text>
        <Text span size="sm" fw={c.changed ? 700 : 400}>
          B: {c.b === null ? 'saknas' : formatKr(c.b)}
        </Text>
        {c.changed && c.a !== null && c.b !== null && (
          <Text span size="xs" c={c.b > c.a ? OK : BAD}>
            ändrad {formatKrSigned(c.b - c.a)}
          </Text>
        )}
        {c.changed && (c.a === null || c.b === null) && (
          <Text span size="xs">
            ändrad
          </Text>
        )}
      </Stack>
    </Table.Td>
  );
}

function Comparison({ a, b }: { a: ModelDetail; b: ModelDetail }) {
  const { rows, regimes } = compareModels(a, b);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const isChanged = (r: (typeof rows)[number]) =>
    r.pointsChanged || r.schablon.changed || Object.values(r.rates).some((c) => c.changed);
  const changed = rows.filter(isChanged);
  const shown = onlyChanged ? changed : rows;
  return (
    <Stack>
      <Text>
        <strong>A:</strong> {a.title}. <strong>B:</strong> {b.title}. {changed.length} av {rows.length}{' '}
        nivårader skiljer sig; bara de belopp som skiljer sig är markerade, med gul bakgrund och texten
        ”ändrad” följd av skillnaden (grön ökning, röd minskning).
      </Text>
      <Checkbox
        label="Visa bara nivårader som skiljer sig"
        checked={onlyChanged}
        onChange={(e) => setOnlyChanged(e.currentTarget.checked)}
      />
      <TableScroll>
        <Table withTableBorder data-testid="model-comparison">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Insats</Table.Th>
              <Table.Th scope="col">Nivå</Table.Th>
              <Table.Th scope="col">Poäng A / B</Table.Th>
              <Table.Th scope="col" className="num">
                Schablon kr/år
              </Table.Th>
              {regimes.map((r) => (
                <Table.Th scope="col" key={r} className="num">
                  {regimeLabel(r)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={`${r.service}-${r.level}`}>
                <Table.Td>{r.serviceTitle}</Table.Td>
                <Table.Th scope="row">{r.label}</Table.Th>
                <Table.Td className={r.pointsChanged ? 'changed' : undefined}>
                  {r.pointsA ?? 'saknas'} / {r.pointsB ?? 'saknas'}
                  {r.pointsChanged && (
                    <Badge ml={4} size="xs" variant="outline" color="dark">
                      ändrad
                    </Badge>
                  )}
                </Table.Td>
                <Cell c={r.schablon} />
                {regimes.map((g) => (
                  <Cell key={g} c={r.rates[g] ?? { a: null, b: null, changed: false }} />
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
