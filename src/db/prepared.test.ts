import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect.js';
import { prepared, PREPARED_MARK, statementName } from './prepared.js';

describe('prepared statements (issue #15 §4)', () => {
  it('names only marked texts, the same text always alike', () => {
    expect(statementName('select 1')).toBeUndefined();
    const a = statementName(`select 1 ${PREPARED_MARK}`);
    expect(a).toMatch(/^ers_\d+$/);
    expect(statementName(`select 1 ${PREPARED_MARK}`)).toBe(a);
    expect(statementName(`select 2 ${PREPARED_MARK}`)).not.toBe(a);
  });

  const url = process.env.ERSATTNING_TEST_PG;
  it.skipIf(!url)(
    'PostgreSQL parses a marked statement once per connection and binds new values',
    async () => {
      const database = await openDatabase({ databaseUrl: url! });
      try {
        // One connection, so both runs meet the same session's prepared statement.
        const rows = await database.db.connection().execute(async (conn) => {
          const out: number[] = [];
          for (const n of [1, 2, 3])
            out.push(
              (await sql<{ n: number }>`select ${n}::int + 1 as n${prepared}`.execute(conn)).rows[0]!.n,
            );
          const p = await sql<{ n: number }>`
          select count(*)::int as n from pg_prepared_statements where statement like ${`%${PREPARED_MARK}`}`.execute(
            conn,
          );
          return { out, prepared: p.rows[0]!.n };
        });
        expect(rows.out).toEqual([2, 3, 4]);
        expect(rows.prepared).toBe(1);
      } finally {
        await database.close();
      }
    },
  );

  it('PGlite runs a marked statement as any other (the mark is a comment)', async () => {
    const database = await openDatabase({});
    try {
      const r = await sql<{ n: number }>`select ${41}::int + 1 as n${prepared}`.execute(database.db);
      expect(r.rows[0]!.n).toBe(42);
    } finally {
      await database.close();
    }
  });
});
