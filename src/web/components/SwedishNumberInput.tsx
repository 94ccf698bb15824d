/**
 * A number field typed the Swedish way: decimal comma, a space between thousands. Mantine's
 * NumberInput takes a dot alone as the decimal separator and drops a comma, so "450,50" kr was
 * read as 45 050 kr: every number field of the app that takes amounts or hours is this one.
 */
import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Mantine's NumberInput with the Swedish separators (a typed dot is still taken as the decimal). */
export function SwedishNumberInput(props: NumberInputProps) {
  return (
    <NumberInput decimalSeparator="," thousandSeparator=" " allowedDecimalSeparators={['.']} {...props} />
  );
}
