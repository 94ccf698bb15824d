/**
 * Användare (issue #14 §4), for admins: every account, paged, sorted and filtered on the server
 * (name, role, active; the state in the address), a new account with role and scope, and per
 * account a dialog to change name, role, district or provider, reset the password or deactivate
 * it (its sessions end at once).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { Page } from '../components/Page.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { nameLookup, useDistricts, useProviders } from '../hooks.js';
import { ROLE_LABELS, roleLabel, type RoleId } from '../../contract/labels.js';
import type { UserView } from '../../contract/users.js';
import { OK } from '../colors.js';
import { UserForm } from './user-form.js';

type UserSort = 'username' | 'name';

/** The users page. */
export function UsersPage() {
  const list = useListState<UserSort>({ sorts: ['username', 'name'], sort: 'username' });
  const q = list.filter('q');
  const role = list.filter('roll');
  const status = list.filter('status');
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const districtName = nameLookup(useDistricts().data);
  const providerName = nameLookup(useProviders().data);
  const users = useListQuery<UserView, UserSort>(
    '/api/users',
    { q, role, active: status === 'aktiva' ? 'true' : status === 'inaktiva' ? 'false' : '' },
    list,
  );
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    list.setFilters({ q: text.trim() });
  }

  const columns: Column<UserView, UserSort>[] = [
    { key: 'username', header: 'Användarnamn', sort: 'username', render: (u) => u.username },
    { key: 'name', header: 'Namn', sort: 'name', render: (u) => u.name },
    { key: 'role', header: 'Roll', render: (u) => roleLabel(u.role) },
    {
      key: 'scope',
      header: 'Tillhör',
      render: (u) =>
        u.districtId ? districtName(u.districtId) : u.providerId ? providerName(u.providerId) : 'Hela staden',
    },
    {
      key: 'active',
      header: 'Status',
      render: (u) =>
        u.active ? (
          <Badge variant="outline" color={OK}>
            Aktiv
          </Badge>
        ) : (
          <Badge variant="outline" color="dark">
            Inaktiv
          </Badge>
        ),
    },
    {
      key: 'edit',
      header: 'Ändra',
      render: (u) => (
        <Button size="xs" variant="light" onClick={() => setEditing(u)} aria-label={`Ändra ${u.username}`}>
          Ändra
        </Button>
      ),
    },
  ];

  return (
    <Page
      title="Användare"
      actions={
        <Button onClick={() => setEditing('new')} variant="light">
          Nytt konto
        </Button>
      }
    >
      <form onSubmit={submit} role="search" aria-label="Sök användare">
        <Group align="flex-end">
          <TextInput
            label="Namn eller användarnamn"
            description="En del av namnet räcker"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Select
            label="Roll"
            placeholder="Alla roller"
            data={(Object.keys(ROLE_LABELS) as RoleId[]).map((r) => ({
              value: r,
              label: ROLE_LABELS[r].title,
            }))}
            value={role || null}
            onChange={(v) => list.setFilters({ roll: v })}
            clearable
          />
          <Select
            label="Status"
            placeholder="Alla"
            data={[
              { value: 'aktiva', label: 'Aktiva' },
              { value: 'inaktiva', label: 'Inaktiva' },
            ]}
            value={status || null}
            onChange={(v) => list.setFilters({ status: v })}
            clearable
          />
          <Button type="submit">Sök</Button>
        </Group>
      </form>
      <div role="status" aria-live="polite">
        {done && (
          <Alert color="green" variant="light" title={done}>
            <Text size="sm">Ändringen är loggad.</Text>
          </Alert>
        )}
      </div>
      <PagedTable
        query={users}
        list={list}
        columns={columns}
        rowKey={(u) => u.id}
        label="Användare"
        noun={{ one: 'användare', many: 'användare' }}
        empty="Inga användare matchar sökningen."
        testId="users"
      />
      {editing !== null && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
          onDone={(_saved, what) => {
            setEditing(null);
            setDone(what);
          }}
        />
      )}
    </Page>
  );
}
