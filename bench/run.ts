/**
 * `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or the named ones) in turn. Benchmarks
 * report figures and ratios measured side by side in one run; they never fail on a timing. At the
 * end the figures they recorded (bench/table.ts) are printed as one Markdown table.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNow, machine, summaryTable } from './table.js';

const dir = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(join(dir, f))) as { main?: () => Promise<void> };
  if (typeof mod.main === 'function') await mod.main();
}
// Issue #15 §6: every recorded figure in one table (docs/operations.md keeps the same table).
const table = summaryTable();
if (table) console.log(`\n=== summary: ${machine()}; load at the end ${loadNow()} ===\n${table}`);
