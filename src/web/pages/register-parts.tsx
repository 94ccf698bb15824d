/**
 * Pieces the provider and unit screens share (issue #14 §4): a provider's fields with their state
 * and Swedish checks (registering and editing), the regime and choice-system fields, and the save
 * bar (save, deactivate/activate, the saved message and a failure alert).
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { ApiError, errorMessage } from '../api.js';
import { REGIME_LABELS } from '../../contract/labels.js';
import { isOrgNumber } from '../../domain/patterns.js';
import { BAD, OK } from '../colors.js';

/** Swedish field errors for a provider's organisationsnummer, or undefined. */
export function orgNumberError(value: string): string | undefined {
  if (!value.trim()) return undefined;
  return isOrgNumber(value.trim())
    ? undefined
    : 'Skriv organisationsnumret som NNNNNN-NNNN; kontrollsiffran stämmer inte.';
}

/** A provider's fields as the forms hold them (`id` only when registering). */
export interface ProviderFieldValues {
  id: string;
  name: string;
  regime: string;
  orgNumber: string;
  choiceSystem: boolean;
}

/**
 * A provider form's state: the values, field errors that clear as their field changes (issue
 * #14 §5), `check()` (the Swedish checks; focuses the first wrong field of the form `formId`) and
 * `fromServer(error)` (a 4xx naming a field is shown at it). `withId`: the code is asked for.
 */
export function useProviderForm(initial: ProviderFieldValues, formId: string, withId: boolean) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const check = (): boolean => {
    const next = {
      ...(withId && !/^[A-Za-z0-9-]{1,20}$/.test(values.id.trim())
        ? { id: 'Skriv en kod med högst 20 bokstäver (A–Z), siffror eller bindestreck, till exempel U061.' }
        : {}),
      name: values.name.trim() ? undefined : 'Fyll i utförarens namn.',
      orgNumber: orgNumberError(values.orgNumber),
    };
    setErrors(next);
    const first = Object.entries(next).find(([, m]) => m)?.[0];
    if (first) document.querySelector<HTMLElement>(`#${formId} [name="${first}"]`)?.focus();
    return !first;
  };
  const fromServer = (e: unknown) => {
    if (e instanceof ApiError && e.field) setErrors({ [e.field]: errorMessage(e) });
  };
  return { values, setValues, errors, setErrors, check, fromServer, withId };
}

/** Name, the code (when registering), organisationsnummer, regime and choice system. */
export function ProviderFields({ form }: { form: ReturnType<typeof useProviderForm> }) {
  const { values, setValues, errors, setErrors } = form;
  const text = (k: 'id' | 'name' | 'orgNumber') => ({
    name: k,
    value: values[k],
    error: errors[k],
    autoComplete: 'off',
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((s) => ({ ...s, [k]: value }));
      setErrors((s) => ({ ...s, [k]: undefined }));
    },
  });
  return (
    <>
      <TextInput label="Namn" required {...text('name')} />
      {form.withId && (
        <TextInput label="Utförarkod" description="Till exempel U061" required {...text('id')} />
      )}
      <TextInput label="Organisationsnummer" description="NNNNNN-NNNN" {...text('orgNumber')} />
      <RegimeFields
        regime={values.regime}
        choiceSystem={values.choiceSystem}
        onChange={(next) => setValues((s) => ({ ...s, ...next }))}
      />
    </>
  );
}

const REGIME_OPTIONS = Object.entries(REGIME_LABELS).map(([value, label]) => ({ value, label }));

/** Regime and choice system, as a provider is registered and edited. */
export function RegimeFields({
  regime,
  choiceSystem,
  onChange,
}: {
  regime: string;
  choiceSystem: boolean;
  onChange: (next: { regime: string; choiceSystem: boolean }) => void;
}) {
  return (
    <>
      <NativeSelect
        label="Regi"
        data={REGIME_OPTIONS}
        value={regime}
        onChange={(e) => onChange({ regime: e.currentTarget.value, choiceSystem })}
      />
      <Checkbox
        label="I valfrihetssystemet (får inte tacka nej till en erbjuden person)"
        checked={choiceSystem}
        onChange={(e) => onChange({ regime, choiceSystem: e.currentTarget.checked })}
      />
    </>
  );
}

/** Save, deactivate or activate, then "Ändringarna är sparade." or the failure (unless shown at a field). */
export function SaveBar({
  what,
  active,
  saving,
  saved,
  error,
  onToggle,
}: {
  /** `utföraren`, `enheten`: the object of the deactivate button. */
  what: string;
  active: boolean;
  saving: boolean;
  saved: boolean;
  error: unknown;
  onToggle: () => void;
}) {
  return (
    <>
      <Group>
        <Button type="submit" loading={saving}>
          Spara
        </Button>
        <Button variant="default" onClick={onToggle}>
          {active ? `Inaktivera ${what}` : `Aktivera ${what}`}
        </Button>
      </Group>
      {saved && (
        <Text role="status" c={OK} size="sm">
          Ändringarna är sparade.
        </Text>
      )}
      {error !== null && error !== undefined && (
        <Alert color="red" role="alert" title="Ändringarna kunde inte sparas">
          <Text c={BAD} size="sm">
            {errorMessage(error)}
          </Text>
        </Alert>
      )}
    </>
  );
}
