/**
 * The demo's transition-to-work and rate-application data (issue #10 follow-up; SVC-4, LVL-6,
 * LVL-7): the pages /overgang-till-arbete and /klienter/:id/ansokningar show real content for the
 * demo provider and case officers, scoped by provider and district, and the seeded placements
 * settle without refusals (the transition is paid as the model says).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../models/load.js';
import { computeRun } from './settlement/run.js';
import { openTestApp, testTargets, type TestApp } from './testing.js';

const [pglite] = testTargets();

interface Transition {
  clientName: string;
  ongoing: boolean;
  from: string;
  to: string;
  sixMonthEnd: string;
  visits: { visitedOn: string; recordedBy: string | null }[];
}
interface Application {
  kind: string;
  state: string;
  points: number | null;
  ordererProviderAgreed: boolean;
  criteria: Record<string, string>;
  cost: { annualCost: number; perDay: number };
  decision: {
    amount: number | null;
    from: string | null;
    to: string | null;
    decidedBy: string | null;
  } | null;
}

describe('demo transitions to work and rate applications', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Scale 0.2 so the case officer's district has social-psychiatry clients above 60 points.
    t = await openTestApp(pglite!, 0.2);
  });
  afterAll(async () => t?.close());
  const list = async <T>(user: string, url: string): Promise<T> => {
    const res = await t.agents[user]!.request({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };

  it('shows the provider its transitions with visits, the case officers their district’s (SVC-4)', async () => {
    const { items: provider } = await list<{ items: Transition[] }>('utforare', '/api/transitions-to-work');
    expect(provider.map((x) => x.clientName).sort()).toEqual(
      ['Nils Granqvist', 'Otto Sjöberg', 'Rasmus Nordin', 'Sara Björklund', 'Tove Engström'].sort(),
    );
    const nils = provider.find((x) => x.clientName === 'Nils Granqvist')!;
    expect(nils).toMatchObject({ from: '2026-09-01', to: '2027-02-28', sixMonthEnd: '2027-02-28' });
    expect(nils.visits.map((v) => v.recordedBy)).toEqual(['Ulf Utförare', 'Ulf Utförare', 'Ulf Utförare']);
    expect(provider.find((x) => x.clientName === 'Tove Engström')!.visits).toHaveLength(5);
    for (const x of provider)
      for (const v of x.visits) expect(v.visitedOn >= x.from && v.visitedOn <= x.to).toBe(true);
    const { items: bromma } = await list<{ items: Transition[] }>('handlaggare', '/api/transitions-to-work');
    expect(bromma.map((x) => x.clientName)).not.toContain('Rasmus Nordin');
    expect(bromma).toHaveLength(4);
    const { items: soder } = await list<{ items: Transition[] }>('handlaggare2', '/api/transitions-to-work');
    expect(soder.map((x) => x.clientName)).toEqual(['Rasmus Nordin']);
  });

  it('has applications of both kinds in every state, with criteria, cost and decision (LVL-6, LVL-7)', async () => {
    const { items } = await list<{ items: Application[] }>('handlaggare', '/api/rate-applications');
    const kinds = new Set(items.map((a) => `${a.kind} ${a.state}`));
    for (const k of [
      'individual-rate granted',
      'individual-rate refused',
      'special-accounting submitted',
      'special-accounting granted',
      'special-accounting refused',
    ])
      expect(kinds).toContain(k);
    for (const a of items) {
      expect(Object.keys(a.criteria).sort()).toEqual(
        ['costCalculation', 'disability', 'environment', 'history', 'staffingMeasures'].sort(),
      );
      expect(a.cost.annualCost).toBeGreaterThan(0);
      if (a.state !== 'submitted') expect(a.decision?.decidedBy).toBe('Hanna Handläggare');
      if (a.kind === 'individual-rate') {
        // The over-60-points check and the orderer/provider agreement (LVL-6).
        expect(a.points).toBeGreaterThan(60);
        expect(a.ordererProviderAgreed).toBe(true);
      } else expect(a.points).toBeGreaterThanOrEqual(71);
      if (a.state === 'granted')
        expect(a.decision).toMatchObject({ amount: expect.any(Number), from: expect.any(String) });
    }
    const special = items.find((a) => a.kind === 'special-accounting' && a.state === 'granted')!;
    expect(special.decision).toMatchObject({ amount: 10400, from: '2026-07-01', to: '2027-06-30' });
    // Another district's case officer sees none of them.
    expect((await list<{ items: Application[] }>('handlaggare2', '/api/rate-applications')).items).toEqual(
      [],
    );
  });

  it('settles the demo daily activity, transitions included, without refusals', async () => {
    const db = t.database.db;
    const daily = await db
      .selectFrom('placements')
      .select('id')
      .where('service', '=', 'lss-daglig-verksamhet')
      .execute();
    // Six transition clients, and the participation follow-up's client at 8 h/week (issue #11 §6).
    expect(daily.length).toBe(7);
    for (const month of ['2025-06', '2026-10']) {
      const run = await computeRun(db, loadCatalog(), { month, scope: {}, userId: null });
      const refused = await db
        .selectFrom('settlement_refusals')
        .select(['placement_id', 'message'])
        .where('run_id', '=', run)
        .where(
          'placement_id',
          'in',
          daily.map((d) => d.id),
        )
        .execute();
      expect(refused).toEqual([]);
      const lines = await db
        .selectFrom('settlement_lines')
        .select('placement_id')
        .where('run_id', '=', run)
        .where(
          'placement_id',
          'in',
          daily.map((d) => d.id),
        )
        .execute();
      // Every daily-activity placement running in the month is paid.
      const first = `${month}-01`;
      const running = await db
        .selectFrom('placements')
        .select('id')
        .where('service', '=', 'lss-daglig-verksamhet')
        .where('start_date', '<', month === '2025-06' ? '2025-07-01' : '2026-11-01')
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', first)]))
        .execute();
      expect(running.length).toBeGreaterThanOrEqual(5);
      expect(new Set(lines.map((l) => l.placement_id))).toEqual(new Set(running.map((r) => r.id)));
    }
  });
});
