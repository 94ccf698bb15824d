/**
 * Providers and units for the admin (issue #14 §4): every provider with regime, organisationsnummer,
 * choice system, number of units and whether it is active, searchable by name with the search in
 * the address; a form to register a provider; and the providers' proposed catalogue profiles to
 * approve or reject (issue #11 §3). About a hundred providers: the list is filtered in the browser.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, post, withQuery } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { useProviders } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';
import { choiceSystemLabel, regimeLabel } from '../../contract/labels.js';
import type { ProviderCreate, ProviderView } from '../../contract/providers.js';
import { BAD, OK } from '../colors.js';
import { ProfileReview } from './profile-review.js';
import { ProviderFields, useProviderForm } from './register-parts.js';

/** Active or deactivated, in words and colour. */
export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge variant="outline" color={active ? 'green' : 'red'} c={active ? OK : BAD}>
      {active ? 'Aktiv' : 'Inaktiverad'}
    </Badge>
  );
}

function NewProvider() {
  const qc = useQueryClient();
  const form = useProviderForm(
    { id: '', name: '', regime: 'privat', orgNumber: '', choiceSystem: true },
    'ny-utforare',
    true,
  );
  const v = form.values;
  const create = useMutation({
    mutationFn: () =>
      post<ProviderView>('/api/providers', {
        id: v.id.trim(),
        name: v.name.trim(),
        regime: v.regime as ProviderCreate['regime'],
        orgNumber: v.orgNumber.trim() || null,
        choiceSystem: v.choiceSystem,
      } satisfies ProviderCreate),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: ['providers'] });
      navigate(`/utforarregister/${encodeURIComponent(p.id)}`);
    },
    onError: form.fromServer,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.check()) create.mutate();
  };
  return (
    <Paper withBorder p="md" maw={640}>
      <form id="ny-utforare" onSubmit={submit} noValidate aria-labelledby="new-provider-h">
        <Stack gap="sm">
          <Title order={2} size="h3" id="new-provider-h">
            Ny utförare
          </Title>
          <ProviderFields form={form} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Registrera utförare
            </Button>
          </Group>
          {create.isError && !(create.error instanceof ApiError && create.error.field) && (
            <Alert color="red" role="alert" title="Utföraren kunde inte registreras">
              <Text c={BAD} size="sm">
                {errorMessage(create.error)}
              </Text>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** The page: the review of proposed profiles, the providers and the form for a new one. */
export function ProvidersPage() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const showInactive = search.get('inaktiva') === 'ja';
  const [text, setText] = useState(q);
  const providers = useProviders();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery('/utforarregister', { q: text.trim(), inaktiva: showInactive ? 'ja' : '' }));
  };
  return (
    <Page title="Utförare och enheter">
      <ProfileReview />
      <section aria-labelledby="providers-h">
        <Title order={2} size="h3" id="providers-h" mb="xs">
          Utförare
        </Title>
        <form onSubmit={submit} role="search" aria-label="Sök utförare">
          <Group align="flex-end" mb="sm">
            <TextInput
              label="Namn eller organisationsnummer"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Button type="submit">Sök</Button>
            <Checkbox
              label="Visa inaktiverade"
              checked={showInactive}
              onChange={(e) =>
                navigate(
                  withQuery('/utforarregister', { q, inaktiva: e.currentTarget.checked ? 'ja' : '' }),
                  {
                    replace: true,
                  },
                )
              }
            />
          </Group>
        </form>
        <QueryState query={providers} what="utförarna">
          {(list) => {
            const needle = q.toLocaleLowerCase('sv');
            const shown = list.filter(
              (p) =>
                (showInactive || p.active) &&
                (!needle ||
                  p.name.toLocaleLowerCase('sv').includes(needle) ||
                  (p.orgNumber ?? '').includes(needle)),
            );
            return (
              <>
                <Text role="status" mb="xs">
                  {shown.length === 1 ? '1 utförare' : `${shown.length} utförare`} av {list.length}
                </Text>
                <TableScroll label="Utförare">
                  <Table striped withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Namn</Table.Th>
                        <Table.Th scope="col">Regi</Table.Th>
                        <Table.Th scope="col">Organisationsnummer</Table.Th>
                        <Table.Th scope="col">Valfrihetssystem</Table.Th>
                        <Table.Th scope="col" className="num">
                          Enheter
                        </Table.Th>
                        <Table.Th scope="col">Status</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Td>
                            <Anchor component={Link} href={`/utforarregister/${encodeURIComponent(p.id)}`}>
                              {p.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{regimeLabel(p.regime)}</Table.Td>
                          <Table.Td className="num">{p.orgNumber ?? '–'}</Table.Td>
                          <Table.Td>{p.choiceSystem ? 'Ja' : 'Nej'}</Table.Td>
                          <Table.Td className="num">{p.units.length}</Table.Td>
                          <Table.Td>
                            <ActiveBadge active={p.active} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              </>
            );
          }}
        </QueryState>
      </section>
      <NewProvider />
      <Text size="sm" c="dimmed">
        En utförare {choiceSystemLabel(true)} får inte tacka nej till en erbjuden person.
      </Text>
    </Page>
  );
}
