/**
 * Runs as finance staff expect them (issue #14 §3), on PGlite and PostgreSQL: one draft per month
 * and scope (409 `run-draft-exists` unless `replace: true`), a draft discarded with its lines and
 * refusals (audited; approved runs never), approval by a second person (four-eyes: the starter is
 * refused with 403 `run-four-eyes`, audited; a second finance user or an admin approves), and a
 * provider who never sees a draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`draft runs and four-eyes approval on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    }, 60_000);
    afterAll(async () => t?.close());

    const start = (agent: string, month: string, extra: object = {}) =>
      t.agents[agent]!.request({ method: 'POST', url: '/api/settlement-runs', payload: { month, ...extra } });
    const approve = (agent: string, id: number) =>
      t.agents[agent]!.request({ method: 'POST', url: `/api/settlement-runs/${id}/approve` });
    const count = async (table: 'settlement_lines' | 'settlement_run_facts', runId: number) =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('run_id', '=', runId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const auditOf = (runId: number, action: string) =>
      t.database.db
        .selectFrom('audit_log')
        .select(['username', 'role', 'details'])
        .where('entity', '=', 'settlement-run')
        .where('entity_id', '=', String(runId))
        .where('action', '=', action)
        .execute();

    it('asks before replacing a draft of the month (409), and replaces it when told to', async () => {
      const first = await start('ekonom', '2025-02');
      expect(first.statusCode, first.body).toBe(201);
      const old = first.json().id as number;
      expect(await count('settlement_lines', old)).toBeGreaterThan(0);

      const asked = await start('ekonom2', '2025-02', { scope: { districtId: 'bromma' } });
      expect(asked.statusCode).toBe(409);
      expect(asked.json().error).toMatchObject({ id: 'run-draft-exists', field: 'replace' });
      expect(asked.json().error.message).toContain(`körning ${old}`);

      const replaced = await start('ekonom2', '2025-02', { replace: true });
      expect(replaced.statusCode, replaced.body).toBe(201);
      const fresh = replaced.json().id as number;
      expect(
        await t.database.db.selectFrom('settlement_runs').select('id').where('id', '=', old).execute(),
      ).toEqual([]);
      expect(await count('settlement_lines', old)).toBe(0);
      expect(await count('settlement_run_facts', old)).toBe(0);
      expect(await auditOf(old, 'delete')).toEqual([
        expect.objectContaining({
          username: 'ekonom2',
          details: expect.objectContaining({ reason: 'replaced', replacedBy: fresh, month: '2025-02' }),
        }),
      ]);
      // A district run beside a city draft overlaps it too; a run of another month does not.
      const other = await start('ekonom', '2025-01');
      expect(other.statusCode, other.body).toBe(201);
    });

    it('discards a draft with its lines and refusals (audited), never an approved run', async () => {
      const run = (await start('ekonom', '2025-08')).json();
      const del = await t.agents.ekonom!.request({ method: 'DELETE', url: `/api/settlement-runs/${run.id}` });
      expect(del.statusCode, del.body).toBe(200);
      expect(del.json()).toEqual({ id: run.id, month: '2025-08' });
      expect(await count('settlement_lines', run.id)).toBe(0);
      expect(
        (await t.agents.ekonom!.request({ method: 'GET', url: `/api/settlement-runs/${run.id}` })).statusCode,
      ).toBe(404);
      expect(await auditOf(run.id, 'delete')).toEqual([
        expect.objectContaining({
          username: 'ekonom',
          details: expect.objectContaining({ reason: 'discarded', month: '2025-08', lines: run.lineCount }),
        }),
      ]);
      const again = await t.agents.ekonom!.request({
        method: 'DELETE',
        url: `/api/settlement-runs/${run.id}`,
      });
      expect(again.statusCode).toBe(404);

      const kept = (await start('ekonom', '2025-10')).json();
      expect((await approve('admin', kept.id)).statusCode).toBe(200);
      const refused = await t.agents.admin!.request({
        method: 'DELETE',
        url: `/api/settlement-runs/${kept.id}`,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.id).toBe('run-not-draft');
      expect(await count('settlement_lines', kept.id)).toBe(kept.lineCount);
    });

    it('refuses the starter’s own approval (four-eyes, audited); a second finance user approves', async () => {
      const run = (await start('ekonom', '2025-11')).json();
      const own = await approve('ekonom', run.id);
      expect(own.statusCode).toBe(403);
      expect(own.json().error.id).toBe('run-four-eyes');
      const refusals = await t.database.db
        .selectFrom('audit_log')
        .select(['username', 'entity_id', 'details'])
        .where('action', '=', 'refused')
        .where('username', '=', 'ekonom')
        .execute();
      expect(refusals).toContainEqual(
        expect.objectContaining({
          entity_id: String(run.id),
          details: expect.objectContaining({ route: '/api/settlement-runs/:id/approve', status: 403 }),
        }),
      );
      expect(
        (await t.agents.ekonom!.request({ method: 'GET', url: `/api/settlement-runs/${run.id}` })).json(),
      ).toMatchObject({ status: 'draft' });

      const ok = await approve('ekonom2', run.id);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'approved', approvedBy: expect.any(Number) });
      expect(await auditOf(run.id, 'approve')).toEqual([
        expect.objectContaining({ username: 'ekonom2', role: 'finance' }),
      ]);
      // Finance staff export the approved run too.
      const exported = await t.agents.ekonom!.request({
        method: 'POST',
        url: `/api/settlement-runs/${run.id}/export`,
      });
      expect(exported.json()).toMatchObject({ status: 'exported' });
    });

    it('lets an admin approve what finance started, and refuses an admin’s own run', async () => {
      const run = (await start('ekonom2', '2025-12')).json();
      expect((await approve('admin', run.id)).statusCode).toBe(200);
      const own = (await start('admin', '2025-09')).json();
      const refused = await approve('admin', own.id);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.id).toBe('run-four-eyes');
      expect((await approve('ekonom', own.id)).statusCode).toBe(200);
    });

    it('never shows a provider a draft: list, run, lines and specification', async () => {
      const draft = (await start('ekonom', '2025-06')).json();
      expect(draft.byProvider.map((p: { providerId: string }) => p.providerId)).toContain('U001');
      const u = t.agents.utforare!;
      const list = (await u.request({ method: 'GET', url: '/api/settlement-runs' })).json().items as {
        id: number;
        status: string;
      }[];
      expect(list.map((r) => r.status)).not.toContain('draft');
      expect(list.map((r) => r.id)).not.toContain(draft.id);
      const asked = (await u.request({ method: 'GET', url: '/api/settlement-runs?status=draft' })).json();
      expect(asked).toMatchObject({ items: [], total: 0 });
      for (const url of [
        `/api/settlement-runs/${draft.id}`,
        `/api/settlement-runs/${draft.id}/lines`,
        `/api/settlement-runs/${draft.id}/specification/U001.json`,
        `/api/settlement-runs/${draft.id}/specification/U001.csv`,
      ])
        expect((await u.request({ method: 'GET', url })).statusCode, url).toBe(404);
      const dashboard = (await u.request({ method: 'GET', url: '/api/dashboard' })).json();
      expect(dashboard.items.map((i: { kind: string }) => i.kind)).not.toContain('run-refusals');

      // Once approved by a second person, the provider sees it (one specification per month).
      expect((await approve('ekonom2', draft.id)).statusCode).toBe(200);
      expect((await u.request({ method: 'GET', url: `/api/settlement-runs/${draft.id}` })).statusCode).toBe(
        200,
      );
      const june = (await u.request({ method: 'GET', url: '/api/settlement-runs?month=2025-06' })).json();
      expect(june.items).toHaveLength(1);
    });

    it('gives finance staff the run and its lines but not the other roles’ tools', async () => {
      const e = t.agents.ekonom!;
      const runs = (await e.request({ method: 'GET', url: '/api/settlement-runs' })).json();
      expect(runs.total).toBeGreaterThan(0);
      for (const url of ['/api/clients', '/api/placements?limit=1', '/api/users', '/api/audit'])
        expect((await e.request({ method: 'GET', url })).statusCode, url).toBe(403);
    });
  });
}
