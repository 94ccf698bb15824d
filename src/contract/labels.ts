/**
 * The one table of Swedish labels (issue #9 §7): services, regimes, units (singular and plural),
 * levels, line kinds, statuses, roles and identity kinds, as the web app, the CLI's readable output,
 * the settlement explanations and the specification files show them. Every lookup falls back to
 * the id, so an id read from stored data still shows something readable; the tables are checked
 * against the domain's own unions, so a new service, unit or line kind fails the type check until
 * it is named here. Pure: no I/O, no clock.
 */
import type { Regime, ServiceId, Unit } from '../domain/rate-model/schema.js';
import type { LineKind } from '../domain/settlement/types.js';
import type { AuditAction } from './audit.js';

/** Swedish names of the services (domain.md §2, SVC-1). */
export const SERVICE_LABELS: Readonly<Record<ServiceId, string>> = {
  'lss-servicebostad': 'Servicebostad (LSS)',
  'lss-gruppbostad': 'Gruppbostad (LSS)',
  'lss-barnboende': 'Bostad för barn (LSS)',
  'lss-daglig-verksamhet': 'Daglig verksamhet (LSS)',
  'sp-boende': 'Boende med särskild service (SoL)',
  'sp-stodboende': 'Stödboende (SoL)',
  'sp-boendestod': 'Boendestöd (SoL)',
  'sp-sysselsattning': 'Sysselsättning (SoL)',
  'sp-cirkel': 'Cirkelverksamhet (SoL)',
};

/** Swedish names of the regimes (SVC-2). */
export const REGIME_LABELS: Readonly<Record<Regime, string>> = {
  kommunal: 'kommunal regi',
  entreprenad: 'entreprenad',
  privat: 'privat regi',
};

/** A unit's name for one (`1 dag`) and for any other quantity (`2 dagar`, `0,5 dagar`). */
export interface UnitWords {
  one: string;
  many: string;
}

/** Swedish names of the units a rate is paid per (RATE-1, PAY-2, PAY-4, RATE-6). */
export const UNIT_LABELS: Readonly<Record<Unit | 'correction', UnitWords>> = {
  dygn: { one: 'dygn', many: 'dygn' },
  day: { one: 'dag', many: 'dagar' },
  month: { one: 'månad', many: 'månader' },
  session: { one: 'pass', many: 'pass' },
  'course-session': { one: 'kurstillfälle', many: 'kurstillfällen' },
  hour: { one: 'timme', many: 'timmar' },
  weekday: { one: 'vardag', many: 'vardagar' },
  correction: { one: 'rättelse', many: 'rättelser' },
};

/** Swedish names of a settlement line's kind: ordinary (PAY-2), idle place (PAY-5), premises (RATE-5), evening/night (RATE-6), correction (PAY-9). */
export const LINE_KIND_LABELS: Readonly<Record<LineKind, string>> = {
  ordinary: 'ordinarie',
  idle: 'tomgång',
  premises: 'lokalschablon',
  'evening-night': 'kvälls- och nattillägg',
  correction: 'rättelse',
};

/** Swedish names of a settlement run's status (draft → approved → exported) and a job's status. */
export const RUN_STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: 'utkast',
  approved: 'godkänd',
  exported: 'exporterad',
  running: 'beräknas',
  queued: 'i kö',
  failed: 'misslyckades',
  done: 'klar',
};

/** Swedish names of a rate model's status (RATE-2). */
export const MODEL_STATUS_LABELS: Readonly<Record<string, string>> = {
  decided: 'beslutad',
  proposal: 'förslag',
  draft: 'utkast',
};

/** Swedish names of a level entry's kind (ASMT-2: preliminary, then final). */
export const LEVEL_KIND_LABELS: Readonly<Record<string, string>> = {
  preliminary: 'preliminär',
  final: 'slutlig',
};

/** Swedish names of the placement list's status filter (issue #14 §1; PAY-6 for notice). */
export const PLACEMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  ongoing: 'Pågående',
  ended: 'Avslutade',
  notice: 'Uppsagda utan slutdatum',
};

/** Swedish names of the placement list's level filter: no level yet, or the latest entry's kind. */
export const LEVEL_FILTER_LABELS: Readonly<Record<string, string>> = {
  none: 'Utan nivå',
  preliminary: 'Preliminär nivå',
  final: 'Slutlig nivå',
};

