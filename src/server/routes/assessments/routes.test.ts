/**
 * The assessment office through the API (issue #10): notification → preliminary level and final
 * case (FLOW-1, ASMT-2); two assessors scoring blind and reconciling (ASMT-3); the agreed level
 * becoming a final level entry that settlement corrects for (ASMT-8, PAY-9); the social-psychiatry
 * level guarantee (ASMT-5); a total in a gap refused (LVL-4); changed needs (ASMT-4); access by
 * role and the audit of every read (§10); work lists and agreement statistics (§2, §5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemIds } from '../../../domain/assessment/score.js';
import { previousFromResult, settleMonth } from '../../../domain/settlement/settle.js';
import { loadSettlementInput } from '../../../db/settlement-input.js';
import { instrumentById } from '../../../instruments/load.js';
import { loadCatalog } from '../../../models/load.js';
import { hashPassword } from '../../auth/passwords.js';
import { openTestApp, signIn, testTargets, type Agent, type TestApp } from '../../testing.js';

const lss = itemIds(instrumentById('lss-bostad-2010'));
const sp = itemIds(instrumentById('sp-matning-2010'));
/** Grades giving `points` on the LSS instrument (grade 4 = 5 points, grade 1 = 1 point). */
const lssGrades = (points: number) => {
  const g: Record<string, number> = Object.fromEntries(lss.map((id) => [id, 0]));
  let left = points;
  for (const id of lss) {
    const grade = left >= 5 ? 4 : left > 0 ? 1 : 0;
    g[id] = grade;
    left -= grade === 4 ? 5 : grade;
  }
  return g;
};
/** Grades giving `points` on the SP instrument (even points, 2 per grade step, 8 max per item). */
const spGrades = (points: number) => {
  const g: Record<string, number> = Object.fromEntries(sp.map((id) => [id, 0]));
  let left = points / 2;
  for (const id of sp) {
    const step = Math.min(4, left);
    g[id] = step;
    left -= step;
  }
  return g;
};

