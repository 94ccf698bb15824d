/**
 * Demo data for the assessment office (issue #10 §11): cases in every state — open and due, open
 * and overdue, waiting for the second assessor, waiting for reconciliation, decided — two
 * assessors with a plausible agreement record (mostly equal grades, some one grade apart), and
 * changed-needs cases raised by case officers. Deterministic (seeded PRNG), built on the demo
 * placements and level entries already inserted.
 */
import type { Kysely } from 'kysely';
import { instrumentFor, type Instrument } from '../../domain/assessment/instrument.js';
import type { ServiceId } from '../../domain/rate-model/types.js';
import { classifyPoints } from '../../domain/rate-model/classify.js';
import { loadInstruments } from '../../instruments/load.js';
import { loadCatalog } from '../../models/load.js';
import type { AssessmentState, DB } from '../types.js';
import { Prng } from './prng.js';

/** Grades whose total is exactly `points` (largest grades first), or null when unreachable. */
export function gradesFor(instrument: Instrument, points: number): Record<string, number> | null {
  const items = instrument.areas.flatMap((a) => a.items);
  const grades: Record<string, number> = {};
  let left = points;
  for (const it of items) {
    let g = 4;
    while (g > 0 && (instrument.scale[g]?.points ?? 0) * it.weight > left) g--;
    grades[it.id] = g;
    left -= (instrument.scale[g]?.points ?? 0) * it.weight;
  }
  return left === 0 ? grades : null;
}

/** Moves `n` items one grade up or down (within 0-4): a second assessor's independent view. */
function perturb(rng: Prng, grades: Record<string, number>, n: number): Record<string, number> {
  const out = { ...grades };
  const ids = Object.keys(out);
  for (let i = 0; i < n; i++) {
    const id = rng.pick(ids);
    const g = out[id]!;
    out[id] = g === 0 ? 1 : g === 4 ? 3 : g + (rng.next() < 0.5 ? -1 : 1);
  }
  return out;
}

const total = (i: Instrument, g: Record<string, number>) =>
  i.areas.flatMap((a) => a.items).reduce((s, it) => s + (i.scale[g[it.id]!]?.points ?? 0) * it.weight, 0);

