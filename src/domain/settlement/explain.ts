/**
 * A line's explanation in Swedish for a provider's specification (PAY-10): what was paid, for
 * which days or units, at which level, rate, regime and model, under which rules. Pure text
 * formatting; the figures are the line's own.
 */
import type { SettlementLine } from './types.js';
import { capitalise, formatOre } from '../../contract/format.js';
import { lineKindLabel, regimeLabel, unitLabel } from '../../contract/labels.js';

/** Öre as Swedish kronor text with plain spaces (the one formatter): `1 501 kr`, `-12,50 kr`. */
export const kr = (ore: number): string => formatOre(ore, { plain: true });

/** The Swedish name of a line kind, capitalised for a table cell or a sentence: `Tomgång`. */
export function kindSv(kind: SettlementLine['kind']): string {
  return capitalise(lineKindLabel(kind));
}

/** The level's phrase in a line's explanation (`, nivå 2`; empty without a level). */
export const levelPhrase = (level: string | null): string => (level === null ? '' : `, nivå ${level}`);

/** One sentence explaining a line, e.g. "20 dygn × 1 275 kr, nivå 2, privat regi (sp-2010); regler PAY-1, PAY-2". */
export function explainLine(l: SettlementLine): string {
  const q = String(l.quantity).replace('.', ',');
  const level = levelPhrase(l.level);
  const interval = l.interval === null ? '' : `, ${l.interval} tim/vecka`;
  const regime =
    l.paidAsRegime !== l.regime
      ? `${regimeLabel(l.regime)} (betalas som ${regimeLabel(l.paidAsRegime)})`
      : regimeLabel(l.regime);
  const rules = `regler ${l.rules.join(', ')}`;
  if (l.kind === 'correction')
    return `Rättelse av ${l.correctsMonth} (${lineKindLabel(l.correctedKind ?? 'ordinary')}): omräknat ${kr(l.recomputed ?? 0)}, tidigare utbetalt ${kr(l.previouslyPaid ?? 0)}, skillnad ${kr(l.amount)}; ${rules}`;
  const what =
    l.unit === 'month'
      ? `${kr(l.rate)} per månad × ${l.days}/${l.daysInMonth} dagar`
      : `${q} ${unitLabel(l.unit, l.quantity)} × ${kr(l.rate)}`;
  return `${kindSv(l.kind)} ${l.from}–${l.to}: ${what} = ${kr(l.amount)}${level}${interval}, ${regime} (${l.model})${l.illustrative ? ', illustrativt belopp' : ''}; ${rules}`;
}
