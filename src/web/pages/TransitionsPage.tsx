/**
 * Transition to work (SVC-4, issue #11 §6): each client's transition with its six-month end and
 * the provider's workplace visits. The provider records a visit in its portal; the case officer
 * of the client's district (and admins) follow them.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { DateField } from '../components/DateField.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { Rule } from '../components/Rule.js';
import { formatDate } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { TransitionWithVisits } from '../../contract/participation.js';
import { isIsoDate } from '../../domain/patterns.js';

/** The provider's form for one visit. */
function VisitForm({ t }: { t: TransitionWithVisits }) {
  const qc = useQueryClient();
  const [visitedOn, setVisitedOn] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => post(`/api/transitions-to-work/${t.id}/visits`, { visitedOn, note }),
    onSuccess: () => {
      setVisitedOn('');
      setNote('');
      void qc.invalidateQueries({ queryKey: ['transitions-to-work'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!isIsoDate(visitedOn)) return setProblem('Skriv besöksdagen som ÅÅÅÅ-MM-DD.');
    setProblem(null);
    save.mutate();
  }
  const h = `visit-${t.id}-h`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={h}>
      <Title order={4} id={h} mb={4}>
        Registrera besök på arbetsplatsen
      </Title>
      <Group align="flex-end">
        <DateField label="Besöksdag" value={visitedOn} onChange={setVisitedOn} required />
        <TextInput label="Anteckning" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button type="submit" loading={save.isPending}>
          Spara besöket
        </Button>
      </Group>
      {(problem || save.isError) && (
        <Alert color="red" role="alert" mt="xs" title="Besöket kunde inte sparas">
          {problem ?? errorMessage(save.error)}
        </Alert>
      )}
    </form>
  );
}

/** The page. */
export function TransitionsPage() {
  const { user } = useAuth();
  const isProvider = hasRole(user, 'provider');
  const list = useQuery({
    queryKey: ['transitions-to-work'],
    queryFn: () => get<TransitionWithVisits[]>('/api/transitions-to-work'),
  });
  return (
    <Page title="Övergång till arbete">
      <Text>
        Under övergången till arbete betalas utföraren i högst sex månader, och bara medan den stöttar
        klienten och besöker arbetsplatsen regelbundet.
        <Rule ids="SVC-4" />
      </Text>
      <QueryState query={list} what="övergångarna">
        {(items) =>
          items.length === 0 ? (
            <Text>Ingen klient är i övergång till arbete.</Text>
          ) : (
            <Stack>
              {items.map((t) => (
                <Paper
                  key={t.id}
                  withBorder
                  p="md"
                  component="article"
                  aria-labelledby={`transition-${t.id}-h`}
                >
                  <Stack gap="xs">
                    <Group>
                      <Title order={2} size="h4" id={`transition-${t.id}-h`}>
                        {t.clientName}, {serviceLabel(t.service)}
                      </Title>
                      {t.ongoing && <Badge variant="outline">pågår</Badge>}
                    </Group>
                    <Text>
                      Från {formatDate(t.from)} till {formatDate(t.to)} (längst till{' '}
                      {formatDate(t.sixMonthEnd)}).
                    </Text>
                    {t.visits.length === 0 ? (
                      <Text>Inga besök på arbetsplatsen registrerade.</Text>
                    ) : (
                      <ul aria-label={`Besök på arbetsplatsen för ${t.clientName}`}>
                        {t.visits.map((v) => (
                          <li key={v.id}>
                            {formatDate(v.visitedOn)}
                            {v.note ? `: ${v.note}` : ''}
                            {v.recordedBy ? ` (registrerat av ${v.recordedBy})` : ''}
                          </li>
                        ))}
                      </ul>
                    )}
                    {isProvider && <VisitForm t={t} />}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}
