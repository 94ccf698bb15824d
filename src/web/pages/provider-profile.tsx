/**
 * The provider's own catalogue profile in its portal (issue #11 §3, FLOW-3): per unit the
 * approved profile (what the public catalogue shows), the latest proposal and its outcome (a
 * rejection with the admin's reason), and a form to propose a new profile, which waits for an
 * admin's approval before it is public. The unit's latest proposal is read per unit (one row
 * each), and every proposal with its outcome is a server-paged table with its true total (issue
 * #14 §1), sort, page and state filter in the address (`profil-…`, beside the portal's other lists).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post, withQuery } from '../api.js';
import {
  CatalogueFields,
  formToProfile,
  profileToForm,
  type ProfileForm,
} from '../components/CatalogueFields.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { ProfileDiff } from '../components/ProfileDiff.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { capitalise, formatDate } from '../../contract/format.js';
import { profileChangeStateLabel } from '../../contract/labels.js';
import type {
  ProfileChangeCreate,
  ProfileChangeSort,
  ProfileChangeView,
} from '../../contract/profile-changes.js';
import type { ListPage } from '../../contract/primitives.js';
import type { UnitView } from '../../contract/providers.js';
import { BAD, OK, WARN } from '../colors.js';

/** Each unit's latest proposal (the first of its own list, newest first): never cut off by a page size. */
function useLatestProposals(unitIds: number[]) {
  return useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: ['profile-changes', 'latest', unitId],
      queryFn: async () =>
        (
          await get<ListPage<ProfileChangeView>>(
            withQuery('/api/profile-changes', { unitId, sort: 'proposed', dir: 'desc', limit: 1 }),
          )
        ).items[0] ?? null, // never undefined: the query library refuses undefined data
    })),
  });
}

/** The address's words for the proposals' state filter (`?profil-lage=`). */
const STATE_WORDS: Record<string, ProfileChangeView['state']> = {
  vantande: 'pending',
  godkanda: 'approved',
  avslagna: 'rejected',
  aterkallade: 'withdrawn',
};

/** Every proposal of the provider's units with its outcome, paged on the server. */
function ProposalHistory() {
  const list = useListState<ProfileChangeSort>({
    sorts: ['proposed', 'unit'],
    sort: 'proposed',
    dir: 'desc',
    prefix: 'profil',
  });
  const word = list.filter('profil-lage');
  const state = Object.hasOwn(STATE_WORDS, word) ? STATE_WORDS[word] : undefined;
  const proposals = useListQuery<ProfileChangeView, ProfileChangeSort>(
    '/api/profile-changes',
    { state },
    list,
  );
  const columns: Column<ProfileChangeView, ProfileChangeSort>[] = [
    { key: 'unit', header: 'Enhet', sort: 'unit', render: (c) => c.unitName },
    {
      key: 'proposed',
      header: 'Föreslaget',
      sort: 'proposed',
      className: 'date',
      render: (c) => formatDate(c.proposedAt),
    },
    { key: 'state', header: 'Läge', render: (c) => capitalise(profileChangeStateLabel(c.state)) },
    { key: 'reason', header: 'Skäl', render: (c) => c.reason ?? '–' },
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="proposals-h">
      <Title order={3} fz="h4" id="proposals-h">
        Förslag och beslut
      </Title>
      <Group align="flex-end" role="search" aria-label="Filtrera förslagen">
        <Select
          label="Läge"
          placeholder="Alla"
          data={Object.entries(STATE_WORDS).map(([value, id]) => ({
            value,
            label: capitalise(profileChangeStateLabel(id)),
          }))}
          value={state ? word : null}
          onChange={(v) => list.setFilters({ 'profil-lage': v })}
          clearable
        />
      </Group>
      <PagedTable
        query={proposals}
        list={list}
        columns={columns}
        rowKey={(c) => c.id}
        label="Förslag till profiler"
        noun={{ one: 'förslag', many: 'förslag' }}
        empty="Inga förslag."
        testId="profile-proposals"
      />
    </Stack>
  );
}

/** One unit: the proposal's state and the form. */
function UnitProfile({ unit, latest }: { unit: UnitView; latest: ProfileChangeView | undefined }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  // The form takes the button's place: the focus goes into it when it opens, and back to the
  // button when it closes (sent or cancelled), not to the page's top.
  const opener = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (open) formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
    else if (opened.current) opener.current?.focus();
    opened.current = open;
  }, [open]);
  const [form, setForm] = useState<ProfileForm>(
    profileToForm(latest?.state === 'pending' ? latest.proposed : unit.catalogue),
  );
  const propose = useMutation({
    mutationFn: () =>
      post<ProfileChangeView>(`/api/units/${unit.id}/profile-changes`, {
        version: unit.version,
        catalogue: formToProfile(form),
      } satisfies ProfileChangeCreate),
    onSuccess: async () => {
      setOpen(false);
      await qc.invalidateQueries({ queryKey: ['profile-changes'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    propose.mutate();
  };
  const headingId = `profil-${unit.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz="h4" id={headingId}>
            {unit.name}
          </Title>
          {latest && (
            <Badge
              variant="outline"
              color={latest.state === 'rejected' ? 'red' : latest.state === 'approved' ? 'green' : 'orange'}
              c={latest.state === 'rejected' ? BAD : latest.state === 'approved' ? OK : WARN}
            >
              Senaste förslaget: {profileChangeStateLabel(latest.state)}
            </Badge>
          )}
        </Group>
        {latest?.state === 'rejected' && latest.reason && (
          <Text size="sm">Skäl till avslaget: {latest.reason}</Text>
        )}
        <ProfileDiff
          before={unit.catalogue}
          after={latest?.state === 'pending' ? latest.proposed : unit.catalogue}
          caption={
            latest?.state === 'pending'
              ? `${unit.name}: godkänd profil och förslaget som väntar på granskning`
              : `${unit.name}: godkänd profil, som utförarkatalogen visar`
          }
        />
        {propose.isSuccess && (
          <Text role="status" c={OK} size="sm">
            Förslaget har skickats. Det visas i utförarkatalogen när staden har godkänt det.
          </Text>
        )}
        {!open ? (
          <Group>
            <Button ref={opener} variant="light" onClick={() => setOpen(true)}>
              Föreslå ändring av {unit.name}
            </Button>
          </Group>
        ) : (
          <form ref={formRef} onSubmit={submit} aria-label={`Föreslå ändring av ${unit.name}`}>
            <Stack gap="sm">
              <CatalogueFields value={form} onChange={setForm} />
              <Group>
                <Button type="submit" loading={propose.isPending}>
                  Skicka för granskning
                </Button>
                <Button variant="default" onClick={() => setOpen(false)}>
                  Avbryt
                </Button>
              </Group>
              {propose.isError && (
                <Alert color="red" role="alert" title="Förslaget kunde inte skickas">
                  <Text c={BAD} size="sm">
                    {errorMessage(propose.error)}
                  </Text>
                </Alert>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** The section for the portal: every own active unit's profile. */
export function ProviderProfiles({ units }: { units: UnitView[] }) {
  const active = units.filter((u) => u.active);
  const latest = useLatestProposals(active.map((u) => u.id));
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Profil i utförarkatalogen
      </Title>
      <Text size="sm" maw={720}>
        Beskriv varje enhet för klienter och närstående. Ändringar granskas av staden innan de visas i den
        öppna utförarkatalogen.
      </Text>
      {active.map((u, i) => (
        <UnitProfile key={`${u.id}-${u.version}`} unit={u} latest={latest[i]?.data ?? undefined} />
      ))}
      <ProposalHistory />
    </Stack>
  );
}
