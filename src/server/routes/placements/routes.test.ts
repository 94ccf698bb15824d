/**
 * Placements (issue #5 §1, §5): overlapping placements of a service refused (409, the EXCLUDE
 * constraint), levels classified by the model in force (LVL-4 gaps refused with 422), scoping by
 * district and provider, absences and evening hours, and versioned updates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, placeByOrder, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`placements on ${target.name}`, () => {
    let t: TestApp;
    let clientId: number;
    let unitId: number;
    let spUnit: number;
    let placementId: number;
    beforeAll(async () => {
      t = await openTestApp(target);
      const c = await t.agents.handlaggare!.request({
        method: 'POST',
        url: '/api/clients',
        payload: { personnummer: makeIdentity('19880808', 808), name: 'Nils Ny', districtId: 'bromma' },
      });
      clientId = c.json().id;
      const units = await t.database.db
        .selectFrom('units')
        .select(['id', 'services', 'provider_id'])
        .orderBy('id')
        .execute();
      unitId = units.find((u) => u.services.includes('lss-gruppbostad') && u.provider_id !== 'U001')!.id;
      spUnit = units.find((u) => u.services.includes('sp-boende'))!.id;
    });
    afterAll(async () => t?.close());

    // A placement is made from an order (FLOW-1) with its first level (LVL-1): without one it
    // could not be paid.
    const create = (p: { start: string; end?: string; service?: string }) =>
      placeByOrder(t.agents.handlaggare!, {
        clientId,
        unitId,
        service: 'lss-gruppbostad',
        level: { points: 44, assessedOn: p.start },
        ...p,
      });

    it('has no door for a placement without an order (FLOW-1)', async () => {
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/placements',
        payload: { clientId, unitId, service: 'lss-gruppbostad', start: '2025-02-01' },
      });
      expect(res.statusCode).toBe(404);
    });

    it('creates a placement from an order with a preliminary level (ASMT-2)', async () => {
      const res = await placeByOrder(t.agents.handlaggare!, {
        clientId,
        unitId,
        service: 'lss-gruppbostad',
        start: '2025-02-01',
        level: { points: 44, assessedOn: '2025-01-20' },
      });
      expect(res.statusCode, res.body).toBe(201);
      placementId = res.json().placementId;
      const view = await t.agents.handlaggare!.request({
        method: 'GET',
        url: `/api/placements/${placementId}`,
      });
      expect(view.json()).toMatchObject({
        service: 'lss-gruppbostad',
        start: '2025-02-01',
        currentLevel: { points: 44, kind: 'preliminary' },
        version: 1,
      });
    });

    it.each([
      [{ start: '2025-06-01' }, 409, 'placement-overlap'],
      [{ start: '2024-01-01', end: '2025-02-01' }, 409, 'placement-overlap'],
      [{ start: '2024-01-01', end: '2024-12-31' }, 201, undefined],
      [{ start: '2025-03-01', end: '2025-02-01' }, 422, 'end-before-start'],
      [{ start: '2025-03-01', service: 'sp-boende' }, 422, 'service-not-offered'],
    ])('create %j → %i', async (payload, status, id) => {
      const res = await create(payload);
      expect(res.statusCode, res.body).toBe(status);
      if (id) expect(res.json().error.id).toBe(id);
    });

    it('refuses points in a gap of the model in force (LVL-4) with 422', async () => {
      const c = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/clients',
        payload: { personnummer: makeIdentity('19700101', 707), name: 'Sara SP', districtId: 'bromma' },
      });
      const p = await placeByOrder(t.agents.admin!, {
        clientId: c.json().id,
        unitId: spUnit,
        service: 'sp-boende',
        start: '2025-01-01',
        level: { points: 20 },
      });
      const res = await t.agents.bedomare!.request({
        method: 'POST',
        url: `/api/placements/${p.json().placementId}/levels`,
        payload: { from: '2025-01-01', points: 15, kind: 'final', assessedOn: '2025-01-01' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.id).toBe('points-outside-levels');
    });

    it('records a final level by the assessor', async () => {
      const res = await t.agents.bedomare!.request({
        method: 'POST',
        url: `/api/placements/${placementId}/levels`,
        payload: { from: '2025-04-01', points: 52, kind: 'final', assessedOn: '2025-04-01' },
      });
      expect(res.statusCode).toBe(201);
    });

    it('updates with the version and refuses a stale one (409)', async () => {
      const a = t.agents.handlaggare!;
      const ok = await a.request({
        method: 'PATCH',
        url: `/api/placements/${placementId}`,
        payload: { version: 1, noticeDate: '2025-08-01', end: '2025-08-10' },
      });
      expect(ok.json()).toMatchObject({ noticeDate: '2025-08-01', end: '2025-08-10', version: 2 });
      const stale = await a.request({
        method: 'PATCH',
        url: `/api/placements/${placementId}`,
        payload: { version: 1, end: '2025-09-01' },
      });
      expect(stale.statusCode).toBe(409);
      expect((await a.request({ method: 'GET', url: `/api/placements/${placementId}` })).json().end).toBe(
        '2025-08-10',
      );
    });

    it('scopes lists: a case officer sees one district, a provider its own units', async () => {
      const officer = (
        await t.agents.handlaggare!.request({ method: 'GET', url: '/api/placements?month=2025-03' })
      ).json().items as { districtId: string }[];
      expect(officer.length).toBeGreaterThan(0);
      expect(new Set(officer.map((p) => p.districtId))).toEqual(new Set(['bromma']));
      const provider = (await t.agents.utforare!.request({ method: 'GET', url: '/api/placements' })).json()
        .items as { providerId: string }[];
      expect(new Set(provider.map((p) => p.providerId))).toEqual(new Set(['U001']));
      const other = await t.agents.utforare!.request({
        method: 'GET',
        url: '/api/placements?providerId=U002',
      });
      expect(other.statusCode).toBe(403);
    });

    it('counts persons per district, service and level for analysts, without client records', async () => {
      type Stats = {
        persons: number;
        rows: {
          districtId: string;
          service: string;
          level: string;
          persons: number | null;
          suppressed: boolean;
        }[];
      };
      const stats = async (agent: string) =>
        (
          await t.agents[agent]!.request({ method: 'GET', url: '/api/statistics/placements?on=2025-06-01' })
        ).json() as Stats;
      const all = await stats('admin');
      expect(all.rows.reduce((s, r) => s + r.persons!, 0)).toBe(all.persons);
      const body = await stats('analytiker');
      // Issue #12 §6: no cell of 1–4 persons, and never one suppressed cell alone in a district.
      for (const r of body.rows) if (r.persons !== null) expect(r.persons === 0 || r.persons >= 5).toBe(true);
      const lone = new Map<string, number>();
      for (const r of body.rows.filter((x) => x.suppressed))
        lone.set(r.districtId, (lone.get(r.districtId) ?? 0) + 1);
      for (const n of lone.values()) expect(n).not.toBe(1);
      expect(body.rows.some((r) => r.suppressed)).toBe(
        all.rows.some((r) => r.persons! > 0 && r.persons! < 5),
      );
      expect(body.rows.find((r) => r.service === 'lss-gruppbostad')?.level).toMatch(/^[1-5]$/); // lss-bostad-2024 levels
      expect(JSON.stringify(body)).not.toMatch(/personnummer|\d{8}-/);
    });

    it('takes absences from the provider of the unit only', async () => {
      const own = await t.database.db
        .selectFrom('placements')
        .select(['id', 'start_date'])
        .where('provider_id', '=', 'U001')
        .where('end_date', 'is', null)
        .where('start_date', '<', '2025-05-01')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const ok = await t.agents.utforare!.request({
        method: 'POST',
        url: `/api/placements/${own.id}/absences`,
        payload: { from: '2025-05-01', to: '2025-05-03', note: 'Sjukhus' },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const theirs = await t.agents.utforare!.request({
        method: 'POST',
        url: `/api/placements/${placementId}/absences`,
        payload: { from: '2025-05-01', to: '2025-05-03' },
      });
      expect(theirs.statusCode).toBe(403);
    });
  });
}
