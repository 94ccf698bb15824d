/**
 * The assessment office's writes (issue #10), each in one transaction with its audit entry:
 * a notification's preliminary level and final case (FLOW-1, ASMT-2), opening a case (ASMT-4
 * changed needs, ASMT-5 measurement), an assessor's own scoring (ASMT-3), and the agreed scoring
 * that becomes a final level entry (ASMT-8, ASMT-5 level guarantee; settlement pays or reclaims
 * the difference as corrections, PAY-9).
 */
import type { Kysely } from 'kysely';
import { defaultDueDate, effectiveFrom, type GrantedLevel } from '../../../domain/assessment/effect.js';
import { instrumentFor, type Instrument } from '../../../domain/assessment/instrument.js';
import { scoreGrades, type Grades } from '../../../domain/assessment/score.js';
import type { ModelCatalog } from '../../../domain/rate-model/catalog.js';
import { classifyPoints } from '../../../domain/rate-model/classify.js';
import type { RateModel, ServiceId } from '../../../domain/rate-model/types.js';
import type { AssessmentKind, DB } from '../../../db/types.js';
import { loadInstruments } from '../../../instruments/load.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { conflict, forbidden, notFound, outOfScope, refused, stale } from '../../errors.js';
import { changeFacts } from '../placements/settles.js';
import { scoringsOf, type CaseRow } from './service.js';
import { serviceLabel, levelLabel } from '../../../contract/labels.js';

/** The placement a case is about, scoped for case officers to their district. */
async function placementFor(db: Kysely<DB>, user: SessionUser, id: number) {
  const p = await db
    .selectFrom('placements')
    .innerJoin('clients', 'clients.id', 'placements.client_id')
    .select([
      'placements.id',
      'placements.client_id',
      'placements.service',
      'placements.start_date',
      'clients.district_id',
    ])
    .where('placements.id', '=', id)
    .executeTakeFirst();
  if (!p) throw notFound('placement', id);
  if (user.role === 'case_officer' && p.district_id !== user.districtId)
    throw outOfScope('Klienten bor i en annan stadsdel');
  return p;
}

function modelAt(catalog: ModelCatalog, service: string, date: string): RateModel {
  const period = catalog.inForce(service as ServiceId, date);
  if (!period)
    throw refused(
      'no-model-in-force',
      `Ingen ersättningsmodell gäller för ${serviceLabel(service)} den ${date}`,
      'assessedOn',
    );
  return period.model;
}

