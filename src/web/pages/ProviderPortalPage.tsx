/**
 * The provider portal (issue #6 step 6): new orders and notices (FLOW-1), offers it may not
 * decline (FLOW-3), implementation plans to mark done (FLOW-2), own units and clients, absence
 * reporting and the month's attendance against the decided participation (FLOW-5, SVC-3), the
 * facts only the provider knows (course sessions held, evening/night hours; issue #9 §4) and the
 * monthly specifications. The API scopes everything to the signed-in provider; the placements and
 * the specifications are paged on the server (provider-lists.tsx, issue #14 §1), and the absence
 * form finds any of the provider's placements by the client's name (placement-search.tsx).
 */
import { useState } from 'react';
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get } from '../api.js';
import { useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { ErrorAlert, QueryState } from '../components/QueryState.js';
import { AbsenceForm } from '../components/AbsenceForm.js';
import { useProviders } from '../hooks.js';
import { serviceLabel } from '../../contract/labels.js';
import type { PlacementDetail, PlacementView } from '../../contract/placements.js';
import { FactSection } from '../components/FactSection.js';
import { factKindsFor } from '../facts.js';
import { AbsenceList } from './placement-parts.js';
import { ProviderProfiles } from './provider-profile.js';
import { ProviderNotices, ProviderOffers, ProviderPlans } from './provider-flow.js';
import { Attendance } from './attendance.js';
import { ProviderPlacements, ProviderSpecifications, useProviderPlacements } from './provider-lists.js';
import { PlacementSearch, placementLabel } from './placement-search.js';

/** The query of one placement's details: the reports below and a choice from the attendance share it. */
const placementQuery = (placementId: number) => ({
  queryKey: ['placement', String(placementId)],
  queryFn: () => get<PlacementDetail>(`/api/placements/${placementId}`),
});

/** One placement's reported absences and form (FLOW-5), then the provider's own facts (issue #9 §4). */
function PlacementReports({ placementId, label }: { placementId: number; label: string }) {
  const placement = useQuery(placementQuery(placementId));
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
  const placements = useProviderPlacements();
  // The absence form finds any of the provider's placements by name on the server (placement-search.tsx).
  const [current, setCurrent] = useState<PlacementView | null>(null);
  // A client's name in the attendance table chooses that placement here (its details fetched once
  // and shared with the reports below).
  const queryClient = useQueryClient();
  const [chooseError, setChooseError] = useState<unknown>(null);
  const choose = (placementId: number) => {
    setChooseError(null);
    queryClient.fetchQuery(placementQuery(placementId)).then(setCurrent, setChooseError);
  };
  const list = placements.query.data?.items ?? [];
  const unitName = (id: number) => own?.units.find((u) => u.id === id)?.name ?? '–';

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
      <ProviderPlacements placements={placements} own={own} />
      <section aria-labelledby="absence-h">
        <Title order={2} id="absence-h" size="h3" mb="xs">
          Rapportera frånvaro
        </Title>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <PlacementSearch value={current} onChange={setCurrent} unitName={unitName} />
            {chooseError !== null && <ErrorAlert title="Kunde inte hämta placeringen" error={chooseError} />}
            {current ? (
              <PlacementReports
                key={current.id}
                placementId={current.id}
                label={placementLabel(current, unitName)}
              />
            ) : (
              <Text size="sm">
                Välj en placering för att rapportera frånvaro, kurstillfällen eller kvälls- och nattimmar.
              </Text>
            )}
          </Stack>
        </Paper>
      </section>
      <Attendance onChoose={choose} />
      <ProviderSpecifications providerId={String(providerId || own?.id || '')} />
      {own && <ProviderProfiles units={own.units} />}
    </Page>
  );
}
