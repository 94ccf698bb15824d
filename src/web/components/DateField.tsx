/** A date field typed as `ÅÅÅÅ-MM-DD` with a visible label, format hint and error next to it. */
import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled ISO date input; `error` is announced via aria-describedby (Mantine wires it). */
export function DateField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  required?: boolean;
  name?: string;
  description?: ReactNode;
}) {
  return (
    <TextInput
      label={props.label}
      name={props.name}
      description={props.description ?? 'ÅÅÅÅ-MM-DD'}
      placeholder="ÅÅÅÅ-MM-DD"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
      required={props.required}
      withAsterisk={props.required}
    />
  );
}

/**
 * The name, value, change handler and error of a form's date field `key`, so each date field of a
 * form is one `<DateField label=… {...binding} />` rather than the same five props again.
 */
export function dateBinding<K extends string>(
  key: K,
  values: Readonly<Record<K, string>>,
  set: (key: K) => (value: string) => void,
  errors: Readonly<Partial<Record<string, string>>>,
) {
  return { name: key, value: values[key], onChange: set(key), error: errors[key] };
}
