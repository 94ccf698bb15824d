/**
 * The provider's questionnaires before an assessment interview (ASMT-3): the open cases of its
 * own clients, and for each the questions generated from the instrument, answered in text.
 */
import { useState, type FormEvent } from 'react';
import { Anchor, Button, Fieldset, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../api.js';
import { Page } from '../components/Page.js';
import { ErrorAlert, QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { Link } from '../router.js';
import { formatDate } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { z } from 'zod';
import type { questionnaireListSchema, questionnaireSchema } from '../../contract/assessments.js';
import { OK } from '../colors.js';

type List = z.infer<typeof questionnaireListSchema>;
type Form = z.infer<typeof questionnaireSchema>;

/** The list of questionnaires to answer. */
export function QuestionnairesPage() {
  const list = useQuery({
    queryKey: ['questionnaires'],
    queryFn: () => get<List>('/api/assessments/questionnaires'),
  });
  return (
    <Page title="Frågeformulär inför bedömning">
      <QueryState query={list} what="frågeformulären">
        {(l) =>
          l.items.length === 0 ? (
            <Text>Inga frågeformulär att besvara.</Text>
          ) : (
            <TableScroll>
              <Table striped>
                <Table.Caption>Bedömningar av era klienter som väntar</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Klient</Table.Th>
                    <Table.Th scope="col">Insats</Table.Th>
                    <Table.Th scope="col">Senast</Table.Th>
                    <Table.Th scope="col">Besvarat</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {l.items.map((q) => (
                    <Table.Tr key={q.caseId}>
                      <Table.Td>
                        <Anchor component={Link} href={`/utforare/fragor/${q.caseId}`}>
                          {q.clientName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{serviceLabel(q.service)}</Table.Td>
                      <Table.Td className="date">{formatDate(q.dueDate)}</Table.Td>
                      <Table.Td>{q.answered ? 'ja' : 'nej'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </QueryState>
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
