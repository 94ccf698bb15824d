/**
 * The provider's questionnaires before an assessment interview (ASMT-3): the open cases of its
 * own clients, and for each the questions generated from the instrument, answered in text.
 */
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Fieldset, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../api.js';
import { Page } from '../components/Page.js';
import { ErrorAlert, QueryState } from '../components/QueryState.js';
import { PagedTable, type Column } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import { Link } from '../router.js';
import { formatDate } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { z } from 'zod';
import type {
  QuestionnaireItem,
  QuestionnaireSort,
  questionnaireSchema,
} from '../../contract/assessments.js';
import { OK } from '../colors.js';

type Form = z.infer<typeof questionnaireSchema>;

/** The questionnaire list's columns: the client links to the form. */
const COLUMNS: Column<QuestionnaireItem, QuestionnaireSort>[] = [
  {
    key: 'client',
    header: 'Klient',
    sort: 'client',
    render: (q) => (
      <Anchor component={Link} href={`/utforare/fragor/${q.caseId}`}>
        {q.clientName}
      </Anchor>
    ),
  },
  { key: 'service', header: 'Insats', render: (q) => serviceLabel(q.service) },
  { key: 'due', header: 'Senast', sort: 'due', className: 'date', render: (q) => formatDate(q.dueDate) },
  { key: 'answered', header: 'Besvarat', render: (q) => (q.answered ? 'ja' : 'nej') },
];

/** The list of questionnaires to answer, paged on the server, the filter in the address (`besvarat`). */
export function QuestionnairesPage() {
  const list = useListState<QuestionnaireSort>({ sorts: ['due', 'client'], sort: 'due' });
  const answered = list.filter('besvarat');
  const shown = answered === 'ja' || answered === 'nej' ? answered : null;
  const questionnaires = useListQuery<QuestionnaireItem, QuestionnaireSort>(
    '/api/assessments/questionnaires',
    { answered: shown === null ? undefined : shown === 'ja' ? 'true' : 'false' },
    list,
    { key: 'questionnaires' },
  );
  return (
    <Page title="Frågeformulär inför bedömning">
      <Group align="flex-end" role="search" aria-label="Filtrera frågeformulär">
        <Select
          label="Besvarat"
          placeholder="Alla"
          data={[
            { value: 'nej', label: 'Inte besvarade' },
            { value: 'ja', label: 'Besvarade' },
          ]}
          value={shown}
          onChange={(v) => list.setFilters({ besvarat: v })}
          clearable
        />
      </Group>
      <PagedTable
        query={questionnaires}
        list={list}
        columns={COLUMNS}
        rowKey={(q) => q.caseId}
        label="Bedömningar av era klienter som väntar"
        noun={{ one: 'frågeformulär', many: 'frågeformulär' }}
        empty="Inga frågeformulär att besvara."
        testId="questionnaires"
      />
    </Page>
  );
}

/** One questionnaire to answer. */
export function QuestionnairePage({ id }: { id: string }) {
  const form = useQuery({
    queryKey: ['questionnaire', id],
    queryFn: () => get<Form>(`/api/assessments/${encodeURIComponent(id)}/questionnaire`),
  });
  return (
    <Page title="Frågeformulär">
      <Anchor component={Link} href="/utforare/fragor">
        Alla frågeformulär
      </Anchor>
      <QueryState query={form} what="frågeformuläret">
        {(f) => <Answers id={id} f={f} />}
      </QueryState>
    </Page>
  );
}

function Answers({ id, f }: { id: string; f: Form }) {
  const qc = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string>>(
    Object.fromEntries(f.areas.flatMap((a) => a.questions.map((q) => [q.item, q.answer ?? '']))),
  );
  const [note, setNote] = useState(f.note);
  const save = useMutation({
    mutationFn: () =>
      request('PUT', `/api/assessments/${encodeURIComponent(id)}/questionnaire`, {
        answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== '')),
        note,
        ...(f.version !== null ? { version: f.version } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['questionnaire', id] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text>
          {f.clientName}, {serviceLabel(f.service)}. Besvara gärna före {formatDate(f.dueDate)}. Beskriv
          behovet av stöd med egna ord; bedömarna läser svaren inför intervjun.
        </Text>
        {f.areas.map((a) => (
          <Fieldset key={a.id} legend={a.label}>
            <Stack gap="xs">
              {a.questions.map((q) => (
                <Textarea
                  key={q.item}
                  label={q.text}
                  autosize
                  minRows={2}
                  maxLength={2000}
                  value={answers[q.item] ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [q.item]: e.currentTarget.value })}
                />
              ))}
            </Stack>
          </Fieldset>
        ))}
        <Title order={2} size="h3">
          Övrigt
        </Title>
        <Textarea
          label="Övriga upplysningar"
          autosize
          minRows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button type="submit" loading={save.isPending} w="fit-content">
          Spara svaren
        </Button>
        {save.isError && <ErrorAlert title="Svaren sparades inte" error={save.error} />}
        {save.isSuccess && (
          <Text c={OK} role="status">
            Svaren är sparade.
          </Text>
        )}
      </Stack>
    </form>
  );
}
