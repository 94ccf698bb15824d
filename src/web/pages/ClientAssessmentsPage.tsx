/**
 * A client's levels and assessments (issue #10 §6, ASMT-9): the level history with each change and
 * who decided it, the assessment cases with both originals and the agreed result, and the
 * corrections the changes caused in approved runs (PAY-9).
 */
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { Link } from '../router.js';
import { formatDate, formatKr } from '../../contract/format.js';
import { levelKindLabel, serviceLabel } from '../../contract/labels.js';
import { ASSESSMENT_KIND_LABELS, ASSESSMENT_STATE_LABELS } from '../../contract/labels.js';
import type { z } from 'zod';
import type { clientAssessmentsSchema } from '../../contract/assessments.js';

type Record_ = z.infer<typeof clientAssessmentsSchema>;

/** The page. */
export function ClientAssessmentsPage({ id }: { id: string }) {
  const record = useQuery({
    queryKey: ['client', id, 'assessments'],
    queryFn: () => get<Record_>(`/api/clients/${encodeURIComponent(id)}/assessments`),
  });
  return (
    <Page title="Nivåer och bedömningar">
      <Anchor component={Link} href={`/klienter/${encodeURIComponent(id)}`}>
        Till klienten
      </Anchor>
      <QueryState query={record} what="nivåerna">
        {(r) => (
          <Stack gap="md">
            <section aria-labelledby="levels-h">
              <Title order={2} id="levels-h" size="h3" mb="xs">
                Nivåhistorik
              </Title>
              <TableScroll>
                <Table striped>
                  <Table.Caption>Varje ändring av nivån, med vem som beslutade</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Insats</Table.Th>
                      <Table.Th scope="col">Från</Table.Th>
                      <Table.Th scope="col">Poäng</Table.Th>
                      <Table.Th scope="col">Nivå</Table.Th>
                      <Table.Th scope="col">Slag</Table.Th>
                      <Table.Th scope="col">Bedömd</Table.Th>
                      <Table.Th scope="col">Beslutad av</Table.Th>
                      <Table.Th scope="col">Ärende</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.levelHistory.map((e, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{serviceLabel(e.service)}</Table.Td>
                        <Table.Td>{formatDate(e.from)}</Table.Td>
                        <Table.Td>{e.points ?? '–'}</Table.Td>
                        <Table.Td>{e.level ?? '–'}</Table.Td>
                        <Table.Td>{levelKindLabel(e.kind)}</Table.Td>
                        <Table.Td>{formatDate(e.assessedOn)}</Table.Td>
                        <Table.Td>{e.decidedBy ?? '–'}</Table.Td>
                        <Table.Td>
                          {e.caseId ? (
                            <Anchor component={Link} href={`/bedomningar/${e.caseId}`}>
                              Ärende {e.caseId}
                            </Anchor>
                          ) : (
                            '–'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </section>
            <section aria-labelledby="corr-h">
              <Title order={2} id="corr-h" size="h3" mb="xs">
                Rättelser som ändringarna gav
              </Title>
              {r.corrections.length === 0 ? (
                <Text>Inga rättelser i godkända körningar.</Text>
              ) : (
                <TableScroll>
                  <Table>
                    <Table.Caption>Rättelserader i godkända körningar (PAY-9)</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Körning</Table.Th>
                        <Table.Th scope="col">Månad</Table.Th>
                        <Table.Th scope="col">Rättar månad</Table.Th>
                        <Table.Th scope="col">Nivå</Table.Th>
                        <Table.Th scope="col">Belopp</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {r.corrections.map((c, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>
                            <Anchor component={Link} href={`/avrakning/${c.runId}`}>
                              {c.runId}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{c.month}</Table.Td>
                          <Table.Td>{c.correctsMonth ?? '–'}</Table.Td>
                          <Table.Td>{c.level ?? '–'}</Table.Td>
                          <Table.Td>{formatKr(c.amount)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              )}
            </section>
            <section aria-labelledby="cases-h">
              <Title order={2} id="cases-h" size="h3" mb="xs">
                Bedömningsärenden
              </Title>
              <ul>
                {r.cases.map((c) => (
                  <li key={c.id}>
                    <Anchor component={Link} href={`/bedomningar/${c.id}`}>
                      Ärende {c.id}
                    </Anchor>
                    : {ASSESSMENT_KIND_LABELS[c.kind]}, {ASSESSMENT_STATE_LABELS[c.state].toLowerCase()}
                    {c.agreed ? `, ${c.agreed.points ?? '–'} poäng, nivå ${c.agreed.level ?? '–'}` : ''}
                    {c.originals.length > 0
                      ? ` (egna bedömningar: ${c.originals.map((o) => `${o.assessorName} ${o.total}`).join(', ')})`
                      : ''}
                  </li>
                ))}
              </ul>
            </section>
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
