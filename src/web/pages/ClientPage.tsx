/**
 * One client: placements, decisions and orders (FLOW-1: a placement is made from an order),
 * level history and payments (issue #6 step 3; ASMT-9: everything held about the client's levels
 * and payments in one place). Reading it is audited by the server.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { ClientLetters } from '../components/ClientLetters.js';
import { TravelCostForm } from '../components/TravelCostForm.js';
import { ClientMoveForm } from '../components/ClientMoveForm.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { nameLookup, useDistricts, useLevelNamer, useProviders } from '../hooks.js';
import { formatDate, formatKr, formatMonth } from '../../contract/format.js';
import {
  levelKindLabel,
  levelLabel,
  regimeLabel,
  runStatusLabel,
  serviceLabel,
} from '../../contract/labels.js';
import { Link } from '../router.js';
import type { ClientDetail } from '../../contract/clients.js';
import { BAD, WARN } from '../colors.js';
import { TableScroll } from '../components/TableScroll.js';
import { ClientDecisions } from './client-decisions.js';

/** Level as shown: the level id (or `named`, classified from the points) and the points behind it. */
export function levelText(l: { level: string | null; points: number | null }, named?: string | null): string {
  const parts = [];
  if (l.level) parts.push(levelLabel(l.level));
  else if (named) parts.push(named);
  if (l.points !== null && l.points !== undefined) parts.push(`${l.points} poäng`);
  return parts.join(', ') || '–';
}

/** The client page. */
export function ClientPage({ id }: { id: string }) {
  const { user } = useAuth();
  const client = useQuery({
    queryKey: ['client', id],
    queryFn: () => get<ClientDetail>(`/api/clients/${encodeURIComponent(id)}`),
  });
  const providers = useProviders();
  const providerName = nameLookup(providers.data);
  const districtName = nameLookup(useDistricts().data);
  const nameLevel = useLevelNamer();
  return (
    <Page title={client.data ? client.data.name : 'Klient'}>
      <QueryState query={client} what="klienten">
        {(c) => {
          const history =
            c.levelHistory ??
            c.placements.flatMap((p) =>
              p.levels.map((l) => ({ ...l, placementId: p.id, service: p.service })),
            );
          return (
            <Stack gap="lg">
              <Group>
                <Text>Personnummer: {c.personnummerMasked ?? '–'}</Text>
                <Text>Stadsdel: {districtName(c.districtId)}</Text>
                {c.protected && (
                  <Badge color={BAD} variant="outline">
                    Skyddad identitet
                  </Badge>
                )}
              </Group>
              <section aria-labelledby="placements-h">
                <Group justify="space-between">
                  <Title order={2} id="placements-h" size="h3">
                    Placeringar
                  </Title>
                  {hasRole(user, 'case_officer', 'admin') && (
                    <Button component="a" href="#beslut" size="sm" variant="light">
                      Nytt beslut för {c.name}
                    </Button>
                  )}
                </Group>
                {c.placements.length === 0 ? (
                  <Text>Inga placeringar.</Text>
                ) : (
                  <TableScroll>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Insats</Table.Th>
                          <Table.Th scope="col">Utförare</Table.Th>
                          <Table.Th scope="col">Regiform</Table.Th>
                          <Table.Th scope="col">Start</Table.Th>
                          <Table.Th scope="col">Slut</Table.Th>
                          <Table.Th scope="col">Aktuell nivå</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {c.placements.map((p) => {
                          const last = p.levels?.[p.levels.length - 1];
                          return (
                            <Table.Tr key={p.id}>
                              <Table.Td>
                                <Anchor component={Link} href={`/placeringar/${encodeURIComponent(p.id)}`}>
                                  {serviceLabel(p.service)}
                                </Anchor>
                              </Table.Td>
                              <Table.Td>
                                {p.providerName ?? providerName(p.providerId)}
                                {p.unitName ? `, ${p.unitName}` : ''}
                              </Table.Td>
                              <Table.Td>{p.regime ? regimeLabel(p.regime) : '–'}</Table.Td>
                              <Table.Td className="date">{formatDate(p.start)}</Table.Td>
                              <Table.Td className="date">{p.end ? formatDate(p.end) : 'pågår'}</Table.Td>
                              <Table.Td>
                                {last ? (
                                  `${levelText(last, nameLevel(p.service, last.from, last.points))} (${levelKindLabel(last.kind)})`
                                ) : (
                                  <Badge color={WARN} variant="outline">
                                    Saknar nivå
                                  </Badge>
                                )}
                              </Table.Td>
                            </Table.Tr>
                          );
                        })}
                      </Table.Tbody>
                    </Table>
                  </TableScroll>
                )}
              </section>
              <ClientDecisions clientId={c.id} canEdit={hasRole(user, 'case_officer', 'admin')} />
              <section aria-labelledby="levels-h">
                <Title order={2} id="levels-h" size="h3">
                  Nivåhistorik
                </Title>
                {hasRole(user, 'assessor', 'case_officer', 'admin') && (
                  <Anchor component={Link} href={`/klienter/${encodeURIComponent(id)}/bedomningar`}>
                    Nivåer och bedömningar: vem som beslutade och vilka rättelser ändringarna gav
                  </Anchor>
                )}
                {history.length === 0 ? (
                  <Text>Ingen nivå är satt ännu.</Text>
                ) : (
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Gäller från</Table.Th>
                        <Table.Th scope="col">Insats</Table.Th>
                        <Table.Th scope="col">Nivå</Table.Th>
                        <Table.Th scope="col">Bedömning</Table.Th>
                        <Table.Th scope="col">Bedömd</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {history.map((l, i) => (
                        <Table.Tr key={i}>
                          <Table.Td className="date">{formatDate(l.from)}</Table.Td>
                          <Table.Td>{l.service ? serviceLabel(l.service) : '–'}</Table.Td>
                          <Table.Td>{levelText(l, nameLevel(l.service, l.from, l.points))}</Table.Td>
                          <Table.Td>{levelKindLabel(l.kind)}</Table.Td>
                          <Table.Td className="date">{formatDate(l.assessedOn)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </section>
              <section aria-labelledby="payments-h">
                <Title order={2} id="payments-h" size="h3">
                  Utbetalningar
                </Title>
                {c.payments.length === 0 ? (
                  <Text>Inga utbetalningar ännu.</Text>
                ) : (
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Månad</Table.Th>
                        <Table.Th scope="col">Status</Table.Th>
                        <Table.Th scope="col" className="num">
                          Belopp
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.payments.map((p, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>
                            {p.runId ? (
                              <Anchor component={Link} href={`/avrakning/${encodeURIComponent(p.runId)}`}>
                                {formatMonth(p.month)}
                              </Anchor>
                            ) : (
                              formatMonth(p.month)
                            )}
                          </Table.Td>
                          <Table.Td>{runStatusLabel(p.status)}</Table.Td>
                          <Table.Td className="num">{formatKr(p.amount)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </section>
              {hasRole(user, 'case_officer', 'assessor', 'admin') && <ClientLetters clientId={c.id} />}
              {hasRole(user, 'case_officer', 'admin') && (
                <TravelCostForm clientId={c.id} districtId={c.districtId} />
              )}
              {hasRole(user, 'case_officer', 'admin') && (
                <ClientMoveForm clientId={c.id} districtId={c.districtId} />
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Page>
  );
}
