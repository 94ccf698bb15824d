/**
 * Every fact the engine pays for beyond dates and levels (issue #9 §4), entered by the role that
 * knows it: participation hours and sessions per week (case officer, from the decision; SVC-3,
 * PAY-4), course sessions held (provider; PAY-4, RATE-4), evening/night hours (provider; RATE-6),
 * individual rates and special accounting amounts (case officer, with period and reason; LVL-6,
 * LVL-7) and transition to work (case officer, at most six months; SVC-4). One description per
 * fact: which services it applies to, who enters it, its fields with Swedish checks, the body sent
 * to `POST /api/placements/:id/<path>` and the columns listing what is recorded. Participation is
 * changed only by a new, dated decision (003): its body goes to `POST /api/decisions` with the
 * placement's decision to replace (`decisionBaseFor`). Pure, unit tested.
 */
import { Temporal } from 'temporal-polyfill';
import type { ServiceId } from '../domain/rate-model/schema.js';
import type { Role } from '../contract/auth.js';
import type {
  CourseSessionCreate,
  EveningCreate,
  IndividualRateCreate,
  PlacementDetail,
  TransitionCreate,
} from '../contract/placements.js';
import type { DecisionCreate, DecisionView } from '../contract/decisions.js';
import { capitalise, formatDate, formatKr, formatNumber } from '../contract/format.js';
import { dateError, type FieldErrors } from './validate.js';
import { isExactKronor } from '../domain/money.js';

/** How a field is typed and checked. */
export type FieldKind = 'date' | 'integer' | 'decimal' | 'kronor' | 'text';

/** One field of a fact form (all values are kept as typed text). */
export interface FactField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  min?: number;
  max?: number;
}

/** The list of a placement's facts this kind is recorded in. */
type ListKey = 'participation' | 'courseSessions' | 'eveningHours' | 'individualRates' | 'transitionToWork';
/** One recorded fact, whatever its kind. */
type Item = PlacementDetail[ListKey][number];

/** One kind of fact: where it is posted, who enters it, for which services, and how it is shown. */
export interface FactKind {
  key: string;
  /** `POST /api/placements/:id/<path>`, or with `viaDecision` the list it is read from. */
  path: 'participation' | 'course-sessions' | 'evening-hours' | 'individual-rates' | 'transition-to-work';
  list: ListKey;
  title: string;
  rules: string;
  intro: string;
  roles: readonly Role[];
  services: readonly ServiceId[];
  fields: readonly FactField[];
  submit: string;
  /** Recorded by a new, dated decision (003, `POST /api/decisions`), never on the placement. */
  viaDecision?: true;
  /** Cross-field checks beyond each field's own. */
  check?: (v: Record<string, string>) => FieldErrors;
  /** The JSON body from the checked text values. */
  body: (
    v: Record<string, string>,
  ) => ParticipationDecision | CourseSessionCreate | EveningCreate | IndividualRateCreate | TransitionCreate;
  /** Column headings and cells of the recorded list. */
  columns: readonly { label: string; cell: (item: Item) => string; numeric?: boolean }[];
  /** True for an item that belongs to this kind when two kinds share a list. */
  owns?: (item: Item) => boolean;
}

const SOL_INDIVIDUAL: readonly ServiceId[] = ['sp-boende', 'sp-stodboende', 'sp-boendestod'];
const LSS_SPECIAL: readonly ServiceId[] = [
  'lss-servicebostad',
  'lss-gruppbostad',
  'lss-barnboende',
  'lss-daglig-verksamhet',
];

const get = (item: Item, k: string): unknown => (item as Record<string, unknown>)[k];
const text = (item: Item, k: string) => String(get(item, k) ?? '');
const date = (item: Item, k: string) => formatDate(get(item, k) as string | null);
/** A number as typed in a Swedish form (`1 234,5`), once its field's check has passed. */
export const typedNumber = (v: string): number => Number(v.trim().replace(/\s/g, '').replace(',', '.'));

const period = (from: string, to: string): FactField[] => [
  { name: 'from', label: from, kind: 'date', required: true },
  {
    name: 'to',
    label: to,
    kind: 'date',
    required: false,
    description: 'ÅÅÅÅ-MM-DD, tomt om beslutet gäller tills vidare',
  },
];
const reason: FactField = {
  name: 'reason',
  label: 'Skäl och beslut',
  kind: 'text',
  required: true,
  max: 500,
  description: 'Vad som beslutats och varför, högst 500 tecken',
};

