/**
 * Register a client (docs/api.md POST /api/clients): name, personnummer or samordningsnummer
 * (checked here with the check digit, and again by the server), district, protected identity.
 * Case officers register clients in their own district.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, post } from '../api.js';
import { useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { BAD } from '../colors.js';
import { useDistricts } from '../hooks.js';
import { navigate } from '../router.js';
import { personnummerError, type FieldErrors } from '../validate.js';
import type { ClientCreate, ClientRecord } from '../../contract/clients.js';
import { clearFieldError } from '../components/field-errors.js';

const FIELDS = ['name', 'personnummer', 'districtId'] as const;

/** The form page. */
export function NewClientPage() {
  const { user } = useAuth();
  const qc = useQueryClient();
  const districts = useDistricts();
  const ownDistrict = user?.role === 'case_officer' ? (user.districtId ?? '') : '';
  const [v, setV] = useState({
    name: '',
    personnummer: '',
    districtId: ownDistrict,
    protectedIdentity: false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: () =>
      post<ClientRecord>('/api/clients', {
        name: v.name.trim(),
        personnummer: v.personnummer.trim(),
        districtId: v.districtId,
        protectedIdentity: v.protectedIdentity,
      } satisfies ClientCreate),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['clients'] });
      navigate(`/klienter/${c.id}`);
    },
    onError: (e) => {
      const field = formFieldError(e, FIELDS);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldErrors = {};
    if (!v.name.trim()) found.name = 'Fyll i namn.';
    const pnr = personnummerError(v.personnummer);
    if (pnr) found.personnummer = pnr;
    if (!v.districtId) found.districtId = 'Välj stadsdel.';
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    else create.mutate();
  }

  return (
    <Page title="Ny klient">
      <Paper withBorder p="md" maw={640}>
        <form onSubmit={submit} noValidate aria-label="Ny klient">
          <Stack gap="sm">
            <TextInput
              label="Namn"
              name="name"
              autoComplete="off"
              value={v.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                setV((s) => ({ ...s, name }));
                clearFieldError(setErrors, 'name');
              }}
              error={errors.name}
              required
            />
            <TextInput
              label="Personnummer eller samordningsnummer"
              name="personnummer"
              description="ÅÅÅÅMMDD-NNNN"
              autoComplete="off"
              inputMode="numeric"
              value={v.personnummer}
              onChange={(e) => {
                const personnummer = e.currentTarget.value;
                setV((s) => ({ ...s, personnummer }));
                clearFieldError(setErrors, 'personnummer');
              }}
              error={errors.personnummer}
              required
            />
            <Select
              label="Stadsdel"
              name="districtId"
              data={(districts.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
              value={v.districtId || null}
              onChange={(x) => {
                setV((s) => ({ ...s, districtId: x ?? '' }));
                clearFieldError(setErrors, 'districtId');
              }}
              error={errors.districtId}
              disabled={!!ownDistrict}
              description={ownDistrict ? 'Din stadsdel' : undefined}
              required
            />
            <Checkbox
              label="Skyddad identitet (sekretessmarkering): namn och nummer visas bara för behöriga"
              checked={v.protectedIdentity}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setV((s) => ({ ...s, protectedIdentity: checked }));
              }}
            />
            <Group>
              <Button type="submit" loading={create.isPending}>
                Registrera klient
              </Button>
            </Group>
            {create.isError && !formFieldError(create.error, FIELDS) && (
              <Alert color="red" role="alert" title="Klienten kunde inte registreras">
                <Text c={BAD} size="sm">
                  {errorMessage(create.error)}
                </Text>
              </Alert>
            )}
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
