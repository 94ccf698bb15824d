/**
 * A case officer's move of a client to another district takes effect only when that district (or
 * an admin) accepts it (issue #13 §8): until then the client stays, and is paid, where it was.
 * One pending request per client. Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates client_moves. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table client_moves (
      id serial primary key,
      client_id integer not null references clients(id),
      from_district_id text not null references districts(id),
      to_district_id text not null references districts(id),
      status text not null default 'pending'
        check (status in ('pending', 'accepted', 'rejected', 'withdrawn')),
      requested_by integer references users(id),
      requested_at timestamptz not null default now(),
      decided_by integer references users(id),
      decided_at timestamptz,
      check (from_district_id <> to_district_id)
    );
    create unique index client_moves_one_pending on client_moves (client_id) where status = 'pending';
    create index client_moves_to on client_moves (to_district_id, status);
  `,
  );
}