/** The six roles of docs/security.md: the title shown in the web app, and the short word the CLI prints. */
export const ROLE_LABELS = {
  case_officer: { title: 'Biståndshandläggare', short: 'handläggare' },
  assessor: { title: 'Bedömningskansliet', short: 'bedömare' },
  provider: { title: 'Utförare', short: 'utförare' },
  analyst: { title: 'Analytiker, stadsledningskontoret', short: 'analytiker' },
  finance: { title: 'Ekonom', short: 'ekonom' },
  admin: { title: 'Administratör', short: 'administratör' },
} as const satisfies Record<string, { title: string; short: string }>;

/** Swedish names of a client's identity number kind. */
export const IDENTITY_KIND_LABELS: Readonly<Record<string, string>> = {
  personnummer: 'personnummer',
  samordningsnummer: 'samordningsnummer',
};

/** The records the API names in a 404 or 409 (`placement` → `Placeringen`), definite form. */
export const ENTITY_LABELS: Readonly<Record<string, string>> = {
  assessment: 'Bedömningen',
  client: 'Klienten',
  'client-move': 'Flyttbegäran',
  decision: 'Beslutet',
  district: 'Stadsdelen',
  'finance-export': 'Ekonomiexporten',
  'implementation-plan': 'Genomförandeplanen',
  job: 'Jobbet',
  model: 'Ersättningsmodellen',
  notification: 'Meddelandet',
  offer: 'Erbjudandet',
  placement: 'Placeringen',
  population: 'Populationen',
  provider: 'Utföraren',
  'rate-application': 'Ansökan',
  reconciliation: 'Avstämningen',
  run: 'Körningen',
  unit: 'Enheten',
  user: 'Användaren',
  questionnaire: 'Frågeformuläret',
  level: 'Nivåposten',
  absence: 'Frånvaron',
  'evening-hours': 'Kvälls- och nattimmarna',
  'course-session': 'Kurstillfället',
  participation: 'Deltagandet',
  'individual-rate': 'Den individuella ersättningen',
  'transition-to-work': 'Övergången till arbete',
};

const lookup = (table: Readonly<Record<string, string>>, id: string): string =>
  Object.hasOwn(table, id) ? (table[id] as string) : id;

/** A role id as the API sends it. */
export type RoleId = keyof typeof ROLE_LABELS;

/** `lss-gruppbostad` → `Gruppbostad (LSS)`; an unknown id is shown as it is. */
export const serviceLabel = (id: string): string => lookup(SERVICE_LABELS, id);
/** `privat` → `privat regi`. */
export const regimeLabel = (id: string): string => lookup(REGIME_LABELS, id);
/** `idle` → `tomgång`. */
export const lineKindLabel = (id: string): string => lookup(LINE_KIND_LABELS, id);
/** `approved` → `godkänd`. */
export const runStatusLabel = (id: string): string => lookup(RUN_STATUS_LABELS, id);
/** `decided` → `beslutad`. */
export const modelStatusLabel = (id: string): string => lookup(MODEL_STATUS_LABELS, id);
/** `final` → `slutlig`; no kind → `–`. */
export const levelKindLabel = (id: string | null | undefined): string =>
  id ? lookup(LEVEL_KIND_LABELS, id) : '–';
/** `placement` → `Placeringen`; an unknown record → `Posten`. */
export const entityLabel = (id: string): string =>
  Object.hasOwn(ENTITY_LABELS, id) ? (ENTITY_LABELS[id] as string) : 'Posten';
/** `samordningsnummer` → `samordningsnummer`. */
export const identityKindLabel = (id: string): string => lookup(IDENTITY_KIND_LABELS, id);

/**
 * A unit's name: singular when no quantity is given or the quantity is exactly 1 (`per dag`,
 * `1 dag`), plural otherwise (`31 dagar`, `0,5 dagar`).
 */
export function unitLabel(unit: string, quantity?: number): string {
  const words = Object.hasOwn(UNIT_LABELS, unit) ? UNIT_LABELS[unit as Unit] : undefined;
  if (!words) return unit;
  return quantity === undefined || quantity === 1 ? words.one : words.many;
}

/** A level id as users say it: `grundpeng` → `Grundpeng`, `2` → `Nivå 2`, none → `utan nivå`. */
export function levelLabel(level: string | null | undefined): string {
  if (level === null || level === undefined || level === '') return 'utan nivå';
  if (level === 'grundpeng') return 'Grundpeng';
  return /^\d+$/.test(level) ? `Nivå ${level}` : level;
}

/** ASMT-2 preliminary and final, ASMT-4 changed needs, ASMT-5 measurement (issue #10). */
export const ASSESSMENT_KINDS = ['preliminary', 'final', 'reassessment', 'measurement'] as const;
/** open → scoring (one assessor submitted) → reconciliation (both) → decided. */
export const ASSESSMENT_STATES = ['open', 'scoring', 'reconciliation', 'decided', 'cancelled'] as const;
/** The assessment office's work lists (issue #10 §2). */
export const WORK_LISTS = [
  'all',
  'due',
  'overdue',
  'waiting-second',
  'waiting-reconciliation',
  'decided',
] as const;

