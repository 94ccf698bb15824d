/**
 * The client's answer to an offer, given through the case officer (FLOW-4): accepted by the
 * third working day after the offer (`answerBy`), with the start (then the order and placement are
 * made at once, FLOW-1) or without it (the order follows by `startBy`); or declined by the client.
 * A provider in the choice system may not decline an offered client (FLOW-3), so only the client's
 * answer is asked for here.
 */
import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, formFieldError, post } from '../api.js';
import { DateField } from '../components/DateField.js';
import { ErrorAlert } from '../components/QueryState.js';
import { formatDate } from '../../contract/format.js';
import type { OfferAccept, OfferDecline, OfferView } from '../../contract/offers.js';
import {
  NO_FIRST_FACTS,
  preliminaryLevelBody,
  validateFirstFacts,
  type FirstFactValues,
} from '../first-facts.js';
import { dateError, type FieldErrors } from '../validate.js';
import { FirstFactsFields } from './placement-first-facts.js';
import { Rule } from '../components/Rule.js';
import { BAD } from '../colors.js';

const FIELDS = ['answeredOn', 'start', 'points', 'assessedOn'] as const;

/** Swedish field checks of an answer: accepting with a start needs the preliminary level too. */
export function validateAnswer(
  service: string,
  v: { answeredOn: string; start: string; first: FirstFactValues },
  accepting: boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  const answered = dateError(v.answeredOn, 'svarsdatum', true);
  if (answered) errors.answeredOn = answered;
  if (!accepting) return errors;
  const start = dateError(v.start, 'startdatum', false);
  if (start) errors.start = start;
  return v.start.trim() ? { ...errors, ...validateFirstFacts(service, v.first, ['level']) } : errors;
}

const fieldOf = (e: unknown) =>
  formFieldError(e, [...FIELDS, 'preliminaryLevel.points', 'preliminaryLevel.assessedOn'])?.replace(
    /^preliminaryLevel\./,
    '',
  ) ?? null;

/** The answer form of one open offer. */
export function OfferAnswer({ offer, service }: { offer: OfferView; service: string }) {
  const qc = useQueryClient();
  const [values, setValues] = useState({ answeredOn: '', start: '' });
  const [first, setFirst] = useState<FirstFactValues>(NO_FIRST_FACTS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const answer = useMutation({
    mutationFn: (a: { accept: true; body: OfferAccept } | { accept: false; body: OfferDecline }) =>
      post<OfferView>(`/api/offers/${offer.id}/${a.accept ? 'accept' : 'decline'}`, a.body),
    onSuccess: () => void qc.invalidateQueries(),
    onError: (e) => {
      const field = fieldOf(e);
      if (field) setErrors({ [field]: errorMessage(e) });
    },
  });
  function send(accepting: boolean) {
    const found = validateAnswer(service, { ...values, first }, accepting);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}-${offer.id}"]`)?.focus();
      return;
    }
    const answeredOn = values.answeredOn.trim();
    const start = values.start.trim();
    answer.mutate(
      accepting
        ? {
            accept: true,
            body: { answeredOn, ...(start ? { start, ...preliminaryLevelBody(service, first) } : {}) },
          }
        : { accept: false, body: { answeredOn, by: 'client' } },
    );
  }
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const title = `Svar på erbjudande nr ${offer.id}, ${offer.unitName}`;
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        aria-label={title}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send(true);
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm">
            Svar senast {formatDate(offer.answerBy)} (tredje arbetsdagen efter erbjudandet)
            <Rule ids="FLOW-4" />. Vid ja ska flytt eller start ske senast sjunde arbetsdagen efter svaret.
          </Text>
          <Group grow align="flex-start">
            <DateField
              label="Svarsdatum"
              name={`answeredOn-${offer.id}`}
              value={values.answeredOn}
              onChange={set('answeredOn')}
              error={errors.answeredOn}
              required
            />
            <DateField
              label="Startdatum"
              name={`start-${offer.id}`}
              value={values.start}
              onChange={set('start')}
              error={errors.start}
              description={
                offer.switchFrom !== null
                  ? 'ÅÅÅÅ-MM-DD; krävs vid byte av utförare'
                  : 'ÅÅÅÅ-MM-DD; med startdatum görs beställningen direkt'
              }
              required={offer.switchFrom !== null}
            />
          </Group>
          {values.start.trim() !== '' && (
            <FirstFactsFields
              start={values.start}
              service={service}
              values={first}
              errors={errors}
              onChange={setFirst}
              only={['level']}
            />
          )}
          <Group>
            <Button type="submit" loading={answer.isPending && answer.variables?.accept === true}>
              Den enskilde tackar ja
            </Button>
            <Button
              type="button"
              variant="light"
              color={BAD}
              loading={answer.isPending && answer.variables?.accept === false}
              onClick={() => send(false)}
            >
              Den enskilde tackar nej
            </Button>
          </Group>
          {answer.isError && !fieldOf(answer.error) && (
            <ErrorAlert title="Svaret kunde inte registreras" error={answer.error} />
          )}
        </Stack>
      </form>
    </Paper>
  );
}
