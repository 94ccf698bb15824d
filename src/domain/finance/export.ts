/**
 * The finance export of one approved settlement run (issue #12 §3): the vouchers, the SIE 4I file
 * and the supplier-invoice CSV, from the run's lines, the chart of accounts and the numbers the
 * server reserved (export number, first voucher number) and the export date. Deterministic: the
 * same input gives byte-identical files, so a run exported again reproduces its files. Pure.
 */
import type { FinanceChart } from './chart.js';
import { sieRecords, writeSie } from './sie.js';
import { supplierCsv } from './supplier-csv.js';
import { buildVouchers, type FinanceLine, type FinanceProvider, type Voucher } from './vouchers.js';

/** Everything an export is computed from. */
export interface FinanceExportInput {
  run: { id: number; month: string };
  chart: FinanceChart;
  providers: FinanceProvider[];
  districts: { id: string; name: string }[];
  lines: FinanceLine[];
  firstVoucher: number;
  /** ISO date of the first export (`#GEN`). */
  exportedOn: string;
  program: { name: string; version: string };
}

/** The two files and what they hold. */
export interface FinanceExportFiles {
  vouchers: Voucher[];
  sie: Uint8Array;
  sieChecksum: number;
  csv: string;
  totalOre: number;
}

/** Builds the vouchers and both files. */
export function financeExport(input: FinanceExportInput): FinanceExportFiles {
  const vouchers = buildVouchers(input.chart, input.providers, input.lines, input.firstVoucher);
  const records = sieRecords(
    input.chart,
    { program: input.program, generated: input.exportedOn, runId: input.run.id, month: input.run.month },
    vouchers,
    new Map(input.districts.map((d) => [d.id, d.name])),
  );
  const { bytes, checksum } = writeSie(records);
  return {
    vouchers,
    sie: bytes,
    sieChecksum: checksum,
    csv: supplierCsv(input.chart, input.run, vouchers, input.lines),
    totalOre: vouchers.reduce((s, v) => s + v.totalOre, 0),
  };
}
