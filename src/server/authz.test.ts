/**
 * The authorization matrix (issue #5 §4, §6): every route × every role (and anonymous) is allowed
 * or denied exactly as designed (docs/api.md). Requests carry empty bodies and unknown ids, so an
 * allowed role gets 400/404/200 and nothing changes; a denied role gets 403 `forbidden`, and
 * anonymous requests 401. The table must list every registered route, and docs/api.md's route
 * tables must name every one of them and no other.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../db/types.js';
import { openTestApp, testTargets, type TestApp } from './testing.js';

type Who = readonly Role[] | 'public' | 'signed-in';
const ALL: Role[] = ['case_officer', 'assessor', 'provider', 'analyst', 'finance', 'admin'];
const USER_OF: Record<Role, string> = {
  case_officer: 'handlaggare',
  assessor: 'bedomare',
  provider: 'utforare',
  analyst: 'analytiker',
  finance: 'ekonom',
  admin: 'admin',
};

/** [method, route pattern, example url, who may call it]. */
const MATRIX: [string, string, string, Who][] = [
  ['GET', '/api/health', '/api/health', 'public'],
  ['POST', '/api/auth/login', '/api/auth/login', 'public'],
  ['POST', '/api/auth/logout', '', 'signed-in'], // not called: it would end the agent's session (auth tests cover it)
  ['GET', '/api/auth/me', '/api/auth/me', 'signed-in'],
  ['GET', '/api/dashboard', '/api/dashboard', 'signed-in'],
  ['GET', '/api/latest-month', '/api/latest-month', 'signed-in'],
  ['GET', '/api/districts', '/api/districts', 'signed-in'],
  ['GET', '/api/providers', '/api/providers', 'signed-in'],
  ['GET', '/api/providers/:id', '/api/providers/NOPE', 'signed-in'],
  ['POST', '/api/providers', '/api/providers', ['admin']],
  ['PATCH', '/api/providers/:id', '/api/providers/NOPE', ['admin']],
  ['POST', '/api/providers/:id/units', '/api/providers/NOPE/units', ['admin']],
  ['PATCH', '/api/units/:id', '/api/units/999999', ['admin']],
  ['POST', '/api/units/:id/profile-changes', '/api/units/999999/profile-changes', ['provider', 'admin']],
  ['GET', '/api/profile-changes', '/api/profile-changes', ['provider', 'admin']],
  ['POST', '/api/profile-changes/:id/approve', '/api/profile-changes/999999/approve', ['admin']],
  ['POST', '/api/profile-changes/:id/reject', '/api/profile-changes/999999/reject', ['admin']],
  ['GET', '/api/models', '/api/models', 'signed-in'],
  [
    'GET',
    '/api/models/classification',
    '/api/models/classification?service=sp-boende&on=2025-01-01',
    'signed-in',
  ],
  ['GET', '/api/models/:id', '/api/models/nope', 'signed-in'],
  ['GET', '/api/models/:a/compare/:b', '/api/models/nope/compare/nope', 'signed-in'],
  ['GET', '/api/clients', '/api/clients', ['case_officer', 'assessor', 'provider', 'admin']],
  ['GET', '/api/clients/:id', '/api/clients/999999', ['case_officer', 'assessor', 'provider', 'admin']],
  [
    'GET',
    '/api/clients/:id/payments',
    '/api/clients/999999/payments',
    ['case_officer', 'assessor', 'provider', 'admin'],
  ],
  ['POST', '/api/clients', '/api/clients', ['case_officer', 'admin']],
  ['PATCH', '/api/clients/:id', '/api/clients/999999', ['case_officer', 'admin']],
  ['GET', '/api/placements', '/api/placements?limit=1', ['case_officer', 'provider', 'assessor', 'admin']],
  ['GET', '/api/placements/:id', '/api/placements/999999', ['case_officer', 'provider', 'assessor', 'admin']],
  ['PATCH', '/api/placements/:id', '/api/placements/999999', ['case_officer', 'admin']],
  ['POST', '/api/placements/:id/levels', '/api/placements/999999/levels', ['assessor', 'admin']],
  [
    'POST',
    '/api/placements/:id/absences',
    '/api/placements/999999/absences',
    ['provider', 'case_officer', 'admin'],
  ],
  [
    'POST',
    '/api/placements/:id/evening-hours',
    '/api/placements/999999/evening-hours',
    ['provider', 'admin'],
  ],
  ['POST', '/api/settlement-runs', '/api/settlement-runs', ['admin', 'finance']],
  [
    'GET',
    '/api/settlement-runs',
    '/api/settlement-runs',
    ['admin', 'analyst', 'finance', 'case_officer', 'provider'],
  ],
  [
    'GET',
    '/api/settlement-runs/:id',
    '/api/settlement-runs/999999',
    ['admin', 'analyst', 'finance', 'case_officer', 'provider'],
  ],
  ['DELETE', '/api/settlement-runs/:id', '/api/settlement-runs/999999', ['admin', 'finance']],
  [
    'GET',
    '/api/settlement-runs/:id/lines',
    '/api/settlement-runs/999999/lines',
    ['admin', 'analyst', 'finance', 'case_officer', 'provider'],
  ],
  ['POST', '/api/settlement-runs/:id/approve', '/api/settlement-runs/999999/approve', ['admin', 'finance']],
  ['POST', '/api/settlement-runs/:id/export', '/api/settlement-runs/999999/export', ['admin', 'finance']],
  [
    'POST',
    '/api/settlement-runs/:id/finance-export',
    '/api/settlement-runs/999999/finance-export',
    ['admin', 'finance'],
  ],
  [
    'GET',
    '/api/settlement-runs/:id/finance-export',
    '/api/settlement-runs/999999/finance-export',
    ['admin', 'analyst', 'finance'],
  ],
  ['POST', '/api/analysis/breakeven', '/api/analysis/breakeven', ['analyst', 'admin']],
  [
    'GET',
    '/api/budget-outcome',
    '/api/budget-outcome?year=2025',
    ['admin', 'analyst', 'finance', 'case_officer'],
  ],
  ['POST', '/api/analysis/cost-survey', '/api/analysis/cost-survey', ['analyst', 'admin']],
  ['POST', '/api/analysis/follow-up', '/api/analysis/follow-up', ['analyst', 'admin']],
  ['POST', '/api/analysis/solve', '/api/analysis/solve', ['analyst', 'admin']],
  ['GET', '/api/model-uplifts', '/api/model-uplifts', ['admin', 'analyst']],
  ['POST', '/api/model-uplifts', '/api/model-uplifts', ['admin']],
  ['POST', '/api/model-uplifts/:id/decision', '/api/model-uplifts/999999/decision', ['admin']],
  ['POST', '/api/travel-costs', '/api/travel-costs', ['admin', 'case_officer']],
  ['POST', '/api/reconciliations', '/api/reconciliations', ['admin']],
  ['GET', '/api/reconciliations', '/api/reconciliations', ['admin', 'analyst', 'finance', 'case_officer']],
  [
    'GET',
    '/api/reconciliations/:id',
    '/api/reconciliations/999999',
    ['admin', 'analyst', 'finance', 'case_officer'],
  ],
  [
    'GET',
    '/api/reconciliations/:id/changes',
    '/api/reconciliations/999999/changes',
    ['admin', 'case_officer'],
  ],
  [
    'GET',
    '/api/reconciliations/:id/:file',
    '/api/reconciliations/999999/reconciliation.xlsx',
    ['admin', 'analyst', 'finance', 'case_officer'],
  ],
  [
    'GET',
    '/api/settlement-runs/:id/finance-export/:file',
    '/api/settlement-runs/999999/finance-export/sie',
    ['admin', 'analyst', 'finance'],
  ],
  [
    'GET',
    '/api/settlement-runs/:id/specification/:file',
    '/api/settlement-runs/999999/specification/U001.json',
    ['admin', 'finance', 'case_officer', 'provider'],
  ],
  ['GET', '/api/jobs/:id', '/api/jobs/999999', ['admin', 'analyst', 'finance']],
  [
    'GET',
    '/api/placements/:id/levels',
    '/api/placements/999999/levels',
    ['case_officer', 'provider', 'assessor', 'admin'],
  ],
  ['DELETE', '/api/placements/:id/levels/:factId', '/api/placements/999999/levels/1', ['assessor', 'admin']],
  [
    'GET',
    '/api/placements/:id/absences',
    '/api/placements/999999/absences',
    ['case_officer', 'provider', 'assessor', 'admin'],
  ],
  [
    'DELETE',
    '/api/placements/:id/absences/:factId',
    '/api/placements/999999/absences/1',
    ['provider', 'case_officer', 'admin'],
  ],
  [
    'GET',
    '/api/placements/:id/evening-hours',
    '/api/placements/999999/evening-hours',
    ['case_officer', 'provider', 'assessor', 'admin'],
  ],
  [
    'DELETE',
    '/api/placements/:id/evening-hours/:factId',
    '/api/placements/999999/evening-hours/1',
    ['provider', 'admin'],
  ],
  [
    'POST',
    '/api/placements/:id/course-sessions',
    '/api/placements/999999/course-sessions',
    ['provider', 'admin'],
  ],
  [
    'GET',
    '/api/placements/:id/course-sessions',
    '/api/placements/999999/course-sessions',
    ['case_officer', 'provider', 'assessor', 'admin'],
  ],
  [
    'DELETE',
    '/api/placements/:id/course-sessions/:factId',
    '/api/placements/999999/course-sessions/1',
    ['provider', 'admin'],
  ],
  [
    'GET',
    '/api/placements/:id/participation',
    '/api/placements/999999/participation',
    ['case_officer', 'provider', 'assessor', 'admin'],
  ],
  [
    'GET',
    '/api/placements/:id/individual-rates',
    '/api/placements/999999/individual-rates',
    ['case_officer', 'provider', 'assessor', 'admin'],
  ],
  [
    'DELETE',
    '/api/placements/:id/individual-rates/:factId',
    '/api/placements/999999/individual-rates/1',
    ['case_officer', 'admin'],
  ],
  [
    'POST',
    '/api/placements/:id/transition-to-work',
    '/api/placements/999999/transition-to-work',
    ['case_officer', 'admin'],
  ],
  [
    'GET',
    '/api/placements/:id/transition-to-work',
    '/api/placements/999999/transition-to-work',
    ['case_officer', 'provider', 'assessor', 'admin'],
  ],
  [
    'DELETE',
    '/api/placements/:id/transition-to-work/:factId',
    '/api/placements/999999/transition-to-work/1',
    ['case_officer', 'admin'],
  ],
  ['POST', '/api/comparisons', '/api/comparisons', ['analyst', 'admin']],
  ['POST', '/api/imports/placements', '/api/imports/placements', ['admin', 'case_officer']],
  ['POST', '/api/imports/population', '/api/imports/population', ['admin', 'analyst']],
  ['GET', '/api/imports/populations', '/api/imports/populations', ['admin', 'analyst']],
  [
    'POST',
    '/api/placements/:id/individual-rates',
    '/api/placements/999999/individual-rates',
    ['case_officer', 'admin'],
  ],
  ['GET', '/api/decisions', '/api/decisions', ['case_officer', 'assessor', 'admin']],
  ['POST', '/api/decisions', '/api/decisions', ['case_officer', 'admin']],
  ['GET', '/api/decisions/:id', '/api/decisions/999999', ['case_officer', 'assessor', 'admin']],
  ['PATCH', '/api/decisions/:id', '/api/decisions/999999', ['case_officer', 'admin']],
  ['POST', '/api/decisions/:id/orders', '/api/decisions/999999/orders', ['case_officer', 'admin']],
  ['GET', '/api/decisions/:id/matches', '/api/decisions/999999/matches', ['case_officer', 'admin']],
  ['POST', '/api/decisions/:id/offers', '/api/decisions/999999/offers', ['case_officer', 'admin']],
  [
    'POST',
    '/api/decisions/:id/waiting-list',
    '/api/decisions/999999/waiting-list',
    ['case_officer', 'admin'],
  ],
  ['GET', '/api/units/:id/waiting-list', '/api/units/999999/waiting-list', ['case_officer', 'admin']],
  ['GET', '/api/offers', '/api/offers', ['case_officer', 'provider', 'admin']],
  ['GET', '/api/offers/:id', '/api/offers/999999', ['case_officer', 'provider', 'admin']],
  ['POST', '/api/offers/:id/accept', '/api/offers/999999/accept', ['case_officer', 'admin']],
  ['POST', '/api/offers/:id/decline', '/api/offers/999999/decline', ['case_officer', 'provider', 'admin']],
  [
    'GET',
    '/api/participation-follow-up',
    '/api/participation-follow-up?month=2026-01',
    ['case_officer', 'provider', 'admin'],
  ],
  ['GET', '/api/transitions-to-work', '/api/transitions-to-work', ['case_officer', 'provider', 'admin']],
  [
    'POST',
    '/api/transitions-to-work/:id/visits',
    '/api/transitions-to-work/999999/visits',
    ['provider', 'admin'],
  ],
  ['GET', '/api/catalogue', '/api/catalogue?service=sp-boende', 'public'],
  ['GET', '/api/catalogue/facets', '/api/catalogue/facets', 'public'],
  [
    'GET',
    '/api/offers/:id/letter.pdf',
    '/api/offers/999999/letter.pdf',
    ['case_officer', 'provider', 'admin'],
  ],
  [
    'GET',
    '/api/decisions/:id/letter.pdf',
    '/api/decisions/999999/letter.pdf',
    ['case_officer', 'assessor', 'admin'],
  ],
  [
    'GET',
    '/api/orders/:id/letter.pdf',
    '/api/orders/999999/letter.pdf',
    ['case_officer', 'provider', 'admin'],
  ],
  ['GET', '/api/implementation-plans', '/api/implementation-plans', ['provider', 'case_officer', 'admin']],
  [
    'POST',
    '/api/implementation-plans/:id/done',
    '/api/implementation-plans/999999/done',
    ['provider', 'admin'],
  ],
  ['GET', '/api/notifications', '/api/notifications', ['provider', 'assessor', 'case_officer', 'admin']],
  [
    'POST',
    '/api/notifications/:id/read',
    '/api/notifications/999999/read',
    ['provider', 'assessor', 'case_officer', 'admin'],
  ],
  ['GET', '/api/users', '/api/users', ['admin']],
  ['POST', '/api/users', '/api/users', ['admin']],
  ['PATCH', '/api/users/:id', '/api/users/999999', ['admin']],
  [
    'GET',
    '/api/statistics/placements',
    '/api/statistics/placements?on=2025-06-01',
    ['analyst', 'assessor', 'admin'],
  ],
  ['GET', '/api/audit', '/api/audit', ['admin']],
  ['GET', '/api/audit.xlsx', '/api/audit.xlsx', ['admin']],
  ['GET', '/api/audit/follow-up', '/api/audit/follow-up', ['admin']],
  ['GET', '/api/audit/follow-up.xlsx', '/api/audit/follow-up.xlsx', ['admin']],
  ['GET', '/api/client-moves', '/api/client-moves', ['case_officer', 'admin']],
  ['POST', '/api/client-moves', '/api/client-moves', ['case_officer', 'admin']],
  ['POST', '/api/client-moves/:id/accept', '/api/client-moves/999999/accept', ['case_officer', 'admin']],
  ['POST', '/api/client-moves/:id/reject', '/api/client-moves/999999/reject', ['case_officer', 'admin']],
  ['POST', '/api/client-moves/:id/withdraw', '/api/client-moves/999999/withdraw', ['case_officer', 'admin']],
  ['GET', '/api/assessments', '/api/assessments', ['assessor', 'admin', 'case_officer']],
  ['GET', '/api/assessments/overview', '/api/assessments/overview', ['assessor', 'admin', 'case_officer']],
  ['GET', '/api/assessments/statistics', '/api/assessments/statistics', ['assessor', 'admin', 'analyst']],
  ['GET', '/api/assessments/:id', '/api/assessments/999999', ['assessor', 'admin', 'case_officer']],
  [
    'GET',
    '/api/assessments/:id/reconciliation',
    '/api/assessments/999999/reconciliation',
    ['assessor', 'admin'],
  ],
  [
    'POST',
    '/api/assessments/notification',
    '/api/assessments/notification',
    ['assessor', 'admin', 'case_officer'],
  ],
  ['POST', '/api/assessments', '/api/assessments', ['assessor', 'admin', 'case_officer']],
  ['PUT', '/api/assessments/:id/scoring', '/api/assessments/999999/scoring', ['assessor']],
  ['POST', '/api/assessments/:id/agreement', '/api/assessments/999999/agreement', ['assessor']],
  [
    'GET',
    '/api/clients/:id/assessments',
    '/api/clients/999999/assessments',
    ['assessor', 'admin', 'case_officer'],
  ],
  ['GET', '/api/assessments/questionnaires', '/api/assessments/questionnaires', ['provider']],
  [
    'GET',
    '/api/assessments/:id/questionnaire',
    '/api/assessments/999999/questionnaire',
    ['provider', 'assessor', 'admin'],
  ],
  ['PUT', '/api/assessments/:id/questionnaire', '/api/assessments/999999/questionnaire', ['provider']],
  ['POST', '/api/assessments/startup', '/api/assessments/startup', ['assessor', 'admin']],
  ['GET', '/api/assessments/startup/:id', '/api/assessments/startup/999999', ['assessor', 'admin']],
  ['GET', '/api/assessments/campaigns', '/api/assessments/campaigns', ['assessor', 'admin']],
  ['GET', '/api/rate-applications', '/api/rate-applications', ['case_officer', 'assessor', 'admin']],
  ['POST', '/api/rate-applications', '/api/rate-applications', ['case_officer', 'admin']],
  [
    'POST',
    '/api/rate-applications/:id/decision',
    '/api/rate-applications/999999/decision',
    ['case_officer', 'admin'],
  ],
];

