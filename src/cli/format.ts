/**
 * Swedish formatting for the command line's readable tables: `1 501 kr`, `0,63`, `2024-03-01`.
 * Plain spaces (not U+00A0) group digits so the output can be grepped and pasted.
 */
import type { Ore } from '../domain/money.js';

const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const ore = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

/** `150100` öre → `1 501 kr`; shows öre only when there are some (`1 501,50 kr`). */
export function formatKr(amount: Ore): string {
  return plain(amount % 100 === 0 ? whole.format(amount / 100) : ore.format(amount / 100)) + ' kr';
}

/** A decimal number the Swedish way: `0,63`, `1 949,3`. */
export function formatNumber(n: number, maximumFractionDigits = 4): string {
  return plain(new Intl.NumberFormat('sv-SE', { maximumFractionDigits }).format(n));
}

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
