/**
 * The finance export's SQL and transaction (issue #12 §3): the chart from `finance_accounts`, the
 * run's lines and providers, gapless numbers from `finance_sequences` (row-locked, inside the
 * exporting transaction, so a failed export leaves no gap), the files from the pure domain
 * (src/domain/finance), their SHA-256, and the run marked exported. A second export of the same
 * run regenerates the files from the stored numbers, date and chart and compares them byte for byte.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DEFAULT_CHART, financeChartSchema, type FinanceChart } from '../../../domain/finance/chart.js';
import { financeExport, type FinanceExportFiles } from '../../../domain/finance/export.js';
import { voucherCount } from '../../../domain/finance/vouchers.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { ApiError, conflict, notFound } from '../../errors.js';

/** What `#PROGRAM` names. */
export const PROGRAM = { name: 'Ersättning', version: '0.1.0' };

/** A stored export row (without the files). */
export type ExportRow = Omit<DB['finance_exports'], 'sie' | 'csv' | 'chart' | 'created_at'> & {
  month: string;
  sie_bytes: number;
  csv_bytes: number;
};

/** SHA-256 of bytes, hex. */
export const sha256 = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The chart of accounts as configured in `finance_accounts`. */
export async function loadChart(db: Kysely<DB>): Promise<FinanceChart> {
  const rows = await db
    .selectFrom('finance_accounts')
    .selectAll()
    .orderBy('kind')
    .orderBy('service')
    .orderBy('regime')
    .execute();
  return financeChartSchema.parse({
    ...DEFAULT_CHART,
    expense: rows
      .filter((r) => r.kind === 'expense')
      .map(({ service, regime, account, name }) => ({ service, regime, account, name })),
    payable: rows
      .filter((r) => r.kind === 'payable')
      .map(({ regime, account, name }) => ({ regime, account, name })),
  });
}

async function runFiles(
  db: Kysely<DB>,
  run: { id: number; month: string },
  chart: FinanceChart,
  firstVoucher: number,
  exportedOn: string,
): Promise<FinanceExportFiles> {
  const [lines, providers, districts] = await Promise.all([
    db
      .selectFrom('settlement_lines')
      .select(['id', 'provider_id', 'district_id', 'service', 'regime', 'amount_ore'])
      .where('run_id', '=', run.id)
      .orderBy('id')
      .execute(),
    db.selectFrom('providers').select(['id', 'name', 'regime', 'org_number']).execute(),
    db.selectFrom('districts').select(['id', 'name']).execute(),
  ]);
  return financeExport({
    run,
    chart,
    providers: providers.map((p) => ({ id: p.id, name: p.name, regime: p.regime, orgNumber: p.org_number })),
    districts,
    lines: lines.map((l) => ({
      id: l.id,
      providerId: l.provider_id,
      districtId: l.district_id,
      service: l.service,
      regime: l.regime,
      amountOre: l.amount_ore,
    })),
    firstVoucher,
    exportedOn,
    program: PROGRAM,
  });
}

