/**
 * The finance export of an approved settlement run (issue #12 §3, docs/finance.md): a SIE 4I file
 * of vouchers and a supplier-invoice CSV, made once per run with gapless export and voucher
 * numbers; exporting again reproduces the same bytes. The answer names both files with their
 * SHA-256 and size; the files themselves are fetched from `…/finance-export/sie` and `…/csv`.
 */
import { z } from 'zod';
import { idParamSchema } from './primitives.js';

/** `:id` and the file (`sie` or `csv`) in a path. */
export const financeFileParams = z.object({ id: idParamSchema, file: z.enum(['sie', 'csv']) });

/** One exported file. */
export const financeFileSchema = z.object({
  kind: z.enum(['sie', 'csv']),
  name: z.string(),
  contentType: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  url: z.string(),
});

/** A run's finance export. */
export const financeExportSchema = z.object({
  runId: z.number(),
  month: z.string(),
  exportNumber: z.number(),
  series: z.string(),
  /** The voucher numbers used: `firstVoucher` … `firstVoucher + voucherCount - 1`. */
  firstVoucher: z.number(),
  voucherCount: z.number(),
  exportedOn: z.string(),
  /** Kronor, exact to the öre: the sum of every voucher's expense rows. */
  total: z.number(),
  /** The SIE file's `#KSUMMA` (CRC-32, unsigned). */
  sieChecksum: z.number(),
  files: z.array(financeFileSchema),
  /** True when this answer regenerated the files and they matched the stored ones byte for byte. */
  reproduced: z.boolean(),
});

/** A finance export as the web app reads it. */
export type FinanceExport = z.infer<typeof financeExportSchema>;
