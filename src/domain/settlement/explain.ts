/**
 * A line's explanation in Swedish for a provider's specification (PAY-10): what was paid, for
 * which days or units, at which level, rate, regime and model, under which rules. Pure text
 * formatting; the figures are the line's own.
 */
import type { SettlementLine } from './types.js';

const KIND_SV: Record<SettlementLine['kind'], string> = {
  ordinary: 'Ersättning',
  idle: 'Tomgångsersättning',
  premises: 'Lokalschablon',
  'evening-night': 'Kväll/natt',
  correction: 'Rättelse',
};

const UNIT_SV: Record<string, string> = {
  dygn: 'dygn',
  day: 'dagar',
  month: 'månad',
  session: 'pass',
  'course-session': 'kurstillfällen',
  hour: 'timmar',
  weekday: 'vardagar',
  correction: '',
};

/** Öre as Swedish kronor text: `1 501 kr`, `-12,50 kr` (spaces group thousands). */
export function kr(ore: number): string {
  const neg = ore < 0;
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const frac = abs % 100 === 0 ? '' : `,${String(abs % 100).padStart(2, '0')}`;
  return `${neg ? '-' : ''}${whole}${frac} kr`;
}

/** The Swedish name of a line kind (for tables). */
export function kindSv(kind: SettlementLine['kind']): string {
  return KIND_SV[kind];
}

/** The Swedish name of a unit (for tables). */
export function unitSv(unit: string): string {
  return UNIT_SV[unit] ?? unit;
}

/** One sentence explaining a line, e.g. "20 dygn × 1 275 kr, nivå 2, privat regi (sp-2010); regler PAY-1, PAY-2". */
export function explainLine(l: SettlementLine): string {
  const q = String(l.quantity).replace('.', ',');
  const level = l.level === null ? '' : `, nivå ${l.level}`;
  const interval = l.interval === null ? '' : `, ${l.interval} tim/vecka`;
  const regime = l.paidAsRegime !== l.regime ? `${l.regime} (betalas som ${l.paidAsRegime})` : l.regime;
  const rules = `regler ${l.rules.join(', ')}`;
  if (l.kind === 'correction')
    return `Rättelse av ${l.correctsMonth} (${KIND_SV[l.correctedKind ?? 'ordinary'].toLowerCase()}): omräknat ${kr(l.recomputed ?? 0)}, tidigare utbetalt ${kr(l.previouslyPaid ?? 0)}, skillnad ${kr(l.amount)}; ${rules}`;
  const what =
    l.unit === 'month'
      ? `${kr(l.rate)} per månad × ${l.days}/${l.daysInMonth} dagar`
      : `${q} ${UNIT_SV[l.unit] ?? l.unit} × ${kr(l.rate)}`;
  return `${KIND_SV[l.kind]} ${l.from}–${l.to}: ${what} = ${kr(l.amount)}${level}${interval}, ${regime} (${l.model})${l.illustrative ? ', illustrativt belopp' : ''}; ${rules}`;
}
