/**
 * The points field (LVL-1, issue #14 §5): while points are typed it shows the valid span and the
 * level they give, as the API's classification by the model in force answers
 * (`GET /api/models/classification`, the domain's classifyPoints), so the web never restates the
 * ranges; points that give no level get the API's Swedish reason next to the field at once.
 */
import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ClassificationView } from '../../contract/models.js';
import { formatNumber } from '../../contract/format.js';
import { isIsoDate } from '../../domain/patterns.js';
import { get, withQuery } from '../api.js';
import { Rule } from './Rule.js';

/** The classification of `points` for `service` on `date`; idle until both are given. */
export function useClassification(service: string, date: string, points: string) {
  const [typed] = useDebouncedValue(points.trim(), 250);
  const on = date.trim();
  const whole = /^\d{1,7}$/.test(typed) ? typed : undefined;
  return useQuery({
    queryKey: ['classification', service, on, whole ?? null],
    queryFn: () =>
      get<ClassificationView>(withQuery('/api/models/classification', { service, on, points: whole })),
    enabled: service !== '' && isIsoDate(on),
    staleTime: 300_000,
  });
}

const span = (min: number, max: number | null) =>
  max === null ? `${formatNumber(min)} eller fler` : `${formatNumber(min)}–${formatNumber(max)}`;

/** What the preview says under the field: the valid span, then the level the points give. */
export function previewText(c: ClassificationView | undefined, points: string): ReactNode {
  if (!c?.valid) return null;
  const range = c.level ? c.ranges.find((r) => r.level === c.level?.id) : undefined;
  return (
    <>
      Giltiga poäng: {span(c.valid.min, c.valid.max)}.
      {c.level && points.trim() !== '' && (
        <strong>
          {' '}
          {formatNumber(Number(points.trim()))} poäng ger {c.level.label}
          {range ? ` (${span(range.min, range.max)})` : ''}.
        </strong>
      )}
    </>
  );
}

/** A labelled points input with the live preview; `error` (the form's own check) comes first. */
export function PointsField(props: {
  label: string;
  service: string;
  date: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  name?: string;
  required?: boolean;
}) {
  const preview = useClassification(props.service, props.date, props.value);
  const c = preview.data;
  const typedNow = c !== undefined && props.value.trim() !== '';
  return (
    <TextInput
      label={props.label}
      name={props.name}
      inputMode="numeric"
      autoComplete="off"
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      description={
        <span aria-live="polite">
          {previewText(c, props.value) ?? 'Nivån följer av poängen i modellen som gäller'}
          <Rule ids="LVL-1" />
        </span>
      }
      error={props.error ?? (typedNow && c.message ? c.message : undefined)}
      required={props.required}
      withAsterisk={props.required}
    />
  );
}