const individual = (
  key: string,
  title: string,
  rules: string,
  services: readonly ServiceId[],
  intro: string,
): FactKind => ({
  key,
  path: 'individual-rates',
  list: 'individualRates',
  title,
  rules,
  intro,
  roles: ['case_officer', 'admin'],
  services,
  fields: [
    ...period('Gäller från', 'Gäller till och med'),
    {
      name: 'amount',
      label: 'Belopp per enhet (kr)',
      kind: 'kronor',
      required: true,
      min: 0,
      max: 100_000,
      description: 'Ersätter nivåns ersättning per dygn, dag eller månad; högst två decimaler',
    },
    reason,
  ],
  submit: `Spara ${title.toLowerCase()}`,
  check: toNotBeforeFrom,
  body: (v) => ({
    from: v.from!.trim(),
    to: v.to?.trim() || null,
    amount: typedNumber(v.amount!),
    reason: v.reason!.trim(),
  }),
  columns: [
    { label: 'Från', cell: (i) => date(i, 'from') },
    { label: 'Till', cell: (i) => (get(i, 'to') ? date(i, 'to') : 'tills vidare') },
    { label: 'Belopp per enhet', cell: (i) => formatKr(get(i, 'amount') as number), numeric: true },
    { label: 'Skäl', cell: (i) => text(i, 'reason') },
  ],
});

function toNotBeforeFrom(v: Record<string, string>): FieldErrors {
  const from = v.from?.trim() ?? '';
  const to = v.to?.trim() ?? '';
  if (to && from && to < from) return { to: 'Slutdatum kan inte vara före startdatum.' };
  return {};
}

/** SVC-4: a transition to work lasts at most six months (the last day before from + 6 months). */
export function transitionError(from: string, to: string): string | undefined {
  if (to < from) return 'Slutdatum kan inte vara före startdatum.';
  const limit = Temporal.PlainDate.from(from).add({ months: 6 }).subtract({ days: 1 }).toString();
  return to > limit ? `Övergång till arbete gäller högst sex månader, till och med ${limit}.` : undefined;
}

/** What a participation form sends of a new decision (003); the rest comes from {@link decisionBaseFor}. */
export type ParticipationDecision = Pick<
  DecisionCreate,
  'from' | 'decidedOn' | 'hoursPerWeek' | 'sessionsPerWeek'
>;

const DECIDED_ON: FactField = { name: 'decidedOn', label: 'Beslutsdatum', kind: 'date', required: true };
const decisionDates = (v: Record<string, string>) => ({
  from: v.from!.trim(),
  decidedOn: v.decidedOn!.trim(),
});

/**
 * The rest of the new decision that changes a placement's participation (003): the decision it
 * replaces is the newest of the chain the placement was made under, with its end; an imported
 * placement without a decision comes under the new one (`placementId`) until its own end.
 */
export function decisionBaseFor(
  placement: Pick<PlacementDetail, 'id' | 'clientId' | 'service' | 'end' | 'decisionId'>,
  decisions: readonly Pick<DecisionView, 'id' | 'to' | 'replacesId'>[],
): Omit<DecisionCreate, keyof ParticipationDecision> {
  const base = { clientId: placement.clientId, service: placement.service };
  let head = decisions.find((d) => d.id === placement.decisionId);
  if (!head) return { ...base, to: placement.end, placementId: placement.id };
  for (let i = 0; i < decisions.length; i++) {
    const newer = decisions.find((d) => d.replacesId === head!.id);
    if (!newer) break;
    head = newer;
  }
  return { ...base, to: head.to, replaces: head.id };
}

