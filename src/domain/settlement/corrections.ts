/**
 * Corrections (PAY-9): a settled month is never edited. Given earlier runs (outputs of `settle`),
 * each earlier month is recomputed with today's facts and compared, per placement and kind, with
 * everything already paid for it (its own run's lines plus correction lines for it in any later
 * run); each difference becomes a `correction` line naming the month. Runs are identified by month
 * + content hash, so the same run given twice is rejected and nothing is counted twice.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { kronorSchema, monthSchema } from '../formats.js';
import { kronorToOre } from '../money.js';
import { monthSpan } from './days.js';
import type { LineKind, RunRef, SettlementLine } from './types.js';

/** A line of an earlier run, as much as corrections need (amounts in öre). */
export interface PaidLine {
  placementId: string;
  providerId: string;
  district: string;
  service: string;
  kind: LineKind;
  from: string;
  to: string;
  amount: number;
  correctsMonth: string | null;
  correctedKind: Exclude<LineKind, 'correction'> | null;
}

/** An earlier run: its month, content hash and lines. */
export interface PreviousRun {
  month: string;
  hash: string;
  file: string;
  lines: PaidLine[];
}

const kinds = ['ordinary', 'idle', 'premises', 'evening-night', 'correction'] as const;
const month = monthSchema;
const kronor = kronorSchema();
/** Earlier outputs carry many explanation fields; only these are read (and checked). */
const runSchema = z.object({
  month,
  lines: z.array(
    z.object({
      placementId: z.string().min(1),
      providerId: z.string().default(''),
      district: z.string().default(''),
      service: z.string().default(''),
      kind: z.enum(kinds),
      from: z.string().default(''),
      to: z.string().default(''),
      amount: kronor,
      correctsMonth: month.nullable().default(null),
      correctedKind: z.enum(['ordinary', 'idle', 'premises', 'evening-night']).nullable().default(null),
    }),
  ),
});

/** Reads an earlier `settle --json` output; amounts in kronor become öre. */
export function parsePreviousRun(doc: unknown, file: string): PreviousRun {
  const r = runSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = (issue?.path ?? []).map((p) => (typeof p === 'symbol' ? String(p) : p));
    throw new InputError(
      'previous-run',
      `ingen utdata från settle: ${issue?.message ?? 'ogiltig'}`,
      `${file}: ${path.join('.') || '(top level)'}`,
    );
  }
  const lines = r.data.lines.map((l) => ({ ...l, amount: kronorToOre(l.amount) }));
  for (const [i, l] of lines.entries())
    if (l.kind === 'correction' && (l.correctsMonth === null || l.correctedKind === null))
      throw new InputError(
        'previous-run',
        'en rättelserad kräver correctsMonth och correctedKind',
        `${file}: lines.${i}`,
      );
  return { month: r.data.month, hash: runHash(r.data.month, lines), file, lines };
}

