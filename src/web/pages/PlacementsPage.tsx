/**
 * Placements to act on (the start page links here): all visible placements, or only those
 * without a level, with a preliminary level awaiting the final assessment (ASMT-2), or given
 * notice without an end date (PAY-6). The API scopes the list to the user's district or provider.
 */
import { Anchor, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { WARN } from '../colors.js';
import { useLevelNamer } from '../hooks.js';
import { formatDate } from '../../contract/format.js';
import { levelKindLabel, serviceLabel } from '../../contract/labels.js';
import { Link, navigate, useLocation } from '../router.js';
import type { PlacementList, PlacementView } from '../../contract/placements.js';
import { levelText } from './ClientPage.js';

/** The filters, as `?visa=` values. */
export const FILTERS = {
  alla: { label: 'Alla', test: () => true },
  'utan-niva': { label: 'Utan nivå', test: (p: PlacementView) => !p.currentLevel },
  preliminar: {
    label: 'Preliminär nivå',
    test: (p: PlacementView) => p.currentLevel?.kind === 'preliminary',
  },
  uppsagda: { label: 'Uppsagda utan slutdatum', test: (p: PlacementView) => !!p.noticeDate && !p.end },
} as const;

type FilterId = keyof typeof FILTERS;

/** Reads the filter from the address, also accepting the dashboard's `?niva=…` and `?uppsagda=1`. */
export function filterOf(search: URLSearchParams): FilterId {
  const visa = search.get('visa');
  if (visa && visa in FILTERS) return visa as FilterId;
  if (search.get('niva') === 'preliminar') return 'preliminar';
  if (search.get('niva') === 'saknas') return 'utan-niva';
  if (search.get('uppsagda')) return 'uppsagda';
  return 'alla';
}

/** The list page. */
export function PlacementsPage() {
  const { search } = useLocation();
  const filter = filterOf(search);
  const nameLevel = useLevelNamer();
  // The current level is classified with the models in force today (display only).
  const today = new Date().toISOString().slice(0, 10);
  const placements = useQuery({
    queryKey: ['placements', 'all'],
    queryFn: () => get<PlacementList>(withQuery('/api/placements', { limit: 5000 })),
  });
  return (
    <Page title="Placeringar">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="filter-label">
          Visa
        </Text>
        <SegmentedControl
          aria-labelledby="filter-label"
          value={filter}
          onChange={(v) => navigate(`/placeringar?visa=${v}`, { replace: true })}
          data={Object.entries(FILTERS).map(([value, f]) => ({ value, label: f.label }))}
        />
      </Stack>
      <QueryState query={placements} what="placeringarna">
        {(data) => {
          const items = data.items.filter(FILTERS[filter].test);
          return (
            <>
              <Text role="status" aria-live="polite">
                {items.length === 0 ? 'Inga placeringar.' : `${items.length} placeringar.`}
              </Text>
              {items.length > 0 && (
                <TableScroll label="Placeringar">
                  <Table striped highlightOnHover data-testid="placements">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Klient</Table.Th>
                        <Table.Th scope="col">Insats</Table.Th>
                        <Table.Th scope="col">Utförare</Table.Th>
                        <Table.Th scope="col">Start</Table.Th>
                        <Table.Th scope="col">Slut</Table.Th>
                        <Table.Th scope="col">Nivå</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Td>
                            <Anchor component={Link} href={`/placeringar/${p.id}`}>
                              {p.clientName}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{serviceLabel(p.service)}</Table.Td>
                          <Table.Td>
                            {p.providerName ?? p.providerId}
                            {p.unitName ? `, ${p.unitName}` : ''}
                          </Table.Td>
                          <Table.Td className="date">{formatDate(p.start)}</Table.Td>
                          <Table.Td className="date">
                            {p.end
                              ? formatDate(p.end)
                              : p.noticeDate
                                ? `uppsagd ${formatDate(p.noticeDate)}`
                                : 'pågår'}
                          </Table.Td>
                          <Table.Td>
                            {p.currentLevel ? (
                              `${levelText(p.currentLevel, nameLevel(p.service, today, p.currentLevel.points))} (${levelKindLabel(p.currentLevel.kind)})`
                            ) : (
                              <Badge color={WARN} variant="outline">
                                Saknar nivå
                              </Badge>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
