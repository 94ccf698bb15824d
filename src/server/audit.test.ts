/**
 * A read audited in one statement (issue #15 §4): the rows come back in the read's order, exactly
 * one audit row is written with the distinct client ids read and the count, on PGlite and (with
 * ERSATTNING_TEST_PG) PostgreSQL, and a read of nothing is still audited.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { testTargets } from '../db/testing.js';
import { audit, auditedRead } from './audit.js';
import { keysetPage } from './keyset.js';
import { decodeCursor } from '../contract/cursor.js';
import type { SessionUser } from './auth/sessions.js';

const user: SessionUser = {
  id: 9101,
  username: 'granskare',
  name: 'G',
  role: 'admin',
  districtId: null,
  providerId: null,
};

for (const target of testTargets()) {
  describe(`auditedRead on ${target.name}`, () => {
    let database: Database & { close(): Promise<void> };
    beforeAll(async () => {
      database = await target.open();
      for (const text of [
        `insert into districts (id, name) values ('a1', 'A')`,
        `insert into clients (id, personnummer, identity_kind, name, district_id) values
           (9101, '19500101-0001', 'personnummer', 'Berit', 'a1'),
           (9102, '19500101-0002', 'personnummer', 'Adam', 'a1'),
           (9103, '19500101-0003', 'personnummer', 'Cecilia', 'a1')`,
      ])
        await sql.raw(text).execute(database.db);
    }, 120_000);
    afterAll(() => database?.close());

    const lastAudit = () =>
      database.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'entity_id', 'client_ids', 'details', 'user_id'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();

    it('returns the rows in the order asked and writes one audit row with their client ids', async () => {
      const before = await database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const query = database.db
        .selectFrom('clients')
        .select(['id as client_id', 'name'])
        .where('district_id', '=', 'a1')
        .orderBy('name', 'desc');
      const rows = await auditedRead(
        database.db,
        user,
        { action: 'list', entity: 'client', entityId: '19500101-0001', details: { q: 'a1' } },
        query,
        [{ column: 'name', direction: 'desc' }],
      );
      expect(rows.map((r) => r.name)).toEqual(['Cecilia', 'Berit', 'Adam']);
      const after = await database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n) - Number(before.n)).toBe(1);
      const a = await lastAudit();
      expect(a).toMatchObject({ action: 'list', entity: 'client', user_id: 9101 });
      expect([...a.client_ids].sort()).toEqual([9101, 9102, 9103]);
      expect(a.details).toEqual({ q: 'a1', count: 3 });
      // Identity numbers never reach the log, not even through an entity id.
      expect(a.entity_id).not.toContain('19500101-0001');
    });

    it('names only the clients a page shows, not the row read past its end', async () => {
      const query = database.db
        .selectFrom('clients')
        .select(['id', 'id as client_id', 'name'])
        .where('district_id', '=', 'a1');
      const audited = { db: database.db, user, entry: { action: 'list' as const, entity: 'client' } };
      const columns = { name: { expr: sql.ref('name'), kind: 'text' as const } };
      const first = await keysetPage(query, columns, 'id', { sort: 'name', dir: 'asc', limit: 2 }, audited);
      expect(first.items.map((r) => r.name)).toEqual(['Adam', 'Berit']);
      expect(first.total).toBe(3);
      let a = await lastAudit();
      expect([...a.client_ids].sort()).toEqual([9101, 9102]);
      expect(a.details).toEqual({ count: 2 });
      // Paging back from the last page reads in reverse: still only the rows shown.
      const next = await keysetPage(
        query,
        columns,
        'id',
        { sort: 'name', dir: 'asc', limit: 1, cursor: decodeCursor(first.nextCursor!)! },
        audited,
      );
      expect(next.items.map((r) => r.name)).toEqual(['Cecilia']);
      a = await lastAudit();
      expect([...a.client_ids]).toEqual([9103]);
      const back = await keysetPage(
        query,
        columns,
        'id',
        { sort: 'name', dir: 'asc', limit: 1, cursor: decodeCursor(next.prevCursor!)! },
        audited,
      );
      expect(back.items.map((r) => r.name)).toEqual(['Berit']);
      a = await lastAudit();
      expect([...a.client_ids]).toEqual([9101]);
    });

    it('audits a read that finds nothing', async () => {
      const rows = await auditedRead(
        database.db,
        user,
        { action: 'read', entity: 'client', entityId: 1 },
        database.db.selectFrom('clients').select(['id as client_id']).where('id', '=', -1),
        [],
      );
      expect(rows).toEqual([]);
      const a = await lastAudit();
      expect(a).toMatchObject({ action: 'read', entity_id: '1', client_ids: [], details: { count: 0 } });
    });

    it("keeps details valid JSON when a number there has an identity number's shape", async () => {
      // A 10- or 12-digit integer (an id, an amount in öre) was masked in the JSON's text, leaving
      // `[personnummer]` bare: invalid JSON, so the audit row and the request failed.
      await audit(database.db, user, {
        action: 'export',
        entity: 'audit-log',
        details: {
          filter: { clientId: 1285825616, userId: 42 },
          '19500101-0001': 'x',
          note: 'nr 195001010001',
        },
      });
      const a = await lastAudit();
      expect(a.details).toEqual({
        filter: { clientId: '[personnummer]', userId: 42 },
        '[personnummer]': 'x',
        note: 'nr [personnummer]',
      });
    });
  });
}
