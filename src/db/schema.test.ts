/**
 * The schema's own guarantees, on PGlite and (in CI) PostgreSQL: migrations refuse to run out of
 * order, a client never has two overlapping placements of a service, approved runs and the audit
 * log cannot be changed, and dates/int8 read back identically.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, MIGRATIONS } from './migrate.js';
import { planDemo, seedDemo } from './seed/demo.js';
import { testTargets } from './testing.js';
import type { Database } from './connect.js';

for (const target of testTargets()) {
  describe(`schema on ${target.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await target.open();
      await seedDemo(database.db, { hashPassword: async (p) => `plain:${p}`, scale: 0.05 });
    });
    afterAll(async () => database?.close());

    it('reads dates as YYYY-MM-DD and bigint as number', async () => {
      const row = await sql<{
        d: string;
        n: number;
      }>`select date '2025-03-01' as d, 12345678901::int8 as n`.execute(database.db);
      expect(row.rows[0]).toEqual({ d: '2025-03-01', n: 12345678901 });
    });

    it('refuses a migration that sorts before the last applied one', async () => {
      const early = { ...MIGRATIONS, '20200101T0000_early': { up: async () => {} } };
      await expect(migrateToLatest(database.db, early)).rejects.toThrow(/20200101T0000_early|order/);
    });

    it('refuses overlapping placements of the same service for a client (EXCLUDE)', async () => {
      const p = await database.db
        .selectFrom('placements')
        .selectAll()
        .where('end_date', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const insert = (start: string, end: string | null, service = p.service) =>
        database.db
          .insertInto('placements')
          .values({
            client_id: p.client_id,
            unit_id: p.unit_id,
            provider_id: p.provider_id,
            service,
            regime: p.regime,
            start_date: start,
            end_date: end,
          })
          .execute();
      await expect(insert('2030-01-01', null)).rejects.toMatchObject({ code: '23P01' });
      await expect(insert('2030-01-01', null, 'sp-cirkel')).resolves.toBeDefined();
    });

    it('keeps approved runs and their lines immutable', async () => {
      const run = await database.db
        .insertInto('settlement_runs')
        .values({ month: '2025-01', total_ore: 100, line_count: 0, models: [] })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db
        .updateTable('settlement_runs')
        .set({ status: 'approved' })
        .where('id', '=', run.id)
        .execute();
      await expect(
        database.db.updateTable('settlement_runs').set({ total_ore: 5 }).where('id', '=', run.id).execute(),
      ).rejects.toThrow(/immutable/);
      await expect(
        database.db.deleteFrom('settlement_runs').where('id', '=', run.id).execute(),
      ).rejects.toThrow(/immutable/);
      await database.db
        .updateTable('settlement_runs')
        .set({ status: 'exported' })
        .where('id', '=', run.id)
        .execute();
      const second = database.db
        .insertInto('settlement_runs')
        .values({ month: '2025-01', total_ore: 1, line_count: 0, models: [], status: 'approved' })
        .execute();
      // The overlap guard (issue #13 §1) answers before the unique index.
      await expect(second).rejects.toMatchObject({ code: '23P01' });
    });

    it('keeps the audit log append-only', async () => {
      await database.db
        .insertInto('audit_log')
        .values({ action: 'read', entity: 'client', entity_id: '1', client_ids: [1] })
        .execute();
      await expect(database.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    });
  });
}

describe('demo plan', () => {
  it('is deterministic and follows Tabell 3 (1 688 housing clients at full scale)', () => {
    const a = planDemo();
    const b = planDemo();
    expect(a.clients.map((c) => c.personnummer)).toEqual(b.clients.map((c) => c.personnummer));
    const housingClients = new Set(
      a.placements.filter((p) => p.service.startsWith('lss-')).map((p) => p.client_id),
    );
    expect(housingClients.size).toBe(1688);
    expect(a.providers).toHaveLength(60);
    expect(a.districts).toHaveLength(13);
  });
});
