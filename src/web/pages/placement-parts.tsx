/**
 * Parts of the placement page: the read-only facts, the reported absences and the level entries
 * (ASMT-2: preliminary, then final), kept apart so each file stays small.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { del, errorMessage, formFieldError, post } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { DateField } from '../components/DateField.js';
import { useLevelNamer } from '../hooks.js';
import { formatDate } from '../../contract/format.js';
import { levelKindLabel, regimeLabel, serviceLabel } from '../../contract/labels.js';
import { validateLevelEntry, type FieldErrors } from '../validate.js';
import type { LevelCreate, PlacementDetail } from '../../contract/placements.js';
import { levelText } from './ClientPage.js';
import { BAD } from '../colors.js';
import { Rule } from '../components/Rule.js';
import { clearFieldError } from '../components/field-errors.js';
import { PointsField } from '../components/PointsField.js';
import { RemoveButton, RemoveError } from '../components/RemoveRow.js';

const LEVEL_FIELDS = ['from', 'points', 'kind', 'assessedOn'] as const;

/** A placement's facts as text, for those who may read but not change it (no disabled form). */
export function PlacementFacts({ placement: p, regime }: { placement: PlacementDetail; regime: string }) {
  const rows: [string, string][] = [
    ['Klient', p.clientName],
    ['Insats', serviceLabel(p.service)],
    ['Enhet och utförare', [p.unitName, p.providerName ?? p.providerId].filter(Boolean).join(', ') || '–'],
    ['Regiform', regime ? regimeLabel(regime) : '–'],
    ['Period', `${formatDate(p.start)} – ${p.end ? formatDate(p.end) : 'pågår'}`],
    ['Uppsägningsdatum', p.noticeDate ? formatDate(p.noticeDate) : '–'],
    ['Utebliven inflyttning', p.noShow ? 'ja' : 'nej'],
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

/**
 * Reported absences of a placement; those who report absence (FLOW-5: the provider, the case
 * officer, an admin) can remove a wrong report (audited by the server) and report it again.
 */
export function AbsenceList({ placement }: { placement: PlacementDetail }) {
  const { user } = useAuth();
  const qc = useQueryClient();
  const canRemove = hasRole(user, 'provider', 'case_officer', 'admin');
  const remove = useMutation({
    mutationFn: (absenceId: number) => del(`/api/placements/${placement.id}/absences/${absenceId}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['placement'] }),
  });
  const list = placement.absences;
  if (list.length === 0) return <Text mb="sm">Ingen frånvaro rapporterad.</Text>;
  return (
    <>
      <Table mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Från</Table.Th>
            <Table.Th scope="col">Till</Table.Th>
            <Table.Th scope="col">Kommentar</Table.Th>
            {canRemove && (
              <Table.Th scope="col">
                <span className="visually-hidden">Åtgärd</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td className="date">{formatDate(a.from)}</Table.Td>
              <Table.Td className="date">{formatDate(a.to)}</Table.Td>
              <Table.Td>{a.note || '–'}</Table.Td>
              {canRemove && (
                <Table.Td>
                  <RemoveButton
                    id={a.id}
                    label={`Ta bort frånvaron ${formatDate(a.from)} – ${formatDate(a.to)}`}
                    removal={remove}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RemoveError title="Frånvaron kunde inte tas bort" removal={remove} />
    </>
  );
}

/** The level entries of a placement and, for the assessment office, the form to add one. */
export function LevelSection({ placement }: { placement: PlacementDetail }) {
  const { user } = useAuth();
  const nameLevel = useLevelNamer();
  const qc = useQueryClient();
  const [v, setV] = useState({ from: placement.start, points: '', kind: 'preliminary', assessedOn: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: () =>
      post(`/api/placements/${placement.id}/levels`, {
        from: v.from.trim(),
        points: Number(v.points),
        kind: v.kind as LevelCreate['kind'],
        assessedOn: v.assessedOn.trim(),
      } satisfies LevelCreate),
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
  const levels = placement.levels;
  return (
    <section aria-labelledby="level-h">
      <Title order={2} id="level-h" size="h3" mb="xs">
        Nivåer
      </Title>
      {levels.length === 0 ? (
        <Alert color="orange" variant="light" title="Saknar nivå">
          <Text size="sm">
            Placeringen har ingen nivå ännu. Bedömningskansliet sätter en preliminär nivå.
            <Rule ids="ASMT-2" />
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
            {levels.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td className="date">{formatDate(l.from)}</Table.Td>
                <Table.Td>{levelText(l, nameLevel(placement.service, l.from, l.points))}</Table.Td>
                <Table.Td>{levelKindLabel(l.kind)}</Table.Td>
                <Table.Td className="date">{formatDate(l.assessedOn)}</Table.Td>
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
                  onChange={(x) => {
                    setV((s) => ({ ...s, from: x }));
                    clearFieldError(setErrors, 'from');
                  }}
                  error={errors.from}
                  required
                />
                <PointsField
                  label="Poäng"
                  service={placement.service}
                  date={v.from}
                  value={v.points}
                  onChange={(points) => {
                    setV((s) => ({ ...s, points }));
                    clearFieldError(setErrors, 'points');
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
                  onChange={(x) => {
                    setV((s) => ({ ...s, kind: x ?? '' }));
                    clearFieldError(setErrors, 'kind');
                  }}
                  error={errors.kind}
                  required
                />
                <DateField
                  label="Bedömningsdatum"
                  value={v.assessedOn}
                  onChange={(x) => {
                    setV((s) => ({ ...s, assessedOn: x }));
                    clearFieldError(setErrors, 'assessedOn');
                  }}
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