/** Swedish names of the assessment case kinds, shown in the office's lists. */
export const ASSESSMENT_KIND_LABELS: Readonly<Record<(typeof ASSESSMENT_KINDS)[number], string>> = {
  preliminary: 'Preliminär nivå',
  final: 'Slutlig bedömning',
  reassessment: 'Förändrade behov',
  measurement: 'Mätning',
};

/** Swedish names of the assessment case states. */
export const ASSESSMENT_STATE_LABELS: Readonly<Record<(typeof ASSESSMENT_STATES)[number], string>> = {
  open: 'Ej påbörjad',
  scoring: 'Väntar på andra bedömaren',
  reconciliation: 'Väntar på avstämning',
  decided: 'Avgjord',
  cancelled: 'Avbruten',
};

/** Swedish names of the work lists. */
export const WORK_LIST_LABELS: Readonly<Record<(typeof WORK_LISTS)[number], string>> = {
  all: 'Alla',
  due: 'Att göra',
  overdue: 'Försenade',
  'waiting-second': 'Väntar på andra bedömaren',
  'waiting-reconciliation': 'Väntar på avstämning',
  decided: 'Avgjorda',
};

/** Applications for an individual rate (LVL-6) or special accounting (LVL-7). */
export const RATE_APPLICATION_KINDS = ['individual-rate', 'special-accounting'] as const;
/** submitted → granted | refused. */
export const RATE_APPLICATION_STATES = ['submitted', 'granted', 'refused'] as const;
/** The five criteria of 001 an application states (LVL-7), in the order they are asked. */
export const RATE_APPLICATION_CRITERIA = [
  'disability',
  'staffingMeasures',
  'environment',
  'history',
  'costCalculation',
] as const;

/** Swedish names of the application kinds. */
export const RATE_APPLICATION_KIND_LABELS: Readonly<Record<(typeof RATE_APPLICATION_KINDS)[number], string>> =
  {
    'individual-rate': 'Individuell ersättning',
    'special-accounting': 'Särskild redovisning',
  };

/** Swedish names of the application states. */
export const RATE_APPLICATION_STATE_LABELS: Readonly<
  Record<(typeof RATE_APPLICATION_STATES)[number], string>
> = {
  submitted: 'Inlämnad, ej beslutad',
  granted: 'Beviljad',
  refused: 'Avslagen',
};

/** Swedish names of the five criteria (001). */
export const RATE_APPLICATION_CRITERION_LABELS: Readonly<
  Record<(typeof RATE_APPLICATION_CRITERIA)[number], string>
> = {
  disability: 'Funktionsnedsättning och beteende',
  staffingMeasures: 'Vidtagna åtgärder i bemanningen',
  environment: 'Inne- och utemiljö',
  history: 'Den enskildes historik',
  costCalculation: 'Kostnadsberäkning (motivering)',
};

/** The fields of a unit's catalogue profile (FLOW-3), in the order the catalogue shows them. */
export const CATALOGUE_FIELD_LABELS = {
  orientation: 'Inriktning',
  methods: 'Arbetssätt och metoder',
  physicalDesign: 'Lokaler och fysisk utformning',
  accessibility: 'Tillgänglighet',
  transport: 'Kollektivtrafik',
} as const;

/** A catalogue profile's field. */
export type CatalogueField = keyof typeof CATALOGUE_FIELD_LABELS;

/** The states of a provider's proposed profile (issue #11 §3). */
export const PROFILE_CHANGE_STATE_LABELS: Readonly<Record<string, string>> = {
  pending: 'väntar på granskning',
  approved: 'godkänd',
  rejected: 'avslagen',
  withdrawn: 'ersatt av ett nyare förslag',
};

/** `pending` → `väntar på granskning`. */
export const profileChangeStateLabel = (id: string): string => lookup(PROFILE_CHANGE_STATE_LABELS, id);

/** Whether a provider is in the choice system (FLOW-3). */
export const choiceSystemLabel = (inChoiceSystem: boolean): string =>
  inChoiceSystem ? 'i valfrihetssystemet' : 'inte i valfrihetssystemet';

/**
 * The seed documents the rate models cite (models/*.yaml `source: "002, Tabell 2"`), by seed id:
 * the title, the year and, where printed, the case number, so a source names its document
 * (issue #14 §2) in the model pages, the explanations and the files.
 */
