/**
 * Travel costs (FLOW-6, issue #12 §2): outside the rates, paid by the deciding district after its
 * own investigation; recorded per district and month so budget against outcome shows them apart.
 * Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates travel_costs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table travel_costs (
      id serial primary key,
      district_id text not null references districts(id),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      amount_ore bigint not null,
      note text not null default '',
      created_by integer references users(id),
      created_at timestamptz not null default now()
    );
    create index travel_costs_month on travel_costs(month, district_id);
  `,
  );
}
