/**
 * The database guards the money and the log whoever connects (issue #13 §1): each attack of the
 * probe is issued as plain SQL, as a script with a database login would, on PGlite and (with
 * ERSATTNING_TEST_PG) PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './connect.js';
import { testTargets } from './testing.js';
import type { DB } from './types.js';

const run = (db: Kysely<DB>, text: string) => sql.raw(text).execute(db);
const one = async <T>(db: Kysely<DB>, text: string): Promise<T> =>
  (await sql.raw<T>(text).execute(db)).rows[0]!;

const FIXTURE = [
  `insert into districts (id, name) values ('g1', 'Guard 1'), ('g2', 'Guard 2')`,
  `insert into providers (id, name, regime) values ('gp1', 'GP 1', 'privat'), ('gp2', 'GP 2', 'privat')`,
  `insert into users (id, username, name, role, password_hash) values (9001, 'guard', 'G', 'admin', 'x')`,
  `insert into units (id, provider_id, name, district_id) values (9001, 'gp1', 'U', 'g1')`,
  `insert into clients (id, personnummer, identity_kind, name, district_id)
     values (9001, '19500101-0000', 'personnummer', 'Test', 'g1')`,
  `insert into placements (id, client_id, unit_id, provider_id, service, regime, start_date)
     values (9001, 9001, 9001, 'gp1', 'lss-bostad', 'privat', '2025-01-01')`,
];

/** Inserts a run (draft unless told) with three lines; returns its id. */
async function runWithLines(
  db: Kysely<DB>,
  month: string,
  scope: { district?: string; provider?: string } = {},
): Promise<number> {
  const d = scope.district ? `'${scope.district}'` : 'null';
  const p = scope.provider ? `'${scope.provider}'` : 'null';
  const { id } = await one<{ id: number }>(
    db,
    `insert into settlement_runs (month, scope_district_id, scope_provider_id, total_ore, line_count, models)
       values ('${month}', ${d}, ${p}, 300, 3, '{m}') returning id`,
  );
  await run(
    db,
    `insert into settlement_lines (run_id, placement_id, client_id, provider_id, unit_id, district_id, service,
       regime, kind, from_date, to_date, quantity, unit, rate_ore, amount_ore)
     select ${id}, 9001, 9001, 'gp1', 9001, 'g1', 'lss-bostad', 'privat', 'month', '2025-01-01', '2025-01-31',
       1, 'month', 100, 100 from generate_series(1, 3)`,
  );
  return id;
}

const approve = (db: Kysely<DB>, id: number) =>
  run(
    db,
    `update settlement_runs set status = 'approved', approved_by = 9001, approved_at = now() where id = ${id}`,
  );

