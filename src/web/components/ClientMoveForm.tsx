/**
 * Asking to move a client to another district (issue #13 §8), on the client's page: the receiving
 * district's case officer (or an admin) accepts or rejects it under Flytt mellan stadsdelar, and
 * until then the client stays, and is paid, where it is. Without this form the API's request had
 * no way in from the app, and that page could only ever say it had none.
 */
import { useState, type FormEvent } from 'react';
import { Anchor, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, post } from '../api.js';
import { nameLookup, useDistricts } from '../hooks.js';
import { Link } from '../router.js';
import type { ClientMoveView } from '../../contract/client-moves.js';
import { FormOutcome } from './FormOutcome.js';

const FIELDS = ['toDistrictId'] as const;

/** The form for client `clientId`, who belongs to `districtId` now. */
export function ClientMoveForm({ clientId, districtId }: { clientId: number; districtId: string }) {
  const qc = useQueryClient();
  const districts = useDistricts();
  const districtName = nameLookup(districts.data);
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (toDistrictId: string) =>
      post<ClientMoveView>('/api/client-moves', { clientId, toDistrictId }),
    onSuccess: (m) => {
      setDone(
        `Begäran nr ${m.id} om flytt till ${districtName(m.toDistrictId)} är skickad. ` +
          'Den mottagande stadsdelen godkänner eller avslår den.',
      );
      setTo(null);
      void qc.invalidateQueries({ queryKey: ['client-moves'] });
    },
    onError: (e) => {
      if (formFieldError(e, FIELDS)) setError(errorMessage(e));
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (!to) {
      setError('Välj stadsdel att flytta till.');
      e.currentTarget.querySelector<HTMLElement>('input[name="toDistrictId"]')?.focus();
      return;
    }
    setError(undefined);
    ask.mutate(to);
  }
  return (
    <section aria-labelledby="move-h">
      <Title order={2} size="h3" id="move-h" mb="xs">
        Flytt till en annan stadsdel
      </Title>
      <Text size="sm" mb="xs">
        Klienten stannar, och betalas, i {districtName(districtId)} tills den mottagande stadsdelen har
        godkänt flytten. Begäranden finns under{' '}
        <Anchor component={Link} href="/klientflyttar">
          Flytt mellan stadsdelar
        </Anchor>
        .
      </Text>
      <form onSubmit={submit} noValidate aria-label="Begär flytt till en annan stadsdel">
        <Stack gap="sm">
          <Select
            label="Flytta till stadsdel"
            name="toDistrictId"
            data={(districts.data ?? [])
              .filter((d) => d.id !== districtId)
              .map((d) => ({ value: d.id, label: d.name }))}
            value={to}
            onChange={(v) => {
              setTo(v);
              setError(undefined);
            }}
            error={error}
            required
            searchable
            maw={400}
          />
          <FormOutcome
            submit="Begär flytt"
            mutation={ask}
            done={done}
            doneTitle="Begäran skickad"
            errorTitle="Begäran kunde inte skickas"
            fields={FIELDS}
          />
        </Stack>
      </form>
    </section>
  );
}
