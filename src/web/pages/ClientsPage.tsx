/**
 * Client search by name or identity number (issue #6 step 3). Identity numbers are always shown
 * masked as the API sends them; protected identities (skyddad identitet) are marked.
 */
import { useState, type FormEvent } from 'react';
import { Anchor, Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { nameLookup, useDistricts } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';
import type { ClientList } from '../../contract/clients.js';
import { BAD } from '../colors.js';
import { TableScroll } from '../components/TableScroll.js';

/** The search page; the query lives in the address so back/forward keeps the results. */
export function ClientsPage() {
  const { user } = useAuth();
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const districtId = search.get('stadsdel') ?? '';
  const [text, setText] = useState(q);
  const [district, setDistrict] = useState<string | null>(districtId || null);
  const districts = useDistricts();
  const districtName = nameLookup(districts.data);
  const results = useQuery({
    queryKey: ['clients', q, districtId],
    queryFn: () => get<ClientList>(withQuery('/api/clients', { q, districtId })),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    navigate(withQuery('/klienter', { q: text.trim(), stadsdel: district ?? '' }));
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
            <Button component={Link} href="/placeringar/ny">
              Ny placering
            </Button>
          </Group>
        )
      }
    >
      <form onSubmit={submit} role="search" aria-label="Sök klient">
        <Group align="flex-end">
          <TextInput
            label="Namn eller personnummer"
            description="Till exempel Andersson eller 19850312-1234"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 240 }}
          />
          {user?.role !== 'case_officer' && (
            <Select
              label="Stadsdel"
              placeholder="Alla stadsdelar"
              data={(districts.data ?? []).map((d) => ({ value: String(d.id), label: d.name }))}
              value={district}
              onChange={setDistrict}
              clearable
            />
          )}
          <Button type="submit">Sök</Button>
        </Group>
      </form>
      <QueryState query={results} what="klienterna">
        {(data) => {
          const items = data.items;
          return (
            <>
              <Text role="status" aria-live="polite">
                {items.length === 0
                  ? 'Inga klienter matchar sökningen.'
                  : `${items.length} klienter hittades.`}
              </Text>
              {items.length > 0 && (
                <TableScroll>
                  <Table striped highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Namn</Table.Th>
                        <Table.Th scope="col">Personnummer</Table.Th>
                        <Table.Th scope="col">Stadsdel</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td>
                            <Anchor component={Link} href={`/klienter/${encodeURIComponent(c.id)}`}>
                              {c.name}
                            </Anchor>
                            {c.protected && (
                              <Badge ml="xs" size="sm" color={BAD} variant="outline">
                                Skyddad identitet
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>{c.personnummerMasked ?? '–'}</Table.Td>
                          <Table.Td>{districtName(c.districtId)}</Table.Td>
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
