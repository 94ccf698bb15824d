/**
 * Logg (issue #14 §4), for admins: the audit log filtered by client, user, action and period
 * (Stockholm days), newest first, paged on the server with the true total; the filters live in
 * the address, and the same filter is exported to Excel (GET /api/audit.xlsx, streamed; the
 * export is itself logged).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { DateField } from '../components/DateField.js';
import { Page } from '../components/Page.js';
import { PagedTable, countText, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import type { AuditAction, AuditItem } from '../../contract/audit.js';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditEntityLabel, roleLabel } from '../../contract/labels.js';
import { formatDateTime } from '../../contract/format.js';
import type { UserList } from '../../contract/users.js';
import { isIsoDate } from '../../domain/patterns.js';
import { Link } from '../router.js';

const DATE_ERROR = 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2025-03-01.';

/** The log's columns. */
const COLUMNS: Column<AuditItem, 'id'>[] = [
  { key: 'at', header: 'Tid', sort: 'id', render: (e) => (e.at ? formatDateTime(e.at) : '–') },
  { key: 'user', header: 'Användare', render: (e) => e.username ?? '–' },
  { key: 'role', header: 'Roll', render: (e) => (e.role ? roleLabel(e.role) : '–') },
  { key: 'action', header: 'Händelse', render: (e) => auditActionLabel(e.action) },
  { key: 'entity', header: 'Gäller', render: (e) => auditEntityLabel(e.entity) },
  {
    key: 'clients',
    header: 'Klienter',
    render: (e) =>
      e.clientIds.length === 1 ? (
        <Anchor component={Link} href={`/klienter/${e.clientIds[0]}`}>
          1 klient
        </Anchor>
      ) : e.clientIds.length > 1 ? (
        countText(e.clientIds.length, { one: 'klient', many: 'klienter' })
      ) : (
        '–'
      ),
  },
];

/** The audit log page. */
export function AuditLogPage() {
  const list = useListState<'id'>({ sorts: ['id'], sort: 'id', dir: 'desc' });
  const filters = {
    clientId: list.filter('klient'),
    userId: list.filter('anvandare'),
    action: list.filter('handelse'),
    from: list.filter('fran'),
    to: list.filter('till'),
  };
  const [client, setClient] = useState(filters.clientId);
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setClient(filters.clientId), [filters.clientId]);
  useEffect(() => setFrom(filters.from), [filters.from]);
  useEffect(() => setTo(filters.to), [filters.to]);
  // The user filter searches the accounts on the server (issue #14 §1: thousands of accounts);
  // the chosen one stays an option while another search runs.
  const [userSearch, setUserSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const userQuery = picked && userSearch === picked.label ? '' : userSearch.trim();
  const users = useQuery({
    queryKey: ['users', 'search', userQuery],
    queryFn: () => get<UserList>(withQuery('/api/users', { q: userQuery, limit: 50 })),
    placeholderData: keepPreviousData,
  });
  const userOptions = (users.data?.items ?? []).map((u) => ({
    value: String(u.id),
    label: `${u.name} (${u.username})`,
  }));
  if (filters.userId && !userOptions.some((o) => o.value === filters.userId))
    userOptions.unshift(
      picked?.value === filters.userId
        ? picked
        : { value: filters.userId, label: `Användare nr ${filters.userId}` },
    );
  const log = useListQuery<AuditItem, 'id'>('/api/audit', filters, list);

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (client.trim() && !/^[1-9]\d{0,8}$/.test(client.trim()))
      found.client = 'Skriv klientens nummer, till exempel 1204.';
    if (from && !isIsoDate(from)) found.from = DATE_ERROR;
    if (to && !isIsoDate(to)) found.to = DATE_ERROR;
    if (!found.from && !found.to && from && to && from > to) found.to = 'Perioden slutar före den börjar.';
    setErrors(found);
    if (Object.keys(found).length === 0) list.setFilters({ klient: client.trim(), fran: from, till: to });
  }

  return (
    <Page
      title="Logg"
      actions={
        <Button component="a" href={withQuery('/api/audit.xlsx', filters)} download variant="light">
          Exportera till Excel (XLSX)
        </Button>
      }
    >
      <form onSubmit={submit} aria-label="Filtrera loggen" noValidate>
        <Stack gap="sm">
          <Group align="flex-start">
            <Select
              label="Användare"
              placeholder="Alla användare"
              description="Sök på namn eller användarnamn"
              data={userOptions}
              value={filters.userId || null}
              onChange={(v, option) => {
                setPicked(option ?? null);
                list.setFilters({ anvandare: v });
              }}
              searchable
              searchValue={userSearch}
              onSearchChange={setUserSearch}
              nothingFoundMessage="Ingen användare matchar"
              clearable
            />
            <Select
              label="Händelse"
              placeholder="Alla händelser"
              data={(Object.keys(AUDIT_ACTION_LABELS) as AuditAction[]).map((a) => ({
                value: a,
                label: AUDIT_ACTION_LABELS[a],
              }))}
              value={filters.action || null}
              onChange={(v) => list.setFilters({ handelse: v })}
              clearable
            />
            <TextInput
              label="Klientnummer"
              description="Klientens nummer i registret"
              inputMode="numeric"
              value={client}
              onChange={(e) => {
                setClient(e.currentTarget.value);
                setErrors(({ client: _c, ...rest }) => rest);
              }}
              error={errors.client}
              maw={200}
            />
          </Group>
          <Group align="flex-start">
            <DateField
              label="Från och med"
              value={from}
              onChange={(v) => {
                setFrom(v);
                setErrors(({ from: _f, ...rest }) => rest);
              }}
              error={errors.from}
            />
            <DateField
              label="Till och med"
              value={to}
              onChange={(v) => {
                setTo(v);
                setErrors(({ to: _t, ...rest }) => rest);
              }}
              error={errors.to}
            />
          </Group>
          <Group>
            <Button type="submit">Visa</Button>
            <Button
              variant="default"
              onClick={() =>
                list.setFilters({ klient: null, anvandare: null, handelse: null, fran: null, till: null })
              }
            >
              Rensa filtren
            </Button>
          </Group>
        </Stack>
      </form>
      <PagedTable
        query={log}
        list={list}
        columns={COLUMNS}
        rowKey={(e) => e.id}
        label="Loggposter"
        noun={{ one: 'loggpost', many: 'loggposter' }}
        empty="Inga loggposter matchar filtren."
        testId="audit"
      />
    </Page>
  );
}
