/**
 * Matching and offers for one decision (FLOW-3, FLOW-4): the units offering the decided service,
 * ranked by the client's wishes; an offer to a unit with room (or the waiting list when it is
 * full, served in order of registration); the offers with `answerBy` (the third working day after
 * the offer) and `startBy` (the seventh after acceptance), both computed by the server's working-day
 * calendar; and the client's answer, given through the case officer. The social psychiatry rules
 * (district, one occupation at a time) are shown before an offer is tried (offer-rules.tsx).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, get, post, withQuery } from '../api.js';
import { DateField } from '../components/DateField.js';
import { ErrorAlert, QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDate } from '../../contract/format.js';
import type { DecisionView } from '../../contract/decisions.js';
import type { MatchView, OfferCreate, OfferView, WaitingView } from '../../contract/offers.js';
import { useDistricts, useProviders, nameLookup } from '../hooks.js';
import { dateError } from '../validate.js';
import { WARN } from '../colors.js';
import { OfferAnswer } from './offer-answer.js';
import { OfferTable } from './offer-table.js';
import { mustSwitch, OfferRules, useRunningPlacements } from './offer-rules.js';
import { Rule, TextWithRules } from '../components/Rule.js';

/** The client's wishes as the matching query takes them. */
interface Wishes {
  districtId: string;
  orientation: string;
  method: string;
  wheelchair: boolean;
}

