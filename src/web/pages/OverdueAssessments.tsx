/**
 * Overdue assessment cases on the start page (issue #10 §2): the office sees every overdue case,
 * a case officer those of the district's clients (the API scopes them), soonest due first.
 */
import { Anchor, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { Link } from '../router.js';
import { formatDate } from '../../contract/format.js';
import { ASSESSMENT_KIND_LABELS, ASSESSMENT_STATE_LABELS, serviceLabel } from '../../contract/labels.js';
import type { CaseListItem } from '../../contract/assessments.js';

const SHOWN = 10;

/** The start page's list of overdue assessment cases, with a link to the whole work list. */
export function OverdueAssessments() {
  const cases = useQuery({
    queryKey: ['assessments', 'overdue', 'start'],
    queryFn: () =>
      get<{ items: CaseListItem[]; total: number }>(
        withQuery('/api/assessments', { list: 'overdue', limit: SHOWN }),
      ),
  });
  return (
    <section aria-labelledby="overdue-assessments-h" data-testid="overdue-assessments">
      <Title order={2} id="overdue-assessments-h" mb="sm">
        Försenade bedömningar
      </Title>
      <QueryState query={cases} what="de försenade bedömningarna">
        {(d) =>
          d.items.length === 0 ? (
            <Text>Inga bedömningar är försenade.</Text>
          ) : (
            <>
              <TableScroll>
                <Table striped>
                  <Table.Caption>
                    {d.total > d.items.length
                      ? `De ${d.items.length} som varit försenade längst av ${d.total}`
                      : `${d.total} försenade`}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Ärende</Table.Th>
                      <Table.Th scope="col">Klient</Table.Th>
                      <Table.Th scope="col">Insats</Table.Th>
                      <Table.Th scope="col">Slag</Table.Th>
                      <Table.Th scope="col">Läge</Table.Th>
                      <Table.Th scope="col">Skulle vara klar</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor component={Link} href={`/bedomningar/${c.id}`}>
                            Ärende {c.id}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} href={`/klienter/${c.clientId}/bedomningar`}>
                            {c.clientName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{serviceLabel(c.service)}</Table.Td>
                        <Table.Td>{ASSESSMENT_KIND_LABELS[c.kind]}</Table.Td>
                        <Table.Td>{ASSESSMENT_STATE_LABELS[c.state]}</Table.Td>
                        <Table.Td>{formatDate(c.dueDate)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              <Anchor component={Link} href="/bedomningar?lista=overdue">
                Alla försenade bedömningar
              </Anchor>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
