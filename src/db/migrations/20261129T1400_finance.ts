/**
 * The finance export (issue #12 §3): the chart of accounts as data (`finance_accounts`, seeded
 * with the illustrative default of src/domain/finance/chart.ts), gapless number sequences
 * (`finance_sequences`: export numbers and voucher numbers per series, taken under a row lock in
 * the exporting transaction, so a rolled-back export leaves no gap), and one immutable export per
 * run (`finance_exports`: the numbers, the chart used, both files and their SHA-256). Forward only.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_CHART } from '../../domain/finance/chart.js';
import { runScript } from '../sql-script.js';

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Creates the finance tables and seeds the default chart. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = [
    ...DEFAULT_CHART.expense.map(
      (e) => `('expense', ${q(e.service)}, ${q(e.regime)}, ${q(e.account)}, ${q(e.name)})`,
    ),
    ...DEFAULT_CHART.payable.map((p) => `('payable', '', ${q(p.regime)}, ${q(p.account)}, ${q(p.name)})`),
  ];
  await runScript(
    db,
    `
    create table finance_accounts (
      kind text not null check (kind in ('expense', 'payable')),
      service text not null,
      regime text not null check (regime in ('kommunal', 'entreprenad', 'privat')),
      account text not null check (account ~ '^[1-9][0-9]{3}$'),
      name text not null,
      primary key (kind, service, regime)
    );
    insert into finance_accounts (kind, service, regime, account, name) values ${rows.join(',\n')};
    create table finance_sequences (
      name text primary key,
      last_value integer not null default 0 check (last_value >= 0)
    );
    insert into finance_sequences (name, last_value) values ('export', 0), ('voucher:${DEFAULT_CHART.series}', 0);
    create table finance_exports (
      run_id integer primary key references settlement_runs(id),
      export_number integer not null unique,
      series text not null,
      first_voucher integer not null,
      voucher_count integer not null check (voucher_count >= 0),
      exported_on date not null,
      chart jsonb not null,
      total_ore bigint not null,
      sie bytea not null,
      sie_sha256 text not null,
      sie_checksum bigint not null,
      csv bytea not null,
      csv_sha256 text not null,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      unique (series, first_voucher)
    );
    create function finance_export_guard() returns trigger language plpgsql as $$
    begin
      raise exception 'a finance export is immutable' using errcode = 'P0001', hint = 'immutable-run';
    end $$;
    create trigger finance_exports_immutable before update or delete on finance_exports
      for each row execute function finance_export_guard();
    create trigger finance_exports_no_truncate before truncate on finance_exports
      for each statement execute function finance_export_guard();
  `,
  );
}
