/**
 * A form's submit button and what the save came to, said the same way on every form: the success
 * message in a polite live region, and an error that names no field (those stand next to their
 * field) in an alert.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { errorMessage, formFieldError } from '../api.js';
import { BAD } from '../colors.js';

/**
 * The `submit` button (loading while the `mutation` is pending), then `done` announced under `doneTitle`, and
 * its error shown under `errorTitle` unless it names one of `fields`, shown next to that field.
 */
export function FormOutcome({
  submit,
  mutation: { isPending: pending, error },
  done,
  doneTitle = 'Klart',
  errorTitle,
  fields,
}: {
  submit: string;
  /** The form's save: loading while pending, its error shown below. */
  mutation: { isPending: boolean; error: unknown };
  done: string | null;
  doneTitle?: string;
  errorTitle: string;
  fields: readonly string[];
}) {
  return (
    <>
      <Group>
        <Button type="submit" loading={pending}>
          {submit}
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {done && (
          <Alert color="green" variant="light" title={doneTitle}>
            <Text size="sm">{done}</Text>
          </Alert>
        )}
      </div>
      {error != null && !formFieldError(error, fields) && (
        <Alert color="red" role="alert" title={errorTitle}>
          <Text c={BAD} size="sm">
            {errorMessage(error)}
          </Text>
        </Alert>
      )}
    </>
  );
}
