/**
 * A settlement line explained in plain Swedish (PAY-10, issue #6 step 4): what was paid, how it
 * was computed (quantity × rate = amount), which rules applied and where each figure comes from.
 * Built from the line's own fields: a provider specification's line (src/contract/settlement-runs.ts),
 * with the run line's regime, sources, model and correction figures where the page has them.
 */
import type { LineView, Specification } from '../contract/settlement-runs.js';
import { capitalise, formatKr, formatMonth, formatNumber, formatPeriod } from '../contract/format.js';
import { levelLabel, lineKindLabel, regimeLabel, serviceLabel, unitLabel } from '../contract/labels.js';

/** Every rule a line can cite, in plain Swedish (domain.md). */
export const RULES: Record<string, string> = {
  'SVC-1':
    'Varje belopp hör till en insats, en nivå, en regiform och den ersättningsmodell som gällde den dagen.',
  'SVC-2':
    'Regiformerna är kommunal regi, entreprenad och privat regi; entreprenad i socialpsykiatrin ersätts som kommunal.',
  'SVC-3': 'Daglig verksamhet ersätts efter nivå och deltagandegrad (timmar per vecka).',
  'SVC-4': 'Övergång till arbete: i upp till sex månader betalas nivå 1 med 1–10 timmar per vecka.',
  'LVL-1': 'Poängen från bedömningen ger nivån genom modellens poängintervall.',
  'LVL-6': 'Över 60 poäng kan beställare och utförare komma överens om individuell ersättning.',
  'LVL-7': 'Särskild redovisning: ett individuellt belopp utanför nivåerna.',
  'RATE-3': 'Privata utförare får momskompensation, 2,4 procent på kommunens ersättning.',
  'RATE-5': 'Lokalschablon betalas för lokal- och verksamhetsyta enligt modellen.',
  'RATE-6': 'Kvälls- och nattillägg i stödboende betalas per timme.',
  'RATE-7': 'Sysselsättning ersätts med ett fast belopp per månad, med lokaldelen fördelad på deltagardagar.',
  'PAY-1':
    'Ersättning betalas från inflyttnings- eller startdagen till och med utflyttnings- eller slutdagen.',
  'PAY-2':
    'För dygn och dagar: antal dagar i månaden inom placeringen gånger ersättningen för nivån och regiformen.',
  'PAY-3': 'Månadsersättning fördelas efter kalenderdagar när placeringen bara omfattar en del av månaden.',
  'PAY-4': 'Pass och kurstillfällen ersätts per beslutat eller genomfört tillfälle.',
  'PAY-5': 'Tomgångsersättning: sju dagar på lägsta nivån efter utflyttning eller avslut.',
  'PAY-6': 'Uppsägningstid: full ersättning i fyra dagar efter uppsägningen, därefter tomgångsersättning.',
  'PAY-7': 'Om klienten inte flyttar in eller börjar betalas ersättning i 14 dagar, med uppsägningstid.',
  'PAY-8': 'Privata utförare får lokalschablon och momskompensation; individuell ersättning ersätter nivåns.',
  'PAY-9':
    'En avräknad månad ändras aldrig: skillnaden betalas eller återkrävs som en rättelse i en senare körning.',
  'PAY-10':
    'Varje belopp på specifikationen kan förklaras med insats, klient, antal, nivå, ersättning och källa.',
  'PAY-11': 'Samma regler gäller för alla regiformer, med de angivna skillnaderna.',
  'PAY-12': 'Tomgång, uppsägning och utebliven inflyttning är modellparametrar för LSS.',
  'ASMT-8':
    'En slutlig nivå som skiljer sig från den preliminära gäller från startdagen; skillnaden blir en rättelse.',
};

/** A line as the specification gives it, plus what a run's own line adds (GET …/lines). */
export type ExplainableLine = Pick<
  Specification['lines'][number],
  | 'placementId'
  | 'service'
  | 'kind'
  | 'from'
  | 'to'
  | 'quantity'
  | 'unit'
  | 'rate'
  | 'amount'
  | 'level'
  | 'rules'
  | 'correctsMonth'
  | 'explanation'
> &
  Partial<
    Pick<LineView, 'regime' | 'recomputed' | 'previouslyPaid' | 'model' | 'illustrative' | 'sources'>
  > & {
    clientName?: string | null;
    /** The model's title, shown instead of its id when known. */
    modelTitle?: string;
  };

/** Swedish name of a line kind (the label table's), falling back to the id. */
export const kindName = lineKindLabel;

/** The month a correction line corrects, if any. */
export function correctedMonth(
  line: Pick<ExplainableLine, 'correctsMonth' | 'kind' | 'from'>,
): string | null {
  if (line.correctsMonth) return line.correctsMonth.slice(0, 7);
  return line.kind === 'correction' ? line.from.slice(0, 7) : null;
}

/** A structured explanation: a heading sentence, the calculation, rule texts and sources. */
export interface Explanation {
  summary: string;
  calculation: string;
  rules: { id: string; text: string }[];
  sources: string[];
  notes: string[];
}

/** Explains one line in plain Swedish. */
export function explainLine(line: ExplainableLine): Explanation {
  const who = line.clientName ? ` för ${line.clientName}` : '';
  const svc = serviceLabel(line.service);
  const level = line.level ? `, ${levelLabel(line.level)}` : '';
  const regime = line.regime ? `, ${regimeLabel(line.regime)}` : '';
  const corrected = correctedMonth(line);
  const summary =
    line.kind === 'correction'
      ? `Rättelse av ${corrected ? formatMonth(corrected) : 'en tidigare månad'}${who}: ${svc}${level}${regime}. ` +
        `${line.amount < 0 ? 'Återkrav' : 'Tilläggsbetalning'} av skillnaden mot det som redan betalats.`
      : `${capitalise(kindName(line.kind))}${who}: ${svc}${level}${regime}, ${formatPeriod(line.from, line.to)}.`;
  const recomputed = line.kind === 'correction' && line.recomputed !== undefined && line.recomputed !== null;
  const calculation = recomputed
    ? `Omräknat ${formatKr(line.recomputed)} − tidigare utbetalt ${formatKr(line.previouslyPaid ?? 0)} = ${formatKr(line.amount)}`
    : `${formatNumber(line.quantity, 4)} ${unitLabel(line.unit, line.quantity)} × ${formatKr(line.rate)} = ${formatKr(line.amount)}`;
  const rules = line.rules.map((id) => ({ id, text: RULES[id] ?? 'Regel i ersättningsmodellen.' }));
  const sources: string[] = [];
  for (const [k, v] of Object.entries(line.sources ?? {}))
    if (typeof v === 'string' && v) sources.push(`${SOURCE_KIND[k] ?? k}: ${v}`);
  const notes = line.explanation ? [line.explanation] : [];
  if (line.model) notes.push(`Ersättningsmodell: ${line.modelTitle ?? line.model}.`);
  if (line.illustrative) notes.push('Beloppet är illustrativt: staden har inte fastställt det.');
  return { summary, calculation, rules, sources, notes };
}

const SOURCE_KIND: Record<string, string> = { rate: 'Ersättning', level: 'Nivå', premises: 'Lokalschablon' };
