/**
 * One assessment case (issue #10 §4): each assessor scores every item on their own — the other's
 * scoring stays hidden until both have submitted (ASMT-3) — then the reconciliation shows where
 * they differ and one of them records the agreed scoring; the total is classified by the model in
 * force, and a total in a gap is refused for them to resolve (LVL-4).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Fieldset, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post, request } from '../api.js';
import { useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { ErrorAlert, QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDate } from '../../contract/format.js';
import { ASSESSMENT_KIND_LABELS, ASSESSMENT_STATE_LABELS, serviceLabel } from '../../contract/labels.js';
import { DateField } from '../components/DateField.js';
import { dateError } from '../validate.js';
import type { CaseView, questionnaireSchema, Reconciliation } from '../../contract/assessments.js';
import type { z } from 'zod';
import { OK } from '../colors.js';

type Instrument = NonNullable<CaseView['instrument']>;
type Grades = Record<string, number>;

/** The case page. */
export function AssessmentPage({ id }: { id: string }) {
  const { user } = useAuth();
  const view = useQuery({
    queryKey: ['assessment', id],
    queryFn: () => get<CaseView>(`/api/assessments/${id}`),
  });
  return (
    <Page title={`Bedömningsärende ${id}`}>
      <QueryState query={view} what="ärendet">
        {(c) => {
          const mine = c.scorings.find((s) => s.mine);
          const isScorer = !!mine;
          const canScore =
            user?.role === 'assessor' &&
            (c.state === 'open' || c.state === 'scoring') &&
            c.instrument !== null;
          return (
            <Stack gap="md">
              <CaseFacts c={c} />
              <Scorings c={c} />
              {(user?.role === 'assessor' || user?.role === 'admin') && c.instrument && (
                <QuestionnaireAnswers id={id} />
              )}
              {canScore && c.instrument && (
                <ScoringForm id={id} instrument={c.instrument} initial={mine?.grades ?? null} />
              )}
              {c.state === 'reconciliation' && user?.role === 'assessor' && isScorer && c.instrument && (
                <ReconcileSection id={id} c={c} instrument={c.instrument} />
              )}
              {c.agreed && <Agreed c={c} />}
            </Stack>
          );
        }}
      </QueryState>
    </Page>
  );
}

function CaseFacts({ c }: { c: CaseView }) {
  return (
    <Paper withBorder p="sm">
      <dl>
        <dt>Klient</dt>
        <dd>{c.clientName}</dd>
        <dt>Insats</dt>
        <dd>{serviceLabel(c.service)}</dd>
        <dt>Slag</dt>
        <dd>{ASSESSMENT_KIND_LABELS[c.kind]}</dd>
        <dt>Läge</dt>
        <dd>{ASSESSMENT_STATE_LABELS[c.state]}</dd>
        <dt>Senast</dt>
        <dd>
          {formatDate(c.dueDate)}
          {c.overdue ? ' (försenad)' : ''}
        </dd>
        {c.reason && (
          <>
            <dt>Skäl</dt>
            <dd>{c.reason}</dd>
          </>
        )}
        {c.instrument && (
          <>
            <dt>Instrument</dt>
            <dd>{c.instrument.title}</dd>
          </>
        )}
      </dl>
    </Paper>
  );
}

