/**
 * A unit's register fields (issue #14 §4): name, district, services offered and capacity (number
 * of places), checked in Swedish next to each field before the API checks again. Shared by the
 * new-unit form on the provider page and the unit page.
 */
import { Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDistricts } from '../hooks.js';
import { SERVICE_LABELS } from '../../contract/labels.js';

/** The fields as the form holds them. */
export interface UnitFields {
  name: string;
  districtId: string;
  services: string[];
  capacity: string;
}

/** Swedish errors per field (undefined where the field is right). */
export function unitFieldErrors(v: UnitFields): Partial<Record<keyof UnitFields, string>> {
  const capacity = v.capacity.trim();
  return {
    name: v.name.trim() ? undefined : 'Fyll i enhetens namn.',
    services: v.services.length ? undefined : 'Välj minst en insats som enheten erbjuder.',
    capacity:
      !capacity || (/^[1-9][0-9]{0,4}$/.test(capacity) && Number(capacity) <= 100_000)
        ? undefined
        : 'Antal platser skrivs som ett heltal från 1 till 100 000, eller lämnas tomt.',
  };
}

/** The API's body for the fields (capacity null when empty). */
export const unitBody = (v: UnitFields) => ({
  name: v.name.trim(),
  districtId: v.districtId || null,
  services: v.services as never[],
  capacity: v.capacity.trim() ? Number(v.capacity.trim()) : null,
});

/** The fields; `errors` next to each. */
export function UnitFieldset({
  value,
  onChange,
  errors,
}: {
  value: UnitFields;
  onChange: (next: UnitFields) => void;
  errors: Partial<Record<keyof UnitFields, string | undefined>>;
}) {
  const districts = useDistricts();
  return (
    <Stack gap="sm">
      <TextInput
        label="Enhetens namn"
        name="name"
        required
        value={value.name}
        error={errors.name}
        onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
      />
      <NativeSelect
        label="Stadsdel"
        name="districtId"
        value={value.districtId}
        onChange={(e) => onChange({ ...value, districtId: e.currentTarget.value })}
        data={[
          { value: '', label: 'Ingen stadsdel' },
          ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <Checkbox.Group
        label="Insatser"
        value={value.services}
        onChange={(services) => onChange({ ...value, services })}
        error={errors.services}
        withAsterisk
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {Object.entries(SERVICE_LABELS).map(([id, label]) => (
            <Checkbox key={id} value={id} label={label} name="services" />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TextInput
        label="Antal platser"
        name="capacity"
        description="Lämna tomt om enheten inte har ett bestämt antal platser"
        inputMode="numeric"
        value={value.capacity}
        error={errors.capacity}
        onChange={(e) => onChange({ ...value, capacity: e.currentTarget.value })}
        maw={240}
      />
    </Stack>
  );
}
