/**
 * The provider's own catalogue profile in its portal (issue #11 §3, FLOW-3): per unit the
 * approved profile (what the public catalogue shows), the latest proposal and its outcome (a
 * rejection with the admin's reason), and a form to propose a new profile, which waits for an
 * admin's approval before it is public.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../api.js';
import {
  CatalogueFields,
  formToProfile,
  profileToForm,
  type ProfileForm,
} from '../components/CatalogueFields.js';
import { ProfileDiff } from '../components/ProfileDiff.js';
import { profileChangeStateLabel } from '../../contract/labels.js';
import type { ProfileChangeCreate, ProfileChangeView } from '../../contract/profile-changes.js';
import type { ListPage } from '../../contract/primitives.js';
import type { UnitView } from '../../contract/providers.js';
import { BAD, OK, WARN } from '../colors.js';

/** The latest proposals of the provider's units (newest first: the first of a unit is its latest). */
function useProposals() {
  return useQuery({
    queryKey: ['profile-changes', 'own'],
    queryFn: async () =>
      (await get<ListPage<ProfileChangeView>>('/api/profile-changes?sort=proposed&dir=desc&limit=200')).items,
  });
}

/** One unit: the proposal's state and the form. */
function UnitProfile({ unit, latest }: { unit: UnitView; latest: ProfileChangeView | undefined }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<ProfileForm>(
    profileToForm(latest?.state === 'pending' ? latest.proposed : unit.catalogue),
  );
  const propose = useMutation({
    mutationFn: () =>
      post<ProfileChangeView>(`/api/units/${unit.id}/profile-changes`, {
        version: unit.version,
        catalogue: formToProfile(form),
      } satisfies ProfileChangeCreate),
    onSuccess: async () => {
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['profile-changes'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    propose.mutate();
  };
  const headingId = `profil-${unit.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz="h4" id={headingId}>
            {unit.name}
          </Title>
          {latest && (
            <Badge
              variant="outline"
              color={latest.state === 'rejected' ? 'red' : latest.state === 'approved' ? 'green' : 'orange'}
              c={latest.state === 'rejected' ? BAD : latest.state === 'approved' ? OK : WARN}
            >
              Senaste förslaget: {profileChangeStateLabel(latest.state)}
            </Badge>
          )}
        </Group>
        {latest?.state === 'rejected' && latest.reason && (
          <Text size="sm">Skäl till avslaget: {latest.reason}</Text>
        )}
        <ProfileDiff
          before={unit.catalogue}
          after={latest?.state === 'pending' ? latest.proposed : unit.catalogue}
          caption={
            latest?.state === 'pending'
              ? `${unit.name}: godkänd profil och förslaget som väntar på granskning`
              : `${unit.name}: godkänd profil, som utförarkatalogen visar`
          }
        />
        {propose.isSuccess && (
          <Text role="status" c={OK} size="sm">
            Förslaget har skickats. Det visas i utförarkatalogen när staden har godkänt det.
          </Text>
        )}
        {!open ? (
          <Group>
            <Button variant="light" onClick={() => setOpen(true)}>
              Föreslå ändring av {unit.name}
            </Button>
          </Group>
        ) : (
          <form onSubmit={submit} aria-label={`Föreslå ändring av ${unit.name}`}>
            <Stack gap="sm">
              <CatalogueFields value={form} onChange={setForm} />
              <Group>
                <Button type="submit" loading={propose.isPending}>
                  Skicka för granskning
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  Avbryt
                </Button>
              </Group>
              {propose.isError && (
                <Alert color="red" role="alert" title="Förslaget kunde inte skickas">
                  <Text c={BAD} size="sm">
                    {errorMessage(propose.error)}
                  </Text>
                </Alert>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** The section for the portal: every own active unit's profile. */
export function ProviderProfiles({ units }: { units: UnitView[] }) {
  const proposals = useProposals();
  const latest = (unitId: number) => proposals.data?.find((c) => c.unitId === unitId);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Profil i utförarkatalogen
      </Title>
      <Text size="sm" maw={720}>
        Beskriv varje enhet för klienter och närstående. Ändringar granskas av staden innan de visas i den
        öppna utförarkatalogen.
      </Text>
      {units
        .filter((u) => u.active)
        .map((u) => (
          <UnitProfile key={`${u.id}-${u.version}`} unit={u} latest={latest(u.id)} />
        ))}
    </Stack>
  );
}
