/**
 * Applications for an individual rate (LVL-6) or special accounting (LVL-7): the five criteria,
 * the cost calculation, the over-60-points check and the orderer–provider agreement, and the
 * decision with amount and period (which writes an individual_rates row). Forward only.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates rate_applications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table rate_applications (
      id serial primary key,
      placement_id integer not null references placements(id),
      client_id integer not null references clients(id),
      kind text not null check (kind in ('individual-rate', 'special-accounting')),
      criteria jsonb not null,
      staff_hours_per_year numeric(9,2) not null check (staff_hours_per_year >= 0),
      hourly_cost_ore bigint not null check (hourly_cost_ore >= 0),
      other_costs_ore bigint not null check (other_costs_ore >= 0),
      annual_cost_ore bigint not null,
      points integer,
      orderer_provider_agreed boolean not null default false,
      state text not null default 'submitted' check (state in ('submitted', 'granted', 'refused')),
      amount_ore bigint,
      from_date date,
      to_date date,
      decision_reason text,
      decided_by integer references users(id),
      decided_at timestamptz,
      individual_rate_id integer references individual_rates(id),
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index rate_applications_placement on rate_applications(placement_id);
  `,
  );
}
