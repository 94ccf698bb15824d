/**
 * Budget against outcome's SQL (issue #12 §2): the March and August reconciliations up to the
 * year's end, the lines of approved and exported runs paying for the year's months (corrections
 * by the month they correct, PAY-9), and the recorded travel costs; the comparison is the pure
 * src/domain/allocation/outcome.ts.
 */
import type { Kysely } from 'kysely';
import { budgetAgainstOutcome, type OutcomeRow } from '../../../domain/allocation/outcome.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import type { DB } from '../../../db/types.js';
import { entriesOf } from '../reconciliations/service.js';

/** The year's rows and the reconciliations behind them. */
export async function budgetRows(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  year: number,
  districtId: string | undefined,
): Promise<{ rows: OutcomeRow[]; reconciliations: { id: number; kind: string; takenOn: string }[] }> {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const heads = await db
    .selectFrom('reconciliations')
    .select(['id', 'kind', 'taken_on'])
    .where('kind', '<>', 'draft')
    .where('taken_on', '<=', `${year}-12-31`)
    .orderBy('taken_on', 'desc')
    .execute();
  // Only the last one before the year and those within it can be in force during the year.
  const used = heads.filter(
    (h, i) => h.taken_on >= `${year}-01-01` || heads.findIndex((x) => x.taken_on < `${year}-01-01`) === i,
  );
  const snapshots = await Promise.all(
    used.map(async (h) => ({ takenOn: h.taken_on, entries: await entriesOf(db, h.id) })),
  );
  let q = db
    .selectFrom('settlement_lines')
    .innerJoin('settlement_runs', 'settlement_runs.id', 'settlement_lines.run_id')
    .select([
      'settlement_lines.client_id',
      'settlement_lines.district_id',
      'settlement_lines.service',
      'settlement_lines.kind',
      'settlement_lines.level',
      'settlement_lines.regime',
      'settlement_lines.from_date',
      'settlement_lines.quantity',
      'settlement_lines.amount_ore',
      'settlement_lines.rules',
      'settlement_lines.corrects_month',
      'settlement_runs.month',
    ])
    .where('settlement_runs.status', 'in', ['approved', 'exported'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('settlement_lines.corrects_month', 'is', null),
          eb('settlement_runs.month', 'in', months),
        ]),
        eb('settlement_lines.corrects_month', 'in', months),
      ]),
    );
  if (districtId) q = q.where('settlement_lines.district_id', '=', districtId);
  const lines = await q.execute();
  let t = db
    .selectFrom('travel_costs')
    .select(['district_id', 'month', 'amount_ore'])
    .where('month', 'in', months);
  if (districtId) t = t.where('district_id', '=', districtId);
  const travel = await t.execute();
  const rows = budgetAgainstOutcome(
    catalog,
    months,
    snapshots.map((s) => ({
      takenOn: s.takenOn,
      entries: districtId ? s.entries.filter((e) => e.districtId === districtId) : s.entries,
    })),
    lines.map((l) => ({
      clientId: l.client_id,
      districtId: l.district_id,
      service: l.service,
      month: l.corrects_month ?? l.month,
      kind: l.kind,
      level: l.level,
      regime: l.regime,
      from: l.from_date,
      quantity: Number(l.quantity),
      amountOre: Number(l.amount_ore),
      rules: l.rules,
    })),
    travel.map((x) => ({ districtId: x.district_id, month: x.month, amountOre: Number(x.amount_ore) })),
  );
  return {
    rows,
    reconciliations: used.map((h) => ({ id: h.id, kind: h.kind, takenOn: h.taken_on })).reverse(),
  };
}