export const SEED_DOCUMENTS: Readonly<Record<string, string>> = {
  '000': 'Remiss av ersättningsnivåer daglig verksamhet (LSS), KS 2024/492, 2024',
  '001':
    'Remiss: Länsstyrelsens tillsyn av Stockholms stads resursfördelningssystem avseende LSS-verksamheter, dnr 16-0912/2009, 2010',
  '002': 'Förslag till nya ersättningsnivåer i LSS bostad med särskild service, 2023',
  '003': 'Förändring av ersättningssystemet för sysselsättning inom socialpsykiatrin, 2021',
  '004': 'Ersättningsmodell och ersättningsnivåer inom socialpsykiatrin, 2009',
};

const RULE_IN_TEXT = /\b(?:PAY|SVC|LVL|RATE|SCEN|ASMT|FLOW|ALLOC)-\d+\b/g;

/**
 * A sentence that names rule ids, as people read it (issue #14 §2): the ids taken out of the text
 * (`inom 15 dagar (FLOW-2).` → `inom 15 dagar.`, `(krävs för …, LVL-6)` → `(krävs för …)`) and
 * returned apart, for a rule detail beside the text.
 */
export function splitRules(sentence: string): { text: string; rules: string[] } {
  const rules = [...new Set(sentence.match(RULE_IN_TEXT) ?? [])];
  const text = sentence
    .replace(/\s*[;,]\s*(?:PAY|SVC|LVL|RATE|SCEN|ASMT|FLOW|ALLOC)-\d+\b/g, '')
    .replace(/\b(?:PAY|SVC|LVL|RATE|SCEN|ASMT|FLOW|ALLOC)-\d+\b\s*[;,]?\s*/g, '')
    .replace(/\s*\(\s*\)/g, '')
    .replace(/\s+([,.;:])/g, '$1')
    .trim();
  return { text, rules };
}

/**
 * A model figure's source as people read it: each seed id replaced by its document
 * (`002, Tabell 2` → `Förslag till nya ersättningsnivåer i LSS bostad med särskild service, 2023,
 * Tabell 2`), and the rule ids it names split off (shown in a rule detail, never in the text).
 */
export function sourceLabel(source: string): { text: string; rules: string[] } {
  const { text, rules } = splitRules(source);
  return { text: text.replace(/\b(0\d\d)\b(?![-\d])/g, (id) => SEED_DOCUMENTS[id] ?? id), rules };
}

/**
 * What each column of an import file holds (docs/api.md "Imports"), in Swedish; the column names
 * themselves stay as the file must spell them.
 */
export const IMPORT_COLUMN_LABELS: Readonly<Record<string, string>> = {
  personnummer: 'Personnummer eller samordningsnummer',
  unit_id: 'Enhetens id',
  service: 'Insatsens id',
  start: 'Startdatum',
  end: 'Slutdatum',
  notice_date: 'Uppsägningsdatum',
  no_show: 'Utebliven inflyttning (ja eller nej)',
  points: 'Poäng',
  level: 'Nivå (i stället för poäng)',
  level_kind: 'Nivåns slag (preliminär eller slutlig)',
  assessed_on: 'Bedömningsdatum',
  name: 'Klientens namn (ny klient)',
  district_id: 'Stadsdelens id (ny klient)',
  person_id: 'Personens löpnummer',
  district: 'Stadsdel',
  provider_id: 'Utförarens id',
  regime: 'Regiform (kommunal, entreprenad eller privat)',
  hours_per_week: 'Timmar per vecka (daglig verksamhet)',
  sessions_per_week: 'Tillfällen per vecka',
  total_cost: 'Total kostnad utan hyra (kr)',
  volume: 'Volym per år (dygn, dagar, timmar eller tillfällen)',
  rent: 'Hyra (kr; tom när den inte är känd)',
  file: 'Filen',
  header: 'Rubrikraden',
};

/** `notice_date` → `Uppsägningsdatum`; an unknown column as it is. */
export const importColumnLabel = (column: string): string => lookup(IMPORT_COLUMN_LABELS, column);

/** An offer's states (FLOW-4), as the offer lists and the decision page show them. */
export const OFFER_STATE_LABELS: Readonly<Record<'open' | 'accepted' | 'declined' | 'withdrawn', string>> = {
  open: 'Väntar på svar',
  accepted: 'Antaget',
  declined: 'Avböjt',
  withdrawn: 'Återkallat',
};

/** The deadline an offer missed (FLOW-4): the answer (3 working days) or the start (7). */
export const MISSED_DEADLINE_LABELS: Readonly<Record<'answer' | 'start', string>> = {
  answer: 'Svarstiden har gått ut',
  start: 'Starttiden har gått ut',
};