/** The ranked units, each with its action: offer a place, or register on the waiting list. */
function MatchTable({
  matches,
  switching,
  onOffer,
  onQueue,
}: {
  matches: MatchView[];
  /** An offer is a switch from the running occupation (FLOW-4: one at a time). */
  switching: boolean;
  onOffer: (m: MatchView) => void;
  onQueue: (m: MatchView) => void;
}) {
  const providerName = nameLookup(useProviders().data);
  if (matches.length === 0) return <Text>Ingen enhet erbjuder insatsen.</Text>;
  return (
    <TableScroll>
      <Table striped data-testid="matches">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Enhet</Table.Th>
            <Table.Th scope="col">Utförare</Table.Th>
            <Table.Th scope="col">Lediga platser</Table.Th>
            <Table.Th scope="col">Varför</Table.Th>
            <Table.Th scope="col">Åtgärd</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matches.map((m) => (
            <Table.Tr key={m.unitId}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{providerName(m.providerId)}</Table.Td>
              <Table.Td>{m.vacancies === null ? 'ej angivet' : m.vacancies}</Table.Td>
              <Table.Td>
                <TextWithRules text={m.reasons.join('; ')} />
              </Table.Td>
              <Table.Td>
                {!m.eligible ? (
                  <Badge variant="outline" color={WARN}>
                    Kan inte anlitas
                  </Badge>
                ) : m.full ? (
                  <Button size="xs" variant="light" onClick={() => onQueue(m)}>
                    Anmäl till kö: {m.name}
                  </Button>
                ) : (
                  <Button size="xs" onClick={() => onOffer(m)}>
                    {switching ? 'Erbjud byte' : 'Erbjud plats'}: {m.name}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** A date form for one unit: the offer (`offeredOn`) or the waiting-list registration (`registeredOn`). */
function UnitDateForm({
  decision,
  match,
  kind,
  onDone,
}: {
  decision: DecisionView;
  match: MatchView;
  kind: 'offer' | 'queue';
  onDone: (message: string) => void;
}) {
  const qc = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  // The form opens below a long table of units, far from the button that opened it: its first
  // field takes the focus (and so scrolls into view), or the button seems to do nothing.
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input')?.focus(), []);
  const [date, setDate] = useState('');
  const [switchFrom, setSwitchFrom] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const current = useRunningPlacements(decision);
  // One occupation at a time (FLOW-4): the offer must name the placement it switches from.
  const switching = kind === 'offer' && mustSwitch(decision.service, current);
  const [switchError, setSwitchError] = useState<string | undefined>();
  const from = switchFrom ?? (switching && current.length === 1 ? String(current[0]!.id) : null);
  const field = kind === 'offer' ? 'offeredOn' : 'registeredOn';
  const save = useMutation({
    mutationFn: async (body: OfferCreate | { unitId: number; registeredOn: string }): Promise<string> => {
      if (kind === 'offer') {
        const o = await post<OfferView>(`/api/decisions/${decision.id}/offers`, body);
        return `Erbjudande nr ${o.id} på ${o.unitName} är skickat. Svar senast ${formatDate(o.answerBy)} (FLOW-4).`;
      }
      const w = await post<WaitingView>(`/api/decisions/${decision.id}/waiting-list`, body);
      return `Anmäld till kön för ${match.name}, plats ${w.position ?? '–'} i kön (FLOW-4).`;
    },
    onSuccess: (message) => {
      void qc.invalidateQueries();
      onDone(message);
    },
    onError: (e) => {
      if (formFieldError(e, [field])) setError(errorMessage(e));
      if (formFieldError(e, ['switchFrom'])) setSwitchError(errorMessage(e));
    },
  });
  const label = kind === 'offer' ? 'Erbjudandedatum' : 'Anmälningsdatum';
  function submit(e: FormEvent) {
    e.preventDefault();
    const found = dateError(date, label.toLowerCase(), true);
    setError(found);
    const noSwitch =
      switching && !from ? 'Välj placeringen som bytet gäller: en sysselsättning i taget.' : undefined;
    setSwitchError(noSwitch);
    if (found || noSwitch) return;
    save.mutate(
      kind === 'offer'
        ? {
            unitId: match.unitId,
            offeredOn: date.trim(),
            ...(from ? { switchFrom: Number(from) } : {}),
          }
        : { unitId: match.unitId, registeredOn: date.trim() },
    );
  }
  const title = kind === 'offer' ? `Erbjud plats på ${match.name}` : `Anmäl till kön för ${match.name}`;
  return (
    <Paper withBorder p="md">
      <form ref={formRef} onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {title}
          </Title>
          <DateField label={label} name={field} value={date} onChange={setDate} error={error} required />
          {kind === 'offer' && current.length > 0 && (
            <Select
              label="Byter från placering"
              description={
                <>
                  Den enskilde kan byta utförare när som helst; den gamla placeringen upphör med uppsägning
                  <Rule ids="PAY-6" />
                </>
              }
              data={current.map((p) => ({
                value: String(p.id),
                label: `Placering nr ${p.id}, ${p.unitName ?? ''} från ${formatDate(p.start)}`,
              }))}
              value={from}
              onChange={(v) => {
                setSwitchFrom(v);
                setSwitchError(undefined);
              }}
              error={switchError}
              required={switching}
              clearable={!switching}
            />
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {kind === 'offer' ? 'Skicka erbjudandet' : 'Anmäl till kön'}
            </Button>
          </Group>
          {save.isError && !formFieldError(save.error, [field, 'switchFrom']) && (
            <ErrorAlert title="Det gick inte" error={save.error} />
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** Matching, offers and the waiting list of a decision. */
export function DecisionOffers({ decision, offers }: { decision: DecisionView; offers: OfferView[] }) {
  const districts = useDistricts();
  const [wishes, setWishes] = useState<Wishes>({
    districtId: '',
    orientation: '',
    method: '',
    wheelchair: false,
  });
  const [asked, setAsked] = useState<Wishes>(wishes);
  const [chosen, setChosen] = useState<{ match: MatchView; kind: 'offer' | 'queue' } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The sent form is gone: the focus goes to what it left behind, not back to the page's top.
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const switching = mustSwitch(decision.service, useRunningPlacements(decision));
  const matches = useQuery({
    queryKey: ['matches', decision.id, asked],
    queryFn: () =>
      get<MatchView[]>(
        withQuery(`/api/decisions/${decision.id}/matches`, {
          districtId: asked.districtId,
          orientation: asked.orientation.trim(),
          method: asked.method.trim(),
          wheelchair: asked.wheelchair ? 'true' : '',
        }),
      ),
  });
  const set = (k: 'districtId' | 'orientation' | 'method') => (v: string | null) =>
    setWishes((w) => ({ ...w, [k]: v ?? '' }));
  return (
    <>
      <section aria-labelledby="match-h">
        <Title order={2} id="match-h" size="h3" mb="xs">
          Matchning mot önskemål
        </Title>
        <OfferRules decision={decision} />
        <form
          aria-label="Den enskildes önskemål"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked(wishes);
          }}
        >
          <Group align="flex-end" mb="sm">
            <Select
              label="Önskad stadsdel"
              data={(districts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={wishes.districtId || null}
              onChange={set('districtId')}
              clearable
            />
            <TextInput
              label="Inriktning"
              value={wishes.orientation}
              onChange={(e) => set('orientation')(e.currentTarget.value)}
            />
            <TextInput
              label="Metod"
              value={wishes.method}
              onChange={(e) => set('method')(e.currentTarget.value)}
            />
            <Checkbox
              label="Behöver rullstolsanpassning"
              checked={wishes.wheelchair}
              onChange={(e) => setWishes((w) => ({ ...w, wheelchair: e.currentTarget.checked }))}
            />
            <Button type="submit" variant="light">
              Rangordna enheter
            </Button>
          </Group>
        </form>
        <QueryState query={matches} what="enheterna">
          {(list) => (
            <MatchTable
              matches={list}
              switching={switching}
              onOffer={(match) => {
                setDone(null);
                setChosen({ match, kind: 'offer' });
              }}
              onQueue={(match) => {
                setDone(null);
                setChosen({ match, kind: 'queue' });
              }}
            />
          )}
        </QueryState>
        {chosen && (
          <UnitDateForm
            key={`${chosen.kind}-${chosen.match.unitId}`}
            decision={decision}
            match={chosen.match}
            kind={chosen.kind}
            onDone={(message) => {
              setChosen(null);
              setDone(message);
            }}
          />
        )}
        <div role="status" aria-live="polite">
          {done && (
            <Alert ref={doneRef} tabIndex={-1} color="green" variant="light" title="Klart">
              <Text size="sm">
                <TextWithRules text={done} />
              </Text>
            </Alert>
          )}
        </div>
      </section>
      <section aria-labelledby="offers-h">
        <Title order={2} id="offers-h" size="h3" mb="xs">
          Erbjudanden
        </Title>
        {offers.length === 0 ? (
          <Text>Inga erbjudanden ännu.</Text>
        ) : (
          <Stack gap="sm">
            <OfferTable offers={offers} />
            {offers
              .filter((o) => o.state === 'open')
              .map((o) => (
                <OfferAnswer key={o.id} offer={o} service={decision.service} />
              ))}
          </Stack>
        )}
      </section>
    </>
  );
}