function Scorings({ c }: { c: CaseView }) {
  if (c.scorings.length === 0) return null;
  return (
    <section aria-labelledby="scorings-h">
      <Title order={2} id="scorings-h" size="h3" mb="xs">
        Bedömarnas egna bedömningar
      </Title>
      <ul>
        {c.scorings.map((s) => (
          <li key={s.assessorId}>
            {s.assessorName}
            {s.mine ? ' (du)' : ''}: lämnad {s.submittedAt ? formatDate(s.submittedAt) : ''}
            {s.total !== null ? `, ${s.total} poäng` : ', dold tills båda har lämnat sin bedömning'}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One radio group per item, grouped by life area (keyboard: arrow keys within a group). */
function GradeFields({
  instrument,
  grades,
  onChange,
  only,
  missing,
}: {
  instrument: Instrument;
  grades: Grades;
  onChange: (item: string, grade: number) => void;
  only?: Set<string>;
  /** Items to mark as unanswered, each next to its own question. */
  missing?: ReadonlySet<string>;
}) {
  return (
    <Stack gap="sm">
      {instrument.areas.map((area) => {
        const items = area.items.filter((it) => !only || only.has(it.id));
        if (items.length === 0) return null;
        return (
          <Fieldset key={area.id} legend={area.label}>
            <Stack gap="xs">
              {items.map((it) => (
                <Radio.Group
                  key={it.id}
                  name={gradeName(it.id)}
                  error={missing?.has(it.id) ? 'Svara på frågan.' : undefined}
                  label={`${it.text}${it.example ? ' (exempelfråga)' : ''}`}
                  value={grades[it.id] === undefined ? '' : String(grades[it.id])}
                  onChange={(v) => onChange(it.id, Number(v))}
                >
                  <Group gap="md" mt={4}>
                    {instrument.scale.map((g) => (
                      <Radio key={g.grade} value={String(g.grade)} label={`${g.grade} ${g.label}`} />
                    ))}
                  </Group>
                </Radio.Group>
              ))}
            </Stack>
          </Fieldset>
        );
      })}
    </Stack>
  );
}

/** The radios' shared name of one item, so a check can move the focus to the question it names. */
const gradeName = (item: string) => `grade-${item}`;

const total = (instrument: Instrument, grades: Grades) =>
  instrument.areas
    .flatMap((a) => a.items)
    .reduce((s, it) => s + (instrument.scale[grades[it.id] ?? 0]?.points ?? 0), 0);

function ScoringForm({
  id,
  instrument,
  initial,
}: {
  id: string;
  instrument: Instrument;
  initial: Grades | null;
}) {
  const qc = useQueryClient();
  const [grades, setGrades] = useState<Grades>(initial ?? {});
  const [missing, setMissing] = useState<string | null>(null);
  // After a submit with unanswered questions, each of them says so until it is answered.
  const [marked, setMarked] = useState(false);
  const items = instrument.areas.flatMap((a) => a.items);
  const save = useMutation({
    mutationFn: () => request('PUT', `/api/assessments/${id}/scoring`, { grades }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessment', id] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const left = items.filter((it) => grades[it.id] === undefined);
    if (left.length > 0) {
      setMissing(
        left.length === 1
          ? `1 fråga saknar svar: ”${left[0]!.text}”.`
          : `${left.length} frågor saknar svar, till exempel ”${left[0]!.text}”.`,
      );
      setMarked(true);
      e.currentTarget.querySelector<HTMLElement>(`input[name="${gradeName(left[0]!.id)}"]`)?.focus();
      return;
    }
    setMissing(null);
    save.mutate();
  };
  return (
    <section aria-labelledby="score-h">
      <Title order={2} id="score-h" size="h3" mb="xs">
        Din bedömning
      </Title>
      <Text mb="xs">
        Bedöm varje fråga själv. Den andra bedömarens svar visas först när ni båda har lämnat er bedömning.
      </Text>
      <form onSubmit={submit} noValidate>
        <GradeFields
          instrument={instrument}
          grades={grades}
          onChange={(i, g) => setGrades({ ...grades, [i]: g })}
          missing={
            marked ? new Set(items.filter((it) => grades[it.id] === undefined).map((it) => it.id)) : undefined
          }
        />
        <Group mt="sm">
          <Button type="submit" loading={save.isPending}>
            Lämna min bedömning
          </Button>
          <Text aria-live="polite">Summa: {total(instrument, grades)} poäng</Text>
        </Group>
        {missing && (
          <Alert color="red" role="alert" mt="sm">
            {missing}
          </Alert>
        )}
        {save.isError && <ErrorAlert title="Bedömningen sparades inte" error={save.error} />}
        {save.isSuccess && (
          <Text c={OK} role="status" mt="sm">
            Din bedömning är lämnad.
          </Text>
        )}
      </form>
    </section>
  );
}

function ReconcileSection({ id, c, instrument }: { id: string; c: CaseView; instrument: Instrument }) {
  const qc = useQueryClient();
  const rec = useQuery({
    queryKey: ['assessment', id, 'reconciliation'],
    queryFn: () => get<Reconciliation>(`/api/assessments/${id}/reconciliation`),
  });
  const first = c.scorings[0]?.grades ?? {};
  const [grades, setGrades] = useState<Grades>(first);
  const [assessedOn, setAssessedOn] = useState('');
  const agree = useMutation({
    mutationFn: () => post(`/api/assessments/${id}/agreement`, { grades, assessedOn, version: c.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessment', id] }),
  });
  // The date's error shows once it is wrong as typed, or on a submit without it (never a dead button).
  const [tried, setTried] = useState(false);
  const dateProblem = dateError(assessedOn, 'bedömningsdatum', true);
  const shownDateError = tried || assessedOn.length >= 10 ? dateProblem : undefined;
  return (
    <section aria-labelledby="rec-h">
      <Title order={2} id="rec-h" size="h3" mb="xs">
        Avstämning
      </Title>
      <QueryState query={rec} what="avstämningen">
        {(r) => (
          <Stack gap="sm">
            <Text>
              {r.a.assessorName}: {r.a.total} poäng ({r.a.level ? `nivå ${r.a.level}` : (r.a.problem ?? '–')}
              ). {r.b.assessorName}: {r.b.total} poäng (
              {r.b.level ? `nivå ${r.b.level}` : (r.b.problem ?? '–')}). Lika på {r.agreeingItems} frågor,
              olika på {r.differing.length}.
            </Text>
            {r.differing.length > 0 && (
              <TableScroll>
                <Table>
                  <Table.Caption>Frågor där bedömningarna skiljer sig</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Fråga</Table.Th>
                      <Table.Th scope="col">{r.a.assessorName}</Table.Th>
                      <Table.Th scope="col">{r.b.assessorName}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.differing.map((d) => (
                      <Table.Tr key={d.item}>
                        <Table.Td>{d.text}</Table.Td>
                        <Table.Td>{d.a}</Table.Td>
                        <Table.Td>{d.b}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setTried(true);
                if (dateProblem)
                  e.currentTarget.querySelector<HTMLElement>('input[name="assessedOn"]')?.focus();
                else agree.mutate();
              }}
              noValidate
            >
              <Text mb="xs">
                Den gemensamma bedömningen utgår från {c.scorings[0]?.assessorName}s svar; välj för frågorna
                som skiljer sig.
              </Text>
              <GradeFields
                instrument={instrument}
                grades={grades}
                onChange={(i, g) => setGrades({ ...grades, [i]: g })}
                only={new Set(r.differing.map((d) => d.item))}
              />
              <Box mt="sm">
                <DateField
                  label="Bedömningsdatum"
                  name="assessedOn"
                  required
                  value={assessedOn}
                  onChange={(v) => setAssessedOn(v.trim())}
                  error={shownDateError}
                />
              </Box>
              <Group mt="sm">
                <Button type="submit" loading={agree.isPending}>
                  Spara gemensam bedömning
                </Button>
                <Text aria-live="polite">Summa: {total(instrument, grades)} poäng</Text>
              </Group>
              {agree.isError && (
                <Alert color="red" role="alert" mt="sm" title="Den gemensamma bedömningen sparades inte">
                  {errorMessage(agree.error)}
                </Alert>
              )}
            </form>
          </Stack>
        )}
      </QueryState>
    </section>
  );
}

function Agreed({ c }: { c: CaseView }) {
  const a = c.agreed!;
  return (
    <section aria-labelledby="agreed-h">
      <Title order={2} id="agreed-h" size="h3" mb="xs">
        Beslutad nivå
      </Title>
      <Paper withBorder p="sm">
        <dl>
          <dt>Poäng</dt>
          <dd>{a.points ?? '–'}</dd>
          <dt>Nivå</dt>
          <dd>{a.level ?? '–'}</dd>
          <dt>Modell</dt>
          <dd>{a.modelId ?? '–'}</dd>
          <dt>Bedömd</dt>
          <dd>{formatDate(a.assessedOn)}</dd>
          <dt>Gäller från</dt>
          <dd>
            {formatDate(a.effectiveFrom)} ({a.rules.join(', ')})
          </dd>
          <dt>Beslutad av</dt>
          <dd>{a.decidedBy ?? '–'}</dd>
        </dl>
      </Paper>
    </section>
  );
}

/** The unit's answers to the questionnaire (ASMT-3), for both assessors before the interview. */
function QuestionnaireAnswers({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['questionnaire', id],
    queryFn: () => get<z.infer<typeof questionnaireSchema>>(`/api/assessments/${id}/questionnaire`),
  });
  return (
    <section aria-labelledby="q-h">
      <Title order={2} id="q-h" size="h3" mb="xs">
        Utförarens svar på frågeformuläret
      </Title>
      <QueryState query={q} what="frågeformuläret">
        {(f) =>
          f.answeredAt === null ? (
            <Text>Utföraren har inte svarat ännu.</Text>
          ) : (
            <Stack gap={4}>
              <Text size="sm">
                Besvarat av {f.answeredBy ?? '–'} {formatDate(f.answeredAt)}.
              </Text>
              <ul>
                {f.areas
                  .flatMap((a) => a.questions)
                  .filter((x) => x.answer)
                  .map((x) => (
                    <li key={x.item}>
                      {x.text}: {x.answer}
                    </li>
                  ))}
              </ul>
              {f.note && <Text>Övrigt: {f.note}</Text>}
            </Stack>
          )
        }
      </QueryState>
    </section>
  );
}
