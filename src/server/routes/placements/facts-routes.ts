/**
 * Routes for the facts recorded on a placement (issue #9 §4): for each kind, POST (record; the
 * role that knows the fact), GET (the list on the placement) and DELETE (correct a typo).
 * Participation is GET only: it changes by a new, dated decision (003, POST /api/decisions). Every
 * change is checked by the domain on the placement's resulting facts (422 with the problem's id
 * and Swedish message; nothing written) and audited with the client it concerns, as is every read.
 * Access → validate (contract/placements.ts) → call (facts-service.ts in changeFacts) → present.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contract/errors.js';
import {
  absenceCreate,
  absenceViewSchema,
  courseSessionCreate,
  courseSessionViewSchema,
  eveningCreate,
  eveningViewSchema,
  factDeletedSchema,
  factParams,
  individualRateCreate,
  individualRateViewSchema,
  levelCreate,
  levelViewSchema,
  participationViewSchema,
  placementParams,
  transitionCreate,
  transitionViewSchema,
} from '../../../contract/placements.js';
import type { Role } from '../../../db/types.js';
import { userOf } from '../../access.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { notFound } from '../../errors.js';
import { levelsSeenBy } from '../assessments/provider-view.js';
import { visiblePlacement } from './access.js';
import * as facts from './facts-service.js';
import * as present from './present.js';
import { changeFacts } from './settles.js';

const READERS: readonly Role[] = ['case_officer', 'provider', 'assessor', 'admin'];

/** One kind of fact: where it lives, who records it, its body and view. */
interface FactKind<B extends z.ZodType, R, V extends z.ZodType> {
  path: string;
  entity: string;
  table: facts.FactTable;
  /** Who records it; none for participation, which only a decision writes (003). */
  writers: readonly Role[];
  body: B;
  view: V;
  write?: (
    trx: Parameters<typeof facts.addLevel>[0],
    p: facts.FactPlacement,
    b: z.output<B>,
    user: SessionUser,
  ) => Promise<facts.Written<R>>;
  present(row: R): z.output<V>;
}

const kind = <B extends z.ZodType, R, V extends z.ZodType>(k: FactKind<B, R, V>) => k;

/** Every kind of fact, with the role that knows it. */
export const FACT_KINDS = [
  kind({
    path: 'levels',
    entity: 'level',
    table: 'level_entries',
    writers: ['assessor', 'admin'],
    body: levelCreate,
    view: levelViewSchema,
    write: facts.addLevel,
    present: present.levelView,
  }),
  kind({
    path: 'absences',
    entity: 'absence',
    table: 'absences',
    writers: ['provider', 'case_officer', 'admin'],
    body: absenceCreate,
    view: absenceViewSchema,
    write: facts.addAbsence,
    present: present.absenceView,
  }),
  kind({
    path: 'evening-hours',
    entity: 'evening-hours',
    table: 'evening_hours',
    writers: ['provider', 'admin'],
    body: eveningCreate,
    view: eveningViewSchema,
    write: facts.putEveningHours,
    present: present.eveningView,
  }),
  kind({
    path: 'course-sessions',
    entity: 'course-session',
    table: 'course_sessions',
    writers: ['provider', 'admin'],
    body: courseSessionCreate,
    view: courseSessionViewSchema,
    write: facts.putCourseSession,
    present: present.courseSessionView,
  }),
  kind({
    path: 'participation',
    entity: 'participation',
    table: 'participation',
    writers: [],
    body: z.never(),
    view: participationViewSchema,
    present: present.participationView,
  }),
  kind({
    path: 'individual-rates',
    entity: 'individual-rate',
    table: 'individual_rates',
    writers: ['case_officer', 'admin'],
    body: individualRateCreate,
    view: individualRateViewSchema,
    write: facts.addIndividualRate,
    present: present.individualRateView,
  }),
  kind({
    path: 'transition-to-work',
    entity: 'transition-to-work',
    table: 'transition_to_work',
    writers: ['case_officer', 'admin'],
    body: transitionCreate,
    view: transitionViewSchema,
    write: facts.addTransition,
    present: present.transitionView,
  }),
] as const;

/** Any kind of fact, as the route registration handles them alike. */
type AnyFactKind = FactKind<z.ZodType, unknown, z.ZodType>;

/** Registers GET of one kind of fact, and POST and DELETE for the kinds a role records. */
function register(app: Parameters<FastifyPluginAsyncZod>[0], k: AnyFactKind): void {
  const { db, catalog } = app.ctx;
  const tags = ['placements'];

  app.get(
    `/placements/:id/${k.path}`,
    {
      config: { access: READERS },
      schema: { tags, params: placementParams, response: { 200: z.array(k.view), ...errorResponses } },
    },
    async (request) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const all = await facts.listFacts(db, k.table, p.id);
      // Issue #10 §10: a provider sees final levels only.
      const rows = k.table === 'level_entries' ? levelsSeenBy(user, all as { kind: string }[]) : all;
      await audit(db, user, {
        action: 'list',
        entity: k.entity,
        entityId: p.id,
        clientIds: [p.client_id],
        details: { placementId: p.id, count: rows.length },
      });
      return rows.map((r) => k.present(r)) as never;
    },
  );

  const write = k.write;
  if (!write) return;

  app.post(
    `/placements/:id/${k.path}`,
    {
      config: { access: k.writers },
      schema: { tags, params: placementParams, body: k.body, response: { 201: k.view, ...errorResponses } },
    },
    async (request, reply) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const body = request.body;
      const { row } = await changeFacts(db, catalog, p.id, async (trx) => {
        const written = await write(trx, p, body, user);
        await audit(trx, user, {
          action: written.replaced ? 'update' : 'create',
          entity: k.entity,
          entityId: (written.row as { id: number }).id,
          clientIds: [p.client_id],
          details: { placementId: p.id },
        });
        return written;
      });
      return reply.code(201).send(k.present(row) as never);
    },
  );

  app.delete(
    `/placements/:id/${k.path}/:factId`,
    {
      config: { access: k.writers },
      schema: { tags, params: factParams, response: { 200: factDeletedSchema, ...errorResponses } },
    },
    async (request) => {
      const user = userOf(request);
      const p = await visiblePlacement(db, user, request.params.id);
      const factId = request.params.factId;
      await changeFacts(db, catalog, p.id, async (trx) => {
        const gone = await facts.removeFact(trx, k.table, p.id, factId);
        if (!gone) throw notFound(k.entity, factId);
        await audit(trx, user, {
          action: 'delete',
          entity: k.entity,
          entityId: factId,
          clientIds: [p.client_id],
          details: { placementId: p.id, removed: present.withoutIds(k.present(gone)) },
        });
      });
      return { id: factId, placementId: p.id };
    },
  );
}

/** Registers the fact routes under /api/placements/:id/. */
const routes: FastifyPluginAsyncZod = async (app) => {
  for (const k of FACT_KINDS) register(app, k as unknown as AnyFactKind);
};
export default routes;