/** Every kind of fact, in the order the placement page shows them. */
export const FACT_KINDS: readonly FactKind[] = [
  {
    key: 'participation-hours',
    path: 'participation',
    list: 'participation',
    title: 'Deltagande, timmar per vecka',
    rules: 'SVC-3',
    intro:
      'Beslutade timmar per vecka avgör deltagandegraden (deltid eller heltid). Ändras genom ett nytt, daterat beslut som gäller från ett datum tills nästa beslut.',
    roles: ['case_officer', 'admin'],
    services: ['lss-daglig-verksamhet'],
    fields: [
      { name: 'from', label: 'Gäller från', kind: 'date', required: true },
      {
        name: 'hoursPerWeek',
        label: 'Timmar per vecka',
        kind: 'decimal',
        required: true,
        min: 0,
        max: 80,
        description: 'Enligt beslutet, 0–80, högst två decimaler',
      },
      DECIDED_ON,
    ],
    submit: 'Registrera nytt beslut',
    viaDecision: true,
    body: (v) => ({ ...decisionDates(v), hoursPerWeek: typedNumber(v.hoursPerWeek!) }),
    owns: (i) => get(i, 'hoursPerWeek') !== null && get(i, 'hoursPerWeek') !== undefined,
    columns: [
      { label: 'Gäller från', cell: (i) => date(i, 'from') },
      {
        label: 'Timmar per vecka',
        cell: (i) => formatNumber(get(i, 'hoursPerWeek') as number),
        numeric: true,
      },
    ],
  },
  {
    key: 'participation-sessions',
    path: 'participation',
    list: 'participation',
    title: 'Beslutade pass per vecka',
    rules: 'PAY-4',
    intro:
      'Sysselsättning ersätts per beslutat pass (beslutade närvarodagar). Ändras genom ett nytt, daterat beslut som gäller från ett datum tills nästa beslut.',
    roles: ['case_officer', 'admin'],
    services: ['sp-sysselsattning'],
    fields: [
      { name: 'from', label: 'Gäller från', kind: 'date', required: true },
      {
        name: 'sessionsPerWeek',
        label: 'Pass per vecka',
        kind: 'integer',
        required: true,
        min: 0,
        max: 20,
        description: 'Enligt beslutet, 0–20',
      },
      DECIDED_ON,
    ],
    submit: 'Registrera nytt beslut',
    viaDecision: true,
    body: (v) => ({ ...decisionDates(v), sessionsPerWeek: typedNumber(v.sessionsPerWeek!) }),
    owns: (i) => get(i, 'sessionsPerWeek') !== null && get(i, 'sessionsPerWeek') !== undefined,
    columns: [
      { label: 'Gäller från', cell: (i) => date(i, 'from') },
      {
        label: 'Pass per vecka',
        cell: (i) => formatNumber(get(i, 'sessionsPerWeek') as number),
        numeric: true,
      },
    ],
  },
  {
    key: 'course-sessions',
    path: 'course-sessions',
    list: 'courseSessions',
    title: 'Genomförda kurstillfällen',
    rules: 'PAY-4, RATE-4',
    intro:
      'Cirkelverksamhet ersätts per genomfört kurstillfälle. Utföraren rapporterar varje tillfälle klienten deltog i.',
    roles: ['provider', 'admin'],
    services: ['sp-cirkel'],
    fields: [{ name: 'date', label: 'Datum för kurstillfället', kind: 'date', required: true }],
    submit: 'Rapportera kurstillfälle',
    body: (v) => ({ date: v.date!.trim() }),
    columns: [{ label: 'Datum', cell: (i) => date(i, 'date') }],
  },
  {
    key: 'evening-hours',
    path: 'evening-hours',
    list: 'eveningHours',
    title: 'Kvälls- och nattimmar',
    rules: 'RATE-6',
    intro:
      'Kvälls- och nattillägg i stödboende betalas per timme, högst 24 timmar per dag. Ett datum som rapporteras igen ersätter det tidigare antalet.',
    roles: ['provider', 'admin'],
    services: ['sp-stodboende'],
    fields: [
      { name: 'date', label: 'Datum', kind: 'date', required: true },
      {
        name: 'hours',
        label: 'Timmar',
        kind: 'decimal',
        required: true,
        min: 0.01,
        max: 24,
        description: '0,01–24 timmar, högst två decimaler',
      },
    ],
    submit: 'Rapportera timmar',
    body: (v) => ({ date: v.date!.trim(), hours: typedNumber(v.hours!) }),
    columns: [
      { label: 'Datum', cell: (i) => date(i, 'date') },
      { label: 'Timmar', cell: (i) => formatNumber(get(i, 'hours') as number), numeric: true },
    ],
  },
  individual(
    'individual-rate',
    'Individuell ersättning',
    'LVL-6',
    SOL_INDIVIDUAL,
    'Över 60 poäng kan beställare och utförare komma överens om en individuell ersättning som ersätter nivåns, för en period och med skäl.',
  ),
  individual(
    'special-accounting',
    'Särskild redovisning',
    'LVL-7',
    LSS_SPECIAL,
    'Ett individuellt belopp utanför nivåerna för de få klienter vars kostnader nivåerna inte täcker, beslutat för en period och med skäl.',
  ),
  {
    key: 'transition-to-work',
    path: 'transition-to-work',
    list: 'transitionToWork',
    title: 'Övergång till arbete',
    rules: 'SVC-4',
    intro:
      'I upp till sex månader efter att klienten börjat arbeta på den öppna arbetsmarknaden betalas nivå 1 med 1–10 timmar per vecka, så länge utföraren stöttar klienten enligt genomförandeplanen.',
    roles: ['case_officer', 'admin'],
    services: ['lss-daglig-verksamhet'],
    fields: [
      { name: 'from', label: 'Första dag', kind: 'date', required: true },
      {
        name: 'to',
        label: 'Sista dag',
        kind: 'date',
        required: true,
        description: 'ÅÅÅÅ-MM-DD, högst sex månader efter första dagen',
      },
      { ...reason, label: 'Kommentar', required: false, description: 'Frivillig, högst 500 tecken' },
    ],
    submit: 'Spara övergång till arbete',
    check: (v): FieldErrors => {
      const e = transitionError(v.from!.trim(), v.to!.trim());
      return e ? { to: e } : {};
    },
    body: (v) => ({ from: v.from!.trim(), to: v.to!.trim(), reason: v.reason?.trim() ?? '' }),
    columns: [
      { label: 'Första dag', cell: (i) => date(i, 'from') },
      { label: 'Sista dag', cell: (i) => date(i, 'to') },
      { label: 'Kommentar', cell: (i) => text(i, 'reason') || '–' },
    ],
  },
];

