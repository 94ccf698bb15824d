/**
 * Requests to move a client to another district (issue #13 §8), to and from the case officer's
 * district (an admin's: all), paged, sorted and filtered on the server (issue #14 §1): status
 * (`lage`) and district (`stadsdel`) live in the address with the sort and page. A pending request
 * is accepted or rejected by the receiving district (or an admin) and withdrawn by the asking one;
 * the server judges who may, and says so when not.
 */
import { Alert, Anchor, Button, Group, Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, post } from '../api.js';
import { useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { nameLookup, useDistricts } from '../hooks.js';
import { Link, useLocation } from '../router.js';
import { formatDate } from '../../contract/format.js';
import { CLIENT_MOVE_STATUS_LABELS } from '../../contract/labels.js';
import type { ClientMoveSort, ClientMoveView } from '../../contract/client-moves.js';
import { DistrictFilter } from '../components/ListFilters.js';

type Status = ClientMoveView['status'];

/** The address's words for the status filter (`?lage=`). */
const STATUS_WORDS: Record<string, Status> = {
  vantar: 'pending',
  godkanda: 'accepted',
  avslagna: 'rejected',
  aterkallade: 'withdrawn',
};

/** The API filters in the address: `lage`, `stadsdel`. */
export function moveFiltersOf(search: URLSearchParams) {
  const word = search.get('lage') ?? '';
  return {
    status: Object.hasOwn(STATUS_WORDS, word) ? STATUS_WORDS[word] : undefined,
    districtId: search.get('stadsdel') || undefined,
  };
}

/** The buttons of a pending request this user may decide. */
function Decide({ move }: { move: ClientMoveView }) {
  const { user } = useAuth();
  const qc = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'accept' | 'reject' | 'withdraw') =>
      post<ClientMoveView>(`/api/client-moves/${move.id}/${decision}`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['client-moves'] }),
  });
  if (move.status !== 'pending') return null;
  const admin = user?.role === 'admin';
  // One set of buttons per row: each name says whose move, for those who hear it out of the table.
  const whose = `flytten av ${move.clientName}`;
  const receives = admin || user?.districtId === move.toDistrictId;
  const asks = admin || user?.districtId === move.fromDistrictId;
  return (
    <Group gap="xs" wrap="nowrap">
      {receives && (
        <Button
          size="xs"
          onClick={() => decide.mutate('accept')}
          loading={decide.isPending}
          aria-label={`Godkänn ${whose}`}
        >
          Godkänn
        </Button>
      )}
      {receives && (
        <Button
          size="xs"
          variant="default"
          onClick={() => decide.mutate('reject')}
          disabled={decide.isPending}
          aria-label={`Avslå ${whose}`}
        >
          Avslå
        </Button>
      )}
      {asks && !admin && (
        <Button
          size="xs"
          variant="default"
          onClick={() => decide.mutate('withdraw')}
          disabled={decide.isPending}
          aria-label={`Återkalla ${whose}`}
        >
          Återkalla
        </Button>
      )}
      {decide.isError && (
        <Alert color="red" variant="light" p={4}>
          {errorMessage(decide.error)}
        </Alert>
      )}
    </Group>
  );
}

/** The list page at /klientflyttar. */
export function ClientMovesPage() {
  const { user } = useAuth();
  const { search } = useLocation();
  const filters = moveFiltersOf(search);
  const list = useListState<ClientMoveSort>({
    sorts: ['requested', 'client'],
    sort: 'requested',
    dir: 'desc',
  });
  const moves = useListQuery<ClientMoveView, ClientMoveSort>('/api/client-moves', filters, list);
  const districts = useDistricts();
  const district = nameLookup(districts.data);
  const columns: Column<ClientMoveView, ClientMoveSort>[] = [
    {
      key: 'client',
      header: 'Klient',
      sort: 'client',
      render: (m) => (
        <Anchor component={Link} href={`/klienter/${m.clientId}`}>
          {m.clientName}
        </Anchor>
      ),
    },
    { key: 'from', header: 'Från stadsdel', render: (m) => district(m.fromDistrictId) },
    { key: 'to', header: 'Till stadsdel', render: (m) => district(m.toDistrictId) },
    { key: 'status', header: 'Läge', render: (m) => CLIENT_MOVE_STATUS_LABELS[m.status] },
    {
      key: 'requested',
      header: 'Begärd',
      sort: 'requested',
      className: 'date',
      render: (m) => (m.requestedAt ? formatDate(m.requestedAt) : '–'),
    },
    {
      key: 'decided',
      header: 'Beslutad',
      className: 'date',
      render: (m) => (m.decidedAt ? formatDate(m.decidedAt) : '–'),
    },
    { key: 'decide', header: 'Beslut', render: (m) => <Decide move={m} /> },
  ];
  return (
    <Page title="Flytt mellan stadsdelar">
      <Group align="flex-end" gap="sm" role="search" aria-label="Filtrera flyttar">
        <Select
          label="Läge"
          placeholder="Alla"
          data={Object.entries(STATUS_WORDS).map(([word, id]) => ({
            value: word,
            label: CLIENT_MOVE_STATUS_LABELS[id],
          }))}
          value={Object.entries(STATUS_WORDS).find(([, v]) => v === filters.status)?.[0] ?? null}
          onChange={(v) => list.setFilters({ lage: v })}
          clearable
        />
        {user?.role === 'admin' && (
          <DistrictFilter
            value={filters.districtId ?? null}
            onChange={(v) => list.setFilters({ stadsdel: v })}
          />
        )}
      </Group>
      <PagedTable
        query={moves}
        list={list}
        columns={columns}
        rowKey={(m) => m.id}
        label="Flyttbegäranden"
        noun={{ one: 'flyttbegäran', many: 'flyttbegäranden' }}
        empty="Inga flyttbegäranden."
        testId="client-moves"
      />
    </Page>
  );
}
