/**
 * One row of a placement import (issue #9 §1): its cells read with the API's own schemas (ids,
 * dates, bounded text, points, hours and sessions: src/contract), so a value the API refuses is
 * refused here with the same limit; and the row as the settlement engine's input, so the domain's
 * checkPlacementFacts judges it exactly as a settlement run will.
 */
import { z } from 'zod';
import { clientCreate } from '../../contract/clients.js';
import { districtIdSchema } from '../../contract/districts.js';
import { PLACEMENT_COLUMNS } from '../../contract/imports.js';
import { levelCreate, placementCreate } from '../../contract/placements.js';
import { idParamSchema, isoDateSchema } from '../../contract/primitives.js';
import { serviceIdSchema, type Regime } from '../../domain/rate-model/schema.js';
import type { FactProblem } from '../../domain/settlement/facts.js';
import type { PlacementInput } from '../../domain/settlement/input.js';
import type { RowProblem } from '../errors.js';
import { numberCell, optionalCell, readCells } from './cells.js';

export { PLACEMENT_COLUMNS };

/** Level points, level id, hours per week (SVC-3) and sessions per week (PAY-4) as the API takes them. */
const points = levelCreate.shape.points.unwrap();
const level = levelCreate.shape.level.unwrap();
const hoursPerWeek = placementCreate.shape.hoursPerWeek.unwrap().unwrap();
const sessionsPerWeek = placementCreate.shape.sessionsPerWeek.unwrap().unwrap();

const YES = ['true', 'ja', '1'];
const NO = ['false', 'nej', '0'];
/** A level kind cell's words (Swedish or the API's) and the kind each names. */
const LEVEL_KINDS: Readonly<Record<string, 'preliminary' | 'final'>> = {
  preliminär: 'preliminary',
  slutlig: 'final',
  preliminary: 'preliminary',
  final: 'final',
};

/** A row's cells, each by the schema the API uses for the same field. */
export const placementRowSchema = z.object({
  personnummer: clientCreate.shape.personnummer,
  unit_id: idParamSchema,
  service: serviceIdSchema,
  start: isoDateSchema,
  end: optionalCell(isoDateSchema),
  notice_date: optionalCell(isoDateSchema),
  no_show: optionalCell(
    z
      .string()
      .transform((s) => s.toLowerCase())
      .refine(
        (s) => YES.includes(s) || NO.includes(s),
        'ska vara ja eller nej ("true"/"false" och "1"/"0" går också)',
      )
      .transform((s) => YES.includes(s)),
  ),
  points: optionalCell(numberCell(points)),
  level: optionalCell(level),
  // ASMT-5: the level's kind as the API names it, or in Swedish as a user types it in a sheet.
  level_kind: optionalCell(
    z
      .string()
      .transform((s) => s.toLowerCase())
      .refine((s) => Object.hasOwn(LEVEL_KINDS, s), 'ska vara preliminär eller slutlig')
      .transform((s) => LEVEL_KINDS[s]!),
  ),
  assessed_on: optionalCell(isoDateSchema),
  hours_per_week: optionalCell(numberCell(hoursPerWeek)),
  sessions_per_week: optionalCell(numberCell(sessionsPerWeek)),
  name: optionalCell(clientCreate.shape.name),
  district_id: optionalCell(districtIdSchema),
});

/** A row as read. */
export type PlacementRow = z.output<typeof placementRowSchema>;

/** Reads one row's cells; every cell that does not pass its schema is a problem naming its column. */
export function readPlacementRow(
  line: number,
  cells: Record<string, string>,
): { row: PlacementRow } | { problems: RowProblem[] } {
  const read = readCells(placementRowSchema, line, cells);
  if ('row' in read && read.row.points !== undefined && read.row.level !== undefined)
    return { problems: [{ line, column: 'level', message: 'ange poäng eller nivå, inte båda' }] };
  return read;
}

/** What the import knows besides the row: the placement's provider, regime and the client's district. */
export interface RowContext {
  line: number;
  providerId: string;
  regime: Regime;
  districtId: string;
}

/** The row as the settlement engine's input, mapped as src/db/settlement-input.ts maps stored rows. */
export function placementInputOf(r: PlacementRow, ctx: RowContext): PlacementInput {
  const kind = r.level_kind ?? 'final';
  const assessedOn = r.assessed_on ?? r.start;
  const level =
    r.points !== undefined ? { points: r.points } : r.level !== undefined ? { level: r.level } : null;
  return {
    id: `rad ${ctx.line}`,
    providerId: ctx.providerId,
    district: ctx.districtId,
    service: r.service,
    regime: ctx.regime,
    start: r.start,
    end: r.end ?? null,
    noticeDate: r.notice_date ?? null,
    noShow: r.no_show ?? false,
    levels: level
      ? [
          {
            from: r.start,
            ...level,
            kind,
            ...(kind === 'final' && assessedOn >= r.start ? { assessedOn } : {}),
          },
        ]
      : [],
    hoursPerWeek: r.hours_per_week !== undefined ? [{ from: r.start, hours: r.hours_per_week }] : [],
    sessionsPerWeek:
      r.sessions_per_week !== undefined ? [{ from: r.start, sessions: r.sessions_per_week }] : [],
    eveningNightHours: [],
    courseSessions: [],
    individualRates: [],
    transitionToWork: [],
  };
}

/** The import column a domain problem's field is about (the regime follows from the unit). */
export function columnOf(problem: FactProblem): string {
  const f = problem.field;
  if (f.startsWith('levels'))
    return f.includes('assessedOn') ? 'assessed_on' : f.includes('.level') ? 'level' : 'points';
  if (f.startsWith('hoursPerWeek')) return 'hours_per_week';
  if (f.startsWith('sessionsPerWeek')) return 'sessions_per_week';
  if (f === 'noticeDate') return 'notice_date';
  if (f === 'regime') return 'unit_id';
  if (f === 'service' || f === 'start' || f === 'end') return f;
  return 'start';
}
