/**
 * The placements a settlement run could not pay (issue #9 §2), shown first on the run page: the
 * placement (a link to fix it), the client, the rule id and Swedish reason from the engine's facts
 * check, and what to do. Every other placement of the run is paid.
 */
import { Alert, Anchor, Table, Text, Title } from '@mantine/core';
import type { RunDetail } from '../../contract/settlement-runs.js';
import { Link } from '../router.js';
import { refusedText } from '../settlement.js';
import { TableScroll } from '../components/TableScroll.js';

/** What to do when the API gives no action of its own: correct the facts on the placement. */
export const DEFAULT_ACTION =
  'Rätta uppgifterna på placeringen. Placeringen betalas i nästa körning för månaden, eller som rättelse om månaden redan är godkänd.';

/** The refused placements of a run as a table under a warning. */
export function RefusedList({ run }: { run: Pick<RunDetail, 'refused' | 'refusedCount'> }) {
  return (
    <section aria-labelledby="refused-h" data-testid="run-refused">
      <Title order={2} id="refused-h" size="h3" mb="xs">
        Kunde inte betalas ({run.refused.length})
      </Title>
      <Alert color="orange" variant="light" mb="sm" title={refusedText(run) ?? ''}>
        <Text size="sm">
          Körningen betalar alla andra placeringar. Placeringarna nedan saknar eller har motstridiga uppgifter
          och ingår inte i summan.
        </Text>
      </Alert>
      <TableScroll>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Placering</Table.Th>
              <Table.Th scope="col">Klient</Table.Th>
              <Table.Th scope="col">Orsak</Table.Th>
              <Table.Th scope="col">Regel</Table.Th>
              <Table.Th scope="col">Vad du gör</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.refused.map((x, i) => (
              <Table.Tr key={`${x.placementId ?? i}-${x.id}`}>
                <Table.Td>
                  {/* Analysts and finance staff get no client (null) and open no placements. */}
                  {x.clientId !== null ? (
                    <Anchor component={Link} href={`/placeringar/${x.placementId}`}>
                      Placering {x.placementId}
                    </Anchor>
                  ) : x.placementId !== null ? (
                    `Placering ${x.placementId}`
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td>
                  {x.clientId !== null ? (
                    <Anchor component={Link} href={`/klienter/${x.clientId}`}>
                      {x.clientName ?? `Klient ${x.clientId}`}
                    </Anchor>
                  ) : (
                    (x.clientName ?? '–')
                  )}
                </Table.Td>
                <Table.Td>{x.message}</Table.Td>
                <Table.Td>
                  <code>{x.id}</code>
                </Table.Td>
                <Table.Td>{x.action ?? DEFAULT_ACTION}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}
