/**
 * Removing a row of a placement's facts: the one "Ta bort" button (named by its row for screen
 * readers, spinning only on the row being removed) and the one alert when the removal is refused,
 * for the facts' tables and the absences alike.
 */
import { Alert, Button, Text } from '@mantine/core';
import { errorMessage } from '../api.js';
import { BAD } from '../colors.js';

/** What a table's removal mutation shows: which row is being removed, and a refusal. */
interface Removal {
  isPending: boolean;
  variables: number | undefined;
  isError: boolean;
  error: unknown;
  mutate: (id: number) => void;
}

/** The row's "Ta bort" button; `label` names the row (WCAG 2.4.6: not the same words on every row). */
export function RemoveButton({ id, label, removal }: { id: number; label: string; removal: Removal }) {
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      color={BAD}
      aria-label={label}
      loading={removal.isPending && removal.variables === id}
      onClick={() => removal.mutate(id)}
    >
      Ta bort
    </Button>
  );
}

/** The refusal of a removal, under the table; nothing while none. */
export function RemoveError({ title, removal }: { title: string; removal: Removal }) {
  if (!removal.isError) return null;
  return (
    <Alert color="red" role="alert" title={title} mb="sm">
      <Text c={BAD} size="sm">
        {errorMessage(removal.error)}
      </Text>
    </Alert>
  );
}
