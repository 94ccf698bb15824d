/**
 * Create or edit a placement (issue #6 step 3) with Swedish validation messages next to each
 * field; on an existing placement the assessment office adds level entries (ASMT-2) and the case
 * officer can report absence (FLOW-5). Edits send `version`; a stale one (409) is explained.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, formFieldError, get, patch, post, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { DateField } from '../components/DateField.js';
import { AbsenceForm } from '../components/AbsenceForm.js';
import { listOf, useLevelNamer, useProviders } from '../hooks.js';
import { SERVICE_LABELS, formatDate, regimeLabel, serviceLabel } from '../format.js';
import { Link, navigate, useLocation } from '../router.js';
import {
  validateLevelEntry,
  validatePlacement,
  type FieldErrors,
  type PlacementValues,
} from '../validate.js';
import type { ClientSummary, Placement } from '../types.js';
import { kindLabel, levelText } from './ClientPage.js';
import { BAD } from '../colors.js';

const empty: PlacementValues = {
  clientId: '',
  service: '',
  providerId: '',
  unitId: '',
  regime: '',
  start: '',
  end: '',
  noticeDate: '',
};

const PLACEMENT_FIELDS = [
  'clientId',
  'service',
  'providerId',
  'unitId',
  'start',
  'end',
  'noticeDate',
] as const;
const LEVEL_FIELDS = ['from', 'points', 'kind', 'assessedOn'] as const;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The placement page: `id` null creates a new one. */
export function PlacementPage({ id }: { id: string | null }) {
  const placement = useQuery({
    queryKey: ['placement', id],
    queryFn: () => get<Placement>(`/api/placements/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
  if (id === null) return <PlacementForm existing={null} />;
  return (
    <QueryState query={placement} what="placeringen">
      {(p) => <PlacementForm existing={p} />}
    </QueryState>
  );
}

function PlacementForm({ existing }: { existing: Placement | null }) {
  const { user } = useAuth();
  const { search } = useLocation();
  const qc = useQueryClient();
  const canEdit = hasRole(user, 'case_officer', 'admin');
  const [values, setValues] = useState<PlacementValues>(() =>
    existing
      ? {
          clientId: str(existing.clientId),
          service: existing.service,
          providerId: str(existing.providerId),
          unitId: str(existing.unitId),
          regime: str(existing.regime),
          start: str(existing.start),
          end: str(existing.end),
          noticeDate: str(existing.noticeDate),
        }
      : { ...empty, clientId: search.get('klient') ?? '' },
  );
  const [noShow, setNoShow] = useState(!!existing?.noShow);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const providers = useProviders();
  const provider = providers.data?.find((p) => String(p.id) === values.providerId);
  // Units offering the chosen service, grouped by provider (the provider catalogue, FLOW-3).
  const unitGroups = (providers.data ?? [])
    .map((p) => ({
      group: `${p.name} (${p.regime ? regimeLabel(p.regime) : ''})`,
      items: (p.units ?? [])
        .filter((u) => !values.service || !u.services?.length || u.services.includes(values.service))
        .map((u) => ({ value: String(u.id), label: `${u.name}, ${p.name}` })),
    }))
    .filter((g) => g.items.length > 0);
  const chooseUnit = (unitId: string | null) => {
    const owner = providers.data?.find((p) => p.units?.some((u) => String(u.id) === unitId));
    setValues((v) => ({ ...v, unitId: unitId ?? '', providerId: owner ? String(owner.id) : '' }));
  };

  // The regime follows the provider (SVC-2).
  useEffect(() => {
    if (provider?.regime) setValues((v) => ({ ...v, regime: provider.regime ?? v.regime }));
  }, [provider?.regime]);

  const [clientSearch, setClientSearch] = useState('');
  const [debounced] = useDebouncedValue(clientSearch, 250);
  const clients = useQuery({
    queryKey: ['clients', debounced, 'picker'],
    queryFn: () =>
      get<{ items: ClientSummary[] } | ClientSummary[]>(withQuery('/api/clients', { q: debounced })),
    enabled: canEdit,
  });
  const clientOptions = listOf(clients.data).map((c) => ({
    value: String(c.id),
    label: `${c.name} (${c.personnummerMasked ?? c.id})`,
  }));
  if (values.clientId && !clientOptions.some((o) => o.value === values.clientId))
    clientOptions.unshift({
      value: values.clientId,
      label: existing?.clientName ?? `Klient ${values.clientId}`,
    });

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      existing
        ? patch<Placement>(`/api/placements/${encodeURIComponent(existing.id)}`, {
            ...body,
            version: existing.version,
          })
        : post<Placement>('/api/placements', body),
    onSuccess: (p) => {
      void qc.invalidateQueries();
      setSaved(existing ? 'Placeringen är sparad.' : 'Placeringen är skapad.');
      if (!existing && p?.id !== undefined) navigate(`/placeringar/${encodeURIComponent(String(p.id))}`);
    },
    onError: (e) => {
      const field = formFieldError(e, PLACEMENT_FIELDS);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const found = validatePlacement(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const dates = {
      unitId: Number(values.unitId),
      start: values.start.trim(),
      end: values.end.trim() || null,
      noticeDate: values.noticeDate.trim() || null,
      noShow,
    };
    // The regime follows the unit's provider (SVC-2); the service of a placement never changes.
    save.mutate(existing ? dates : { ...dates, clientId: Number(values.clientId), service: values.service });
  }

  const set = (k: keyof PlacementValues) => (v: string | null) => setValues((s) => ({ ...s, [k]: v ?? '' }));
  const title = existing
    ? `Placering: ${serviceLabel(existing.service)}${existing.clientName ? `, ${existing.clientName}` : ''}`
    : 'Ny placering';
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  return (
    <Page title={title}>
      {existing?.clientId !== undefined && (
        <Anchor component={Link} href={`/klienter/${encodeURIComponent(String(existing.clientId))}`}>
          Till klienten
        </Anchor>
      )}
      {!canEdit && existing ? (
        <PlacementFacts placement={existing} regime={values.regime} />
      ) : (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate aria-label={title}>
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <Stack gap="sm">
                <Select
                  label="Klient"
                  name="clientId"
                  data={clientOptions}
                  value={values.clientId || null}
                  onChange={set('clientId')}
                  searchable
                  onSearchChange={setClientSearch}
                  nothingFoundMessage="Ingen klient matchar"
                  error={errors.clientId}
                  required
                  disabled={!!existing}
                />
                <Select
                  label="Insats"
                  name="service"
                  data={Object.entries(SERVICE_LABELS).map(([value, label]) => ({ value, label }))}
                  value={values.service || null}
                  onChange={(v) => setValues((x) => ({ ...x, service: v ?? '', unitId: '', providerId: '' }))}
                  error={errors.service}
                  required
                  disabled={!!existing}
                />
                <Group grow align="flex-start">
                  <Select
                    label="Enhet och utförare"
                    name="unitId"
                    data={unitGroups}
                    value={values.unitId || null}
                    onChange={chooseUnit}
                    searchable
                    nothingFoundMessage="Ingen enhet erbjuder insatsen"
                    error={errors.unitId}
                    description={values.service ? 'Enheter som erbjuder insatsen' : 'Välj insats först'}
                    required
                  />
                  <TextInput
                    label="Regiform"
                    description="Följer utföraren (SVC-2)"
                    value={values.regime ? regimeLabel(values.regime) : ''}
                    readOnly
                  />
                </Group>
                <Group grow align="flex-start">
                  <DateField
                    label="Startdatum"
                    name="start"
                    value={values.start}
                    onChange={set('start')}
                    error={errors.start}
                    required
                  />
                  <DateField
                    label="Slutdatum"
                    name="end"
                    value={values.end}
                    onChange={set('end')}
                    error={errors.end}
                    description="ÅÅÅÅ-MM-DD, tomt om placeringen pågår"
                  />
                  <DateField
                    label="Uppsägningsdatum"
                    name="noticeDate"
                    value={values.noticeDate}
                    onChange={set('noticeDate')}
                    error={errors.noticeDate}
                    description="ÅÅÅÅ-MM-DD, uppsägningstid 4 dagar (PAY-6)"
                  />
                </Group>
                <Checkbox
                  label="Klienten flyttade aldrig in eller började aldrig (PAY-7)"
                  checked={noShow}
                  onChange={(e) => setNoShow(e.currentTarget.checked)}
                />
                {canEdit && (
                  <Group>
                    <Button type="submit" loading={save.isPending}>
                      {existing ? 'Spara ändringar' : 'Skapa placering'}
                    </Button>
                  </Group>
                )}
                <div role="status" aria-live="polite">
                  {saved && (
                    <Alert color="green" variant="light" title="Sparat">
                      <Text size="sm">{saved}</Text>
                    </Alert>
                  )}
                </div>
                {save.isError && !formFieldError(save.error, PLACEMENT_FIELDS) && (
                  <Alert
                    color="red"
                    role="alert"
                    title={conflict ? 'Krock med andra uppgifter' : 'Placeringen kunde inte sparas'}
                  >
                    <Text c={BAD} size="sm">
                      {errorMessage(save.error)}
                      {conflict && existing ? ' Ladda om sidan för att se den senaste versionen.' : ''}
                    </Text>
                  </Alert>
                )}
              </Stack>
            </fieldset>
          </form>
        </Paper>
      )}
      {existing && <LevelSection placement={existing} />}
      {existing && hasRole(user, 'case_officer', 'admin') && (
        <section aria-labelledby="absence-h">
          <Title order={2} id="absence-h" size="h3" mb="xs">
            Frånvaro
          </Title>
          <AbsenceList placement={existing} />
          <AbsenceForm placementId={String(existing.id)} label={serviceLabel(existing.service)} />
        </section>
      )}
    </Page>
  );
}

/** A placement's facts as text, for those who may read but not change it (no disabled form). */
function PlacementFacts({ placement: p, regime }: { placement: Placement; regime: string }) {
  const rows: [string, string][] = [
    ['Klient', p.clientName ?? `Klient ${p.clientId}`],
    ['Insats', serviceLabel(p.service)],
    ['Enhet och utförare', [p.unitName, p.providerName ?? p.providerId].filter(Boolean).join(', ') || '–'],
    ['Regiform', regime ? regimeLabel(regime) : '–'],
    ['Period', `${formatDate(p.start)} – ${p.end ? formatDate(p.end) : 'pågår'}`],
    ['Uppsägningsdatum', p.noticeDate ? formatDate(p.noticeDate) : '–'],
    ['Utebliven inflyttning (PAY-7)', p.noShow ? 'ja' : 'nej'],
  ];
  return (
    <Paper withBorder p="md">
      <Text mb="xs">Du kan läsa placeringen men inte ändra den.</Text>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th scope="row" w={240}>
                {k}
              </Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** Reported absences of a placement. */
export function AbsenceList({ placement }: { placement: Placement }) {
  const list = placement.absences ?? [];
  if (list.length === 0) return <Text mb="sm">Ingen frånvaro rapporterad.</Text>;
  return (
    <Table mb="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Från</Table.Th>
          <Table.Th scope="col">Till</Table.Th>
          <Table.Th scope="col">Kommentar</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((a, i) => (
          <Table.Tr key={i}>
            <Table.Td>{formatDate(a.from)}</Table.Td>
            <Table.Td>{formatDate(a.to)}</Table.Td>
            <Table.Td>{a.note || '–'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function LevelSection({ placement }: { placement: Placement }) {
  const { user } = useAuth();
  const nameLevel = useLevelNamer();
  const qc = useQueryClient();
  const [v, setV] = useState({ from: placement.start, points: '', kind: 'preliminary', assessedOn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: () =>
      post(`/api/placements/${encodeURIComponent(placement.id)}/levels`, {
        from: v.from.trim(),
        points: Number(v.points),
        kind: v.kind,
        assessedOn: v.assessedOn.trim(),
      }),
    onSuccess: () => {
      void qc.invalidateQueries();
      setV((s) => ({ ...s, points: '' }));
    },
    onError: (e) => {
      const field = formFieldError(e, LEVEL_FIELDS);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateLevelEntry(v);
    setErrors(found);
    if (Object.keys(found).length === 0) add.mutate();
  }
  const levels = placement.levels ?? [];
  return (
    <section aria-labelledby="level-h">
      <Title order={2} id="level-h" size="h3" mb="xs">
        Nivåer
      </Title>
      {levels.length === 0 ? (
        <Alert color="orange" variant="light" title="Saknar nivå">
          <Text size="sm">
            Placeringen har ingen nivå ännu. Bedömningskansliet sätter en preliminär nivå (ASMT-2).
          </Text>
        </Alert>
      ) : (
        <Table mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Gäller från</Table.Th>
              <Table.Th scope="col">Nivå</Table.Th>
              <Table.Th scope="col">Bedömning</Table.Th>
              <Table.Th scope="col">Bedömd</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {levels.map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDate(l.from)}</Table.Td>
                <Table.Td>{levelText(l, nameLevel(placement.service, l.from, l.points))}</Table.Td>
                <Table.Td>{kindLabel(l.kind)}</Table.Td>
                <Table.Td>{formatDate(l.assessedOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {hasRole(user, 'assessor', 'admin') && (
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate aria-label="Ny nivå">
            <Stack gap="sm">
              <Group grow align="flex-start">
                <DateField
                  label="Gäller från"
                  value={v.from}
                  onChange={(x) => setV((s) => ({ ...s, from: x }))}
                  error={errors.from}
                  required
                />
                <TextInput
                  label="Poäng"
                  inputMode="numeric"
                  value={v.points}
                  onChange={(e) => {
                    const points = e.currentTarget.value;
                    setV((s) => ({ ...s, points }));
                  }}
                  error={errors.points}
                  required
                />
                <Select
                  label="Bedömning"
                  data={[
                    { value: 'preliminary', label: 'Preliminär' },
                    { value: 'final', label: 'Slutlig' },
                  ]}
                  value={v.kind}
                  onChange={(x) => setV((s) => ({ ...s, kind: x ?? '' }))}
                  error={errors.kind}
                  required
                />
                <DateField
                  label="Bedömningsdatum"
                  value={v.assessedOn}
                  onChange={(x) => setV((s) => ({ ...s, assessedOn: x }))}
                  error={errors.assessedOn}
                  required
                />
              </Group>
              <Group>
                <Button type="submit" loading={add.isPending}>
                  Lägg till nivå
                </Button>
              </Group>
              {add.isError && !formFieldError(add.error, LEVEL_FIELDS) && (
                <Alert color="red" role="alert" title="Nivån kunde inte sparas">
                  <Text c={BAD} size="sm">
                    {errorMessage(add.error)}
                  </Text>
                </Alert>
              )}
            </Stack>
          </form>
        </Paper>
      )}
    </section>
  );
}