/** Content hash of a run (FNV-1a, 2 × 32 bits) over its month and lines: the run's identity. */
export function runHash(
  month: string,
  lines: readonly Pick<
    PaidLine,
    'placementId' | 'kind' | 'from' | 'to' | 'amount' | 'correctsMonth' | 'correctedKind'
  >[],
): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const fields: (string | null)[] = [month, null, null, null, null, null, null, null];
  for (let k = -1; k < lines.length; k++) {
    if (k >= 0) {
      const l = lines[k]!;
      fields[0] = l.placementId;
      fields[1] = l.kind;
      fields[2] = l.from;
      fields[3] = l.to;
      fields[4] = String(l.amount);
      fields[5] = l.correctsMonth;
      fields[6] = l.correctedKind;
    }
    for (let f = 0; f < (k < 0 ? 1 : 7); f++) {
      const s = fields[f] ?? '';
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
      }
      h1 = Math.imul(h1 ^ 124, 0x01000193); // field separator "|"
      h2 = Math.imul(h2 ^ 124, 0x01000193) ^ (h2 >>> 15);
    }
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Rejects a run given twice, a run not before `month`, and two runs paying one placement-month. */
export function checkRuns(runs: readonly PreviousRun[], month: string): RunRef[] {
  const seen = new Map<string, PreviousRun>();
  const paidBy = new Map<string, PreviousRun>();
  for (const run of runs) {
    if (run.month >= month)
      throw new InputError(
        'previous-not-before',
        `den tidigare körningen gäller ${run.month}, inte en månad före --month ${month}`,
        run.file,
      );
    const id = `${run.month}:${run.hash}`;
    const twin = seen.get(id);
    if (twin)
      throw new InputError(
        'duplicate-previous-run',
        `samma körning (${id}) anges två gånger (även ${twin.file}); en körning räknas en gång (PAY-9)`,
        run.file,
      );
    seen.set(id, run);
    for (const l of run.lines) {
      if (l.kind === 'correction') continue;
      const key = `${run.month}|${l.placementId}`;
      const other = paidBy.get(key);
      if (other && other !== run)
        throw new InputError(
          'previous-overlap',
          `placering ${l.placementId} betalas för ${run.month} av två körningar (${other.file}, ${run.file})`,
          run.file,
        );
      paidBy.set(key, run);
    }
  }
  return runs
    .map((r) => ({ month: r.month, hash: r.hash, file: r.file }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.file.localeCompare(b.file));
}

/** A month recomputed with today's facts: its lines, and the placements refused in it. */
export interface MonthRecompute {
  lines: SettlementLine[];
  refused: ReadonlySet<string>;
}

type Recompute = (month: string) => MonthRecompute;

/**
 * The correction lines for every month of the earlier runs (PAY-9), given a function that settles
 * a month with today's facts. Warns about corrections for months whose own run is not given.
 */
export function corrections(
  runs: readonly PreviousRun[],
  recompute: Recompute,
  warnings: string[],
): SettlementLine[] {
  const months = [...new Set(runs.map((r) => r.month))].sort();
  const paid = new Map<string, number>();
  const meta = new Map<string, PaidLine>();
  const keyOf = (m: string, placement: string, kind: string) => `${m}\u0000${placement}\u0000${kind}`;
  for (const run of runs)
    for (const l of run.lines) {
      const m = l.kind === 'correction' ? (l.correctsMonth as string) : run.month;
      const kind = l.kind === 'correction' ? (l.correctedKind as string) : l.kind;
      if (!months.includes(m)) {
        warnings.push(
          `${run.file}: a correction for ${m}, whose own run is not given, is not taken into account`,
        );
        continue;
      }
      const k = keyOf(m, l.placementId, kind);
      paid.set(k, (paid.get(k) ?? 0) + l.amount);
      if (!meta.has(l.placementId)) meta.set(l.placementId, l);
    }
  const out: SettlementLine[] = [];
  for (const m of months) {
    const now = new Map<string, { amount: number; lines: SettlementLine[] }>();
    const again = recompute(m);
    for (const l of again.lines) {
      const k = keyOf(m, l.placementId, l.kind);
      const e = now.get(k) ?? { amount: 0, lines: [] };
      e.amount += l.amount;
      e.lines.push(l);
      now.set(k, e);
    }
    const keys = [
      ...new Set([...now.keys(), ...[...paid.keys()].filter((k) => k.startsWith(`${m}\u0000`))]),
    ].sort();
    const span = monthSpan(m);
    for (const k of keys) {
      const [, placementId, kind] = k.split('\u0000') as [string, string, Exclude<LineKind, 'correction'>];
      if (again.refused.has(placementId)) continue; // its facts cannot be paid now: what was paid stands
      const recomputed = now.get(k)?.amount ?? 0;
      const before = paid.get(k) ?? 0;
      const diff = recomputed - before;
      if (diff === 0) continue;
      const basis = now.get(k)?.lines[0];
      const old = meta.get(placementId);
      const rules = new Set<string>(['PAY-9']);
      for (const l of now.get(k)?.lines ?? []) for (const id of l.rules) rules.add(id);
      out.push({
        placementId,
        providerId: basis?.providerId ?? old?.providerId ?? '',
        district: basis?.district ?? old?.district ?? '',
        service: (basis?.service ?? old?.service ?? 'lss-gruppbostad') as SettlementLine['service'],
        kind: 'correction',
        basis: null,
        from: `${m}-01`,
        to: `${m}-${String(span.days).padStart(2, '0')}`,
        quantity: 1,
        unit: 'correction',
        days: span.days,
        daysInMonth: span.days,
        rate: diff,
        amount: diff,
        level: basis?.level ?? null,
        interval: basis?.interval ?? null,
        regime: basis?.regime ?? 'kommunal',
        paidAsRegime: basis?.paidAsRegime ?? 'kommunal',
        model: [...new Set((now.get(k)?.lines ?? []).map((l) => l.model))].join(', '),
        rules: [...rules],
        sources: {
          rate: `${m} omräknad med dagens uppgifter minus det som tidigare körningar betalat (PAY-9)`,
          level: basis?.sources.level ?? null,
        },
        illustrative: basis?.illustrative ?? false,
        correctsMonth: m,
        correctedKind: kind,
        recomputed,
        previouslyPaid: before,
      });
    }
  }
  return out;
}

/** An earlier result held in memory (the database layer's approved runs) as a previous run. */
export function previousFromResult(
  r: { month: string; lines: readonly SettlementLine[] },
  file: string,
): PreviousRun {
  const lines: PaidLine[] = r.lines.map((l) => ({
    placementId: l.placementId,
    providerId: l.providerId,
    district: l.district,
    service: l.service,
    kind: l.kind,
    from: l.from,
    to: l.to,
    amount: l.amount,
    correctsMonth: l.correctsMonth,
    correctedKind: l.correctedKind,
  }));
  return { month: r.month, hash: runHash(r.month, lines), file, lines };
}