/** FLOW-1, ASMT-2: the preliminary level from the start, and a final case due in three months. */
export async function notify(
  db: Kysely<DB>,
  user: SessionUser,
  catalog: ModelCatalog,
  b: { placementId: number; points?: number; level?: string; assessedOn: string },
): Promise<number> {
  const p = await placementFor(db, user, b.placementId);
  const model = modelAt(catalog, p.service, p.start_date);
  const level =
    b.points !== undefined
      ? classifyPoints(model, p.service, b.points).level
      : (model.services[p.service as ServiceId]?.levels.find((l) => l.id === b.level)?.id ??
        refusedLevel(b.level ?? '', model));
  // The level entry is a placement fact: the domain checks the result like every other door (#9 §1).
  return changeFacts(db, catalog, p.id, async (trx) => {
    const entry = await trx
      .insertInto('level_entries')
      .values({
        placement_id: p.id,
        from_date: p.start_date,
        points: b.points ?? null,
        level: b.points === undefined ? level : null,
        kind: 'preliminary',
        assessed_on: b.assessedOn,
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('assessment_cases')
      .values({
        placement_id: p.id,
        client_id: p.client_id,
        service: p.service,
        kind: 'preliminary',
        state: 'decided',
        opened_on: b.assessedOn,
        due_date: b.assessedOn,
        assessed_on: b.assessedOn,
        agreed_points: b.points ?? null,
        agreed_level: level,
        model_id: model.id,
        effective_from: p.start_date,
        effect_rules: ['ASMT-2'],
        decided_by: user.id,
        decided_at: new Date(),
        level_entry_id: entry.id,
        created_by: user.id,
      })
      .execute();
    // The placement's own final case (opened when it was made, open.ts) is kept; one is opened
    // only for a placement that has none yet.
    const open = await trx
      .selectFrom('assessment_cases')
      .select('id')
      .where('placement_id', '=', p.id)
      .where('kind', '=', 'final')
      .where('state', 'not in', ['decided', 'cancelled'])
      .executeTakeFirst();
    const final =
      open ??
      (await trx
        .insertInto('assessment_cases')
        .values({
          placement_id: p.id,
          client_id: p.client_id,
          service: p.service,
          kind: 'final',
          opened_on: b.assessedOn,
          due_date: defaultDueDate('final', p.start_date, b.assessedOn, null),
          created_by: user.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    await audit(trx, user, {
      action: 'create',
      entity: 'assessment',
      entityId: final.id,
      clientIds: [p.client_id],
      details: { placementId: p.id, preliminaryLevel: level, rules: ['FLOW-1', 'ASMT-2'] },
    });
    return final.id;
  });
}

function refusedLevel(level: string, model: RateModel): never {
  throw refused('unknown-level', `${model.title} har ingen ${levelLabel(level).toLowerCase()}`, 'level');
}

/** Opens a case; case officers raise changed needs only (ASMT-4), with a reason. */
export async function openCase(
  db: Kysely<DB>,
  user: SessionUser,
  b: { placementId: number; kind: Exclude<AssessmentKind, 'preliminary'>; reason?: string; dueDate?: string },
  today: string,
): Promise<number> {
  if (user.role === 'case_officer' && b.kind !== 'reassessment')
    throw forbidden('Handläggare kan bara anmäla förändrade behov');
  const p = await placementFor(db, user, b.placementId);
  const last = await db
    .selectFrom('level_entries')
    .select('from_date')
    .where('placement_id', '=', p.id)
    .orderBy('from_date', 'desc')
    .executeTakeFirst();
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .insertInto('assessment_cases')
      .values({
        placement_id: p.id,
        client_id: p.client_id,
        service: p.service,
        kind: b.kind,
        opened_on: today,
        due_date: b.dueDate ?? defaultDueDate(b.kind, p.start_date, today, last?.from_date ?? null),
        reason: b.reason?.trim() ?? null,
        raised_by: b.kind === 'reassessment' ? user.id : null,
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, user, {
      action: 'create',
      entity: 'assessment',
      entityId: c.id,
      clientIds: [p.client_id],
      details: { kind: b.kind, placementId: p.id, rules: [b.kind === 'reassessment' ? 'ASMT-4' : 'ASMT-5'] },
    });
    return c.id;
  });
}

/** The instrument a case is scored with: the one in force for its service when it was opened. */
export function caseInstrument(c: {
  service: string;
  opened_on: string;
  instrument_id: string | null;
}): Instrument {
  const all = loadInstruments();
  const i = c.instrument_id
    ? all.find((x) => x.id === c.instrument_id)
    : instrumentFor(all, c.service as ServiceId, c.opened_on);
  if (!i)
    throw refused(
      'no-instrument',
      `Inget bedömningsinstrument gäller för ${serviceLabel(c.service)} den ${c.opened_on}`,
    );
  return i;
}

/** ASMT-3: one assessor's own scoring; the second submission opens the reconciliation. */
export async function submitScoring(
  db: Kysely<DB>,
  user: SessionUser,
  c: CaseRow,
  grades: Grades,
): Promise<void> {
  if (c.state !== 'open' && c.state !== 'scoring')
    throw conflict(
      'scoring-closed',
      'Båda bedömarna har lämnat sina bedömningar; ärendet stäms av eller är avgjort',
    );
  const instrument = caseInstrument(c);
  const { total } = scoreGrades(instrument, grades);
  await db.transaction().execute(async (trx) => {
    // Lock the case so two submissions cannot both become "the second".
    await trx.selectFrom('assessment_cases').select('id').where('id', '=', c.id).forUpdate().execute();
    const existing = await scoringsOf(trx, c.id);
    const others = existing.filter((s) => s.assessor_id !== user.id);
    if (others.length >= 2) throw conflict('case-has-two-assessors', 'Två bedömare bedömer redan ärendet');
    await trx
      .deleteFrom('assessment_scorings')
      .where('case_id', '=', c.id)
      .where('assessor_id', '=', user.id)
      .execute();
    await trx
      .insertInto('assessment_scorings')
      .values({
        case_id: c.id,
        assessor_id: user.id,
        instrument_id: instrument.id,
        grades: JSON.stringify(grades),
        total,
      })
      .execute();
    await trx
      .updateTable('assessment_cases')
      .set((eb) => ({
        state: others.length === 1 ? 'reconciliation' : 'scoring',
        instrument_id: instrument.id,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', c.id)
      .execute();
    await audit(trx, user, {
      action: 'update',
      entity: 'assessment-scoring',
      entityId: c.id,
      clientIds: [c.client_id],
      details: { rules: ['ASMT-3'] },
    });
  });
}

/** The level in force on `date` from the placement's history (for the guarantee, ASMT-5). */
async function grantedLevel(
  db: Kysely<DB>,
  model: RateModel,
  placementId: number,
  service: string,
  date: string,
): Promise<GrantedLevel | null> {
  const [e, before] = await db
    .selectFrom('level_entries')
    .select(['from_date', 'points', 'level', 'kind'])
    .where('placement_id', '=', placementId)
    .where('from_date', '<=', date)
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .limit(2)
    .execute();
  if (!e) return null;
  // ASMT-8: a final level that replaced the preliminary from the start was granted from the start.
  const from =
    e.kind === 'final' && before?.kind === 'preliminary' && model.settlement.finalLevelEffect === 'start-date'
      ? before.from_date
      : e.from_date;
  if (e.level !== null) return { level: e.level, from };
  try {
    return { level: classifyPoints(model, service, e.points ?? 0).level, from };
  } catch {
    return null;
  }
}

/**
 * ASMT-3: the agreed scoring, by one of the two assessors, classified by the model in force on the
 * assessment date (a gap is refused, LVL-4), written as a final level entry from the date the
 * rules give (ASMT-8 / ASMT-5). In social psychiatry the next measurement is opened (ASMT-5).
 */
export async function agree(
  db: Kysely<DB>,
  user: SessionUser,
  catalog: ModelCatalog,
  c: CaseRow,
  b: { grades: Grades; assessedOn: string; version: number },
): Promise<void> {
  if (c.state !== 'reconciliation')
    throw conflict('not-in-reconciliation', 'Båda bedömarna måste först lämna sin egen bedömning');
  const scorers = (await scoringsOf(db, c.id)).map((s) => s.assessor_id);
  if (!scorers.includes(user.id))
    throw forbidden('Bara de två bedömarna som bedömt ärendet kan stämma av resultatet');
  if (b.version !== c.version) throw stale('assessment', c.id, c.version);
  if (b.assessedOn < c.placement_start)
    throw refused(
      'assessed-before-start',
      `Bedömningsdatumet ${b.assessedOn} ligger före placeringens start`,
      'assessedOn',
    );
  const instrument = caseInstrument(c);
  const { total } = scoreGrades(instrument, b.grades);
  const model = modelAt(catalog, c.service, b.assessedOn);
  const level = classifyPoints(model, c.service, total).level;
  const granted = await grantedLevel(db, model, c.placement_id, c.service, b.assessedOn);
  const effect = effectiveFrom({
    kind: c.kind,
    assessedOn: b.assessedOn,
    model,
    service: c.service as ServiceId,
    newLevel: level,
    granted,
  });
  // The final level is a placement fact: checked by the domain before it is kept (#9 §1).
  await changeFacts(db, catalog, c.placement_id, async (trx) => {
    const entry = await trx
      .insertInto('level_entries')
      .values({
        placement_id: c.placement_id,
        from_date: effect.from,
        points: total,
        level: null,
        kind: 'final',
        assessed_on: b.assessedOn,
        created_by: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const done = await trx
      .updateTable('assessment_cases')
      .set((eb) => ({
        state: 'decided',
        assessed_on: b.assessedOn,
        agreed_grades: JSON.stringify(b.grades),
        agreed_points: total,
        agreed_level: level,
        model_id: model.id,
        effective_from: effect.from,
        effect_rules: effect.rules,
        decided_by: user.id,
        decided_at: new Date(),
        level_entry_id: entry.id,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', c.id)
      .where('version', '=', b.version)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw stale('assessment', c.id, c.version + 1);
    if (c.service.startsWith('sp-') && c.service !== 'sp-cirkel')
      await trx
        .insertInto('assessment_cases')
        .values({
          placement_id: c.placement_id,
          client_id: c.client_id,
          service: c.service,
          kind: 'measurement',
          opened_on: b.assessedOn,
          due_date: defaultDueDate('measurement', c.placement_start, b.assessedOn, effect.from),
          created_by: user.id,
        })
        .execute();
    await audit(trx, user, {
      action: 'update',
      entity: 'assessment',
      entityId: c.id,
      clientIds: [c.client_id],
      details: { decided: true, level, points: total, effectiveFrom: effect.from, rules: effect.rules },
    });
  });
}
