/**
 * The provider portal (issue #6 step 6): new orders and notices (FLOW-1), offers it may not
 * decline (FLOW-3), implementation plans to mark done (FLOW-2), own units and clients, absence
 * reporting and the month's attendance against the decided participation (FLOW-5, SVC-3), the
 * facts only the provider knows (course sessions held, evening/night hours; issue #9 §4) and the
 * monthly specifications. The API scopes everything to the signed-in provider.
 */
import { useState } from 'react';
import { Anchor, Badge, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { AbsenceForm } from '../components/AbsenceForm.js';
import { useLevelNamer, useProviders } from '../hooks.js';
import { formatDate, formatKr, formatMonth } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import { Link } from '../router.js';
import type { PlacementDetail, PlacementList, PlacementView } from '../../contract/placements.js';
import type { RunList } from '../../contract/settlement-runs.js';
import { FactSection } from '../components/FactSection.js';
import { factKindsFor } from '../facts.js';
import { RunStatus } from './SettlementPage.js';
import { levelText } from './ClientPage.js';
import { AbsenceList } from './placement-parts.js';
import { WARN } from '../colors.js';
import { TableScroll } from '../components/TableScroll.js';
import { ProviderProfiles } from './provider-profile.js';
import { ProviderNotices, ProviderOffers, ProviderPlans } from './provider-flow.js';
import { Attendance } from './attendance.js';

/** One placement's reported absences and form (FLOW-5), then the provider's own facts (issue #9 §4). */
function PlacementReports({ placementId, label }: { placementId: number; label: string }) {
  const placement = useQuery({
    queryKey: ['placement', String(placementId)],
    queryFn: () => get<PlacementDetail>(`/api/placements/${placementId}`),
  });
  return (
    <QueryState query={placement} what="placeringen">
      {(p) => (
        <>
          <Text size="sm" fw={500}>
            Rapporterad frånvaro
          </Text>
          <AbsenceList placement={p} />
          <AbsenceForm placementId={String(p.id)} label={label} />
          {factKindsFor(p.service)
            .filter((k) => k.roles.includes('provider'))
            .map((k) => (
              <FactSection key={k.key} kind={k} placement={p} />
            ))}
        </>
      )}
    </QueryState>
  );
}

/** The portal page. */
export function ProviderPortalPage() {
  const { user } = useAuth();
  const providerId = user?.providerId ?? '';
  const providers = useProviders();
  const own = providers.data?.find((p) => p.id === providerId) ?? providers.data?.[0];
  const placements = useQuery({
    queryKey: ['placements', providerId],
    queryFn: () => get<PlacementList>(withQuery('/api/placements', { providerId, limit: 200 })),
  });
  const runs = useQuery({
    queryKey: ['runs', 'provider'],
    queryFn: async () => (await get<RunList>(withQuery('/api/settlement-runs', { limit: 200 }))).items,
  });
  const [selected, setSelected] = useState<string | null>(null);
  const nameLevel = useLevelNamer();
  const today = new Date().toISOString().slice(0, 10);
  const list = placements.data?.items ?? [];
  const current = list.find((p) => String(p.id) === selected) ?? null;
  const unitName = (id: number) => own?.units.find((u) => u.id === id)?.name ?? '–';
  const unitOf = (p: PlacementView) => p.unitName ?? unitName(p.unitId);
  const placementLabel = (p: PlacementView) =>
    `${p.clientName}, ${serviceLabel(p.service)}, ${unitOf(p)} (${formatDate(p.start)} – ${p.end ? formatDate(p.end) : 'pågår'})`;

  return (
    <Page title={own ? `Min verksamhet: ${own.name}` : 'Min verksamhet'}>
      <ProviderNotices placements={list} />
      <ProviderPlans />
      <ProviderOffers />
      <section aria-labelledby="units-h">
        <Title order={2} id="units-h" size="h3" mb="xs">
          Enheter
        </Title>
        <QueryState query={providers} what="enheterna">
          {() =>
            own?.units?.length ? (
              <List>
                {own.units.map((u) => (
                  <List.Item key={u.id}>
                    {u.name}
                    {u.services?.length ? ` (${u.services.map(serviceLabel).join(', ')})` : ''}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text>Inga enheter registrerade.</Text>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="clients-h">
        <Title order={2} id="clients-h" size="h3" mb="xs">
          Klienter
        </Title>
        <QueryState query={placements} what="klienterna">
          {() =>
            list.length === 0 ? (
              <Text>Inga pågående placeringar.</Text>
            ) : (
              <TableScroll>
                <Table striped data-testid="provider-clients">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Klient</Table.Th>
                      <Table.Th scope="col">Insats</Table.Th>
                      <Table.Th scope="col">Enhet</Table.Th>
                      <Table.Th scope="col">Start</Table.Th>
                      <Table.Th scope="col">Slut</Table.Th>
                      <Table.Th scope="col">Nivå</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((p) => {
                      const last = p.currentLevel;
                      return (
                        <Table.Tr key={p.id}>
                          <Table.Td>{p.clientName}</Table.Td>
                          <Table.Td>{serviceLabel(p.service)}</Table.Td>
                          <Table.Td>{unitOf(p)}</Table.Td>
                          <Table.Td className="date">{formatDate(p.start)}</Table.Td>
                          <Table.Td className="date">{p.end ? formatDate(p.end) : 'pågår'}</Table.Td>
                          <Table.Td>
                            {last ? (
                              levelText(last, nameLevel(p.service, today, last.points))
                            ) : (
                              <Badge variant="outline" color={WARN}>
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
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="absence-h">
        <Title order={2} id="absence-h" size="h3" mb="xs">
          Rapportera frånvaro
        </Title>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Select
              label="Placering"
              description="Välj klient och insats som frånvaron gäller"
              data={list.map((p) => ({ value: String(p.id), label: placementLabel(p) }))}
              value={selected}
              onChange={setSelected}
              searchable
              nothingFoundMessage="Ingen placering matchar"
            />
            {current ? (
              <PlacementReports key={current.id} placementId={current.id} label={placementLabel(current)} />
            ) : (
              <Text size="sm">
                Välj en placering för att rapportera frånvaro, kurstillfällen eller kvälls- och nattimmar.
              </Text>
            )}
          </Stack>
        </Paper>
      </section>
      <Attendance />
      <section aria-labelledby="specifikationer">
        <Title order={2} id="specifikationer" size="h3" mb="xs">
          Månadsspecifikationer
        </Title>
        <QueryState query={runs} what="specifikationerna">
          {(items) => {
            if (items.length === 0) return <Text>Inga avräkningar ännu.</Text>;
            return (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Månad</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col" className="num">
                      Summa
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          href={`/avrakning/${r.id}/utforare/${encodeURIComponent(String(providerId || own?.id || ''))}`}
                        >
                          Specifikation {formatMonth(r.month)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <RunStatus status={r.status} />
                      </Table.Td>
                      <Table.Td className="num">{formatKr(r.total)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            );
          }}
        </QueryState>
      </section>
      {own && <ProviderProfiles units={own.units} />}
    </Page>
  );
}
