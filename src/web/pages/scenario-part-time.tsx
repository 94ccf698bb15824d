/**
 * The part-time share's effect per level on the scenario page (issue #12 §5, SVC-3): comparing
 * today's daily-activity model with the 2025 proposal, each proposal level's persons at 1-10
 * h/week, their cost at 63 % of full time, at the 40 % it replaced, the difference, and what the
 * same persons cost today. Suppressed lines (issue #12 §6) show "färre än 5".
 */
import { Table, Text, Title } from '@mantine/core';
import { formatKr, formatKrSigned, formatNumber } from '../../contract/format.js';
import { levelLabel, serviceLabel } from '../../contract/labels.js';
import { SUPPRESSED_LABEL } from '../../domain/statistics/suppress.js';
import type { CompareResult } from '../scenario.js';
import { Rule } from '../components/Rule.js';
import { TableScroll } from '../components/TableScroll.js';

/** A figure, or "färre än 5" when the API suppressed it (issue #12 §6). */
export const shown = (n: number | null, f: (n: number) => string = String): string =>
  n === null ? SUPPRESSED_LABEL : f(n);

const share = (x: number) => `${formatNumber(x * 100, 0)} %`;

/** One table per service and interval whose proposal share replaced an earlier one. */
export function PartTimeEffect({ rows }: { rows: CompareResult['partTime'] }) {
  const keys = [...new Set(rows.map((r) => `${r.service}|${r.interval}`))];
  return (
    <section aria-labelledby="part-time-h" data-testid="part-time-effect">
      <Title order={2} id="part-time-h" size="h3" mb="xs">
        Deltidsandelens effekt per nivå
        <Rule ids="SVC-3" />
      </Title>
      {keys.map((key) => {
        const lines = rows.filter((r) => `${r.service}|${r.interval}` === key);
        const first = lines[0]!;
        const caption = `${serviceLabel(first.service)}, ${first.interval} timmar per vecka: ${share(first.share)} av heltid i stället för ${share(first.earlierShare)}`;
        const effect = lines.every((r) => r.effect !== null)
          ? lines.reduce((s, r) => s + (r.effect ?? 0), 0)
          : null;
        return (
          <div key={key}>
            <Text size="sm" mb="xs">
              {caption}. Effekten är vad förslagets andel kostar för personerna i intervallet jämfört med den
              tidigare andelen; sista kolumnen är vad samma personer kostar i den nuvarande modellen.
            </Text>
            <TableScroll>
              <Table withTableBorder striped>
                <caption className="visually-hidden">{caption}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Nivå i förslaget</Table.Th>
                    <Table.Th scope="col" className="num">
                      Personer
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      Kostnad med {share(first.share)}
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      Kostnad med {share(first.earlierShare)}
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      Effekt
                    </Table.Th>
                    <Table.Th scope="col" className="num">
                      Kostnad i nuvarande modell
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {lines.map((r) => (
                    <Table.Tr key={r.level} data-testid={`part-time-${r.level}`}>
                      <Table.Th scope="row">{levelLabel(r.level)}</Table.Th>
                      <Table.Td className="num">{shown(r.persons, formatNumber)}</Table.Td>
                      <Table.Td className="num">{shown(r.cost, formatKr)}</Table.Td>
                      <Table.Td className="num">{shown(r.costAtEarlier, formatKr)}</Table.Td>
                      <Table.Td className="num">{shown(r.effect, formatKrSigned)}</Table.Td>
                      <Table.Td className="num">{shown(r.baseline, formatKr)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                {effect !== null && (
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th scope="row" colSpan={4}>
                        Summa effekt
                      </Table.Th>
                      <Table.Td className="num" fw={700} data-testid="part-time-total">
                        {formatKrSigned(effect)}
                      </Table.Td>
                      <Table.Td />
                    </Table.Tr>
                  </Table.Tfoot>
                )}
              </Table>
            </TableScroll>
          </div>
        );
      })}
    </section>
  );
}
