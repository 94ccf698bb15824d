/**
 * Seed 004's cost survey (2007 costs behind the 2010 social psychiatry rates, rates.md's last
 * table) as data, its printed derivations reproduced, and what in it does not add up (SCEN-5,
 * consistency report): each printed mean is checked against total cost / volume, allowing for the
 * rounding of the printed total (62,0 Mkr means 61,95-62,05 Mkr).
 */
import { costPerSession, courseSessionCost, sessionsPerYear } from './cost-survey.js';

/** One printed row of 004's survey table. */
export interface PublishedSurveyRow {
  service: string;
  regime: string;
  /** Mkr as printed (one decimal). */
  totalMkr: number;
  volume: number | null;
  volumeUnit: string;
  /** How many volume units a year one printed volume stands for (12 for "h/month"). */
  volumePerYear: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  weightedMean: number | null;
  rent: number | null;
}

const r = (
  service: string,
  regime: string,
  totalMkr: number,
  volume: number | null,
  volumeUnit: string,
  volumePerYear: number,
  min: number | null,
  max: number | null,
  mean: number | null,
  weightedMean: number | null,
  rent: number | null,
): PublishedSurveyRow => ({
  service,
  regime,
  totalMkr,
  volume,
  volumeUnit,
  volumePerYear,
  min,
  max,
  mean,
  weightedMean,
  rent,
});

/** 004's table (rates.md "Cost survey 2007"). */
export const SURVEY_004: readonly PublishedSurveyRow[] = [
  r('sp-boende', 'kommunal', 62.0, 51830, 'dygn', 1, 912, 3177, 1196, 1261, 50),
  r('sp-boende', 'privat', 35.6, 22512, 'dygn', 1, 980, 3500, 1393, 1583, null),
  r('sp-stodboende', 'kommunal', 28.8, 74095, 'days', 1, 134, 1270, 389, 285, 38),
  r('sp-stodboende', 'privat', 0.4, 2920, 'days', 1, 139, 242, 142, 164, null),
  r('sp-boendestod', 'kommunal', 66.9, 13838, 'h/month', 12, 206, 1198, 543, 371, 12),
  r('sp-boendestod', 'privat', 0.6, 140, 'h/month', 12, 269, 675, 357, 334, null),
  r('sp-sysselsattning', 'alla', 39.4, null, 'sessions', 1, null, null, 450, null, 112),
  r('sp-cirkel', 'alla', 5.9, null, 'sessions', 1, null, null, 55, null, 18),
];

/** A figure of 004 recomputed from its stated inputs. */
export interface Derivation {
  what: string;
  formula: string;
  value: number;
  printed: number;
  matches: boolean;
}

/** 004's printed derivations: occupation sessions and rate, and the study-circle session. */
export function derivations004(): Derivation[] {
  const sessions = sessionsPerYear(617, 3, 4.3, 11);
  const printedSessions = 87552;
  const rate = costPerSession(39_400_000_00, printedSessions);
  const circle = courseSessionCost(115_00, 3, 6);
  return [
    {
      what: 'occupation sessions a year',
      formula: '617 × 3 × 4,3 × 11',
      value: Math.round(sessions * 10) / 10,
      printed: printedSessions,
      matches: Math.round(sessions) === printedSessions,
    },
    {
      what: 'occupation cost per session (kr)',
      formula: '39,4 Mkr / 87 552',
      value: rate / 100,
      printed: 450,
      matches: rate === 450_00,
    },
    {
      what: 'study-circle course session (kr)',
      formula: '115 kr/h × 3 h',
      value: circle.session / 100,
      printed: 345,
      matches: circle.session === 345_00,
    },
    {
      what: 'study-circle cost per participant and session (kr)',
      formula: '345 kr / 6 participants',
      value: circle.perParticipant / 100,
      printed: 55,
      matches: circle.perParticipant === 55_00,
    },
  ];
}

/** What in 004's table does not add up: each printed mean against total / volume. */
export function checkPublishedSurvey(rows: readonly PublishedSurveyRow[] = SURVEY_004): string[] {
  const out: string[] = [];
  for (const row of rows) {
    if (row.volume === null) continue;
    const perYear = row.volume * row.volumePerYear;
    const lo = ((row.totalMkr - 0.05) * 1e6) / perYear;
    const hi = ((row.totalMkr + 0.05) * 1e6) / perYear;
    const mid = (row.totalMkr * 1e6) / perYear;
    const fits = (v: number | null) => v !== null && v >= Math.floor(lo) && v <= Math.ceil(hi);
    const unit = row.volumePerYear === 12 ? `${row.volumeUnit} × 12` : row.volumeUnit;
    const ratio = `${row.totalMkr.toFixed(1).replace('.', ',')} Mkr / ${row.volume} ${unit} = ${Math.round(mid)} kr (${Math.floor(lo)}-${Math.ceil(hi)} given the rounding)`;
    if (!fits(row.weightedMean))
      out.push(
        `004 ${row.service} ${row.regime}: the printed weighted mean ${row.weightedMean} kr is not total cost / volume: ${ratio}${fits(row.mean) ? `, which is the printed plain mean ${row.mean} kr` : ''}`,
      );
    if (
      row.min !== null &&
      row.max !== null &&
      row.mean !== null &&
      (row.mean < row.min || row.mean > row.max)
    )
      out.push(
        `004 ${row.service} ${row.regime}: the mean ${row.mean} kr is outside the printed range ${row.min}-${row.max}`,
      );
  }
  for (const d of derivations004())
    if (!d.matches)
      out.push(
        `004: ${d.what}: ${d.formula} = ${String(d.value).replace('.', ',')}, but 004 prints ${d.printed}`,
      );
  return out;
}
