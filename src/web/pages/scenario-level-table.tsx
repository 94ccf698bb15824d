/**
 * The scenario page's Tabell 3 (SCEN-1): persons and cost per level now and in the proposal, with
 * the proposal's amount per person and year editable per level (the what-if of scenario.ts).
 */
import type { Dispatch, SetStateAction } from 'react';
import { Button, Table, Text, Title } from '@mantine/core';
import { SwedishNumberInput } from '../components/SwedishNumberInput.js';
import { formatMkr, formatNumber } from '../../contract/format.js';
import { levelLabel, serviceLabel } from '../../contract/labels.js';
import { TableScroll } from '../components/TableScroll.js';
import {
  editable,
  levelKey,
  perPerson,
  type CompareResult,
  type Overrides,
  type tabell3,
  type WhatIf,
} from '../scenario.js';
import { shown as figure } from './scenario-part-time.js';

/** Tabell 3 with an amount field per proposed level; clearing a field drops its override. */
export function LevelTable({
  rows,
  result,
  whatIf: w,
  overrides,
  setOverrides,
}: {
  rows: ReturnType<typeof tabell3>;
  result: CompareResult;
  whatIf: WhatIf;
  overrides: Overrides;
  setOverrides: Dispatch<SetStateAction<Overrides>>;
}) {
  const edited = Object.keys(overrides).length > 0;
  return (
    <section aria-labelledby="t3-h">
      <Title order={2} id="t3-h" size="h3" mb="xs">
        Personer och kostnad per nivå (som Tabell 3)
      </Title>
      <Text size="sm" mb="xs">
        Ändra förslagets belopp per person och år för en nivå: summan, skillnaden och faktorn räknas om
        direkt.
      </Text>
      <TableScroll>
        <Table withTableBorder data-testid="tabell3">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Insats</Table.Th>
              <Table.Th scope="col">Nivå</Table.Th>
              <Table.Th scope="col" className="num">
                Personer nu
              </Table.Th>
              <Table.Th scope="col" className="num">
                Kostnad nu
              </Table.Th>
              <Table.Th scope="col">Nivå i förslaget</Table.Th>
              <Table.Th scope="col" className="num">
                Personer
              </Table.Th>
              <Table.Th scope="col">Belopp per person och år</Table.Th>
              <Table.Th scope="col" className="num">
                Kostnad
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => {
              const n = Math.max(s.baseline.length, s.proposal.length);
              return Array.from({ length: n }, (_, i) => {
                const b = s.baseline[i];
                const p = s.proposal[i];
                const key = p ? levelKey(p.service, p.level) : '';
                return (
                  <Table.Tr key={`${s.service}-${i}`}>
                    {i === 0 && (
                      <Table.Th scope="row" rowSpan={n}>
                        {serviceLabel(s.service)}
                      </Table.Th>
                    )}
                    <Table.Td>{b ? levelLabel(b.level) : ''}</Table.Td>
                    <Table.Td className="num">{b ? figure(b.persons, formatNumber) : ''}</Table.Td>
                    <Table.Td className="num">{b ? figure(b.cost, formatMkr) : ''}</Table.Td>
                    <Table.Td>{p ? levelLabel(p.level) : ''}</Table.Td>
                    <Table.Td className="num">{p ? figure(p.persons, formatNumber) : ''}</Table.Td>
                    <Table.Td className={p && overrides[key] !== undefined ? 'changed' : undefined}>
                      {p && editable(p) && (
                        <SwedishNumberInput
                          aria-label={`Belopp per person och år, ${serviceLabel(s.service)} ${levelLabel(p.level)}`}
                          value={
                            overrides[key] ??
                            perPerson(
                              result.proposal.byLevel.find(
                                (r) => r.service === p.service && r.level === p.level,
                              ) ?? p,
                            )
                          }
                          onChange={(v) => {
                            const num =
                              typeof v === 'number'
                                ? v
                                : Number(String(v).replace(/\s/g, '').replace(',', '.'));
                            setOverrides((o) => {
                              const next = { ...o };
                              if (Number.isFinite(num) && v !== '') next[key] = num;
                              else delete next[key];
                              return next;
                            });
                          }}
                          thousandSeparator=" "
                          decimalSeparator=","
                          decimalScale={2}
                          min={0}
                          size="xs"
                          suffix=" kr"
                          hideControls
                        />
                      )}
                    </Table.Td>
                    <Table.Td className="num">{p ? figure(p.cost, formatMkr) : ''}</Table.Td>
                  </Table.Tr>
                );
              });
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={3}>
                Summa
              </Table.Th>
              <Table.Td className="num" fw={700}>
                {formatMkr(result.baseline.total)}
              </Table.Td>
              <Table.Td colSpan={3} />
              <Table.Td className="num" fw={700}>
                {formatMkr(w.proposal.total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
      {edited && (
        <Button variant="default" mt="xs" onClick={() => setOverrides({})}>
          Återställ beloppen
        </Button>
      )}
    </section>
  );
}
