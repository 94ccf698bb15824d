/**
 * Every door to a new placement opens the assessment case (FLOW-1, ASMT-2: a final assessment due
 * three months after the start): the order (the only door in the API) and the import. Providers see final levels only (issue #10 §10): in
 * placements, the client record, the level list, run lines, specifications and payments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, placeByOrder, testTargets, type TestApp } from '../../testing.js';

const multipart = (content: string) => {
  const boundary = 'ersattningBoundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    ),
  };
};

for (const target of testTargets()) {
  describe(`new placements and the assessment office on ${target.name}`, () => {
    let t: TestApp;
    let unit: number;
    let made = 0;
    const newClient = async () => {
      const res = await t.agents.handlaggare!.request({
        method: 'POST',
        url: '/api/clients',
        payload: {
          personnummer: makeIdentity('19770707', 700 + ++made),
          name: `Nya ${made}`,
          districtId: 'bromma',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const casesOf = (placementId: number) =>
      t.database.db
        .selectFrom('assessment_cases')
        .select(['id', 'kind', 'state', 'due_date'])
        .where('placement_id', '=', placementId)
        .execute();

    beforeAll(async () => {
      t = await openTestApp(target);
      // A unit of the demo provider U001 with group homes, so the provider's view can be checked.
      unit = (
        await t.database.db
          .selectFrom('units')
          .select(['id', 'services', 'provider_id'])
          .orderBy('id')
          .execute()
      ).find((u) => u.services.includes('lss-gruppbostad') && u.provider_id === 'U001')!.id;
    });
    afterAll(async () => t?.close());

    it('an order opens the final case and tells the office (FLOW-1, ASMT-2)', async () => {
      const clientId = await newClient();
      const res = await placeByOrder(t.agents.handlaggare!, {
        clientId,
        unitId: unit,
        service: 'lss-gruppbostad',
        start: '2032-02-10',
        level: { points: 30, assessedOn: '2032-02-01' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const placementId = res.json().placementId as number;
      expect(await casesOf(placementId)).toMatchObject([
        { kind: 'final', state: 'open', due_date: '2032-05-10' },
      ]);
      const note = await t.database.db
        .selectFrom('notifications')
        .select(['kind', 'recipient', 'message'])
        .where('placement_id', '=', placementId)
        .where('recipient', '=', 'assessment_office')
        .execute();
      expect(note).toMatchObject([{ kind: 'order', recipient: 'assessment_office' }]);
      expect(note[0]!.message).toContain('Slutlig bedömning inom tre månader');
      const listed = await t.agents.bedomare!.request({
        method: 'GET',
        url: `/api/assessments?list=due&placementId=${placementId}`,
      });
      expect(listed.json().total).toBe(1);
    });

    it('an import opens a case for each placement without a final level', async () => {
      const header = 'personnummer,unit_id,service,start,points,level_kind,assessed_on,name,district_id';
      const rows = [
        `${makeIdentity('19660606', 601)},${unit},lss-gruppbostad,2032-04-01,30,preliminary,2032-03-20,Imp Ett,bromma`,
        `${makeIdentity('19660606', 602)},${unit},lss-gruppbostad,2032-04-01,44,preliminary,2032-03-20,Imp Två,bromma`,
        `${makeIdentity('19660606', 603)},${unit},lss-gruppbostad,2032-04-01,44,final,2032-03-20,Imp Tre,bromma`,
      ];
      const res = await t.agents.admin!.request({
        method: 'POST',
        url: '/api/imports/placements',
        ...multipart([header, ...rows].join('\n')),
      });
      expect(res.statusCode, res.body).toBe(201);
      const placed = await t.database.db
        .selectFrom('placements')
        .innerJoin('clients', 'clients.id', 'placements.client_id')
        .select(['placements.id', 'clients.name'])
        .where('clients.name', 'like', 'Imp %')
        .orderBy('clients.name')
        .execute();
      const byName = Object.fromEntries(
        await Promise.all(placed.map(async (p) => [p.name, (await casesOf(p.id)).map((c) => c.due_date)])),
      );
      expect(byName).toEqual({ 'Imp Ett': ['2032-07-01'], 'Imp Tre': [], 'Imp Två': ['2032-07-01'] });
    });

    it('a provider sees the final level only: placements, client, levels, lines, specification, payments', async () => {
      const db = t.database.db;
      const provider = t.agents.utforare!;
      const clientId = await newClient();
      const made = await placeByOrder(t.agents.handlaggare!, {
        clientId,
        unitId: unit,
        service: 'lss-gruppbostad',
        start: '2032-06-01',
        level: { points: 44, assessedOn: '2032-05-20' },
      });
      expect(made.statusCode, made.body).toBe(201);
      const id = made.json().placementId as number;
      const line = async (runId: number, level: string) =>
        db
          .insertInto('settlement_lines')
          .values({
            run_id: runId,
            placement_id: id,
            client_id: clientId,
            provider_id: 'U001',
            unit_id: unit,
            district_id: 'bromma',
            service: 'lss-gruppbostad',
            regime: 'privat',
            kind: 'ordinary',
            from_date: '2032-06-01',
            to_date: '2032-06-30',
            quantity: 30,
            rules: [],
            unit: 'day',
            rate_ore: 100_000,
            amount_ore: 3_000_000,
            level,
            explanation: JSON.stringify({
              text: `Ordinarie: 30 dygn × 1 000 kr = 30 000 kr, nivå ${level}, privat`,
            }),
          })
          .execute();
      // Providers read approved runs only: a run is written as a draft, given its line, approved.
      const run = async (month: string) =>
        (
          await db
            .insertInto('settlement_runs')
            .values({ month, status: 'draft', total_ore: 3_000_000, line_count: 1, models: [] })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      const approve = (id: number) =>
        db
          .updateTable('settlement_runs')
          .set({ status: 'approved', approved_at: new Date() })
          .where('id', '=', id)
          .execute();
      const early = await run('2032-06');
      await line(early, '4');
      await approve(early);

      const seen = async () => {
        const list = (
          await provider.request({ method: 'GET', url: `/api/placements?clientId=${clientId}` })
        ).json();
        const one = (await provider.request({ method: 'GET', url: `/api/placements/${id}` })).json();
        const levels = (
          await provider.request({ method: 'GET', url: `/api/placements/${id}/levels` })
        ).json();
        const client = (await provider.request({ method: 'GET', url: `/api/clients/${clientId}` })).json();
        const lines = (
          await provider.request({ method: 'GET', url: `/api/settlement-runs/${early}/lines` })
        ).json();
        const spec = (
          await provider.request({
            method: 'GET',
            url: `/api/settlement-runs/${early}/specification/U001.json`,
          })
        ).json();
        return { list, one, levels, client, lines, spec };
      };
      const before = await seen();
      expect(before.list.items[0].currentLevel).toBeNull();
      expect(before.one.levels).toEqual([]);
      expect(before.levels).toEqual([]);
      expect(before.client.levelHistory).toEqual([]);
      const mine = before.lines.items.find((l: { placementId: number }) => l.placementId === id);
      expect(mine).toMatchObject({ level: null });
      expect(mine.explanation).not.toContain('nivå');
      const specLine = before.spec.lines.find((l: { placementId: number }) => l.placementId === id);
      expect(specLine).toMatchObject({ level: null });
      // The office still sees the preliminary level.
      const office = (
        await t.agents.handlaggare!.request({ method: 'GET', url: `/api/placements/${id}` })
      ).json();
      expect(office.levels).toMatchObject([{ kind: 'preliminary', points: 44 }]);

      // The final level: the provider sees it, and lines of runs computed after it carry it.
      await db
        .insertInto('level_entries')
        .values({
          placement_id: id,
          from_date: '2032-06-01',
          points: 52,
          kind: 'final',
          assessed_on: '2032-08-01',
        })
        .execute();
      const later = await run('2032-07');
      await line(later, '5');
      await approve(later);
      const after = await seen();
      expect(after.list.items[0].currentLevel).toMatchObject({ kind: 'final', points: 52 });
      expect(after.levels).toMatchObject([{ kind: 'final', points: 52 }]);
      expect(after.client.levelHistory).toMatchObject([{ kind: 'final', points: 52 }]);
      const payments = (
        await provider.request({ method: 'GET', url: `/api/clients/${clientId}/payments` })
      ).json();
      expect(
        payments.lines
          .filter((l: { placementId: number }) => l.placementId === id)
          .map((l: { level: string | null }) => l.level),
      ).toEqual([null, '5']);
      const laterLines = (
        await provider.request({ method: 'GET', url: `/api/settlement-runs/${later}/lines` })
      ).json();
      expect(laterLines.items.find((l: { placementId: number }) => l.placementId === id)).toMatchObject({
        level: '5',
      });
      // The line paid on the preliminary level stays without it.
      expect(after.lines.items.find((l: { placementId: number }) => l.placementId === id).level).toBeNull();
    });
  });
}
