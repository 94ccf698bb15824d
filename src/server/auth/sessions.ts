/**
 * Sessions for local accounts: a random token in an httpOnly SameSite=Strict cookie; the database
 * keeps only its SHA-256 and a per-session CSRF token. A short in-memory cache spares a query per
 * request (issue #15 §4); sign-out, deactivation and role or password changes clear it at once, in
 * this process directly and in every other server process on the same PostgreSQL database through
 * NOTIFY on {@link SESSION_CHANNEL} (session-listener.ts). While a process is not listening the
 * cache is off, so no process ever serves a session that another one has ended.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB, Role } from '../../db/types.js';

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'ers_session';
/** How long a session lasts (a working day). */
export const SESSION_HOURS = 12;

/** The signed-in user as routes see it. */
export interface SessionUser {
  id: number;
  username: string;
  name: string;
  role: Role;
  districtId: string | null;
  providerId: string | null;
}

/** A loaded session: who and the CSRF token that state-changing requests must echo. */
export interface Session {
  user: SessionUser;
  csrfToken: string;
  tokenHash: string;
  expiresAt: number;
}

/** The NOTIFY channel on which ended sessions are announced: `token:<hash>` or `user:<id>`. */
export const SESSION_CHANNEL = 'ersattning_sessions';

const CACHE_MS = 5_000;
const cache = new Map<string, { session: Session; at: number }>();
/**
 * Loads under way, by token hash: requests that miss the cache together (a browser's parallel
 * requests, or every request of a session when its entry expires under load) share one query
 * instead of each sending its own (issue #15 §4).
 */
const loading = new Map<string, Promise<Session | null>>();
/**
 * Counts endings (sign-out, deactivation, cache switched): a load that began before an ending
 * neither caches nor shares its result, so it can never put an ended session back.
 */
let endings = 0;
/** Whether cached sessions may be used: always in one process; with PostgreSQL only while listening. */
let cacheOn = true;

/**
 * Turns the session cache on or off and empties it (session-listener.ts: off until LISTEN is in
 * place and whenever its connection is lost, so an ending announced meanwhile cannot be missed).
 */
export function setSessionCache(on: boolean): void {
  cacheOn = on;
  endings++;
  loading.clear();
  cache.clear();
}

/** Forgets cached sessions that another process announced as ended (a {@link SESSION_CHANNEL} payload). */
export function forgetEndedSessions(payload: string): void {
  endings++;
  loading.clear();
  if (payload.startsWith('token:')) cache.delete(payload.slice(6));
  else if (payload.startsWith('user:')) {
    const userId = Number(payload.slice(5));
    for (const [hash, entry] of cache) if (entry.session.user.id === userId) cache.delete(hash);
  } else cache.clear();
}

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a session for a user; returns the cookie token and the session. */
export async function createSession(
  db: Kysely<DB>,
  user: SessionUser,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = Date.now() + SESSION_HOURS * 3_600_000;
  const tokenHash = sha256(token);
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: new Date(expiresAt),
    })
    .execute();
  return { token, session: { user, csrfToken, tokenHash, expiresAt } };
}

/** The live session for a cookie token, or null (unknown, expired or deactivated user). */
export async function loadSession(db: Kysely<DB>, token: string): Promise<Session | null> {
  const tokenHash = sha256(token);
  const now = Date.now();
  const hit = cacheOn ? cache.get(tokenHash) : undefined;
  if (hit && now - hit.at < CACHE_MS && hit.session.expiresAt > now) {
    // Refreshed ahead in the entry's second half (issue #15 §4): under load the reload waits its
    // turn in the database's queue (seconds on PGlite), and a session in use never expires
    // unread, so no request waits twice (once for its session, once for its own read).
    if (now - hit.at >= CACHE_MS / 2 && !loading.has(tokenHash))
      loadShared(db, tokenHash, now).catch(() => {}); // the next request after expiry reads again
    return hit.session;
  }
  if (!cacheOn) return readSession(db, tokenHash, now);
  return loading.get(tokenHash) ?? loadShared(db, tokenHash, now);
}

/** Reads a session once for all who ask meanwhile, and caches it unless one ended meanwhile. */
function loadShared(db: Kysely<DB>, tokenHash: string, now: number): Promise<Session | null> {
  const began = endings;
  const pending = readSession(db, tokenHash, now).then(
    (session) => {
      if (loading.get(tokenHash) === pending) loading.delete(tokenHash);
      // Ended meanwhile: answer this request as read, but remember nothing.
      if (began !== endings || !cacheOn) return session;
      if (session) {
        if (cache.size > 10_000) cache.clear();
        cache.set(tokenHash, { session, at: now });
      } else cache.delete(tokenHash);
      return session;
    },
    (error: unknown) => {
      if (loading.get(tokenHash) === pending) loading.delete(tokenHash);
      throw error;
    },
  );
  loading.set(tokenHash, pending);
  return pending;
}

/** The session row of a token hash, checked (live user, not expired), or null. */
async function readSession(db: Kysely<DB>, tokenHash: string, now: number): Promise<Session | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.username',
      'users.name',
      'users.role',
      'users.district_id',
      'users.provider_id',
      'users.active',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at.getTime() <= now) return null;
  return {
    user: {
      id: row.id,
      username: row.username,
      name: row.name,
      role: row.role,
      districtId: row.district_id,
      providerId: row.provider_id,
    },
    csrfToken: row.csrf_token,
    tokenHash,
    expiresAt: row.expires_at.getTime(),
  };
}

/** Ends a session (sign-out). */
export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  forgetEndedSessions(`token:${tokenHash}`);
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  // Again once deleted: a load that began meanwhile may have read the row still there.
  forgetEndedSessions(`token:${tokenHash}`);
  await sql`select pg_notify(${SESSION_CHANNEL}, ${`token:${tokenHash}`})`.execute(db);
}

/** Ends every session of a user (deactivated, role or password changed), cache included. */
export async function deleteUserSessions(db: Kysely<DB>, userId: number): Promise<void> {
  forgetEndedSessions(`user:${userId}`);
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  // Again once deleted: a load that began meanwhile may have read the rows still there.
  forgetEndedSessions(`user:${userId}`);
  await sql`select pg_notify(${SESSION_CHANNEL}, ${`user:${userId}`})`.execute(db);
}

/**
 * Sets the session cookie: httpOnly, SameSite=Strict, and `Secure` whenever the request came over
 * HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto; issue #13 §6).
 */
export function setSessionCookie(
  reply: { setCookie(name: string, value: string, options: Record<string, unknown>): unknown },
  request: { protocol: string },
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: SESSION_HOURS * 3600,
  });
}
