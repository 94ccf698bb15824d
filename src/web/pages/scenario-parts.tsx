/**
 * Parts of the scenario page (SCEN-1..3): the bar chart figure, persons changing level and the
 * winners and losers per district, kept apart so each file stays small.
 */
import { Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { capitalise, formatKr, formatKrSigned, formatNumber } from '../../contract/format.js';
import { levelLabel, serviceLabel } from '../../contract/labels.js';
import type { CompareResult } from '../scenario.js';
import { Rule } from '../components/Rule.js';
import { BAD, OK } from '../colors.js';

/** Persons whose level changes between the models, per service and pair of levels. */
export function Movements({
  movements,
  total,
}: {
  movements: NonNullable<CompareResult['levelChanges']>;
  total: number | null;
}) {
  return (
    <section aria-labelledby="move-h">
      <Title order={2} id="move-h" size="h3" mb="xs">
        Personer som byter nivå ({formatNumber(total ?? movements.reduce((n, m) => n + m.persons, 0))})
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Insats</Table.Th>
            <Table.Th scope="col">Från nivå</Table.Th>
            <Table.Th scope="col">Till nivå</Table.Th>
            <Table.Th scope="col" className="num">
              Personer
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movements.map((m, i) => (
            <Table.Tr key={i}>
              <Table.Td>{m.service ? serviceLabel(m.service) : '–'}</Table.Td>
              <Table.Td>{levelLabel(m.from)}</Table.Td>
              <Table.Td>{levelLabel(m.to)}</Table.Td>
              <Table.Td className="num">{formatNumber(m.persons)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** Districts from the largest loss to the largest gain (SCEN-3). */
export function Winners({
  rows,
  note,
  districtName,
}: {
  rows: CompareResult['byDistrict'];
  note: string | null;
  /** A district id as its name (`enskede-arsta-vantor` → `Enskede-Årsta-Vantör`). */
  districtName: (id: string) => string;
}) {
  return (
    <section aria-labelledby="winners-h">
      <Title order={2} id="winners-h" size="h3" mb="xs">
        Vinnare och förlorare per stadsdel
        <Rule ids="SCEN-3" />
      </Title>
      {note && (
        <Text size="sm" mb="xs">
          {note}
        </Text>
      )}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Stadsdel</Table.Th>
            <Table.Th scope="col" className="num">
              Nuvarande
            </Table.Th>
            <Table.Th scope="col" className="num">
              Förslag
            </Table.Th>
            <Table.Th scope="col" className="num">
              Skillnad
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...rows]
            .sort((a, b) => a.difference - b.difference)
            .map((d) => (
              <Table.Tr key={d.district}>
                <Table.Td>{districtName(d.district)}</Table.Td>
                <Table.Td className="num">{formatKr(d.baseline)}</Table.Td>
                <Table.Td className="num">{formatKr(d.proposal)}</Table.Td>
                <Table.Td className="num">{formatKrSigned(d.difference)}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

const COLORS = ['gray.7', 'blue.8'];
/** A difference bar: green above zero, red below (issue #14 §6), both ≥ 4.5:1 on white. */
const signColor = (value: number) => (value < 0 ? BAD : OK);

/**
 * A bar chart with a caption (issue #14 §6): every category is named on the axis and every bar
 * carries its value; a single series of differences is coloured by sign; and the same figures
 * follow in a table behind "Visa diagrammets värden", so each value is reachable by keyboard and
 * screen reader (WCAG 1.1.1).
 */
export function Chart({
  title,
  data,
  dataKey,
  series,
  signed = false,
  format = (v: number) => formatNumber(v, 1),
}: {
  title: string;
  data: Record<string, string | number>[];
  dataKey: string;
  series: string[];
  /** A difference: bars coloured by sign. */
  signed?: boolean;
  format?: (v: number) => string;
}) {
  const many = data.length > 6;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text fw={600} mb="xs">
          {title}
        </Text>
      </figcaption>
      {data.length === 0 ? (
        <Text size="sm">Inga uppgifter.</Text>
      ) : (
        <>
          <div role="img" aria-label={`${title}: diagram; värdena står vid staplarna och i tabellen under.`}>
            <BarChart
              h={many ? 360 : 280}
              data={data}
              dataKey={dataKey}
              series={series.map((name, i) => ({ name, color: COLORS[i] ?? 'blue.8' }))}
              withLegend={series.length > 1}
              tickLine="y"
              valueFormatter={format}
              withBarValueLabel
              {...(signed ? { getBarColor: signColor } : {})}
              xAxisProps={{
                interval: 0,
                ...(many ? { angle: -35, textAnchor: 'end', height: 90 } : {}),
              }}
            />
          </div>
          <details>
            <summary>
              <Text span size="sm">
                Visa diagrammets värden
              </Text>
            </summary>
            <Table withTableBorder mt="xs">
              <caption className="visually-hidden">{title}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{capitalise(dataKey)}</Table.Th>
                  {series.map((name) => (
                    <Table.Th scope="col" key={name} className="num">
                      {name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((row) => (
                  <Table.Tr key={String(row[dataKey])}>
                    <Table.Th scope="row">{row[dataKey]}</Table.Th>
                    {series.map((name) => {
                      const v = Number(row[name] ?? 0);
                      return (
                        <Table.Td key={name} className="num" c={signed ? signColor(v) : undefined}>
                          {signed && v > 0 ? '+' : ''}
                          {format(v)}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        </>
      )}
    </figure>
  );
}
