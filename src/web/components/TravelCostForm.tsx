/**
 * A client's travel cost (FLOW-6, issue #11 §7): journeys are outside the rates, so the district
 * records them per client as its own cost. They appear apart in the district's budget against
 * outcome and never on a provider's specification. Errors sit next to each field; success is
 * announced.
 */
import { useState, type FormEvent } from 'react';
import { Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { SwedishNumberInput } from './SwedishNumberInput.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, post } from '../api.js';
import { formatKrOre } from '../../contract/format.js';
import type { z } from 'zod';
import type { travelCostCreate } from '../../contract/budget.js';
import { isMonth } from '../../domain/patterns.js';
import type { FieldErrors } from '../validate.js';
import { clearFieldError } from './field-errors.js';
import { FormOutcome } from './FormOutcome.js';
import { useMonthField } from '../hooks.js';

const FIELDS = ['month', 'amount', 'note'] as const;
type TravelCostCreate = z.input<typeof travelCostCreate>;
const EMPTY = { amount: '' as number | string, note: '' };

/** The form for client `clientId` of district `districtId`. */
export function TravelCostForm({ clientId, districtId }: { clientId: number; districtId: string }) {
  const qc = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  // Starts at the latest month with data (issue #14 §5) and stays as typed after a save.
  const [month, setMonth] = useMonthField();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: TravelCostCreate) => post('/api/travel-costs', body),
    onSuccess: (_r, body) => {
      setDone(`Resekostnaden ${formatKrOre(body.amount)} för ${body.month} är registrerad.`);
      setValues(EMPTY);
      void qc.invalidateQueries({ queryKey: ['budget'] });
    },
    onError: (e) => {
      const field = formFieldError(e, FIELDS);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const found: FieldErrors = {};
    if (!isMonth(month.trim())) found.month = 'Ange månaden som ÅÅÅÅ-MM, till exempel 2025-03.';
    if (typeof values.amount !== 'number') found.amount = 'Ange beloppet i kronor.';
    setErrors(found);
    if (Object.keys(found).length > 0 || typeof values.amount !== 'number') return;
    const note = values.note.trim();
    mutation.mutate({
      districtId,
      clientId,
      month: month.trim(),
      amount: values.amount,
      ...(note ? { note } : {}),
    });
  }

  const set = (k: keyof typeof values) => (v: string | number) => {
    setValues((s) => ({ ...s, [k]: v }));
    clearFieldError(setErrors, k);
  };
  return (
    <section aria-labelledby="travel-h">
      <Title order={2} size="h3" id="travel-h" mb="xs">
        Resekostnader
      </Title>
      <Text size="sm" mb="xs">
        Resor ingår inte i ersättningen till utföraren. Stadsdelen registrerar dem här som sin egen kostnad;
        de visas för sig i budget mot utfall och aldrig på utförarens specifikation.
      </Text>
      <form onSubmit={submit} noValidate aria-label="Registrera resekostnad">
        <Stack gap="sm">
          <Group align="flex-start" grow>
            <TextInput
              label="Månad"
              placeholder="ÅÅÅÅ-MM"
              value={month}
              onChange={(e) => {
                setMonth(e.currentTarget.value);
                clearFieldError(setErrors, 'month');
              }}
              error={errors.month}
              required
            />
            <SwedishNumberInput
              label="Belopp (kr)"
              value={values.amount}
              onChange={set('amount')}
              decimalScale={2}
              error={errors.amount}
              required
            />
            <TextInput
              label="Kommentar (frivillig)"
              value={values.note}
              onChange={(e) => set('note')(e.currentTarget.value)}
              error={errors.note}
              maxLength={200}
            />
          </Group>
          <FormOutcome
            submit="Registrera resekostnad"
            mutation={mutation}
            done={done}
            errorTitle="Resekostnaden kunde inte sparas"
            fields={FIELDS}
          />
        </Stack>
      </form>
    </section>
  );
}