/** Inserts the demo cases; `assessors` are two assessor user ids, `officers` case officers by district. */
export async function seedAssessments(
  db: Kysely<DB>,
  assessors: [number, number],
  officers: Map<string, number>,
): Promise<number> {
  const rng = new Prng(20261129);
  const catalog = loadCatalog();
  const instruments = loadInstruments();
  const entries = await db
    .selectFrom('level_entries as l')
    .innerJoin('placements as p', 'p.id', 'l.placement_id')
    .innerJoin('clients as c', 'c.id', 'p.client_id')
    .select(['l.id', 'l.placement_id', 'l.kind', 'l.points', 'l.assessed_on', 'l.from_date'])
    .select(['p.client_id', 'p.service', 'p.start_date', 'c.district_id'])
    .orderBy('l.placement_id')
    .orderBy('l.id')
    .execute();
  const last = new Map<number, (typeof entries)[number]>();
  for (const e of entries) last.set(e.placement_id, e);
  const states: AssessmentState[] = [
    'open',
    'scoring',
    'reconciliation',
    'decided',
    'decided',
    'decided',
    'open',
  ];
  // Placements awaiting their final assessment first, then the rest; every other one is used.
  const candidates = [...last.values()].sort(
    (x, y) => Number(x.kind === 'final') - Number(y.kind === 'final') || x.placement_id - y.placement_id,
  );
  let made = 0;
  let n = 0;
  for (const e of candidates) {
    if (made >= 140) break;
    const instrument = instrumentFor(instruments, e.service as ServiceId, e.assessed_on);
    if (!instrument || n++ % 2 !== 0) continue;
    let state = states[made % states.length]!;
    if (state === 'decided' && (e.kind !== 'final' || e.points === null)) state = 'open';
    // A preliminary level given as a level has no points: the assessors' view starts anywhere.
    const points = state === 'decided' ? e.points! : (rng.int(0, instrument.maxTotal) >> 1) << 1;
    const base = gradesFor(instrument, points);
    if (!base) continue;
    const period = catalog.inForce(e.service as ServiceId, e.assessed_on);
    let level: string | null = null;
    try {
      level = period ? classifyPoints(period.model, e.service, points).level : null;
    } catch {
      level = null;
    }
    if (state === 'decided' && level === null) continue;
    // Not yet decided on a placement with a final level: a measurement (SP, ASMT-5) or changed needs (ASMT-4).
    const kind =
      state === 'decided' || e.kind === 'preliminary'
        ? ('final' as const)
        : e.service.startsWith('sp-')
          ? ('measurement' as const)
          : ('reassessment' as const);
    const a = perturb(rng, base, rng.int(0, 2));
    const b = perturb(rng, base, rng.int(0, 3));
    const overdue = state === 'open' && made % 8 === 0;
    const c = await db
      .insertInto('assessment_cases')
      .values({
        placement_id: e.placement_id,
        client_id: e.client_id,
        service: e.service,
        kind,
        state,
        reason: kind === 'reassessment' ? 'Förändrade behov enligt handläggaren' : null,
        opened_on: kind === 'final' ? e.start_date : '2026-09-01',
        due_date: overdue ? '2026-09-30' : state === 'decided' ? e.assessed_on : '2027-02-26',
        instrument_id: state === 'open' ? null : instrument.id,
        ...(state === 'decided'
          ? {
              assessed_on: e.assessed_on,
              agreed_grades: JSON.stringify(base),
              agreed_points: points,
              agreed_level: level,
              model_id: period?.model.id ?? null,
              level_entry_id: e.id,
              effective_from: e.from_date,
              effect_rules: ['ASMT-8'],
              decided_by: assessors[made % 2],
              decided_at: `${e.assessed_on}T12:00:00Z`,
            }
          : {}),
        created_by: assessors[0],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scorers =
      state === 'scoring'
        ? [[assessors[made % 2], a]]
        : state === 'open'
          ? []
          : [
              [assessors[0], a],
              [assessors[1], b],
            ];
    for (const [who, grades] of scorers as [number, Record<string, number>][])
      await db
        .insertInto('assessment_scorings')
        .values({
          case_id: c.id,
          assessor_id: who,
          instrument_id: instrument.id,
          grades: JSON.stringify(grades),
          total: total(instrument, grades),
        })
        .execute();
    // ASMT-4: every fifth decided case has a changed-needs case raised by the district's officer.
    const officer = officers.get(e.district_id);
    if (state === 'decided' && officer && made % 5 === 0)
      await db
        .insertInto('assessment_cases')
        .values({
          placement_id: e.placement_id,
          client_id: e.client_id,
          service: e.service,
          kind: 'reassessment',
          opened_on: '2026-10-15',
          due_date: made % 2 === 0 ? '2026-11-15' : '2027-01-15',
          reason: 'Ökat behov av stöd nattetid efter sjukhusvistelse',
          raised_by: officer,
          created_by: officer,
        })
        .execute();
    made++;
  }
  return made;
}

/** Seeds the demo cases with the first two assessors and each district's first case officer. */
export async function seedDemoAssessments(db: Kysely<DB>): Promise<number> {
  const users = await db.selectFrom('users').select(['id', 'role', 'district_id']).orderBy('id').execute();
  const assessors = users.filter((u) => u.role === 'assessor').map((u) => u.id);
  if (assessors.length < 2) return 0;
  const officers = new Map<string, number>();
  for (const u of users)
    if (u.role === 'case_officer' && u.district_id && !officers.has(u.district_id))
      officers.set(u.district_id, u.id);
  return seedAssessments(db, [assessors[0]!, assessors[1]!], officers);
}
