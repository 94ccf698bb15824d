/**
 * GET /api/dashboard: what this user must act on, by role (Swedish labels for the web app):
 * preliminary levels awaiting a final assessment (ASMT-2), draft runs to approve, notices given,
 * the provider's current clients.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { errorResponses } from '../../../contract/errors.js';
import { dashboardSchema, type DashboardItem } from '../../../contract/dashboard.js';
import { userOf } from '../../access.js';

/** Registers the dashboard route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  app.get(
    '/dashboard',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['system'], response: { 200: dashboardSchema, ...errorResponses } },
    },
    async (request) => {
      const user = userOf(request);
      const items: DashboardItem[] = [];
      const count = async (q: Promise<{ n: number | string | bigint } | undefined>) =>
        Number((await q)?.n ?? 0);
      if (user.role === 'assessor' || user.role === 'admin') {
        // ASMT-2: a placement whose latest level entry is preliminary needs a final assessment.
        const n = await count(
          sql<{
            n: number;
          }>`select count(*)::int as n from placements p where (select kind from level_entries l where l.placement_id = p.id order by from_date desc, id desc limit 1) = 'preliminary'`
            .execute(db)
            .then((r) => r.rows[0]),
        );
        items.push({
          kind: 'preliminary-levels',
          count: n,
          label: 'Preliminära nivåer som väntar på slutlig bedömning',
          href: '/placeringar?niva=preliminar',
        });
      }
      if (user.role === 'admin' || user.role === 'analyst') {
        const n = await count(
          db
            .selectFrom('settlement_runs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'draft')
            .executeTakeFirst(),
        );
        items.push({
          kind: 'draft-runs',
          count: n,
          label: 'Utkast till utbetalningskörningar att granska',
          href: '/utbetalning',
        });
      }
      if (user.role === 'case_officer') {
        const n = await count(
          db
            .selectFrom('placements')
            .innerJoin('clients', 'clients.id', 'placements.client_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('clients.district_id', '=', user.districtId ?? '')
            .where('placements.notice_date', 'is not', null)
            .where('placements.end_date', 'is', null)
            .executeTakeFirst(),
        );
        items.push({
          kind: 'notices',
          count: n,
          label: 'Uppsagda placeringar utan utflyttningsdatum',
          href: '/placeringar?uppsagda=1',
        });
      }
      if (user.role === 'provider') {
        const n = await count(
          db
            .selectFrom('placements')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('provider_id', '=', user.providerId ?? '')
            .where('end_date', 'is', null)
            .executeTakeFirst(),
        );
        items.push({
          kind: 'current-clients',
          count: n,
          label: 'Pågående placeringar hos er',
          href: '/utforare',
        });
      }
      return { items };
    },
  );
};
export default routes;
