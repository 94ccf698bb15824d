/**
 * An uploaded cost survey (SCEN-5, issue #12 §4): the columns of `cost-survey --input`
 * (`unit_id,service,regime,total_cost,volume,rent`, kronor, rent empty when unknown) from the
 * bounded CSV/XLSX readers; every bad cell is reported by line and column and nothing is computed
 * from a file with a bad row.
 */
import { z } from 'zod';
import { kronorSchema, textSchema } from '../../contract/primitives.js';
import { kronorToOre } from '../../domain/money.js';
import { regimeSchema, serviceIdSchema } from '../../domain/rate-model/schema.js';
import type { SurveyUnit } from '../../domain/scenario/cost-survey.js';
import { SURVEY_COLUMNS } from '../../population/survey.js';
import { ApiError, badRows, type RowProblem } from '../errors.js';
import { numberCell, optionalCell, readCells } from './cells.js';
import { requireColumns, type Table } from './table.js';

const amount = numberCell(kronorSchema({ min: 0, max: 10_000_000_000 }));

const surveyRowSchema = z.object({
  unit_id: textSchema(64, 1),
  service: serviceIdSchema,
  regime: regimeSchema,
  total_cost: amount,
  volume: numberCell(z.number().gt(0, 'måste vara större än 0').max(100_000_000)),
  rent: optionalCell(amount),
});

/** The survey's units, or 400 `import-rows-invalid` naming every bad cell. */
export function surveyUnits(table: Table): SurveyUnit[] {
  requireColumns(
    table,
    SURVEY_COLUMNS.filter((c) => c !== 'rent'),
  );
  if (table.rows.length === 0) throw new ApiError(400, 'import-empty', 'Filen har inga rader', 'file');
  const problems: RowProblem[] = [];
  const units: SurveyUnit[] = [];
  for (const { line, cells, problem } of table.rows) {
    if (problem !== undefined) {
      problems.push({ line, message: problem });
      continue;
    }
    const read = readCells(surveyRowSchema, line, cells);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const r = read.row;
    units.push({
      unitId: r.unit_id,
      service: r.service,
      regime: r.regime,
      totalCost: kronorToOre(r.total_cost),
      volume: r.volume,
      rent: r.rent === undefined ? null : kronorToOre(r.rent),
    });
  }
  if (problems.length > 0) throw badRows(problems);
  return units;
}
