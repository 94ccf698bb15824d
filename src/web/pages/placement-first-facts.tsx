/**
 * The facts a placement is made with (issue #9 §1, §4, FLOW-1): the decision's hours or sessions
 * per week for daily activity and occupation (SVC-3, PAY-4), and the order's preliminary level
 * from the assessment office (points and the assessment date; LVL-1, ASMT-2). The API refuses a
 * placement that the engine could not pay, so the forms ask for them up front.
 */
import { Group, TextInput } from '@mantine/core';
import { DateField } from '../components/DateField.js';
import { firstFactFields, type FirstFactField, type FirstFactValues } from '../first-facts.js';
import type { FieldErrors } from '../validate.js';
import { ApiError, formFieldError } from '../api.js';
import { Rule } from '../components/Rule.js';
import { PointsField } from '../components/PointsField.js';

/** The fields for `service`; nothing for a study circle (no levels, paid per session held). */
export function FirstFactsFields({
  service,
  start,
  values,
  errors,
  onChange,
  only,
}: {
  service: string;
  /** The placement's start: the first level's date, so the model in force names the level. */
  start: string;
  values: FirstFactValues;
  errors: FieldErrors;
  onChange: (v: FirstFactValues) => void;
  /** Which of the facts this form asks for: the order's level, the decision's participation. */
  only: readonly FirstFactField[];
}) {
  const fields = firstFactFields(service, only);
  const set = (k: keyof FirstFactValues) => (v: string | null) => onChange({ ...values, [k]: v ?? '' });
  if (fields.length === 0) return null;
  return (
    <>
      {fields.includes('level') && (
        <Group grow align="flex-start">
          <PointsField
            label="Poäng från bedömningen"
            name="points"
            service={service}
            date={start}
            value={values.points}
            onChange={set('points')}
            error={errors.points}
            required
          />
          <DateField
            label="Bedömningsdatum"
            name="assessedOn"
            value={values.assessedOn}
            onChange={set('assessedOn')}
            error={errors.assessedOn}
            required
          />
        </Group>
      )}
      {fields.includes('hoursPerWeek') && (
        <TextInput
          label="Timmar per vecka"
          name="hoursPerWeek"
          description={
            <>
              Beslutad deltagandegrad, 0–80 timmar
              <Rule ids="SVC-3" />
            </>
          }
          inputMode="decimal"
          autoComplete="off"
          value={values.hoursPerWeek}
          onChange={(e) => set('hoursPerWeek')(e.currentTarget.value)}
          error={errors.hoursPerWeek}
          required
          maw={320}
        />
      )}
      {fields.includes('sessionsPerWeek') && (
        <TextInput
          label="Pass per vecka"
          name="sessionsPerWeek"
          description={
            <>
              Beslutade pass per vecka, 0–20
              <Rule ids="PAY-4" />
            </>
          }
          inputMode="numeric"
          autoComplete="off"
          value={values.sessionsPerWeek}
          onChange={(e) => set('sessionsPerWeek')(e.currentTarget.value)}
          error={errors.sessionsPerWeek}
          required
          maw={320}
        />
      )}
    </>
  );
}

/** The placement form's fields, as the API's errors may name them. */
export const PLACEMENT_FIELDS = [
  'clientId',
  'service',
  'providerId',
  'unitId',
  'start',
  'end',
  'noticeDate',
  'points',
  'kind',
  'assessedOn',
  'hoursPerWeek',
  'sessionsPerWeek',
] as const;

/** The API's names for the first facts' fields (`level.points`, `levels`, …) as the form names them. */
const FIELD_OF: Record<string, (typeof PLACEMENT_FIELDS)[number]> = {
  'level.points': 'points',
  'level.level': 'points',
  'level.kind': 'kind',
  'level.assessedOn': 'assessedOn',
  'level.from': 'start',
  levels: 'points',
  level: 'points',
  participation: 'hoursPerWeek',
};

/** The form field an API error names, mapped to this form's names. */
export function placementField(e: unknown, service: string): string | null {
  if (!(e instanceof ApiError) || !e.field) return null;
  const mapped =
    FIELD_OF[e.field.replace(/\[\d+\]/g, '').replace(/^participation\..*/, 'participation')] ?? e.field;
  const field = mapped === 'hoursPerWeek' && service === 'sp-sysselsattning' ? 'sessionsPerWeek' : mapped;
  return formFieldError(new ApiError(e.status, e.id, e.message, field), PLACEMENT_FIELDS);
}
