/**
 * One unit for the admin (issue #14 §4): name, district, services, capacity and the catalogue
 * profile (FLOW-3; an admin's own edit is approved as it is saved), deactivate or reactivate.
 * Versioned: a stale edit is refused (409) with a Swedish explanation.
 */
import { useState, type FormEvent } from 'react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { patch } from '../api.js';
import {
  CatalogueFields,
  formToProfile,
  profileToForm,
  type ProfileForm,
} from '../components/CatalogueFields.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { useProviders } from '../hooks.js';
import { Link } from '../router.js';
import type { ProviderView, UnitPatch, UnitView } from '../../contract/providers.js';
import { ActiveBadge } from './ProvidersPage.js';
import { SaveBar } from './register-parts.js';
import { UnitFieldset, unitBody, unitFieldErrors, type UnitFields } from './unit-form.js';

function EditUnit({ unit, provider }: { unit: UnitView; provider: ProviderView }) {
  const qc = useQueryClient();
  const [v, setV] = useState<UnitFields>({
    name: unit.name,
    districtId: unit.districtId ?? '',
    services: unit.services,
    capacity: unit.capacity === null ? '' : String(unit.capacity),
  });
  const [profile, setProfile] = useState<ProfileForm>(profileToForm(unit.catalogue));
  const [errors, setErrors] = useState<Partial<Record<keyof UnitFields, string | undefined>>>({});
  const save = useMutation({
    mutationFn: (body: UnitPatch) => patch<UnitView>(`/api/units/${unit.id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['providers'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = unitFieldErrors(v);
    setErrors(next);
    const first = Object.entries(next).find(([, m]) => m)?.[0];
    if (first) document.querySelector<HTMLElement>(`#enhet-form [name="${first}"]`)?.focus();
    else save.mutate({ version: unit.version, ...unitBody(v), catalogue: formToProfile(profile) });
  };
  return (
    <Paper withBorder p="md" maw={720}>
      <form id="enhet-form" onSubmit={submit} noValidate aria-labelledby="unit-h">
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} size="h3" id="unit-h">
              Uppgifter om enheten
            </Title>
            <ActiveBadge active={unit.active} />
          </Group>
          <Text size="sm">Utförare: {provider.name}</Text>
          <UnitFieldset
            value={v}
            onChange={(n) => {
              setV(n);
              setErrors({});
            }}
            errors={errors}
          />
          <Title order={2} size="h3">
            Profil i utförarkatalogen
          </Title>
          <Text size="sm">Det du sparar här visas direkt i den öppna utförarkatalogen.</Text>
          <CatalogueFields value={profile} onChange={setProfile} />
          <SaveBar
            what="enheten"
            active={unit.active}
            saving={save.isPending}
            saved={save.isSuccess}
            error={save.isError ? save.error : null}
            onToggle={() => save.mutate({ version: unit.version, active: !unit.active })}
          />
        </Stack>
      </form>
    </Paper>
  );
}

/** The unit page: `/enheter/:id`. */
export function UnitPage({ id }: { id: string }) {
  const providers = useProviders();
  const provider = providers.data?.find((p) => p.units.some((u) => String(u.id) === id));
  const unit = provider?.units.find((u) => String(u.id) === id);
  return (
    <Page title={unit ? unit.name : 'Enhet'}>
      {provider && (
        <Anchor component={Link} href={`/utforarregister/${encodeURIComponent(provider.id)}`}>
          Tillbaka till {provider.name}
        </Anchor>
      )}
      <QueryState query={providers} what="enheten">
        {() =>
          unit && provider ? (
            <EditUnit key={unit.id} unit={unit} provider={provider} />
          ) : (
            <Text>Enheten finns inte.</Text>
          )
        }
      </QueryState>
    </Page>
  );
}
