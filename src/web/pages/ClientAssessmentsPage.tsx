/**
 * A client's levels and assessments (issue #10 §6, ASMT-9): the level history with each change and
 * who decided it, the assessment cases with both originals and the agreed result, and the
 * corrections each change caused in approved runs (PAY-9), and the decisions on individual rates
 * and special accounting (LVL-6, LVL-7).
 */
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { Link } from '../router.js';
import { formatDate, formatKr } from '../../contract/format.js';
import {
  levelKindLabel,
  serviceLabel,
  ASSESSMENT_KIND_LABELS,
  ASSESSMENT_STATE_LABELS,
  RATE_APPLICATION_KIND_LABELS,
  RATE_APPLICATION_STATE_LABELS,
} from '../../contract/labels.js';
import type { z } from 'zod';
import type { clientAssessmentsSchema } from '../../contract/assessments.js';
import { ChangedNeedsForm } from './ChangedNeedsForm.js';

type Record_ = z.infer<typeof clientAssessmentsSchema>;

/** What the corrections a level change caused came to: count and sum (PAY-9), or a dash. */
function causedText(corrections: Record_['corrections'], entryId: number): string {
  const mine = corrections.filter((c) => c.levelEntryId === entryId);
  if (mine.length === 0) return '–';
  const sum = mine.reduce((s, c) => s + c.amount, 0);
  return `${mine.length} ${mine.length === 1 ? 'rad' : 'rader'}, ${formatKr(sum)}`;
}

/** The level change a correction came from, as people read it. */
function causeText(history: Record_['levelHistory'], entryId: number | null): string {
  const e = history.find((h) => h.id === entryId);
  if (!e) return '–';
  return `${levelKindLabel(e.kind)} nivå från ${formatDate(e.from)}`;
}

/** Decisions on individual rates and special accounting (LVL-6, LVL-7) in the record extract. */
function RateDecisions({
  clientId,
  applications,
}: {
  clientId: number;
  applications: Record_['rateApplications'];
}) {
  return (
    <section aria-labelledby="rate-decisions-h">
      <Title order={2} id="rate-decisions-h" size="h3" mb="xs">
        Individuell ersättning och särskild redovisning
      </Title>
      {applications.length === 0 ? (
        <Text>Inga ansökningar.</Text>
      ) : (
        <ul>
          {applications.map((a) => (
            <li key={a.id}>
              {RATE_APPLICATION_KIND_LABELS[a.kind]}, {serviceLabel(a.service)}:{' '}
              {RATE_APPLICATION_STATE_LABELS[a.state].toLowerCase()}
              {a.decision?.amount !== null && a.decision?.amount !== undefined
                ? `, ${formatKr(a.decision.amount)} från ${formatDate(a.decision.from ?? '')}${a.decision.to ? ` till ${formatDate(a.decision.to)}` : ''}`
                : ''}
              {a.decision?.decidedBy ? ` (beslutad av ${a.decision.decidedBy})` : ''}
            </li>
          ))}
        </ul>
      )}
      <Anchor component={Link} href={`/klienter/${clientId}/ansokningar`}>
        Ansökningar om individuell ersättning
      </Anchor>
    </section>
  );
}

/** The page. */
export function ClientAssessmentsPage({ id }: { id: string }) {
  const { user } = useAuth();
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
                      <Table.Th scope="col">Rättelser den gav</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.levelHistory.map((e, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{serviceLabel(e.service)}</Table.Td>
                        <Table.Td className="date">{formatDate(e.from)}</Table.Td>
                        <Table.Td>{e.points ?? '–'}</Table.Td>
                        <Table.Td>{e.level ?? '–'}</Table.Td>
                        <Table.Td>{levelKindLabel(e.kind)}</Table.Td>
                        <Table.Td className="date">{formatDate(e.assessedOn)}</Table.Td>
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
                        <Table.Td>{causedText(r.corrections, e.id)}</Table.Td>
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
                    <Table.Caption>Rättelserader i godkända körningar</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Körning</Table.Th>
                        <Table.Th scope="col">Månad</Table.Th>
                        <Table.Th scope="col">Rättar månad</Table.Th>
                        <Table.Th scope="col">Nivå</Table.Th>
                        <Table.Th scope="col">Orsak</Table.Th>
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
                          <Table.Td>{causeText(r.levelHistory, c.levelEntryId)}</Table.Td>
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
            <RateDecisions clientId={r.clientId} applications={r.rateApplications} />
            {hasRole(user, 'case_officer', 'admin') && <ChangedNeedsForm clientId={id} />}
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
