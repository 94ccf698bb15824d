/**
 * A unit's catalogue profile as form fields (FLOW-3), shared by the admin's unit page and the
 * provider's proposal form: orientation, methods (comma separated), physical design,
 * accessibility and public transport, each labelled, with the API's limits.
 */
import { Stack, TextInput, Textarea } from '@mantine/core';
import { CATALOGUE_FIELD_LABELS, type CatalogueField } from '../../contract/labels.js';
import type { CatalogueProfile } from '../../contract/providers.js';

/** The profile as the form holds it (methods as one comma-separated text). */
export type ProfileForm = Record<CatalogueField, string>;

/** A stored profile → the form. */
export function profileToForm(p: CatalogueProfile): ProfileForm {
  return {
    orientation: p.orientation ?? '',
    methods: (p.methods ?? []).join(', '),
    physicalDesign: p.physicalDesign ?? '',
    accessibility: p.accessibility ?? '',
    transport: p.transport ?? '',
  };
}

/** The form → the profile the API takes (empty fields left out). */
export function formToProfile(f: ProfileForm): CatalogueProfile {
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  const methods = f.methods
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  return {
    ...(text(f.orientation) ? { orientation: text(f.orientation) } : {}),
    ...(methods.length ? { methods } : {}),
    ...(text(f.physicalDesign) ? { physicalDesign: text(f.physicalDesign) } : {}),
    ...(text(f.accessibility) ? { accessibility: text(f.accessibility) } : {}),
    ...(text(f.transport) ? { transport: text(f.transport) } : {}),
  };
}

/** The profile's fields (Mantine gives each a unique id, so several forms can share a page). */
export function CatalogueFields({
  value,
  onChange,
  error,
}: {
  value: ProfileForm;
  onChange: (next: ProfileForm) => void;
  error?: string | undefined;
}) {
  const set = (k: CatalogueField) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [k]: e.currentTarget.value });
  return (
    <Stack gap="sm">
      <TextInput
        label={CATALOGUE_FIELD_LABELS.orientation}
        value={value.orientation}
        onChange={set('orientation')}
        maxLength={200}
      />
      <TextInput
        label={CATALOGUE_FIELD_LABELS.methods}
        description="Skilj med kommatecken, till exempel TEACCH, Lågaffektivt bemötande"
        value={value.methods}
        onChange={set('methods')}
        error={error}
      />
      <Textarea
        label={CATALOGUE_FIELD_LABELS.physicalDesign}
        value={value.physicalDesign}
        onChange={set('physicalDesign')}
        maxLength={500}
        autosize
        minRows={2}
      />
      <Textarea
        label={CATALOGUE_FIELD_LABELS.accessibility}
        value={value.accessibility}
        onChange={set('accessibility')}
        maxLength={500}
        autosize
        minRows={2}
      />
      <Textarea
        label={CATALOGUE_FIELD_LABELS.transport}
        value={value.transport}
        onChange={set('transport')}
        maxLength={500}
        autosize
        minRows={2}
      />
    </Stack>
  );
}
