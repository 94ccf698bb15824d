/**
 * The provider's questionnaire list pages on the server (issue #14 §1, ASMT-3): walked forwards
 * and back under each sort, the true total split exactly by the answered filter, only the
 * provider's own clients' open cases, and hostile query values refused with 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

const URL = '/api/assessments/questionnaires';

for (const target of testTargets()) {
  describe(`questionnaire list on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
      // Twelve open reassessments of the demo provider's placements (three share a due date), one
      // answered, and a preliminary case the list leaves out.
      const db = t.database.db;
      const me = (await t.agents.utforare!.request({ method: 'GET', url: '/api/auth/me' })).json() as {
        user: { providerId: string };
      };
      const placements = await db
        .selectFrom('placements')
        .select(['id', 'client_id', 'service', 'start_date'])
        .where('provider_id', '=', me.user.providerId)
        .orderBy('id')
        .limit(13)
        .execute();
      const cases = await db
        .insertInto('assessment_cases')
        .values(
          placements.map((p, i) => ({
            placement_id: p.id,
            client_id: p.client_id,
            service: p.service,
            kind: i === 12 ? ('preliminary' as const) : ('reassessment' as const),
            opened_on: '2026-01-01',
            due_date: `2026-02-${String(1 + Math.floor(i / 3)).padStart(2, '0')}`,
            reason: 'Förändrade behov',
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('assessment_questionnaires')
        .values({ case_id: cases[0]!.id, instrument_id: 'test', answers: JSON.stringify([]) })
        .execute();
    }, 180_000);
    afterAll(() => t?.close());

    it('pages every sort both ways with the true total, split by the answered filter', async () => {
      const provider = t.agents.utforare!;
      const all = await walkList(provider, `${URL}?limit=2`, 'caseId');
      expect(all.total).toBeGreaterThan(0);
      for (const sort of ['due', 'client'])
        for (const dir of ['asc', 'desc']) {
          const walked = await walkList(provider, `${URL}?limit=3&sort=${sort}&dir=${dir}`, 'caseId');
          expect([...walked.ids].sort()).toEqual([...all.ids].sort());
        }
      const open = await walkList(provider, `${URL}?limit=5&answered=false`, 'caseId');
      const done = await walkList(provider, `${URL}?limit=5&answered=true`, 'caseId');
      expect(open.total + done.total).toBe(all.total);
      // Only this provider's placements' open cases, never a preliminary one.
      const me = (await provider.request({ method: 'GET', url: '/api/auth/me' })).json() as {
        user: { providerId: string };
      };
      const own = await t.database.db
        .selectFrom('assessment_cases as c')
        .innerJoin('placements as p', 'p.id', 'c.placement_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('p.provider_id', '=', me.user.providerId)
        .where('c.state', 'in', ['open', 'scoring'])
        .where('c.kind', '<>', 'preliminary')
        .executeTakeFirstOrThrow();
      expect(all.total).toBe(Number(own.n));
    });

    it.each(['limit=0', 'limit=201', 'sort=name', 'dir=up', 'answered=maybe', 'cursor=%00', 'cursor=abc'])(
      'refuses %s with a 400',
      async (query) => {
        const res = await t.agents.utforare!.request({ method: 'GET', url: `${URL}?${query}` });
        expect(res.statusCode, res.body).toBe(400);
      },
    );
  });
}
