/**
 * Pieces the provider and unit screens share (issue #14 §4): the regime and choice-system fields,
 * and the save bar (save, deactivate/activate, the saved message and a failure alert).
 */
import { Alert, Button, Checkbox, Group, NativeSelect, Text } from '@mantine/core';
import { errorMessage } from '../api.js';
import { REGIME_LABELS } from '../../contract/labels.js';
import { BAD, OK } from '../colors.js';

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
