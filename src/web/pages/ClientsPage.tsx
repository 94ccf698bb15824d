/**
 * Client search by name or identity number (issue #6 step 3). Identity numbers are always shown
 * masked as the API sends them; protected identities (skyddad identitet) are marked.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, TextInput } from '@mantine/core';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { nameLookup, useDistricts } from '../hooks.js';
import { Link } from '../router.js';
import type { ClientListItem, ClientSort } from '../../contract/clients.js';
import { BAD } from '../colors.js';
import { DistrictFilter } from '../components/ListFilters.js';

/** The client list's columns. */
function columns(districtName: (id: string) => string): Column<ClientListItem, ClientSort>[] {
  return [
    {
      key: 'name',
      header: 'Namn',
      sort: 'name',
      render: (c) => (
        <>
          <Anchor component={Link} href={`/klienter/${encodeURIComponent(c.id)}`}>
            {c.name}
          </Anchor>
          {c.protected && (
            <Badge ml="xs" size="sm" color={BAD} variant="outline">
              Skyddad identitet
            </Badge>
          )}
        </>
      ),
    },
    { key: 'pnr', header: 'Personnummer', render: (c) => c.personnummerMasked ?? '–' },
    { key: 'district', header: 'Stadsdel', sort: 'district', render: (c) => districtName(c.districtId) },
  ];
}

/**
 * The search page: search, district, sort and page live in the address (issue #14 §1), so
 * back/forward, reload and a shared link keep the results; the server pages and counts.
 */
export function ClientsPage() {
  const { user } = useAuth();
  const list = useListState<ClientSort>({ sorts: ['name', 'district'], sort: 'name' });
  const q = list.filter('q');
  const districtId = list.filter('stadsdel');
  const [text, setText] = useState(q);
  const [district, setDistrict] = useState<string | null>(districtId || null);
  // The address can change under the form (back button, a link): the fields follow it.
  useEffect(() => setText(q), [q]);
  useEffect(() => setDistrict(districtId || null), [districtId]);
  const districts = useDistricts();
  const districtName = nameLookup(districts.data);
  const results = useListQuery<ClientListItem, ClientSort>('/api/clients', { q, districtId }, list);

  function submit(e: FormEvent) {
    e.preventDefault();
    list.setFilters({ q: text.trim(), stadsdel: district });
  }

  return (
    <Page
      title="Klienter"
      actions={
        hasRole(user, 'case_officer', 'admin') && (
          <Group gap="xs">
            <Button component={Link} href="/klienter/ny" variant="light">
              Ny klient
            </Button>
            <Button component={Link} href="/erbjudanden" variant="light">
              Erbjudanden och tidsfrister
            </Button>
          </Group>
        )
      }
    >
      <form onSubmit={submit} role="search" aria-label="Sök klient">
        <Group align="flex-end">
          <TextInput
            label="Namn eller personnummer"
            description="En del av namnet, till exempel Anders, eller hela personnumret, till exempel 19850312-1234"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 240 }}
          />
          {user?.role !== 'case_officer' && <DistrictFilter value={district} onChange={setDistrict} />}
          <Button type="submit">Sök</Button>
        </Group>
      </form>
      <PagedTable
        query={results}
        list={list}
        columns={columns(districtName)}
        rowKey={(c) => c.id}
        label="Klienter"
        noun={{ one: 'klient', many: 'klienter' }}
        empty="Inga klienter matchar sökningen."
        testId="clients"
      />
    </Page>
  );
}
