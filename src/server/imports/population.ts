/**
 * Bulk import of a comparison population (issue #5 §3, SCEN-1): contract.md's population columns
 * `person_id,district,provider_id,service,regime,points[,hours_per_week]`; every bad row is
 * reported by line and column and nothing is stored when any row is bad.
 */
import type { Insertable, Kysely } from 'kysely';
import { z } from 'zod';
import { hundredthsSchema, textSchema } from '../../contract/primitives.js';
import { regimeSchema, serviceIdSchema } from '../../domain/rate-model/schema.js';
import { MAX_HOURS_PER_WEEK } from '../../domain/settlement/facts.js';
import { POPULATION_COLUMNS } from '../../domain/scenario/columns.js';
import { looksLikeIdentity } from '../../db/identity.js';
import type { DB } from '../../db/types.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../audit.js';
import { ApiError, badRows, type RowProblem } from '../errors.js';
import { numberCell, optionalCell, readCells } from './cells.js';
import { requireColumns, type Table } from './table.js';

export { POPULATION_COLUMNS };

/** A population row's cells, each by the schema of the same field elsewhere (contract primitives, domain limits). */
const populationRowSchema = z.object({
  // Issue #13 §8: a population is pseudonymous; anything shaped like an identity number is refused.
  person_id: textSchema(64, 1).refine(
    (v) => !looksLikeIdentity(v),
    'ser ut som ett personnummer; använd en kod som inte identifierar personen',
  ),
  district: textSchema(100, 1),
  provider_id: textSchema(64, 1),
  service: serviceIdSchema,
  regime: regimeSchema,
  points: numberCell(z.number().int().min(0).max(1000)),
  hours_per_week: optionalCell(numberCell(hundredthsSchema({ min: 0, max: MAX_HOURS_PER_WEEK }))),
});

/** Validates and stores a population; returns its id and size. */
export async function importPopulation(
  db: Kysely<DB>,
  user: SessionUser,
  name: string,
  table: Table,
): Promise<{ id: number; name: string; persons: number }> {
  requireColumns(table, POPULATION_COLUMNS);
  if (table.rows.length === 0) throw new ApiError(400, 'import-empty', 'Filen har inga rader', 'file');
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const rows: Omit<Insertable<DB['population_persons']>, 'population_id'>[] = [];
  for (const { line, cells, problem } of table.rows) {
    if (problem !== undefined) {
      problems.push({ line, message: problem });
      continue;
    }
    const read = readCells(populationRowSchema, line, cells);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const r = read.row;
    const key = `${r.person_id}\u0000${r.service}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        line,
        column: 'person_id',
        message: `${r.person_id} förekommer två gånger för ${r.service} (första gången på rad ${first})`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, ...r, hours_per_week: r.hours_per_week ?? null });
  }
  if (problems.length > 0) throw badRows(problems);
  return db.transaction().execute(async (trx) => {
    const p = await trx
      .insertInto('populations')
      .values({ name, persons: rows.length, created_by: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('population_persons')
        .values(rows.slice(i, i + 1000).map((r) => ({ ...r, population_id: p.id })))
        .execute();
    await audit(trx, user, {
      action: 'import',
      entity: 'population',
      entityId: p.id,
      details: { persons: rows.length },
    });
    return { id: p.id, name, persons: rows.length };
  });
}