/** Who took part in writing the implementation plan (FLOW-2). */
export const PLAN_PARTICIPANT_LABELS: Readonly<
  Record<'client' | 'orderer' | 'relative' | 'guardian', string>
> = {
  client: 'Den enskilde',
  orderer: 'Beställaren',
  relative: 'Anhörig',
  guardian: 'God man eller förvaltare',
};

/** A waiting-list registration's state (FLOW-4). */
export const WAITING_STATE_LABELS: Readonly<Record<'waiting' | 'offered' | 'removed', string>> = {
  waiting: 'I kö',
  offered: 'Erbjuden plats',
  removed: 'Borttagen',
};

/** A client move request's status (issue #13 §8). */
export const CLIENT_MOVE_STATUS_LABELS: Readonly<
  Record<'pending' | 'accepted' | 'rejected' | 'withdrawn', string>
> = {
  pending: 'Väntar på beslut',
  accepted: 'Godkänd',
  rejected: 'Avslagen',
  withdrawn: 'Återkallad',
};

/** `accepted` → `Antaget`. */
export const offerStateLabel = (id: string): string => lookup(OFFER_STATE_LABELS, id);
/** `guardian` → `God man eller förvaltare`. */
export const planParticipantLabel = (id: string): string => lookup(PLAN_PARTICIPANT_LABELS, id);
/** `waiting` → `I kö`. */
export const waitingStateLabel = (id: string): string => lookup(WAITING_STATE_LABELS, id);

/** Swedish names of what an audit entry records (issue #14 §4: the audit log screen and its file). */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  read: 'läst',
  search: 'sökt',
  list: 'listat',
  create: 'skapat',
  update: 'ändrat',
  import: 'importerat',
  export: 'exporterat',
  'sign-in': 'inloggning',
  'sign-in-failed': 'misslyckad inloggning',
  refused: 'nekad begäran',
  'sign-out': 'utloggning',
  approve: 'godkänt',
  reject: 'avslagit',
  run: 'startat körning',
  delete: 'tagit bort',
};

/** Swedish names of what audit entries are about (the entity); an unknown one shows as it is. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  client: 'klient',
  'client-payments': 'klientens utbetalningar',
  'client-assessments': 'klientens bedömningar',
  'client-move': 'flytt av klient',
  placement: 'placering',
  'placement-import': 'import av placeringar',
  decision: 'beslut',
  'decision-matches': 'matchning mot beslut',
  order: 'beställning',
  offer: 'erbjudande',
  'waiting-list': 'väntelista',
  level: 'nivå',
  absence: 'frånvaro',
  'evening-hours': 'kvälls- och nattimmar',
  'course-session': 'kurstillfälle',
  participation: 'deltagande',
  'participation-follow-up': 'uppföljning av deltagande',
  'individual-rate': 'individuell ersättning',
  'transition-to-work': 'övergång till arbete',
  'rate-application': 'ansökan om individuell ersättning',
  assessment: 'bedömning',
  'assessment-scoring': 'bedömarens poäng',
  'assessment-reconciliation': 'avstämning av bedömning',
  'assessment-questionnaire': 'frågeformulär',
  'assessment-startup': 'startmätning',
  'implementation-plan': 'genomförandeplan',
  notification: 'meddelande',
  'settlement-run': 'avräkningskörning',
  'settlement-line': 'avräkningsrader',
  'settlement-refusal': 'ej betalda placeringar',
  specification: 'specifikation',
  'finance-export': 'ekonomiexport',
  'finance-file': 'ekonomifil',
  reconciliation: 'avstämning av resursfördelning',
  'reconciliation-change': 'ändringar i resursfördelning',
  'travel-cost': 'resekostnad',
  population: 'population',
  comparison: 'jämförelse',
  'profile-change': 'ändring av katalogprofil',
  user: 'användare',
  request: 'begäran',
  'audit-log': 'loggen',
  'audit-follow-up': 'logguppföljning',
};

/** `delete` → `tagit bort`. */
export const auditActionLabel = (id: string): string => lookup(AUDIT_ACTION_LABELS, id);
/** `settlement-run` → `avräkningskörning`. */
export const auditEntityLabel = (id: string): string => lookup(AUDIT_ENTITY_LABELS, id);
/** `finance` → `Ekonom`; an unknown role shows as it is. */
export const roleLabel = (id: string | null | undefined): string =>
  id && Object.hasOwn(ROLE_LABELS, id) ? ROLE_LABELS[id as RoleId].title : (id ?? '');
