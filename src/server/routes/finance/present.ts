/** A finance export as the API answers it (src/contract/finance.ts). */
import type { FinanceExport } from '../../../contract/finance.js';
import { kr } from '../../present.js';
import type { ExportRow } from './service.js';

/** The file names: `ersattning-<run>-<month>.se` and `…-leverantorsfakturor.csv`. */
export function fileName(row: { run_id: number; month: string }, kind: 'sie' | 'csv'): string {
  const base = `ersattning-${row.run_id}-${row.month}`;
  return kind === 'sie' ? `${base}.se` : `${base}-leverantorsfakturor.csv`;
}

/** Content types: SIE is code page 437 text, the CSV is UTF-8. */
export const CONTENT_TYPES = { sie: 'text/plain; charset=ibm437', csv: 'text/csv; charset=utf-8' } as const;

/** The export view. */
export function exportView(row: ExportRow, reproduced: boolean): FinanceExport {
  const file = (kind: 'sie' | 'csv') => ({
    kind,
    name: fileName(row, kind),
    contentType: CONTENT_TYPES[kind],
    bytes: kind === 'sie' ? row.sie_bytes : row.csv_bytes,
    sha256: kind === 'sie' ? row.sie_sha256 : row.csv_sha256,
    url: `/api/settlement-runs/${row.run_id}/finance-export/${kind}`,
  });
  return {
    runId: row.run_id,
    month: row.month,
    exportNumber: row.export_number,
    series: row.series,
    firstVoucher: row.first_voucher,
    voucherCount: row.voucher_count,
    exportedOn: row.exported_on,
    total: kr(row.total_ore),
    sieChecksum: row.sie_checksum,
    files: [file('sie'), file('csv')],
    reproduced,
  };
}
