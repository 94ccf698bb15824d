/**
 * Providers keep their own catalogue profile; an admin approves (issue #11 §3, FLOW-3): a
 * proposal stays out of the public catalogue until approved, a rejection needs a reason, a
 * provider proposes only for its own units, and every step is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueList } from '../../../contract/catalogue.js';
import { profileChangeList, profileChangeView } from '../../../contract/profile-changes.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`profile changes on ${target.name}`, () => {
    let t: TestApp;
    let unit: { id: number; version: number };
    beforeAll(async () => {
      t = await openTestApp(target);
      unit = await t.database.db
        .selectFrom('units')
        .select(['id', 'version'])
        .where('provider_id', '=', 'U001')
        .orderBy('id')
        .executeTakeFirstOrThrow();
    });
    afterAll(async () => t?.close());

    const publicUnit = async () =>
      catalogueList
        .parse((await t.app.inject({ method: 'GET', url: `/api/catalogue?unitIds=${unit.id}` })).json())
        .items.find((u) => u.unitId === unit.id);
    const propose = (agent: 'utforare' | 'admin', catalogue: object, version = unit.version, id = unit.id) =>
      t.agents[agent]!.request({
        method: 'POST',
        url: `/api/units/${id}/profile-changes`,
        payload: { version, catalogue },
      });
    const profile = {
      orientation: 'Autism',
      methods: ['TEACCH', 'Lågaffektivt bemötande'],
      physicalDesign: 'Sex lägenheter med egen uteplats och gemensam trädgård',
      accessibility: 'Tillgänglig för rullstol, hiss',
      transport: 'Tunnelbana inom 200 m',
    };

    it('keeps a proposal out of the public catalogue until an admin approves it', async () => {
      const res = await propose('utforare', profile);
      expect(res.statusCode, res.body).toBe(201);
      const change = profileChangeView.parse(res.json());
      expect(change.state).toBe('pending');
      expect(change.proposed.physicalDesign).toBe(profile.physicalDesign);
      expect((await publicUnit())?.physicalDesign).not.toBe(profile.physicalDesign);

      const pending = profileChangeList.parse(
        (
          await t.agents.admin!.request({
            method: 'GET',
            url: '/api/profile-changes?state=pending&limit=200',
          })
        ).json(),
      ).items;
      expect(pending.map((c) => c.id)).toContain(change.id);

      const ok = await t.agents.admin!.request({
        method: 'POST',
        url: `/api/profile-changes/${change.id}/approve`,
        payload: {},
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(profileChangeView.parse(ok.json()).state).toBe('approved');
      const shown = await publicUnit();
      expect(shown?.physicalDesign).toBe(profile.physicalDesign);
      expect(shown?.transport).toBe(profile.transport);

      const again = await t.agents.admin!.request({
        method: 'POST',
        url: `/api/profile-changes/${change.id}/reject`,
        payload: { reason: 'för sent' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.id).toBe('profile-change-decided');
      const log = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'username'])
        .where('entity', '=', 'profile-change')
        .where('entity_id', '=', String(change.id))
        .orderBy('id')
        .execute();
      expect(log).toEqual([
        { action: 'create', username: 'utforare' },
        { action: 'approve', username: 'admin' },
      ]);
    });

    it('refuses a stale version, an unchanged profile and a rejection without reason', async () => {
      const stale = await propose('utforare', { ...profile, orientation: 'Unga vuxna' }, unit.version);
      expect(stale.statusCode).toBe(409); // the approval raised the unit's version
      const current = await t.database.db
        .selectFrom('units')
        .select('version')
        .where('id', '=', unit.id)
        .executeTakeFirstOrThrow();
      unit.version = current.version;
      const same = await propose('utforare', profile);
      expect(same.statusCode).toBe(422);
      expect(same.json().error).toMatchObject({ id: 'profile-unchanged', field: 'catalogue' });

      const first = profileChangeView.parse(
        (await propose('utforare', { ...profile, orientation: 'Unga vuxna' })).json(),
      );
      const second = profileChangeView.parse(
        (await propose('utforare', { ...profile, orientation: 'Psykisk ohälsa' })).json(),
      );
      const mine = profileChangeList.parse(
        (
          await t.agents.utforare!.request({ method: 'GET', url: `/api/profile-changes?unitId=${unit.id}` })
        ).json(),
      ).items;
      expect(mine.find((c) => c.id === first.id)?.state).toBe('withdrawn');
      const noReason = await t.agents.admin!.request({
        method: 'POST',
        url: `/api/profile-changes/${second.id}/reject`,
        payload: { reason: '  ' },
      });
      expect(noReason.statusCode).toBe(422);
      expect(noReason.json().error).toMatchObject({ id: 'reason-required', field: 'reason' });
      const rejected = await t.agents.admin!.request({
        method: 'POST',
        url: `/api/profile-changes/${second.id}/reject`,
        payload: { reason: 'Inriktningen stämmer inte med tillståndet' },
      });
      expect(profileChangeView.parse(rejected.json())).toMatchObject({
        state: 'rejected',
        reason: 'Inriktningen stämmer inte med tillståndet',
      });
      expect((await publicUnit())?.orientation).toBe('Autism');
    });

    it("refuses another provider's unit and hides other providers' proposals", async () => {
      const other = await t.database.db
        .selectFrom('units')
        .select(['id', 'version'])
        .where('provider_id', '<>', 'U001')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const res = await propose('utforare', profile, other.version, other.id);
      expect(res.statusCode).toBe(403);
      const byAdmin = profileChangeView.parse(
        (await propose('admin', profile, other.version, other.id)).json(),
      );
      const mine = profileChangeList.parse(
        (await t.agents.utforare!.request({ method: 'GET', url: '/api/profile-changes?limit=200' })).json(),
      ).items;
      expect(mine.some((c) => c.id === byAdmin.id)).toBe(false);
      expect(mine.every((c) => c.providerId === 'U001')).toBe(true);
    });
  });
}
