/**
 * Absence reporting for one placement (FLOW-5): providers must report absence; the orderer follows
 * participation. Errors sit next to each field; success is announced.
 */
import { useState, type FormEvent } from 'react';
import { Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, post } from '../api.js';
import { validateAbsence, type FieldErrors } from '../validate.js';
import { DateField } from './DateField.js';
import { clearFieldError } from './field-errors.js';
import { FormOutcome } from './FormOutcome.js';

const FIELDS = ['from', 'to', 'note'] as const;

/** The form; `label` names the placement so several forms on one page stay distinguishable. */
export function AbsenceForm({
  placementId,
  label,
  onDone,
}: {
  placementId: string;
  label: string;
  onDone?: () => void;
}) {
  const qc = useQueryClient();
  const [values, setValues] = useState({ from: '', to: '', note: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: typeof values) =>
      post(`/api/placements/${encodeURIComponent(placementId)}/absences`, body),
    onSuccess: () => {
      setDone(`Frånvaron ${values.from} – ${values.to} är rapporterad.`);
      setValues({ from: '', to: '', note: '' });
      void qc.invalidateQueries();
      onDone?.();
    },
    onError: (e) => {
      const field = formFieldError(e, FIELDS);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const found = validateAbsence(values);
    setErrors(found);
    if (Object.keys(found).length === 0)
      mutation.mutate({ ...values, from: values.from.trim(), to: values.to.trim() });
  }

  const set = (k: keyof typeof values) => (v: string) => {
    setValues((s) => ({ ...s, [k]: v }));
    clearFieldError(setErrors, k);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Rapportera frånvaro för ${label}`}>
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <DateField
            label="Första frånvarodag"
            value={values.from}
            onChange={set('from')}
            error={errors.from}
            required
          />
          <DateField
            label="Sista frånvarodag"
            value={values.to}
            onChange={set('to')}
            error={errors.to}
            required
          />
        </Group>
        <Textarea
          label="Kommentar (frivillig)"
          value={values.note}
          onChange={(e) => set('note')(e.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
        />
        <FormOutcome
          submit="Rapportera frånvaro"
          mutation={mutation}
          done={done}
          errorTitle="Frånvaron kunde inte sparas"
          fields={FIELDS}
        />
      </Stack>
    </form>
  );
}