for (const target of testTargets()) {
  describe(`assessment office on ${target.name}`, () => {
    let t: TestApp;
    let a: Agent;
    let b: Agent;
    let c3: Agent;
    let officer: Agent;
    let made = 0;
    const placement = async (service: string, start: string, district = 'bromma', owner?: string) => {
      const db = t.database.db;
      // A new client each time, so no demo placement overlaps.
      const client = await db
        .insertInto('clients')
        .values({
          personnummer: `19900101-${String(9000 + ++made).padStart(4, '0')}`,
          identity_kind: 'personnummer',
          name: `Testperson ${made}`,
          district_id: district,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const unit = (
        await db.selectFrom('units').select(['id', 'provider_id', 'services']).orderBy('id').execute()
      ).find((u) => u.services.includes(service) && (owner === undefined || u.provider_id === owner))!;
      const provider = await db
        .selectFrom('providers')
        .select('regime')
        .where('id', '=', unit.provider_id)
        .executeTakeFirstOrThrow();
      const p = await db
        .insertInto('placements')
        .values({
          client_id: client.id,
          unit_id: unit.id,
          provider_id: unit.provider_id,
          service,
          regime: provider.regime,
          start_date: start,
        })
        .returning(['id', 'client_id'])
        .executeTakeFirstOrThrow();
      return p;
    };

    beforeAll(async () => {
      t = await openTestApp(target);
      for (const username of ['bedomare3'])
        await t.database.db
          .insertInto('users')
          .values({
            username,
            name: `Bedömare ${username}`,
            role: 'assessor',
            password_hash: await hashPassword('x-demo-pass'),
          })
          .execute();
      a = t.agents.bedomare!;
      b = t.agents.bedomare2!;
      c3 = await signIn(t.app, 'bedomare3', 'x-demo-pass');
      officer = t.agents.handlaggare!;
    });
    afterAll(async () => t?.close());

    it('demo data: cases in every state, overdue ones, and a plausible agreement record (§11)', async () => {
      const rows = await t.database.db
        .selectFrom('assessment_cases')
        .select(['state', 'kind', 'due_date'])
        .execute();
      const states = new Set(rows.map((r) => r.state));
      for (const s of ['open', 'scoring', 'reconciliation', 'decided']) expect(states).toContain(s);
      expect(rows.some((r) => r.kind === 'reassessment')).toBe(true);
      const overview = (await a.request({ method: 'GET', url: '/api/assessments/overview' })).json();
      expect(overview.overdue).toBeGreaterThan(0);
      const stats = (await a.request({ method: 'GET', url: '/api/assessments/statistics' })).json();
      expect(stats.overall.kappa).toBeGreaterThan(0.5);
      expect(stats.overall.kappa).toBeLessThan(1);
    });

    it('journey: notification, blind scoring, reconciliation, a final level that the next run corrects for', async () => {
      const db = t.database.db;
      const p = await placement('lss-gruppbostad', '2031-01-15');
      const n = await officer.request({
        method: 'POST',
        url: '/api/assessments/notification',
        payload: { placementId: p.id, points: 30, assessedOn: '2031-01-10' },
      });
      expect(n.statusCode, n.body).toBe(201);
      const caseId = n.json().id as number;
      const open = await a.request({ method: 'GET', url: `/api/assessments/${caseId}` });
      expect(open.json()).toMatchObject({
        kind: 'final',
        state: 'open',
        dueDate: '2031-04-15',
        scorings: [],
      });
      const prelim = await db
        .selectFrom('level_entries')
        .selectAll()
        .where('placement_id', '=', p.id)
        .execute();
      expect(prelim).toMatchObject([{ kind: 'preliminary', from_date: '2031-01-15', points: 30 }]);

      // What the provider was paid for January on the preliminary level.
      const catalog = loadCatalog();
      const inputFor = async (to: string) => {
        const { input } = await loadSettlementInput(db, {}, '2031-01', to);
        return { placements: input.placements.filter((x) => x.id === String(p.id)) };
      };
      const january = settleMonth(catalog, await inputFor('2031-01'), '2031-01');
      expect(january.total).toBeGreaterThan(0);

      // A scores; B cannot see A's grades, A sees its own.
      expect(
        (
          await a.request({
            method: 'PUT',
            url: `/api/assessments/${caseId}/scoring`,
            payload: { grades: lssGrades(40) },
          })
        ).statusCode,
      ).toBe(200);
      const seenByB = (await b.request({ method: 'GET', url: `/api/assessments/${caseId}` })).json();
      expect(seenByB.state).toBe('scoring');
      expect(seenByB.scorings).toMatchObject([{ mine: false, grades: null, total: null }]);
      const seenByA = (await a.request({ method: 'GET', url: `/api/assessments/${caseId}` })).json();
      expect(seenByA.scorings).toMatchObject([{ mine: true, total: 40 }]);
      const waiting = (
        await a.request({ method: 'GET', url: `/api/assessments?list=waiting-second&placementId=${p.id}` })
      ).json();
      expect(waiting.items.map((x: { id: number }) => x.id)).toContain(caseId);
      const early = await a.request({ method: 'GET', url: `/api/assessments/${caseId}/reconciliation` });
      expect(early.statusCode).toBe(409);

      // B scores differently; now both see both, and the reconciliation lists where they differ.
      expect(
        (
          await b.request({
            method: 'PUT',
            url: `/api/assessments/${caseId}/scoring`,
            payload: { grades: lssGrades(50) },
          })
        ).statusCode,
      ).toBe(200);
      const third = await c3.request({
        method: 'PUT',
        url: `/api/assessments/${caseId}/scoring`,
        payload: { grades: lssGrades(10) },
      });
      expect(third.statusCode).toBe(409);
      const both = (await b.request({ method: 'GET', url: `/api/assessments/${caseId}` })).json();
      expect(both).toMatchObject({ state: 'reconciliation', bothSubmitted: true });
      expect(both.scorings.map((s: { total: number }) => s.total)).toEqual([40, 50]);
      const rec = (
        await a.request({ method: 'GET', url: `/api/assessments/${caseId}/reconciliation` })
      ).json();
      expect(rec.a).toMatchObject({ total: 40, level: '3' });
      expect(rec.b).toMatchObject({ total: 50, level: '3' });
      expect(rec.differing.length).toBeGreaterThan(0);

      // Someone who did not score cannot agree; a stale version is refused; then A agrees 45.
      const outsider = await c3.request({
        method: 'POST',
        url: `/api/assessments/${caseId}/agreement`,
        payload: { grades: lssGrades(45), assessedOn: '2031-03-20', version: both.version },
      });
      expect(outsider.statusCode).toBe(403);
      const stale = await a.request({
        method: 'POST',
        url: `/api/assessments/${caseId}/agreement`,
        payload: { grades: lssGrades(45), assessedOn: '2031-03-20', version: 1 },
      });
      expect(stale.statusCode).toBe(409);
      const ok = await a.request({
        method: 'POST',
        url: `/api/assessments/${caseId}/agreement`,
        payload: { grades: lssGrades(45), assessedOn: '2031-03-20', version: both.version },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const decided = (await officer.request({ method: 'GET', url: `/api/assessments/${caseId}` })).json();
      expect(decided.agreed).toMatchObject({
        points: 45,
        level: '3',
        modelId: 'lss-bostad-2024',
        rules: ['ASMT-8'],
        grades: null,
      });
      expect(decided.scorings).toEqual([]); // case officers see the result, not the scorings

      // ASMT-8 start-date: the February run pays January's difference as a correction (PAY-9).
      const feb = settleMonth(catalog, await inputFor('2031-02'), '2031-02', {
        previous: [previousFromResult(january, 'january')],
      });
      const corr = feb.lines.filter((l) => l.kind === 'correction');
      expect(corr.length).toBeGreaterThan(0);
      expect(corr.every((l) => l.correctsMonth === '2031-01')).toBe(true);
      expect(corr.reduce((s, l) => s + l.amount, 0)).toBeGreaterThan(0); // level 2 → 3 pays more

      // ASMT-9: the client's record extract holds the level history, the cases, both originals.
      const record = await officer.request({ method: 'GET', url: `/api/clients/${p.client_id}/assessments` });
      expect(record.statusCode, record.body).toBe(200);
      const r = record.json();
      expect(r.levelHistory.map((e: { kind: string; points: number }) => [e.kind, e.points])).toEqual([
        ['preliminary', 30],
        ['final', 45],
      ]);
      expect(r.levelHistory[1]).toMatchObject({ decidedBy: 'Britt Bedömare', caseId });
      expect(r.corrections).toEqual([]); // no approved run holds this placement yet
      const fin = r.cases.find((x: { id: number }) => x.id === caseId);
      expect(fin.originals.map((o: { total: number }) => o.total)).toEqual([40, 50]);
      expect(fin.agreed).toMatchObject({ points: 45, decidedBy: 'Britt Bedömare' });
      const otherDistrict = await t.agents.handlaggare2!.request({
        method: 'GET',
        url: `/api/clients/${p.client_id}/assessments`,
      });
      expect(otherDistrict.statusCode).toBe(403);

      const reads = await db
        .selectFrom('audit_log')
        .select(['action', 'role'])
        .where('entity', '=', 'assessment')
        .where('entity_id', '=', String(caseId))
        .where('action', '=', 'read')
        .execute();
      expect(reads.length).toBeGreaterThanOrEqual(4);
    });

    it('social psychiatry: a gap total is refused (LVL-4); a lower measurement waits for the guarantee (ASMT-5)', async () => {
      const p = await placement('sp-stodboende', '2032-01-01');
      const n = await a.request({
        method: 'POST',
        url: '/api/assessments/notification',
        payload: { placementId: p.id, points: 40, assessedOn: '2032-01-01' },
      });
      expect(n.statusCode, n.body).toBe(201);
      const caseId = n.json().id;
      for (const who of [a, b])
        expect(
          (
            await who.request({
              method: 'PUT',
              url: `/api/assessments/${caseId}/scoring`,
              payload: { grades: spGrades(38) },
            })
          ).statusCode,
        ).toBe(200);
      const v = (await a.request({ method: 'GET', url: `/api/assessments/${caseId}` })).json().version;
      const gap = await a.request({
        method: 'POST',
        url: `/api/assessments/${caseId}/agreement`,
        payload: { grades: spGrades(38), assessedOn: '2032-02-01', version: v },
      });
      expect(gap.statusCode).toBe(422);
      expect(gap.json().error).toMatchObject({ id: 'points-outside-levels' });
      expect(gap.json().error.message).toMatch(/glapp mellan 14-36 .* och 40-72/);
      const ok = await a.request({
        method: 'POST',
        url: `/api/assessments/${caseId}/agreement`,
        payload: { grades: spGrades(40), assessedOn: '2032-02-01', version: v },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      // ASMT-5: the next measurement is opened, due six months after the level.
      const list = (
        await a.request({ method: 'GET', url: `/api/assessments?placementId=${p.id}&list=due` })
      ).json();
      const m = list.items.find((x: { kind: string }) => x.kind === 'measurement');
      expect(m).toMatchObject({ dueDate: '2032-08-01', state: 'open' });
      for (const who of [a, b])
        await who.request({
          method: 'PUT',
          url: `/api/assessments/${m.id}/scoring`,
          payload: { grades: spGrades(10) },
        });
      const mv = (await a.request({ method: 'GET', url: `/api/assessments/${m.id}` })).json().version;
      const lower = await b.request({
        method: 'POST',
        url: `/api/assessments/${m.id}/agreement`,
        payload: { grades: spGrades(10), assessedOn: '2032-03-01', version: mv },
      });
      expect(lower.statusCode, lower.body).toBe(200);
      const after = (await a.request({ method: 'GET', url: `/api/assessments/${m.id}` })).json();
      // Granted from the start 2032-01-01 (the final replaced the preliminary): lower from 2032-07-01.
      expect(after.agreed).toMatchObject({ level: '1', effectiveFrom: '2032-07-01', rules: ['ASMT-5'] });
    });

    it('changed needs (ASMT-4): case officers raise them with a reason, own district only', async () => {
      const p = await placement('lss-servicebostad', '2033-01-01');
      const noReason = await officer.request({
        method: 'POST',
        url: '/api/assessments',
        payload: { placementId: p.id, kind: 'reassessment' },
      });
      expect(noReason.statusCode).toBe(400);
      const final = await officer.request({
        method: 'POST',
        url: '/api/assessments',
        payload: { placementId: p.id, kind: 'final' },
      });
      expect(final.statusCode).toBe(403);
      const other = await t.agents.handlaggare2!.request({
        method: 'POST',
        url: '/api/assessments',
        payload: { placementId: p.id, kind: 'reassessment', reason: 'Ökat behov' },
      });
      expect(other.statusCode).toBe(403);
      const ok = await officer.request({
        method: 'POST',
        url: '/api/assessments',
        payload: {
          placementId: p.id,
          kind: 'reassessment',
          reason: 'Ökat behov av tillsyn nattetid',
          dueDate: '2020-01-01',
        },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const overdue = (await officer.request({ method: 'GET', url: '/api/assessments?list=overdue' })).json();
      expect(overdue.items.find((x: { id: number }) => x.id === ok.json().id)).toMatchObject({
        overdue: true,
        reason: 'Ökat behov av tillsyn nattetid',
        kind: 'reassessment',
      });
      const counts = (await officer.request({ method: 'GET', url: '/api/assessments/overview' })).json();
      expect(counts.overdue).toBeGreaterThanOrEqual(1);
      const notMine = await t.agents.handlaggare2!.request({
        method: 'GET',
        url: `/api/assessments/${ok.json().id}`,
      });
      expect(notMine.statusCode).toBe(403);
      const officerScores = await officer.request({
        method: 'PUT',
        url: `/api/assessments/${ok.json().id}/scoring`,
        payload: { grades: lssGrades(10) },
      });
      expect(officerScores.statusCode).toBe(403);
    });

    it('questionnaire (ASMT-3): the provider answers for its own client; both assessors read it', async () => {
      const db = t.database.db;
      const units = await db
        .selectFrom('units')
        .select(['services'])
        .where('provider_id', '=', 'U001')
        .execute();
      const covered = ['lss-gruppbostad', 'lss-servicebostad', 'sp-boende', 'sp-stodboende', 'sp-boendestod'];
      const service = covered.find((s) => units.some((u) => u.services.includes(s)))!;
      const p = await placement(service, '2034-01-01', 'bromma', 'U001');
      const n = await a.request({
        method: 'POST',
        url: '/api/assessments/notification',
        payload: { placementId: p.id, level: '1', assessedOn: '2034-01-01' },
      });
      expect(n.statusCode, n.body).toBe(201);
      const caseId = n.json().id;
      const provider = t.agents.utforare!;
      const list = (
        await provider.request({
          method: 'GET',
          url: '/api/assessments/questionnaires?answered=false&sort=due&dir=desc&limit=200',
        })
      ).json();
      expect(list.total).toBeGreaterThanOrEqual(1);
      expect(list.items.find((x: { caseId: number }) => x.caseId === caseId)).toMatchObject({
        answered: false,
      });
      const form = (
        await provider.request({ method: 'GET', url: `/api/assessments/${caseId}/questionnaire` })
      ).json();
      expect(form.areas).toHaveLength(7);
      const first = form.areas[0].questions[0].item;
      const unknown = await provider.request({
        method: 'PUT',
        url: `/api/assessments/${caseId}/questionnaire`,
        payload: { answers: { nope: 'x' } },
      });
      expect(unknown.statusCode).toBe(400);
      // An empty form is not an answer: refused, and the questionnaire stays unanswered.
      const empty = await provider.request({
        method: 'PUT',
        url: `/api/assessments/${caseId}/questionnaire`,
        payload: { answers: { [first]: '  ' }, note: '' },
      });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().error).toMatchObject({ id: 'questionnaire-empty', field: 'answers' });
      expect(
        (await provider.request({ method: 'GET', url: `/api/assessments/${caseId}/questionnaire` })).json()
          .answeredAt,
      ).toBeNull();
      const put = await provider.request({
        method: 'PUT',
        url: `/api/assessments/${caseId}/questionnaire`,
        payload: {
          answers: { [first]: 'Behöver stöd vid alla måltider' },
          note: 'Personal: två kontaktpersoner',
        },
      });
      expect(put.statusCode, put.body).toBe(200);
      const again = await provider.request({
        method: 'PUT',
        url: `/api/assessments/${caseId}/questionnaire`,
        payload: { answers: { [first]: 'Ändrat' }, version: 7 },
      });
      expect(again.statusCode).toBe(409);
      for (const who of [a, b]) {
        const seen = (
          await who.request({ method: 'GET', url: `/api/assessments/${caseId}/questionnaire` })
        ).json();
        expect(seen.areas[0].questions[0].answer).toBe('Behöver stöd vid alla måltider');
        expect(seen).toMatchObject({
          note: 'Personal: två kontaktpersoner',
          answeredBy: 'Ulf Utförare',
          version: 1,
        });
      }
      // Another provider's client is out of scope; case officers do not read questionnaires.
      const otherUnit = await db
        .selectFrom('units')
        .select(['services'])
        .where('provider_id', '<>', 'U001')
        .orderBy('id')
        .execute();
      const otherService = covered.find((s) => otherUnit.some((u) => u.services.includes(s)))!;
      const other = await placement(otherService, '2034-01-01', 'bromma');
      const owner = await db
        .selectFrom('placements')
        .select('provider_id')
        .where('id', '=', other.id)
        .executeTakeFirstOrThrow();
      const otherCase = (
        await a.request({
          method: 'POST',
          url: '/api/assessments/notification',
          payload: { placementId: other.id, level: '1', assessedOn: '2034-01-01' },
        })
      ).json().id;
      if (owner.provider_id !== 'U001')
        expect(
          (await provider.request({ method: 'GET', url: `/api/assessments/${otherCase}/questionnaire` }))
            .statusCode,
        ).toBe(403);
      expect(
        (await officer.request({ method: 'GET', url: `/api/assessments/${caseId}/questionnaire` }))
          .statusCode,
      ).toBe(403);
    });

    it('start-up measurement (ASMT-6): one batch job with progress, no duplicates, campaign progress', async () => {
      const start = async () => {
        const r = await a.request({
          method: 'POST',
          url: '/api/assessments/startup',
          payload: { modelId: 'sp-2010', dueDate: '2035-06-30' },
        });
        expect(r.statusCode, r.body).toBe(202);
        let job = r.json();
        for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
          await new Promise((ok) => setTimeout(ok, 50));
          job = (await a.request({ method: 'GET', url: `/api/assessments/startup/${job.jobId}` })).json();
        }
        return job;
      };
      const first = await start();
      expect(first).toMatchObject({ status: 'done', progress: 1 });
      const current = await t.database.db
        .selectFrom('placements')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('service', 'in', ['sp-boende', 'sp-stodboende', 'sp-boendestod', 'sp-sysselsattning'])
        .where('no_show', '=', false)
        .where('start_date', '<=', new Date().toISOString().slice(0, 10))
        .where((eb) =>
          eb.or([eb('end_date', 'is', null), eb('end_date', '>=', new Date().toISOString().slice(0, 10))]),
        )
        .executeTakeFirstOrThrow();
      expect(first.created).toBe(Number(current.n));
      expect(first.created).toBeGreaterThan(0);
      expect((await start()).created).toBe(0);
      const campaigns = (await a.request({ method: 'GET', url: '/api/assessments/campaigns' })).json();
      expect(campaigns.items).toEqual([
        {
          campaign: 'uppstart-sp-2010',
          modelId: 'sp-2010',
          total: first.created,
          decided: 0,
          inProgress: 0,
          overdue: 0,
          firstDue: '2035-06-30',
        },
      ]);
    });

    it('providers and analysts see no cases; analysts see the statistics per pair and area (§5, §10)', async () => {
      for (const who of ['utforare', 'analytiker'])
        expect((await t.agents[who]!.request({ method: 'GET', url: '/api/assessments' })).statusCode).toBe(
          403,
        );
      expect(
        (await t.agents.utforare!.request({ method: 'GET', url: '/api/assessments/1' })).statusCode,
      ).toBe(403);
      const s = await t.agents.analytiker!.request({ method: 'GET', url: '/api/assessments/statistics' });
      expect(s.statusCode, s.body).toBe(200);
      const stats = s.json();
      expect(stats.cases).toBeGreaterThanOrEqual(3);
      expect(stats.byPair.map((x: { assessors: string[] }) => x.assessors)).toContainEqual([
        'Bo Bedömare',
        'Britt Bedömare',
      ]);
      expect(stats.byArea.length).toBeGreaterThanOrEqual(7);
      expect(stats.levels.cases).toBe(stats.cases);
      // Per pair too: where the two originals' levels landed, summing to the whole (§5).
      type Levels = { cases: number; sameLevel: number };
      const perPair = stats.byPair.map((x: { levels: Levels }) => x.levels) as Levels[];
      expect(perPair.reduce((n, l) => n + l.cases, 0)).toBe(stats.levels.cases);
      expect(perPair.reduce((n, l) => n + l.sameLevel, 0)).toBe(stats.levels.sameLevel);
      const bad = await t.agents.analytiker!.request({
        method: 'GET',
        url: '/api/assessments/statistics?from=2024-13-01',
      });
      expect(bad.statusCode).toBe(400);
    });
  });
}
