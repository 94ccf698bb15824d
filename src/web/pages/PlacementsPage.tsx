/**
 * Placements to act on (the start page links here), paged, sorted and filtered on the server
 * (issue #14 §1): by district, provider, service, status (ongoing, ended, given notice without an
 * end date, PAY-6), level (none, preliminary awaiting the final assessment, final: ASMT-2) and
 * month. Every filter, the sort and the page live in the address. The API scopes the list to the
 * user's district or provider.
 */
import { useEffect, useState } from 'react';
import { Anchor, Badge, Group, Select, TextInput } from '@mantine/core';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { WARN } from '../colors.js';
import { useLevelNamer } from '../hooks.js';
import { civilDate, formatDate } from '../../contract/format.js';
import {
  LEVEL_FILTER_LABELS,
  PLACEMENT_STATUS_LABELS,
  SERVICE_LABELS,
  levelKindLabel,
  serviceLabel,
} from '../../contract/labels.js';
import { isMonth } from '../../domain/patterns.js';
import { Link, useLocation } from '../router.js';
import type {
  LevelFilter,
  PlacementSort,
  PlacementStatus,
  PlacementView,
} from '../../contract/placements.js';
import { levelText } from './ClientPage.js';
import { DistrictFilter, ProviderFilter } from '../components/ListFilters.js';

/** The address's words for the status filter (`?status=`). */
const STATUS_WORDS: Record<string, PlacementStatus> = {
  pagaende: 'ongoing',
  avslutade: 'ended',
  uppsagda: 'notice',
};

/** The address's words for the level filter (`?niva=`). */
const LEVEL_WORDS: Record<string, LevelFilter> = {
  saknas: 'none',
  preliminar: 'preliminary',
  slutlig: 'final',
};

const wordOf = <T extends string>(words: Record<string, T>, value: T | undefined) =>
  Object.entries(words).find(([, v]) => v === value)?.[0] ?? null;

/**
 * The API filters in the address: `stadsdel`, `utforare`, `insats`, `status`, `niva`, `manad`;
 * also the older links `?visa=utan-niva|preliminar|uppsagda` and `?uppsagda=1` (start page).
 */
export function filtersOf(search: URLSearchParams) {
  const visa = search.get('visa');
  const niva =
    search.get('niva') ?? (visa === 'utan-niva' ? 'saknas' : visa === 'preliminar' ? 'preliminar' : '');
  const status = search.get('status') ?? (visa === 'uppsagda' || search.get('uppsagda') ? 'uppsagda' : '');
  const month = search.get('manad') ?? '';
  return {
    districtId: search.get('stadsdel') || undefined,
    providerId: search.get('utforare') || undefined,
    service: search.get('insats') || undefined,
    status: Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status] : undefined,
    level: Object.hasOwn(LEVEL_WORDS, niva) ? LEVEL_WORDS[niva] : undefined,
    month: isMonth(month) ? month : undefined,
  };
}

/** The list page. */
export function PlacementsPage() {
  const { user } = useAuth();
  const { search } = useLocation();
  const list = useListState<PlacementSort>({ sorts: ['client', 'provider', 'start', 'end'], sort: 'client' });
  const filters = filtersOf(search);
  const nameLevel = useLevelNamer();
  // The current level is classified with the models in force today (display only).
  const today = civilDate(new Date());
  const placements = useListQuery<PlacementView, PlacementSort>('/api/placements', filters, list);
  const [month, setMonth] = useState(filters.month ?? '');
  useEffect(() => setMonth(filters.month ?? ''), [filters.month]);
  const monthError = month && !isMonth(month) ? 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2025-03.' : null;
  // The older `?visa=` and `?uppsagda=` links are rewritten to the filters they stand for.
  const set = (patch: Record<string, string | null>) =>
    list.setFilters({ visa: null, uppsagda: null, ...patch });

  const columns: Column<PlacementView, PlacementSort>[] = [
    {
      key: 'client',
      header: 'Klient',
      sort: 'client',
      render: (p) => (
        <Anchor component={Link} href={`/placeringar/${p.id}`}>
          {p.clientName}
        </Anchor>
      ),
    },
    { key: 'service', header: 'Insats', render: (p) => serviceLabel(p.service) },
    {
      key: 'provider',
      header: 'Utförare',
      sort: 'provider',
      render: (p) => `${p.providerName ?? '–'}${p.unitName ? `, ${p.unitName}` : ''}`,
    },
    { key: 'start', header: 'Start', sort: 'start', className: 'date', render: (p) => formatDate(p.start) },
    {
      key: 'end',
      header: 'Slut',
      sort: 'end',
      className: 'date',
      render: (p) =>
        p.end ? formatDate(p.end) : p.noticeDate ? `uppsagd ${formatDate(p.noticeDate)}` : 'pågår',
    },
    {
      key: 'level',
      header: 'Nivå',
      render: (p) =>
        p.currentLevel ? (
          `${levelText(p.currentLevel, nameLevel(p.service, today, p.currentLevel.points))} (${levelKindLabel(p.currentLevel.kind)})`
        ) : (
          <Badge color={WARN} variant="outline">
            Saknar nivå
          </Badge>
        ),
    },
  ];

  return (
    <Page title="Placeringar">
      <Group align="flex-end" gap="sm" role="search" aria-label="Filtrera placeringar">
        {user?.role !== 'case_officer' && (
          <DistrictFilter value={filters.districtId ?? null} onChange={(v) => set({ stadsdel: v })} />
        )}
        {hasRole(user, 'case_officer', 'assessor', 'admin') && (
          <ProviderFilter value={filters.providerId ?? null} onChange={(v) => set({ utforare: v })} />
        )}
        <Select
          label="Insats"
          placeholder="Alla insatser"
          data={Object.entries(SERVICE_LABELS).map(([value, label]) => ({ value, label }))}
          value={filters.service ?? null}
          onChange={(v) => set({ insats: v })}
          clearable
        />
        <Select
          label="Status"
          placeholder="Alla"
          data={Object.entries(STATUS_WORDS).map(([word, id]) => ({
            value: word,
            label: PLACEMENT_STATUS_LABELS[id] ?? word,
          }))}
          value={wordOf(STATUS_WORDS, filters.status)}
          onChange={(v) => set({ status: v })}
          clearable
        />
        <Select
          label="Nivå"
          placeholder="Alla"
          data={Object.entries(LEVEL_WORDS).map(([word, id]) => ({
            value: word,
            label: LEVEL_FILTER_LABELS[id] ?? word,
          }))}
          value={wordOf(LEVEL_WORDS, filters.level)}
          onChange={(v) => set({ niva: v })}
          clearable
        />
        <TextInput
          label="Månad"
          description="ÅÅÅÅ-MM, tomt för alla"
          value={month}
          error={monthError}
          onChange={(e) => setMonth(e.currentTarget.value)}
          onBlur={() => !monthError && month !== (filters.month ?? '') && set({ manad: month.trim() })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !monthError) set({ manad: month.trim() });
          }}
          style={{ width: 150 }}
        />
      </Group>
      <PagedTable
        query={placements}
        list={list}
        columns={columns}
        rowKey={(p) => p.id}
        label="Placeringar"
        noun={{ one: 'placering', many: 'placeringar' }}
        empty="Inga placeringar."
        testId="placements"
      />
    </Page>
  );
}
