/**
 * Implementation plans (FLOW-2): the table both the provider and the case officer see (due 15 days
 * after the start, overdue marked), and the provider's form marking a plan done with the date and
 * who took part.
 */
import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { errorMessage, formFieldError, post } from '../api.js';
import { DateField } from '../components/DateField.js';
import { ErrorAlert } from '../components/QueryState.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import type { ListState } from '../components/useListState.js';
import { formatDate } from '../../contract/format.js';
import { PLAN_PARTICIPANT_LABELS, planParticipantLabel, serviceLabel } from '../../contract/labels.js';
import type { PlanDone, PlanSort, PlanView } from '../../contract/plans.js';
import type { ListPage } from '../../contract/primitives.js';
import { dateError, type FieldErrors } from '../validate.js';
import { BAD } from '../colors.js';
import { Rule } from '../components/Rule.js';

type Participant = PlanView['participants'][number];

/** The plan list's columns (client, service and unit, start, due with overdue marked, done, who took part). */
export function planColumns(): Column<PlanView, PlanSort>[] {
  return [
    { key: 'client', header: 'Klient', sort: 'client', render: (p) => p.clientName },
    {
      key: 'service',
      header: 'Insats och enhet',
      render: (p) => `${serviceLabel(p.service)}, ${p.unitName}`,
    },
    { key: 'start', header: 'Start', sort: 'start', className: 'date', render: (p) => formatDate(p.start) },
    {
      key: 'due',
      header: 'Klar senast',
      sort: 'due',
      className: 'date',
      render: (p) => (
        <>
          {formatDate(p.dueDate)}
          {p.overdue && (
            <Badge ml="xs" variant="outline" color={BAD}>
              Försenad
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'done',
      header: 'Klar',
      className: 'date',
      render: (p) => (p.doneOn ? formatDate(p.doneOn) : 'ej klar'),
    },
    {
      key: 'participants',
      header: 'Deltog',
      render: (p) => p.participants.map(planParticipantLabel).join(', ') || '–',
    },
  ];
}

/** One page of plans (issue #14 §1) as a table with its true total, sort headers and page buttons. */
export function PlanTable({
  query,
  list,
}: {
  query: UseQueryResult<ListPage<PlanView>>;
  list: ListState<PlanSort>;
}) {
  return (
    <PagedTable
      query={query}
      list={list}
      columns={planColumns()}
      rowKey={(p) => p.placementId}
      label="Genomförandeplaner"
      noun={{ one: 'genomförandeplan', many: 'genomförandeplaner' }}
      empty="Inga genomförandeplaner att visa."
      testId="plans"
    />
  );
}

/** Swedish checks of the done form: a date and at least one participant (FLOW-2). */
export function validatePlanDone(v: { doneOn: string; participants: readonly string[] }): FieldErrors {
  const errors: FieldErrors = {};
  const done = dateError(v.doneOn, 'datum', true);
  if (done) errors.doneOn = done;
  if (v.participants.length === 0) errors.participants = 'Kryssa i vilka som deltog.';
  return errors;
}

/** The provider marks one plan done: the date and who took part (FLOW-2). */
export function PlanDoneForm({ plan, onDone }: { plan: PlanView; onDone: (message: string) => void }) {
  const qc = useQueryClient();
  const [doneOn, setDoneOn] = useState('');
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: PlanDone) =>
      post<PlanView>(`/api/implementation-plans/${plan.placementId}/done`, body),
    onSuccess: (p) => {
      onDone(`Genomförandeplanen för ${p.clientName} är markerad som klar ${formatDate(p.doneOn)}.`);
      void qc.invalidateQueries({ queryKey: ['plans'] });
    },
    onError: (e) => {
      const field = formFieldError(e, ['doneOn', 'participants']);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validatePlanDone({ doneOn, participants });
    setErrors(found);
    if (Object.keys(found).length === 0)
      save.mutate({ version: plan.version, doneOn: doneOn.trim(), participants });
  }
  const title = `Genomförandeplan för ${plan.clientName}, ${serviceLabel(plan.service)}`;
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm">
            Ska vara klar senast {formatDate(plan.dueDate)}, 15 dagar efter starten.
            <Rule ids="FLOW-2" />
          </Text>
          <DateField
            label="Planen klar"
            name="doneOn"
            value={doneOn}
            onChange={setDoneOn}
            error={errors.doneOn}
            required
          />
          <Checkbox.Group
            label="Deltog"
            value={participants}
            onChange={(v) => setParticipants(v as Participant[])}
            error={errors.participants}
            withAsterisk
          >
            <Group mt="xs">
              {Object.entries(PLAN_PARTICIPANT_LABELS).map(([value, label]) => (
                <Checkbox key={value} value={value} label={label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Markera planen som klar
            </Button>
          </Group>
          {save.isError && !formFieldError(save.error, ['doneOn', 'participants']) && (
            <ErrorAlert title="Planen kunde inte sparas" error={save.error} />
          )}
        </Stack>
      </form>
    </Paper>
  );
}
