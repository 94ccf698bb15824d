/**
 * The command line's readable tables: the shared Swedish formats (src/contract/format.ts) with
 * plain spaces (not U+00A0) grouping digits, so the output can be grepped and pasted.
 */
import type { Ore } from '../domain/money.js';
import { formatNumber as sharedNumber, formatOre, formatOreSigned } from '../contract/format.js';

/** `150100` öre → `1 501 kr`; shows öre only when there are some (`1 501,50 kr`). */
export const formatKr = (amount: Ore): string => formatOre(amount, { plain: true });

/** A signed difference in öre: `+1 501 kr`, `-12,50 kr`. */
export const formatKrSigned = (amount: Ore): string => formatOreSigned(amount, { plain: true });

/** A decimal number the Swedish way: `0,63`, `1 949,3`. */
export const formatNumber = (n: number, maximumFractionDigits = 4): string =>
  sharedNumber(n, maximumFractionDigits, { plain: true });

/** A simple aligned text table; numbers (ending in "kr" or digits) are right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^-?[\d ,]+( kr| %)?$|^$/.test(r[i] ?? '')),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