/**
 * The routes docs/api.md's tables name, as route patterns. The doc writes some rows for readers
 * (a file name for `:file`, optional parts in brackets, two routes in one row); those notations
 * are spelled out here. `{kind}` stands for the placement fact kinds and matches by pattern.
 */
const DOC_NOTATIONS: Record<string, string[]> = {
  '/api/settlement-runs/:id/finance-export[/sie\\|/csv]': [
    '/api/settlement-runs/:id/finance-export',
    '/api/settlement-runs/:id/finance-export/:file',
  ],
  '/api/settlement-runs/:id/specification/:providerId.(json\\|csv\\|xlsx)': [
    '/api/settlement-runs/:id/specification/:file',
  ],
  '/api/reconciliations[/:id]': ['/api/reconciliations', '/api/reconciliations/:id'],
  '/api/reconciliations/:id/reconciliation.xlsx': ['/api/reconciliations/:id/:file'],
  '/api/client-moves/:id/accept, …/reject': ['/api/client-moves/:id/accept', '/api/client-moves/:id/reject'],
  // Registered only when single sign-on is configured (docs/security.md).
  '/api/auth/oidc/login, /api/auth/oidc/callback': [],
};

/** `METHOD pattern` of every route row in docs/api.md (cells split on unescaped pipes). */
function documentedRoutes(): string[] {
  const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const routes: string[] = [];
  for (const line of doc.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    const [, methods = '', path = ''] = cells;
    if (!/^(GET|POST|PUT|PATCH|DELETE)/.test(methods) || !path.startsWith('/api')) continue;
    const bare = path.replace(/\[\?[^\]]*\]/, '').replace(/\?.*$/, '');
    const patterns = DOC_NOTATIONS[path] ?? DOC_NOTATIONS[bare] ?? [bare];
    for (const method of methods.split('\\|'))
      for (const pattern of patterns) routes.push(`${method} ${pattern}`);
  }
  return routes;
}

