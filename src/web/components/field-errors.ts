/**
 * A field's error goes away as soon as the field is changed (issue #14 §5): the form checks again
 * on the next submit, so a corrected field never keeps a stale message.
 */
import type { Dispatch, SetStateAction } from 'react';

/** Removes `key`'s message from a form's errors (the same object when it has none). */
export function clearFieldError<E extends Partial<Record<string, string>>>(
  setErrors: Dispatch<SetStateAction<E>>,
  ...keys: string[]
): void {
  setErrors((errors) => {
    if (!keys.some((k) => errors[k])) return errors;
    const next = { ...errors };
    for (const k of keys) delete next[k];
    return next;
  });
}
