/**
 * `settle` on the main thread (commands/settle.ts; corrections, small inputs, or an input the
 * worker threads cannot take): reads one placement at a time and settles into columns, so a
 * million placements fit (#15 §3), then prints JSON, NDJSON or the Swedish table. Imported only
 * when taken, so a large input's worker threads start without waiting for this thread to load the
 * engine, the schema and the rate models.
 */
import { kindSv } from '../domain/settlement/explain.js';
import { lineKindLabel, unitLabel } from '../contract/labels.js';
import {
  parsePreviousRun,
  settleMonthColumns,
  withLines,
  type SettlementResult,
} from '../domain/settlement/settle.js';
import type { FactProblem } from '../domain/settlement/problems.js';
import { shippedCatalog } from '../models/prebuilt.js';
import { readJson } from './commands/settle.js';
import { formatKr, table } from './format.js';
import { emit } from './output.js';
import { readSettlementInput } from './settle-input.js';
import { writeSettlement, type Format } from './settle-output.js';

/** The readable Swedish specification printed without `--json`. */
export function settlementText(r: SettlementResult): string {
  const rows = r.lines.map((l) => [
    l.placementId,
    l.kind === 'correction'
      ? `Rättelse ${l.correctsMonth} (${lineKindLabel(l.correctedKind ?? 'ordinary')})`
      : kindSv(l.kind),
    `${l.from}–${l.to}`,
    l.unit === 'correction' ? '' : `${String(l.quantity).replace('.', ',')} ${unitLabel(l.unit, l.quantity)}`,
    l.unit === 'correction' ? '' : formatKr(l.rate),
    formatKr(l.amount),
    l.level ?? '',
    l.model,
    l.rules.join(' '),
  ]);
  const parts = [
    `Ersättning till utförare, ${r.month}`,
    '',
    table(['Placering', 'Typ', 'Period', 'Antal', 'À-pris', 'Belopp', 'Nivå', 'Modell', 'Regler'], rows),
    '',
    table(
      ['Utförare', 'Summa'],
      r.providers.map((p) => [p.id, formatKr(p.total)]),
    ),
    '',
    table(
      ['Stadsdel', 'Summa'],
      r.districts.map((d) => [d.id, formatKr(d.total)]),
    ),
    '',
    `Totalt ${r.month}: ${formatKr(r.total)}`,
  ];
  return parts.join('\n');
}

/**
 * Settles `input` for `month` with the earlier runs `previous` (PAY-9) and prints it in `format`
 * (null: the table). `check` is what is done with the refusals and warnings before anything is
 * printed (it throws the first refusal without --skip-invalid) and gives the extra fields.
 */
export async function settleOnOneThread(
  input: string,
  month: string,
  previous: readonly string[],
  format: Format | null,
  explain: boolean,
  check: (refused: FactProblem[], warnings: string[]) => Record<string, unknown>,
): Promise<void> {
  const catalog = await shippedCatalog(); // from the build: no YAML parser to load
  const facts = readSettlementInput(input, readJson);
  const runs = previous.map((f) => parsePreviousRun(readJson(f), f));
  const result = settleMonthColumns(catalog, facts, month, { previous: runs });
  const extra = check(result.refused, result.warnings);
  if (format) writeSettlement(1, format, result, extra, { explain });
  else emit(false, withLines(result), settlementText);
}
