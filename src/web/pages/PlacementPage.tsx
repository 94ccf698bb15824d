/**
 * Create or edit a placement (issue #6 step 3) with Swedish validation messages next to each
 * field; on an existing placement the assessment office adds level entries (ASMT-2), the case
 * officer reports absence (FLOW-5), and every other fact the engine pays for is listed and entered
 * by the role that knows it (issue #9 §4, facts.ts). Edits send `version`; a stale one (409) is
 * explained.
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
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, get, patch } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { DateField, dateBinding } from '../components/DateField.js';
import { AbsenceForm } from '../components/AbsenceForm.js';
import { useProviders } from '../hooks.js';
import { SERVICE_LABELS, regimeLabel, serviceLabel } from '../../contract/labels.js';
import { Link } from '../router.js';
import { validatePlacement, type FieldErrors, type PlacementValues } from '../validate.js';
import type { PlacementDetail, PlacementPatch, PlacementView } from '../../contract/placements.js';
import { FactSection } from '../components/FactSection.js';
import { factKindsFor } from '../facts.js';
import { placementField } from './placement-first-facts.js';
import { unitOptions, useClientOptions } from './placement-pickers.js';
import { AbsenceList, LevelSection, PlacementFacts } from './placement-parts.js';
import { BAD } from '../colors.js';
import { Rule } from '../components/Rule.js';
import { clearFieldError } from '../components/field-errors.js';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The placement page: `id` null creates a new one. */
export function PlacementPage({ id }: { id: string }) {
  const placement = useQuery({
    queryKey: ['placement', id],
    queryFn: () => get<PlacementDetail>(`/api/placements/${encodeURIComponent(id)}`),
  });
  // Loading and refusals still get the page's heading (one h1 per page, WCAG 2.4.6).
  if (!placement.data)
    return (
      <Page title="Placering">
        <QueryState query={placement} what="placeringen">
          {() => null}
        </QueryState>
      </Page>
    );
  return <PlacementForm existing={placement.data} />;
}

/**
 * The fields this form shows. An API error naming another (a level's `points`: "no level on the
 * new start date") is said in the form's alert; set on a field not shown, it said nothing at all.
 */
const EDIT_FIELDS: readonly string[] = ['clientId', 'service', 'unitId', 'start', 'end', 'noticeDate'];

/** The shown field an API error names, or null when the form's alert must say it. */
function editField(e: unknown, service: string): string | null {
  const field = placementField(e, service);
  return field && EDIT_FIELDS.includes(field) ? field : null;
}

function PlacementForm({ existing }: { existing: PlacementDetail }) {
  const { user } = useAuth();
  const qc = useQueryClient();
  const canEdit = hasRole(user, 'case_officer', 'admin');
  const [values, setValues] = useState<PlacementValues>(() => ({
    clientId: str(existing.clientId),
    service: existing.service,
    providerId: str(existing.providerId),
    unitId: str(existing.unitId),
    regime: str(existing.regime),
    start: str(existing.start),
    end: str(existing.end),
    noticeDate: str(existing.noticeDate),
  }));
  const [noShow, setNoShow] = useState(existing.noShow);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const providers = useProviders();
  const provider = providers.data?.find((p) => String(p.id) === values.providerId);
  const unitGroups = unitOptions(providers.data, values.service);
  const chooseUnit = (unitId: string | null) => {
    const owner = providers.data?.find((p) => p.units?.some((u) => String(u.id) === unitId));
    setValues((v) => ({ ...v, unitId: unitId ?? '', providerId: owner ? String(owner.id) : '' }));
  };

  // The regime follows the provider (SVC-2).
  useEffect(() => {
    if (provider?.regime) setValues((v) => ({ ...v, regime: provider.regime }));
  }, [provider?.regime]);

  const [clientOptions, setClientSearch] = useClientOptions(canEdit, values.clientId, existing.clientName);

  const save = useMutation({
    mutationFn: (body: Omit<PlacementPatch, 'version'>) =>
      patch<PlacementView>(`/api/placements/${existing.id}`, {
        ...body,
        version: existing.version,
      } satisfies PlacementPatch),
    onSuccess: () => {
      void qc.invalidateQueries();
      setSaved('Placeringen är sparad.');
    },
    onError: (e) => {
      const field = editField(e, values.service);
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
    save.mutate(dates);
  }

  const set = (k: keyof PlacementValues) => (v: string | null) => {
    setValues((s) => ({ ...s, [k]: v ?? '' }));
    clearFieldError(setErrors, k);
  };
  const title = `Placering: ${serviceLabel(existing.service)}${existing.clientName ? `, ${existing.clientName}` : ''}`;
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  return (
    <Page title={title}>
      <Anchor component={Link} href={`/klienter/${existing.clientId}`}>
        Till klienten
      </Anchor>
      {!canEdit ? (
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
                  disabled
                />
                <Select
                  label="Insats"
                  name="service"
                  data={Object.entries(SERVICE_LABELS).map(([value, label]) => ({ value, label }))}
                  value={values.service || null}
                  onChange={(v) => setValues((x) => ({ ...x, service: v ?? '', unitId: '', providerId: '' }))}
                  error={errors.service}
                  required
                  disabled
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
                    description={
                      <>
                        Följer utföraren
                        <Rule ids="SVC-2" />
                      </>
                    }
                    value={values.regime ? regimeLabel(values.regime) : ''}
                    readOnly
                  />
                </Group>
                <Group grow align="flex-start">
                  <DateField label="Startdatum" required {...dateBinding('start', values, set, errors)} />
                  <DateField
                    label="Slutdatum"
                    description="ÅÅÅÅ-MM-DD, tomt om placeringen pågår"
                    {...dateBinding('end', values, set, errors)}
                  />
                  <DateField
                    label="Uppsägningsdatum"
                    {...dateBinding('noticeDate', values, set, errors)}
                    description={
                      <>
                        ÅÅÅÅ-MM-DD, uppsägningstid 4 dagar
                        <Rule ids="PAY-6" />
                      </>
                    }
                  />
                </Group>
                <Checkbox
                  label={
                    <>
                      Klienten flyttade aldrig in eller började aldrig
                      <Rule ids="PAY-7" />
                    </>
                  }
                  checked={noShow}
                  onChange={(e) => setNoShow(e.currentTarget.checked)}
                />
                {canEdit && (
                  <Group>
                    <Button type="submit" loading={save.isPending}>
                      Spara ändringar
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
                {save.isError && !editField(save.error, values.service) && (
                  <Alert
                    color="red"
                    role="alert"
                    title={conflict ? 'Krock med andra uppgifter' : 'Placeringen kunde inte sparas'}
                  >
                    <Text c={BAD} size="sm">
                      {errorMessage(save.error)}
                      {conflict ? ' Ladda om sidan för att se den senaste versionen.' : ''}
                    </Text>
                  </Alert>
                )}
              </Stack>
            </fieldset>
          </form>
        </Paper>
      )}
      <LevelSection placement={existing} />
      {hasRole(user, 'case_officer', 'admin') && (
        <section aria-labelledby="absence-h">
          <Title order={2} id="absence-h" size="h3" mb="xs">
            Frånvaro
          </Title>
          <AbsenceList placement={existing} />
          <AbsenceForm placementId={String(existing.id)} label={serviceLabel(existing.service)} />
        </section>
      )}
      {factKindsFor(existing.service).map((kind) => (
        <FactSection key={kind.key} kind={kind} placement={existing} />
      ))}
    </Page>
  );
}
