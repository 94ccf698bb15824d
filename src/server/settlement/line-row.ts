/**
 * How a settlement line is stored and read back (issue #15 §2): compactly, in typed columns with
 * no explanation text; the text is derived on read by the domain's `explainLine` from the rule
 * ids and figures, so the specification, its files and /api give the same sentence as when it was
 * stored whole. Lines stored before carry their explanation as JSON and are read as they were.
 * Lines are written as one `INSERT … SELECT FROM unnest(…)` per chunk: one array parameter per
 * column, whatever the number of lines (no per-row parameters or statements).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { SettlementLine } from '../../domain/settlement/types.js';
import type { Regime, ServiceId, Unit } from '../../domain/rate-model/types.js';
import type { PlacementMeta } from '../../db/settlement-input.js';
import type { DB, SettlementLineTable } from '../../db/types.js';

/** Lines per INSERT statement: bounds the size of one statement's arrays. */
const CHUNK = 5000;

/** A line's stored columns, each with its SQL type, in insert order (run_id comes first, scalar). */
const COLUMNS: readonly Column[] = [
  ['placement_id', 'int4'],
  ['client_id', 'int4'],
  ['provider_id', 'text'],
  ['unit_id', 'int4'],
  ['district_id', 'text'],
  ['service', 'text'],
  ['regime', 'text'],
  ['kind', 'text'],
  ['from_date', 'date'],
  ['to_date', 'date'],
  ['quantity', 'numeric'],
  ['unit', 'text'],
  ['rate_ore', 'int8'],
  ['amount_ore', 'int8'],
  ['level', 'text'],
  ['rules', 'text[]'],
  ['corrects_month', 'text'],
  ['days', 'int2'],
  ['days_in_month', 'int2'],
  ['basis', 'text'],
  ['participation_interval', 'text'],
  ['paid_as_regime', 'text'],
  ['model', 'text'],
  ['rate_source', 'text'],
  ['level_source', 'text'],
  ['illustrative', 'bool'],
  ['corrected_kind', 'text'],
  ['recomputed_ore', 'int8'],
  ['previously_paid_ore', 'int8'],
];

/** A value of one column. */
export type Value = string | number | boolean | null;

/** One line's column values, in COLUMNS order (rule ids joined by commas: they hold none). */
function values(l: SettlementLine, m: PlacementMeta): Value[] {
  return [
    Number(l.placementId),
    m.clientId,
    l.providerId,
    m.unitId,
    l.district,
    l.service,
    l.regime,
    l.kind,
    l.from,
    l.to,
    l.quantity,
    l.unit,
    l.rate,
    l.amount,
    l.level,
    l.rules.join(','),
    l.correctsMonth,
    l.days,
    l.daysInMonth,
    l.basis,
    l.interval,
    l.paidAsRegime,
    l.model,
    l.sources.rate,
    l.sources.level,
    l.illustrative,
    l.correctedKind,
    l.recomputed,
    l.previouslyPaid,
  ];
}

/** A column to insert and its SQL type; `text[]` columns travel joined by commas. */
export type Column = readonly [
  name: string,
  type: 'int2' | 'int4' | 'int8' | 'text' | 'text[]' | 'date' | 'numeric' | 'bool',
];

/**
 * Inserts rows of a run into `table` as one `INSERT … SELECT FROM unnest(…)` per CHUNK rows: one
 * array parameter per column (PGlite's protocol counts parameters in 16 bits, and parsing one
 * array is far cheaper than binding thousands of scalars). `text[]` values are comma-joined
 * strings, split again in SQL (rule ids hold no comma).
 */
export async function insertRunRows(
  db: Kysely<DB>,
  table: 'settlement_lines' | 'settlement_refusals' | 'settlement_run_facts',
  runId: number,
  columns: readonly Column[],
  rows: readonly Value[][],
): Promise<void> {
  const names = sql.raw(columns.map(([c]) => c).join(', '));
  const selected = sql.raw(
    columns.map(([c, t]) => (t === 'text[]' ? `string_to_array(u.${c}, ',')` : `u.${c}`)).join(', '),
  );
  for (let start = 0; start < rows.length; start += CHUNK) {
    const n = Math.min(CHUNK, rows.length - start);
    const cols: Value[][] = columns.map(() => new Array<Value>(n));
    for (let i = 0; i < n; i++) {
      const row = rows[start + i]!;
      for (let c = 0; c < columns.length; c++) cols[c]![i] = row[c]!;
    }
    const arrays = sql.join(
      columns.map(([, t], c) => sql`${cols[c]}::${sql.raw(t === 'text[]' ? 'text' : t)}[]`),
    );
    await sql`insert into ${sql.table(table)} (run_id, ${names})
      select ${runId}::int4, ${selected} from unnest(${arrays}) as u(${names})`.execute(db);
  }
}

/** Stores a run's lines; `meta` gives each placement's client and unit. */
export async function storeLines(
  db: Kysely<DB>,
  runId: number,
  lines: readonly SettlementLine[],
  meta: ReadonlyMap<string, PlacementMeta>,
): Promise<void> {
  const rows = lines.map((l) => values(l, meta.get(l.placementId)!));
  await insertRunRows(db, 'settlement_lines', runId, COLUMNS, rows);
}

type Row = Selectable<SettlementLineTable>;

/** The domain line a stored compact row stands for (explainLine reads it). */
export function lineFromRow(r: Row): SettlementLine {
  return {
    placementId: String(r.placement_id),
    providerId: r.provider_id,
    district: r.district_id,
    service: r.service as ServiceId,
    kind: r.kind as SettlementLine['kind'],
    basis: r.basis as SettlementLine['basis'],
    from: r.from_date,
    to: r.to_date,
    quantity: r.quantity,
    unit: r.unit as Unit | 'correction',
    days: r.days ?? 0,
    daysInMonth: r.days_in_month ?? 0,
    rate: r.rate_ore,
    amount: r.amount_ore,
    level: r.level,
    interval: r.participation_interval,
    regime: r.regime as Regime,
    paidAsRegime: (r.paid_as_regime ?? r.regime) as Regime,
    model: r.model ?? '',
    rules: r.rules,
    sources: { rate: r.rate_source ?? '', level: r.level_source },
    illustrative: r.illustrative,
    correctsMonth: r.corrects_month,
    correctedKind: r.corrected_kind as SettlementLine['correctedKind'],
    recomputed: r.recomputed_ore,
    previouslyPaid: r.previously_paid_ore,
  };
}

/** A line stored before issue #15 §2: its explanation JSON (with the sentence), else null. */
export function legacyExplanation(r: Row): Record<string, unknown> | null {
  const e = r.explanation as Record<string, unknown> | null;
  return r.days === null && e && typeof e === 'object' ? e : null;
}
