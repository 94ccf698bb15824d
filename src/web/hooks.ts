/**
 * Shared queries: districts and providers (for names in tables and pickers), models, and the latest
 * month with data (the default of every month field, issue #14 §5).
 */
import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { forLevels, levelFor } from './model-view.js';
import { get } from './api.js';
import type { District } from '../contract/districts.js';
import type { LatestMonth } from '../contract/latest-month.js';
import type { ModelDetail, ModelSummary } from '../contract/models.js';
import type { ProviderView as Provider } from '../contract/providers.js';

/** All districts; cached for the session. */
export function useDistricts() {
  return useQuery({
    queryKey: ['districts'],
    queryFn: () => get<District[]>('/api/districts'),
    staleTime: 300_000,
  });
}

/** All providers with their units (or only the signed-in provider's own). */
export function useProviders() {
  return useQuery({
    queryKey: ['providers'],
    queryFn: () => get<Provider[]>('/api/providers'),
    staleTime: 300_000,
  });
}

/** The latest month with data (`GET /api/latest-month`); null until known or when nothing is dated. */
export function useLatestMonth(): string | null {
  const q = useQuery({
    queryKey: ['latest-month'],
    queryFn: () => get<LatestMonth>('/api/latest-month'),
    staleTime: 60_000,
  });
  return q.data?.month ?? null;
}

/**
 * A month field's value and setter (issue #14 §5): the latest month with data until the user
 * types, so every month field starts where the data is, and a typed value is never overwritten.
 */
export function useMonthField(): [string, (month: string) => void] {
  const latest = useLatestMonth();
  const [typed, setTyped] = useState<string | null>(null);
  return [typed ?? latest ?? '', setTyped];
}

/** All rate models. */
export function useModels() {
  return useQuery({
    queryKey: ['models'],
    queryFn: () => get<ModelSummary[]>('/api/models'),
    staleTime: 300_000,
  });
}

/** A lookup from id to name, falling back to the id itself. */
export function nameLookup(
  list: { id: string; name: string }[] | undefined,
): (id: string | null | undefined) => string {
  const map = new Map((list ?? []).map((x) => [x.id, x.name]));
  return (id) => (id ? (map.get(id) ?? id) : '–');
}

/**
 * Names the level that an entry's points give (LVL-1) with the rate models in force on its date,
 * so a level history reads "Nivå 2 (20 poäng)" even when only points are stored.
 */
export function useLevelNamer(): (
  service: string | null | undefined,
  date: string,
  points: number | null | undefined,
) => string | null {
  const models = useModels();
  const details = useQueries({
    queries: (models.data ?? []).map((m) => ({
      queryKey: ['model', m.id],
      queryFn: () => get<ModelDetail>(`/api/models/${encodeURIComponent(m.id)}`),
      staleTime: 300_000,
    })),
  });
  const ready = details.filter((d) => d.data).map((d) => forLevels(d.data as ModelDetail));
  return (service, date, points) => {
    if (!service || points === null || points === undefined) return null;
    return levelFor(ready, service, date, points)?.label ?? null;
  };
}
