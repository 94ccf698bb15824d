/**
 * PGlite's one connection, handed over in event-loop turns (issue #15 §4). PGlite runs inside
 * this process's thread and answers through promises alone, and the dialect hands its connection
 * to the next waiter by resolving a promise, so a queue of waiting requests was served in ONE
 * event-loop turn (0,3-1,6 s at 100 connections): meanwhile no socket was read and no connection
 * accepted. Requests on open connections took turns, but a new connection (a client that gave up
 * after 10 s and reconnected) waited in the kernel's accept queue for seconds, then timed out
 * again. Handing the connection over through `setImmediate` lets Node read, accept and notice
 * closed sockets between two requests' statements, so every request queues in arrival order.
 */
import type { DatabaseConnection, Driver } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';

/** {@link PGliteDialect} whose connection reaches its next user one event-loop turn later. */
export class TurnTakingPGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async (): Promise<DatabaseConnection> => {
      const connection = await acquire();
      await new Promise<void>((resolve) => setImmediate(resolve));
      return connection;
    };
    return driver;
  }
}
