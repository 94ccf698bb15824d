/**
 * Two or three catalogue units side by side (issue #11 §3, FLOW-3): one column per unit, one row
 * per fact (services, district, vacancies and the approved profile), with row and column headers
 * so a screen reader names both for every cell. Public, like the catalogue.
 */
import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { Link, useLocation } from '../router.js';
import { serviceLabel } from '../../contract/labels.js';
import type { CatalogueUnit } from '../../contract/catalogue.js';
import type { ListPage } from '../../contract/primitives.js';
import { comparedFromSearch, vacancyText } from '../catalogue.js';
import { CATALOGUE_PATH, profileValues } from './CatalogPublicPage.js';

/** The rows of the comparison: label and one value per unit. */
function rows(units: CatalogueUnit[]): [string, string[]][] {
  const profile = units.map(profileValues);
  return [
    ['Utförare', units.map((u) => u.providerName)],
    ['Stadsdel', units.map((u) => u.districtName ?? 'Uppgift saknas')],
    ['Insatser', units.map((u) => u.services.map(serviceLabel).join(', '))],
    ['Lediga platser', units.map((u) => vacancyText(u.vacancies, u.capacity))],
    ...(profile[0] ?? []).map(([label], i): [string, string[]] => [
      label,
      profile.map((p) => p[i]?.[1] ?? ''),
    ]),
  ];
}

/** The comparison page: `?enheter=3,7,9`. */
export function CatalogComparePage() {
  const { search } = useLocation();
  const ids = comparedFromSearch(search.get('enheter'));
  // Only the units chosen (at most three), asked for by id.
  const all = useQuery({
    queryKey: ['catalogue', 'compare', ids.join(',')],
    queryFn: async () =>
      ids.length
        ? (await get<ListPage<CatalogueUnit>>(withQuery('/api/catalogue', { unitIds: ids.join(',') }))).items
        : [],
  });
  const back = `${CATALOGUE_PATH}?jamfor=${ids.join(',')}`;
  return (
    <Page title="Jämför enheter">
      <Anchor component={Link} href={back}>
        Tillbaka till utförarkatalogen
      </Anchor>
      <QueryState query={all} what="enheterna">
        {(list) => {
          const units = ids.flatMap((id) => list.filter((u) => u.unitId === id));
          if (units.length < 2)
            return <Text>Välj minst två enheter i utförarkatalogen för att jämföra dem.</Text>;
          return (
            <TableScroll label="Jämförelse av enheter">
              <Table withTableBorder withColumnBorders striped>
                <Table.Caption>Jämförelse av {units.length} enheter</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Uppgift</Table.Th>
                    {units.map((u) => (
                      <Table.Th scope="col" key={u.unitId}>
                        {u.name}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows(units).map(([label, values]) => (
                    <Table.Tr key={label}>
                      <Table.Th scope="row">{label}</Table.Th>
                      {values.map((v, i) => (
                        <Table.Td key={units[i]?.unitId ?? i}>{v}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          );
        }}
      </QueryState>
    </Page>
  );
}
