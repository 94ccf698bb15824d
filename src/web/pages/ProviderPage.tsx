/**
 * One provider for the admin (issue #14 §4): edit its name, regime, organisationsnummer and
 * choice system, deactivate or reactivate it, list its units and add one. Versioned: a stale
 * edit is refused (409) with a Swedish explanation.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, patch, post } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { nameLookup, useDistricts, useProviders } from '../hooks.js';
import { Link, navigate } from '../router.js';
import { serviceLabel } from '../../contract/labels.js';
import type { ProviderPatch, ProviderView, UnitCreate, UnitView } from '../../contract/providers.js';
import { BAD } from '../colors.js';
import { ActiveBadge } from './ProvidersPage.js';
import { ProviderFields, SaveBar, useProviderForm } from './register-parts.js';
import { UnitFieldset, unitBody, unitFieldErrors, type UnitFields } from './unit-form.js';

function Failure({ title, error }: { title: string; error: unknown }) {
  return (
    <Alert color="red" role="alert" title={title}>
      <Text c={BAD} size="sm">
        {errorMessage(error)}
      </Text>
    </Alert>
  );
}

function EditProvider({ provider }: { provider: ProviderView }) {
  const qc = useQueryClient();
  const form = useProviderForm(
    {
      id: provider.id,
      name: provider.name,
      regime: provider.regime as string,
      orgNumber: provider.orgNumber ?? '',
      choiceSystem: provider.choiceSystem,
    },
    'utforare-form',
    false,
  );
  const v = form.values;
  const save = useMutation({
    mutationFn: (body: ProviderPatch) =>
      patch<ProviderView>(`/api/providers/${encodeURIComponent(provider.id)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['providers'] }),
    onError: form.fromServer,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.check())
      save.mutate({
        version: provider.version,
        name: v.name.trim(),
        regime: v.regime as ProviderPatch['regime'],
        ...(v.orgNumber.trim() !== (provider.orgNumber ?? '')
          ? { orgNumber: v.orgNumber.trim() || null }
          : {}),
        choiceSystem: v.choiceSystem,
      });
  };
  return (
    <Paper withBorder p="md" maw={640}>
      <form id="utforare-form" onSubmit={submit} noValidate aria-labelledby="edit-provider-h">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h3" id="edit-provider-h">
              Uppgifter
            </Title>
            <ActiveBadge active={provider.active} />
          </Group>
          <ProviderFields form={form} />
          <SaveBar
            what="utföraren"
            active={provider.active}
            saving={save.isPending}
            saved={save.isSuccess}
            error={save.isError && !(save.error instanceof ApiError && save.error.field) ? save.error : null}
            onToggle={() => save.mutate({ version: provider.version, active: !provider.active })}
          />
        </Stack>
      </form>
    </Paper>
  );
}

function NewUnit({ providerId }: { providerId: string }) {
  const qc = useQueryClient();
  const empty: UnitFields = { name: '', districtId: '', services: [], capacity: '' };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof UnitFields, string | undefined>>>({});
  const create = useMutation({
    mutationFn: () =>
      post<UnitView>(
        `/api/providers/${encodeURIComponent(providerId)}/units`,
        unitBody(v) satisfies UnitCreate,
      ),
    onSuccess: async (u) => {
      await qc.invalidateQueries({ queryKey: ['providers'] });
      navigate(`/enheter/${u.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = unitFieldErrors(v);
    setErrors(next);
    const first = Object.entries(next).find(([, m]) => m)?.[0];
    if (first) document.querySelector<HTMLElement>(`#ny-enhet [name="${first}"]`)?.focus();
    else create.mutate();
  };
  return (
    <Paper withBorder p="md" maw={640}>
      <form id="ny-enhet" onSubmit={submit} noValidate aria-labelledby="new-unit-h">
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-unit-h">
            Ny enhet
          </Title>
          <UnitFieldset
            value={v}
            onChange={(next) => {
              setV(next);
              setErrors({});
            }}
            errors={errors}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Lägg till enhet
            </Button>
          </Group>
          {create.isError && <Failure title="Enheten kunde inte läggas till" error={create.error} />}
        </Stack>
      </form>
    </Paper>
  );
}

/** The provider page: `/utforarregister/:id`. */
export function ProviderPage({ id }: { id: string }) {
  const providers = useProviders();
  const districtName = nameLookup(useDistricts().data);
  const provider = providers.data?.find((p) => p.id === id);
  return (
    <Page title={provider ? provider.name : 'Utförare'}>
      <Anchor component={Link} href="/utforarregister">
        Alla utförare
      </Anchor>
      <QueryState query={providers} what="utföraren">
        {() =>
          !provider ? (
            <Text>Utföraren finns inte.</Text>
          ) : (
            <>
              <EditProvider key={provider.id} provider={provider} />
              <section aria-labelledby="units-h">
                <Title order={2} size="h3" id="units-h" mb="xs">
                  Enheter
                </Title>
                {provider.units.length === 0 ? (
                  <Text>Utföraren har inga enheter ännu.</Text>
                ) : (
                  <TableScroll label="Enheter">
                    <Table striped withTableBorder>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Enhet</Table.Th>
                          <Table.Th scope="col">Stadsdel</Table.Th>
                          <Table.Th scope="col">Insatser</Table.Th>
                          <Table.Th scope="col" className="num">
                            Platser
                          </Table.Th>
                          <Table.Th scope="col">Status</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {provider.units.map((u) => (
                          <Table.Tr key={u.id}>
                            <Table.Td>
                              <Anchor component={Link} href={`/enheter/${u.id}`}>
                                {u.name}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>{u.districtId ? districtName(u.districtId) : '–'}</Table.Td>
                            <Table.Td>{u.services.map(serviceLabel).join(', ')}</Table.Td>
                            <Table.Td className="num">{u.capacity ?? '–'}</Table.Td>
                            <Table.Td>
                              <ActiveBadge active={u.active} />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </TableScroll>
                )}
              </section>
              <NewUnit providerId={provider.id} />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
