/**
 * GET /api/dashboard: what this user must act on, by role (Swedish labels for the web app):
 * preliminary levels awaiting a final assessment (ASMT-2), draft runs to approve, placements the
 * latest draft runs could not pay (issue #9 §2), notices given, the provider's current clients,
 * overdue assessment cases (issue #10 §2: the office's, and a case officer's district's).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardSchema, type DashboardItem } from '../../../contract/dashboard.js';
import { errorResponses } from '../../../contract/errors.js';
import { userOf } from '../../access.js';
import { lineScope } from '../settlement-runs/scope.js';
import { overview } from '../assessments/service.js';
import { hiddenFor } from '../../suppression.js';
import * as counts from './service.js';

/** The items that count persons (placements, clients, cases); draft runs are not persons. */
const PERSON_COUNTS = new Set<DashboardItem['kind']>([
  'preliminary-levels',
  'run-refusals',
  'notices',
  'current-clients',
  'assessments-overdue',
]);

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
      if (user.role === 'assessor' || user.role === 'admin')
        items.push({
          kind: 'preliminary-levels',
          count: await counts.preliminaryLevels(db),
          label: 'Preliminära nivåer som väntar på slutlig bedömning',
          href: '/placeringar?niva=preliminar',
        });
      // Issue #10 §2: overdue assessment cases for the office, and for case officers their district's.
      if (user.role === 'assessor' || user.role === 'admin' || user.role === 'case_officer')
        items.push({
          kind: 'assessments-overdue',
          count: (await overview(db, user, new Date().toISOString().slice(0, 10))).overdue,
          label: 'Försenade bedömningar',
          href: '/bedomningar?lista=overdue',
        });
      if (user.role === 'admin' || user.role === 'analyst' || user.role === 'finance')
        items.push({
          kind: 'draft-runs',
          count: await counts.draftRuns(db),
          label: 'Utkast till utbetalningskörningar att granska',
          href: '/utbetalning',
        });
      // Providers never see drafts (issue #14 §3), so neither what a draft could not pay.
      if (user.role !== 'assessor' && user.role !== 'provider')
        items.push({
          kind: 'run-refusals',
          count: await counts.refusedInLatestDrafts(db, lineScope(user)),
          label: 'Placeringar som senaste utkastet inte kunde betala',
          href: '/utbetalning',
        });
      if (user.role === 'case_officer')
        items.push({
          kind: 'notices',
          count: await counts.noticesWithoutEnd(db, user.districtId ?? ''),
          label: 'Uppsagda placeringar utan utflyttningsdatum',
          href: '/placeringar?uppsagda=1',
        });
      if (user.role === 'provider')
        items.push({
          kind: 'current-clients',
          count: await counts.currentClients(db, user.providerId ?? ''),
          label: 'Pågående placeringar hos er',
          href: '/utforare',
        });
      // Issue #12 §6: counts of persons pass the one suppression rule (analysts see 1–4 as "färre än 5").
      const hidden = hiddenFor(
        user,
        items,
        (i) => (PERSON_COUNTS.has(i.kind) && i.count !== null ? [i.count] : []),
        (i) => i.kind,
      );
      return {
        items: items.map((i, n) => (hidden[n] ? { ...i, count: null, suppressed: true } : i)),
      };
    },
  );
};
export default routes;