describe('docs/api.md', () => {
  const matrix = MATRIX.map(([m, p]) => `${m} ${p}`);
  const documented = documentedRoutes();
  const params = (route: string) => route.replace(/:\w+/g, ':');
  const covers = (doc: string, route: string) =>
    doc.includes('{kind}')
      ? new RegExp(`^${params(doc).replace('{kind}', '[a-z-]+')}$`).test(params(route))
      : params(doc) === params(route);

  it('names every registered route', () => {
    expect(matrix.filter((route) => !documented.some((doc) => covers(doc, route)))).toEqual([]);
  });

  it('names no route that is not registered', () => {
    expect(documented.filter((doc) => !matrix.some((route) => covers(doc, route)))).toEqual([]);
  });
});

const allowed = (who: Who, role: Role): boolean =>
  who === 'public' || who === 'signed-in' || who.includes(role);

for (const target of testTargets()) {
  describe(`authorization matrix on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    it('lists every registered route', () => {
      const registered = t.app.ctx.routes.map((r) => `${r.method} ${r.url}`).sort();
      expect(MATRIX.map(([m, p]) => `${m} ${p}`).sort()).toEqual(registered);
    });

    it('declares on each route the access the matrix designs', () => {
      for (const r of t.app.ctx.routes) {
        const row = MATRIX.find(([m, p]) => m === r.method && p === r.url)!;
        const who = row[3];
        expect([r.method, r.url, typeof who === 'string' ? who : [...who].sort()]).toEqual([
          r.method,
          r.url,
          typeof r.access === 'string' ? r.access : [...(r.access ?? [])].sort(),
        ]);
      }
    });

    const called = MATRIX.filter(([, , url]) => url !== '');
    it.each(called)('%s %s: anonymous is refused unless public', async (method, _p, url, who) => {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      if (who === 'public') expect(res.statusCode).not.toBe(401);
      else expect(res.statusCode).toBe(401);
    });

    for (const role of ALL)
      it.each(called)(`%s %s as ${role}`, async (method, _p, url, who) => {
        const res = await t.agents[USER_OF[role]]!.request({
          method: method as 'GET',
          url,
          ...(method === 'GET' ? {} : { payload: {} }),
        });
        const id = res.statusCode === 403 ? (res.json() as { error: { id: string } }).error.id : null;
        if (allowed(who, role)) {
          expect(res.statusCode, res.body).not.toBe(401);
          expect(id, res.body).not.toBe('forbidden');
          expect(res.statusCode, res.body).toBeLessThan(500);
        } else {
          expect(res.statusCode, res.body).toBe(403);
          expect(id).toBe('forbidden');
        }
      });
  });
}