/** The kinds of fact that apply to a service. */
export const factKindsFor = (service: string): FactKind[] =>
  FACT_KINDS.filter((k) => (k.services as readonly string[]).includes(service));

/** The recorded facts of one kind on a placement (both participation kinds share one list). */
export function recorded(kind: FactKind, placement: Pick<PlacementDetail, ListKey>): Item[] {
  const list: Item[] = placement[kind.list];
  return kind.owns ? list.filter(kind.owns) : list;
}

const NUMBER = /^\d+([.,]\d{1,2})?$/;

/** One field's Swedish error for the text as typed, or undefined when it is fine. */
export function fieldError(f: FactField, raw: string): string | undefined {
  const value = raw.trim();
  const name = f.label.toLowerCase();
  if (!value) return f.required ? `Fyll i ${name}.` : undefined;
  if (f.kind === 'date') return dateError(value, name, f.required);
  if (f.kind === 'text')
    return f.max !== undefined && value.length > f.max ? `Högst ${f.max} tecken.` : undefined;
  const compact = value.replace(/\s/g, '');
  if (f.kind === 'integer' && !/^\d+$/.test(compact)) return `${capitalise(name)} ska vara ett heltal.`;
  if (!NUMBER.test(compact))
    return f.kind === 'kronor'
      ? 'Skriv beloppet i kronor med högst två decimaler, till exempel 1 250,50.'
      : `${capitalise(name)} ska vara ett tal med högst två decimaler, till exempel 2,5.`;
  const n = typedNumber(compact);
  if (f.kind === 'kronor' && !isExactKronor(n)) return 'Beloppet är för stort.';
  if (f.min !== undefined && n < f.min) return `${capitalise(name)} ska vara minst ${formatNumber(f.min)}.`;
  if (f.max !== undefined && n > f.max) return `${capitalise(name)} får vara högst ${formatNumber(f.max)}.`;
  return undefined;
}

/** Every field's error, then the kind's own cross-field checks when the fields are fine. */
export function validateFact(kind: FactKind, values: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of kind.fields) {
    const e = fieldError(f, values[f.name] ?? '');
    if (e) errors[f.name] = e;
  }
  return Object.keys(errors).length === 0 && kind.check ? kind.check(values) : errors;
}
