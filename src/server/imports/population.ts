/**
 * Bulk import of a comparison population (issue #5 §3, SCEN-1): contract.md's population columns
 * `person_id,district,provider_id,service,regime,points[,hours_per_week]`; every bad row is
 * reported by line and column and nothing is stored when any row is bad.
 */
import type { Insertable, Kysely } from 'kysely';
import { REGIMES, SERVICE_IDS } from '../../domain/rate-model/schema.js';
import type { DB } from '../../db/types.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../audit.js';
import { ApiError, badRows, type RowProblem } from '../errors.js';
import { requireColumns, type Table } from './table.js';

/** The population columns of contract.md (hours_per_week optional). */
export const POPULATION_COLUMNS = [
  'person_id',
  'district',
  'provider_id',
  'service',
  'regime',
  'points',
] as const;

/** Validates and stores a population; returns its id and size. */
export async function importPopulation(
  db: Kysely<DB>,
  user: SessionUser,
  name: string,
  table: Table,
): Promise<{ id: number; name: string; persons: number }> {
  requireColumns(table, POPULATION_COLUMNS);
  if (table.rows.length === 0) throw new ApiError(400, 'import-empty', 'The file has no rows', 'file');
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const rows: Omit<Insertable<DB['population_persons']>, 'population_id'>[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.__error) {
      problems.push({ line, message: cells.__error });
      continue;
    }
    const before = problems.length;
    const bad = (column: string, message: string) => problems.push({ line, column, message });
    const c = (k: string) => (cells[k] ?? '').trim();
    if (!c('person_id')) bad('person_id', 'is empty');
    if (!c('district')) bad('district', 'is empty');
    if (!c('provider_id')) bad('provider_id', 'is empty');
    if (!(SERVICE_IDS as readonly string[]).includes(c('service')))
      bad('service', `"${c('service')}" is not a service`);
    if (!(REGIMES as readonly string[]).includes(c('regime')))
      bad('regime', `"${c('regime')}" is not kommunal, entreprenad or privat`);
    const points = Number(c('points'));
    if (c('points') === '' || !Number.isInteger(points) || points < 0)
      bad('points', `"${c('points')}" is not a whole number ≥ 0`);
    const hoursText = c('hours_per_week').replace(',', '.');
    const hours = hoursText === '' ? null : Number(hoursText);
    if (hours !== null && (!Number.isFinite(hours) || hours < 0))
      bad('hours_per_week', `"${c('hours_per_week')}" is not a number ≥ 0`);
    const key = `${c('person_id')}\u0000${c('service')}`;
    const first = seen.get(key);
    if (first !== undefined)
      bad('person_id', `${c('person_id')} appears twice for ${c('service')} (first at line ${first})`);
    else seen.set(key, line);
    if (problems.length > before) continue;
    rows.push({
      line,
      person_id: c('person_id'),
      district: c('district'),
      provider_id: c('provider_id'),
      service: c('service'),
      regime: c('regime'),
      points,
      hours_per_week: hours,
    });
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
