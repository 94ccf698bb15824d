/**
 * A session ended by another server process on the same PostgreSQL database is not served from
 * this process's cache (issue #15 §4): the other process's NOTIFY evicts it at once, and while the
 * listening connection is lost the cache is off. PostgreSQL only (ERSATTNING_TEST_PG).
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createTestPgDatabase, TEST_PG_URL } from '../../db/testing.js';
import { listenForEndedSessions, type StopListening } from './session-listener.js';
import { createSession, loadSession, SESSION_CHANNEL, type SessionUser } from './sessions.js';

/** True when `check` holds within about a second: well inside the cache's five seconds. */
const until = async (check: () => Promise<boolean>): Promise<boolean> => {
  for (let i = 0; i < 40; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
};

describe.skipIf(!TEST_PG_URL)('sessions ended in another process (PostgreSQL)', () => {
  let created: { url: string; drop(): Promise<void> };
  let database: Database;
  let other: pg.Client; // stands for a second server process
  let stop: StopListening;
  const user: SessionUser = {
    id: 9201,
    username: 'lyssnare',
    name: 'L',
    role: 'admin',
    districtId: null,
    providerId: null,
  };

  beforeAll(async () => {
    created = await createTestPgDatabase(TEST_PG_URL!);
    database = await openDatabase({ databaseUrl: created.url });
    await migrateToLatest(database.db);
    await sql`insert into users (id, username, name, role, password_hash) values (9201, 'lyssnare', 'L', 'admin', 'x')`.execute(
      database.db,
    );
    other = new pg.Client({ connectionString: created.url });
    await other.connect();
    stop = await listenForEndedSessions(created.url, 50);
  }, 120_000);
  afterAll(async () => {
    await stop?.();
    await other?.end();
    await database?.close();
    await created?.drop();
  });

  it('forgets a cached session when another process signs it out', async () => {
    const { token, session } = await createSession(database.db, user);
    expect(await loadSession(database.db, token)).not.toBeNull(); // now cached
    await other.query('delete from sessions where token_hash = $1', [session.tokenHash]);
    await other.query('select pg_notify($1, $2)', [SESSION_CHANNEL, `token:${session.tokenHash}`]);
    expect(await until(async () => (await loadSession(database.db, token)) === null)).toBe(true);
  });

  it('forgets every cached session of a user deactivated in another process', async () => {
    const { token } = await createSession(database.db, user);
    expect(await loadSession(database.db, token)).not.toBeNull();
    await other.query('update users set active = false where id = 9201');
    await other.query('select pg_notify($1, $2)', [SESSION_CHANNEL, 'user:9201']);
    expect(await until(async () => (await loadSession(database.db, token)) === null)).toBe(true);
    await other.query('update users set active = true where id = 9201');
  });

  it('serves no cached session while the listening connection is lost', async () => {
    const { token, session } = await createSession(database.db, user);
    expect(await loadSession(database.db, token)).not.toBeNull();
    // Cut the listener's connection, then end the session WITHOUT a notification it could hear.
    await other.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query ilike 'listen%'`,
    );
    await other.query('delete from sessions where token_hash = $1', [session.tokenHash]);
    expect(await until(async () => (await loadSession(database.db, token)) === null)).toBe(true);
  });
});
