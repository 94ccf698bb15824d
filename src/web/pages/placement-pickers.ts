/**
 * The placement form's pickers: units offering the chosen service grouped by provider (the
 * provider catalogue, FLOW-3; the regime follows the provider, SVC-2) and clients found as the
 * case officer types.
 */
import { useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ClientDetail, ClientList } from '../../contract/clients.js';
import type { ProviderView } from '../../contract/providers.js';
import { regimeLabel } from '../../contract/labels.js';
import { get, withQuery } from '../api.js';

/** Units offering `service` (all units when none is chosen yet), grouped by provider. */
export function unitOptions(providers: ProviderView[] | undefined, service: string) {
  return (providers ?? [])
    .map((p) => ({
      group: `${p.name} (${regimeLabel(p.regime)})`,
      items: p.units
        .filter((u) => !service || u.services.length === 0 || u.services.includes(service))
        .map((u) => ({ value: String(u.id), label: `${u.name}, ${p.name}` })),
    }))
    .filter((g) => g.items.length > 0);
}

/**
 * Client options for the search text, keeping the chosen client listed by name (read when the form
 * is opened from a client, `?klient=`), never by id (issue #14 §5); and the setter of the text.
 */
export function useClientOptions(enabled: boolean, chosen: string, chosenName: string | undefined) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const clients = useQuery({
    queryKey: ['clients', debounced, 'picker'],
    queryFn: () => get<ClientList>(withQuery('/api/clients', { q: debounced })),
    enabled,
  });
  const options = (clients.data?.items ?? []).map((c) => ({
    value: String(c.id),
    label: `${c.name} (${c.personnummerMasked})`,
  }));
  const listed = !chosen || options.some((o) => o.value === chosen);
  const client = useQuery({
    queryKey: ['client', chosen],
    queryFn: () => get<ClientDetail>(`/api/clients/${encodeURIComponent(chosen)}`),
    enabled: enabled && !listed && chosenName === undefined,
    staleTime: 60_000,
  });
  if (!listed) {
    const c = client.data;
    const label = chosenName ?? (c ? `${c.name} (${c.personnummerMasked})` : 'Hämtar klienten …');
    options.unshift({ value: chosen, label });
  }
  return [options, setSearch] as const;
}