for (const target of testTargets()) {
  describe(`database guards on ${target.name} (issue #13 §1)`, () => {
    let database: Database;
    let db: Kysely<DB>;
    let draft: number;
    let approved: number;
    let exported: number;
    beforeAll(async () => {
      database = await target.open();
      db = database.db;
      for (const s of FIXTURE) await run(db, s);
      draft = await runWithLines(db, '2025-01', { district: 'g1' });
      approved = await runWithLines(db, '2025-02');
      exported = await runWithLines(db, '2025-03');
      await approve(db, approved);
      await approve(db, exported);
      await run(
        db,
        `update settlement_runs set status = 'exported', exported_at = now() where id = ${exported}`,
      );
    });
    afterAll(async () => database?.close());

    const lineSum = async (id: number) =>
      one<{ n: number; s: number }>(
        db,
        `select count(*)::int as n, coalesce(sum(amount_ore), 0)::int as s from settlement_lines where run_id = ${id}`,
      );

    const attacks: [string, () => string][] = [
      [
        'moving lines out of an exported run',
        () => `update settlement_lines set run_id = ${draft} where run_id = ${exported}`,
      ],
      [
        'moving lines out of an approved run',
        () => `update settlement_lines set run_id = ${draft} where run_id = ${approved}`,
      ],
      [
        'moving a draft line into an approved run and changing its amount',
        () => `update settlement_lines set run_id = ${approved}, amount_ore = 1 where run_id = ${draft}`,
      ],
      [
        'changing an approved line',
        () => `update settlement_lines set amount_ore = 0 where run_id = ${approved}`,
      ],
      [
        'changing an exported line',
        () => `update settlement_lines set explanation = '{}' where run_id = ${exported}`,
      ],
      ['deleting an exported run’s lines', () => `delete from settlement_lines where run_id = ${exported}`],
      [
        'adding a line to an approved run',
        () => `insert into settlement_lines (run_id, placement_id, client_id, provider_id, unit_id, district_id,
            service, regime, kind, from_date, to_date, quantity, unit, rate_ore, amount_ore)
          values (${approved}, 9001, 9001, 'gp1', 9001, 'g1', 'lss-bostad', 'privat', 'month', '2025-02-01',
            '2025-02-28', 1, 'month', 1, 1)`,
      ],
      ['TRUNCATE settlement_lines', () => `truncate settlement_lines`],
      ['TRUNCATE settlement_runs CASCADE', () => `truncate settlement_runs cascade`],
      [
        'changing an approved run’s total',
        () => `update settlement_runs set total_ore = 1 where id = ${approved}`,
      ],
      [
        'changing an approved run’s id',
        () => `update settlement_runs set id = 999999 where id = ${approved}`,
      ],
      [
        'reopening an approved run',
        () => `update settlement_runs set status = 'draft' where id = ${approved}`,
      ],
      ['deleting an exported run', () => `delete from settlement_runs where id = ${exported}`],
      [
        'changing an exported run',
        () => `update settlement_runs set exported_at = now() where id = ${exported}`,
      ],
      ...(
        ['line_count = 9', "models = '{x}'", 'approved_by = null', "based_on = 'x'", 'total_ore = 1'] as const
      ).map(
        (set) =>
          [
            `exporting while changing ${set.split(' ')[0]}`,
            () =>
              `update settlement_runs set status = 'exported', exported_at = now(), ${set} where id = ${approved}`,
          ] as [string, () => string],
      ),
      [
        'exporting a draft without approval',
        () => `update settlement_runs set status = 'exported' where id = ${draft}`,
      ],
    ];
    it.each(attacks)('refuses %s', async (_name, statement) => {
      const before = [await lineSum(draft), await lineSum(approved), await lineSum(exported)];
      await expect(run(db, statement())).rejects.toMatchObject({ code: 'P0001' });
      expect([await lineSum(draft), await lineSum(approved), await lineSum(exported)]).toEqual(before);
    });

    it('lets the approved → exported step change only the export fields', async () => {
      const id = await runWithLines(db, '2025-04');
      await approve(db, id);
      await run(
        db,
        `update settlement_runs set status = 'exported', exported_at = now(), version = version + 1 where id = ${id}`,
      );
      expect(await one(db, `select status from settlement_runs where id = ${id}`)).toEqual({
        status: 'exported',
      });
    });

    it('refuses a second approved run with an overlapping scope (constraint, not the application)', async () => {
      const city = await runWithLines(db, '2025-05');
      await approve(db, city);
      const district = await runWithLines(db, '2025-05', { district: 'g1' });
      await expect(approve(db, district)).rejects.toMatchObject({
        code: '23P01',
        constraint: 'settlement_runs_scope_overlap',
      });
      const g1 = await runWithLines(db, '2025-06', { district: 'g1' });
      const g2 = await runWithLines(db, '2025-06', { district: 'g2' });
      const gp2 = await runWithLines(db, '2025-06', { provider: 'gp2' });
      await approve(db, g1);
      await approve(db, g2); // other district: no overlap
      await expect(approve(db, gp2)).rejects.toMatchObject({ code: '23P01' }); // a provider meets a district
      await expect(
        run(
          db,
          `insert into settlement_runs (month, status, scope_provider_id, total_ore, line_count) values ('2025-06', 'approved', 'gp1', 0, 0)`,
        ),
      ).rejects.toMatchObject({ code: '23P01' });
    });

    it('leaves drafts editable and deletable (their lines go with them)', async () => {
      const id = await runWithLines(db, '2025-07');
      await run(db, `update settlement_lines set amount_ore = 5 where run_id = ${id}`);
      await run(db, `delete from settlement_runs where id = ${id}`);
      expect(await lineSum(id)).toEqual({ n: 0, s: 0 });
    });

    it('checks what a line names per statement, as the foreign keys did (issue #15 §2)', async () => {
      const line = (client: number) => `insert into settlement_lines (run_id, placement_id, client_id,
          provider_id, unit_id, district_id, service, regime, kind, from_date, to_date, quantity, unit,
          rate_ore, amount_ore)
        values (${draft}, 9001, ${client}, 'gp1', 9001, 'g1', 'lss-bostad', 'privat', 'month',
          '2025-01-01', '2025-01-31', 1, 'month', 1, 1)`;
      const before = await lineSum(draft);
      await expect(run(db, line(424242))).rejects.toMatchObject({ code: '23503' });
      await expect(
        run(db, `update settlement_lines set unit_id = 424242 where run_id = ${draft}`),
      ).rejects.toMatchObject({
        code: '23503',
      });
      for (const statement of [
        `delete from placements where id = 9001`,
        `delete from clients where id = 9001`,
        `delete from units where id = 9001`,
        `update providers set id = 'gpx' where id = 'gp1'`,
        `delete from districts where id = 'g1'`,
      ])
        await expect(run(db, statement), statement).rejects.toMatchObject({ code: '23503' });
      expect(await lineSum(draft)).toEqual(before);
    });

    it('keeps the audit log append-only, TRUNCATE included', async () => {
      await run(db, `insert into audit_log (action, entity) values ('read', 'client')`);
      for (const statement of [
        `update audit_log set action = 'x'`,
        `update audit_log set action = 'x' where false`,
        `delete from audit_log`,
        `truncate audit_log`,
      ])
        await expect(run(db, statement), statement).rejects.toMatchObject({ code: 'P0001' });
      expect(await one(db, `select count(*)::int as n from audit_log`)).toEqual({ n: 1 });
    });
  });
}
