/**
 * The provider portal's placement picker for absence and fact reporting: the provider's own
 * placements found by the client's name on the server (`GET /api/placements?q=`, debounced), so
 * every placement can be reached however many there are, not only those on the list's page. The
 * server matches the name as the provider is shown it: a protected client is found as "Skyddad
 * identitet" only (docs/security.md). The chosen placement stays listed while another is searched.
 */
import { useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { formatDate } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { PlacementView } from '../../contract/placements.js';
import type { ListPage } from '../../contract/primitives.js';

/** Hits shown at a time: more means the name should be typed further. */
const HITS = 20;

/** How a placement is named in the picker and the forms below it. */
export function placementLabel(p: PlacementView, unitName: (id: number) => string): string {
  const unit = p.unitName ?? unitName(p.unitId);
  return `${p.clientName}, ${serviceLabel(p.service)}, ${unit} (${formatDate(p.start)} – ${p.end ? formatDate(p.end) : 'pågår'})`;
}

/** The searchable select; `onChange` gets the chosen placement (null when cleared). */
export function PlacementSearch({
  value,
  onChange,
  unitName,
}: {
  value: PlacementView | null;
  onChange: (p: PlacementView | null) => void;
  unitName: (id: number) => string;
}) {
  const [search, setSearch] = useState('');
  const chosenLabel = value ? placementLabel(value, unitName) : null;
  // Once a placement is chosen the field shows its label: that is no name to search for.
  const typed = search === chosenLabel ? '' : search.trim();
  const [term] = useDebouncedValue(typed, 250);
  const hits = useQuery({
    queryKey: ['placements', 'search', term],
    queryFn: () =>
      get<ListPage<PlacementView>>(withQuery('/api/placements', { q: term, sort: 'client', limit: HITS })),
    placeholderData: keepPreviousData,
  });
  const found = hits.data?.items ?? [];
  const options = found.map((p) => ({ value: String(p.id), label: placementLabel(p, unitName) }));
  if (value && chosenLabel && !found.some((p) => p.id === value.id))
    options.unshift({ value: String(value.id), label: chosenLabel });
  const total = hits.data?.total ?? 0;
  const more = total > found.length;
  return (
    <Select
      label="Placering"
      description={
        more
          ? `Sök på klientens namn bland alla era placeringar (visar ${found.length} av ${total})`
          : 'Sök på klientens namn bland alla era placeringar'
      }
      placeholder="Skriv en del av namnet"
      data={options}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(found.find((p) => String(p.id) === id) ?? (id === null ? null : value))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has filtered by name already: show its hits as they are.
      filter={({ options: all }) => all}
      nothingFoundMessage={hits.isFetching ? 'Söker …' : 'Ingen placering matchar'}
      rightSection={hits.isFetching ? <Loader size="xs" aria-hidden="true" /> : undefined}
      clearable
    />
  );
}
