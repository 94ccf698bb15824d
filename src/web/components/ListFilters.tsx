/**
 * The district and provider filters every list shares (issue #14 §1): one Swedish label and
 * placeholder, the names from the cached district and provider lists, searchable and clearable.
 * The page decides who sees a filter (a case officer's lists are their own district already) and
 * which address parameter it sets.
 */
import { Select } from '@mantine/core';
import { useDistricts, useProviders } from '../hooks.js';

/** What a filter shows and where a choice goes (`null` when cleared). */
interface FilterProps {
  value: string | null | undefined;
  onChange: (value: string | null) => void;
}

/** "Stadsdel": every district by name; cleared means all districts. */
export function DistrictFilter({ value, onChange }: FilterProps) {
  const districts = useDistricts();
  return (
    <Select
      label="Stadsdel"
      placeholder="Alla stadsdelar"
      data={(districts.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
      value={value ?? null}
      onChange={onChange}
      clearable
      searchable
    />
  );
}

/** "Utförare": every provider by name (a provider sees only itself); cleared means all providers. */
export function ProviderFilter({ value, onChange }: FilterProps) {
  const providers = useProviders();
  return (
    <Select
      label="Utförare"
      placeholder="Alla utförare"
      data={(providers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
      value={value ?? null}
      onChange={onChange}
      clearable
      searchable
    />
  );
}
