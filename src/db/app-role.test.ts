/**
 * The documented application role (issue #13 §1, docs/security.md) on PostgreSQL: with the
 * grants of app-role.ts it works, cannot TRUNCATE, DROP or disable a guard, and `serve` warns
 * only when it runs as a superuser (or owner). Needs ERSATTNING_TEST_PG (skipped otherwise).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoleGrants } from './app-role.js';
import { openDatabase, roleWarnings, type Database } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { createTestPgDatabase, TEST_PG_URL } from './testing.js';

describe.skipIf(!TEST_PG_URL)('the application role on PostgreSQL', () => {
  const suffix = randomBytes(3).toString('hex');
  const owner = `ersattning_owner_${suffix}`;
  const app = `ersattning_app_${suffix}`;
  let created: { url: string; drop(): Promise<void> };
  let asOwner: Database;
  let asApp: Database;
  const admin = async (statements: string[]) => {
    const c = new pg.Client({ connectionString: created?.url ?? TEST_PG_URL! });
    await c.connect();
    try {
      for (const s of statements) await c.query(s);
    } finally {
      await c.end();
    }
  };
  const urlAs = (role: string) => {
    const u = new URL(created.url);
    u.username = role;
    return u.toString();
  };

  beforeAll(async () => {
    created = await createTestPgDatabase(TEST_PG_URL!);
    const dbName = new URL(created.url).pathname.slice(1);
    await admin([
      `create role ${owner} login`,
      `create role ${app} login`,
      `alter database ${dbName} owner to ${owner}`,
      `alter schema public owner to ${owner}`,
    ]);
    asOwner = await openDatabase({ databaseUrl: urlAs(owner) });
    await migrateToLatest(asOwner.db);
    await admin(appRoleGrants(app, owner));
    asApp = await openDatabase({ databaseUrl: urlAs(app) });
  });
  afterAll(async () => {
    await asApp?.close();
    await asOwner?.close();
    await created?.drop();
    const c = new pg.Client({ connectionString: TEST_PG_URL! });
    await c.connect();
    await c.query(`drop role if exists ${app}`);
    await c.query(`drop role if exists ${owner}`);
    await c.end();
  });

  it('warns for a superuser and for the owner, not for the application role', async () => {
    const superuser = await openDatabase({ databaseUrl: created.url });
    try {
      expect((await roleWarnings(superuser)).join()).toMatch(/superanvändare/);
    } finally {
      await superuser.close();
    }
    expect((await roleWarnings(asOwner)).join()).toMatch(/äger tabellerna/);
    expect(await roleWarnings(asApp)).toEqual([]);
  });

  it('lets the application role migrate (nothing pending), read, write and append to the log', async () => {
    await migrateToLatest(asApp.db);
    await sql`insert into districts (id, name) values ('r1', 'Roll 1')`.execute(asApp.db);
    await sql`insert into audit_log (action, entity) values ('read', 'client')`.execute(asApp.db);
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from districts`.execute(asApp.db)).rows[0]!.n,
    ).toBe(1);
  });

  it.each([
    'truncate settlement_lines',
    'truncate districts cascade',
    'alter table settlement_lines disable trigger settlement_lines_insert_guard',
    'drop trigger audit_log_statement_guard on audit_log',
    'drop table audit_log',
    'update audit_log set action = action',
    'set session_replication_role = replica',
    'create table intruder (id int)',
  ])('refuses the application role: %s', async (statement) => {
    await expect(sql.raw(statement).execute(asApp.db)).rejects.toMatchObject({
      code: expect.stringMatching(/^42/),
    });
  });
});
