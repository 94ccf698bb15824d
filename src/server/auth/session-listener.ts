/**
 * Ended sessions reach every server process on the same PostgreSQL database at once (issue #15
 * §4): one dedicated connection LISTENs on {@link SESSION_CHANNEL} and drops the ended sessions
 * from this process's cache. The cache is off until LISTEN is in place and whenever the connection
 * is lost (then it reconnects), so a sign-out or deactivation in one process is never outlived by a
 * cached session in another. On PGlite there is one process and nothing to listen for.
 */
import pg from 'pg';
import { forgetEndedSessions, SESSION_CHANNEL, setSessionCache } from './sessions.js';

/** Stops listening. */
export type StopListening = () => Promise<void>;

/** Listens for ended sessions on a PostgreSQL database; returns how to stop. */
export async function listenForEndedSessions(url: string, retryMs = 1_000): Promise<StopListening> {
  let client: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    setSessionCache(false);
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === SESSION_CHANNEL) forgetEndedSessions(n.payload ?? '');
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${SESSION_CHANNEL}`);
      if (client === c && !stopped) setSessionCache(true);
    } catch {
      lost(c);
    }
  };

  const lost = (c: pg.Client): void => {
    if (client !== c) return;
    client = null;
    setSessionCache(false);
    c.end().catch(() => {});
    if (!stopped) timer = setTimeout(() => void connect(), retryMs);
  };

  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    setSessionCache(true);
    await c?.end().catch(() => {});
  };
}