/** Takes `count` numbers from a gapless sequence; returns the first (the row stays locked). */
async function take(trx: Transaction<DB>, name: string, count: number): Promise<number> {
  await trx
    .insertInto('finance_sequences')
    .values({ name, last_value: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await trx
    .updateTable('finance_sequences')
    .set((eb) => ({ last_value: eb('last_value', '+', count) }))
    .where('name', '=', name)
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value - count + 1;
}

/** The stored export of a run, or null. */
export async function findExport(db: Kysely<DB>, runId: number): Promise<ExportRow | null> {
  return (await findExports(db, [runId])).get(runId) ?? null;
}

/**
 * The stored exports of the given runs in ONE query (the run list's rows, issue #14 §1: no
 * request per row), keyed by run id; a run not exported has no entry.
 */
export async function findExports(
  db: Kysely<DB>,
  runIds: readonly number[],
): Promise<Map<number, ExportRow>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('finance_exports')
    .innerJoin('settlement_runs', 'settlement_runs.id', 'finance_exports.run_id')
    .select([
      'finance_exports.run_id',
      'finance_exports.export_number',
      'finance_exports.series',
      'finance_exports.first_voucher',
      'finance_exports.voucher_count',
      'finance_exports.exported_on',
      'finance_exports.total_ore',
      'finance_exports.sie_sha256',
      'finance_exports.sie_checksum',
      'finance_exports.csv_sha256',
      'finance_exports.created_by',
      'settlement_runs.month',
      sql<number>`octet_length(sie)`.as('sie_bytes'),
      sql<number>`octet_length(csv)`.as('csv_bytes'),
    ])
    .where('finance_exports.run_id', 'in', [...runIds])
    .execute();
  return new Map(
    rows.map((row) => [
      row.run_id,
      {
        ...row,
        total_ore: Number(row.total_ore),
        sie_checksum: Number(row.sie_checksum),
        sie_bytes: Number(row.sie_bytes),
        csv_bytes: Number(row.csv_bytes),
      },
    ]),
  );
}

/** One stored file's bytes. */
export async function exportFile(db: Kysely<DB>, runId: number, file: 'sie' | 'csv'): Promise<Buffer> {
  const row = await db
    .selectFrom('finance_exports')
    .select([file])
    .where('run_id', '=', runId)
    .executeTakeFirst();
  if (!row) throw notFound('finance-export', runId);
  return Buffer.from(row[file] as Uint8Array);
}

/**
 * Exports an approved run once (201), or regenerates the stored export and checks it is byte for
 * byte the same (200). Draft runs are refused (409 run-not-approved).
 */
export async function exportRun(
  db: Kysely<DB>,
  user: SessionUser,
  runId: number,
  today: string,
): Promise<{ row: ExportRow; created: boolean }> {
  const created = await db.transaction().execute(async (trx) => {
    const run = await trx
      .selectFrom('settlement_runs')
      .selectAll()
      .where('id', '=', runId)
      .forUpdate()
      .executeTakeFirst();
    if (!run) throw notFound('run', runId);
    if (run.status === 'draft') throw conflict('run-not-approved', 'Godkänn körningen innan den exporteras');
    const existing = await trx
      .selectFrom('finance_exports')
      .selectAll()
      .where('run_id', '=', runId)
      .executeTakeFirst();
    if (existing) {
      const chart = financeChartSchema.parse(existing.chart);
      const again = await runFiles(trx, run, chart, existing.first_voucher, existing.exported_on);
      if (sha256(again.sie) !== existing.sie_sha256 || sha256(again.csv) !== existing.csv_sha256)
        throw new ApiError(
          409,
          'finance-export-differs',
          `Exporten av körning ${runId} går inte längre att återskapa; anmäl felet`,
        );
      return false;
    }
    const chart = await loadChart(trx);
    const lines = await trx
      .selectFrom('settlement_lines')
      .select(['id', 'provider_id', 'district_id', 'service', 'regime', 'amount_ore'])
      .where('run_id', '=', run.id)
      .execute();
    const providers = await trx
      .selectFrom('providers')
      .select(['id', 'name', 'regime', 'org_number'])
      .execute();
    const count = voucherCount(
      chart,
      providers.map((p) => ({ id: p.id, name: p.name, regime: p.regime, orgNumber: p.org_number })),
      lines.map((l) => ({
        id: l.id,
        providerId: l.provider_id,
        districtId: l.district_id,
        service: l.service,
        regime: l.regime,
        amountOre: l.amount_ore,
      })),
    );
    const exportNumber = await take(trx, 'export', 1);
    const firstVoucher = await take(trx, `voucher:${chart.series}`, count);
    const files = await runFiles(trx, run, chart, firstVoucher, today);
    const csv = Buffer.from(files.csv, 'utf8');
    await trx
      .insertInto('finance_exports')
      .values({
        run_id: run.id,
        export_number: exportNumber,
        series: chart.series,
        first_voucher: firstVoucher,
        voucher_count: files.vouchers.length,
        exported_on: today,
        chart: JSON.stringify(chart),
        total_ore: files.totalOre,
        sie: files.sie,
        sie_sha256: sha256(files.sie),
        sie_checksum: files.sieChecksum,
        csv,
        csv_sha256: sha256(csv),
        created_by: user.id,
      })
      .execute();
    if (run.status === 'approved')
      await trx
        .updateTable('settlement_runs')
        .set({ status: 'exported', exported_at: new Date(), version: run.version + 1 })
        .where('id', '=', run.id)
        .execute();
    await audit(trx, user, {
      action: 'export',
      entity: 'finance-export',
      entityId: run.id,
      details: { exportNumber, firstVoucher, vouchers: files.vouchers.length },
    });
    return true;
  });
  return { row: (await findExport(db, runId))!, created };
}
