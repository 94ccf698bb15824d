/**
 * Imported comparison populations (issue #5 §3: bulk import of populations): a named set of
 * persons with district, provider, service, regime, points and hours, compared with
 * `POST /api/comparisons { populationId }` instead of the current placements.
 */
import type { Kysely } from 'kysely';
import { runScript } from '../sql-script.js';

/** Creates the population tables. Forward only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table populations (
      id serial primary key,
      name text not null,
      persons integer not null,
      created_by integer references users(id),
      created_at timestamptz not null default now()
    );
    create table population_persons (
      population_id integer not null references populations(id) on delete cascade,
      line integer not null,
      person_id text not null,
      district text not null,
      provider_id text not null,
      service text not null,
      regime text not null,
      points integer not null,
      hours_per_week numeric(5,2),
      primary key (population_id, line)
    );
  `,
  );
}
