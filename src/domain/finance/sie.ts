/**
 * A SIE 4I file (SIE type 4, import: vouchers only) for an approved settlement run (issue #12 §3):
 * `#FLAGGA 0`, `#KSUMMA` (opening), `#PROGRAM`, `#FORMAT PC8`, `#GEN`, `#SIETYP 4`, `#FNAMN`,
 * `#ORGNR`, `#VALUTA`, `#DIM` and `#OBJEKT` for the cost-centre dimension (district), `#KONTO` for
 * every account used, one `#VER` per voucher with its `#TRANS` rows, and the closing
 * `#KSUMMA <crc>`. Written in code page 437 with CRLF line ends.
 *
 * The checksum follows SIE 4B's rule: CRC-32 over every record between the two `#KSUMMA` records,
 * counting each record's label and its fields' contents (without the spaces between fields,
 * without quotes, escapes or braces; `{` and `}` lines add nothing), in code page 437 bytes. It is
 * printed unsigned in decimal. Pure and deterministic: the same input gives the same bytes.
 */
import { oreDecimal } from '../money.js';
import { encodeCp437, crc32Update } from './cp437.js';
import { accountNames, type FinanceChart } from './chart.js';
import type { Voucher } from './vouchers.js';

/** A field of a SIE record: plain (numbers, dates, codes), quoted text, or an object list. */
export type SieField = { plain: string } | { text: string } | { objects: [string, string][] };

/** One SIE record (`#LABEL field …`), or a voucher block's `{` / `}` line. */
export interface SieRecord {
  label: string;
  fields: SieField[];
}

/** What the file says besides the vouchers. */
export interface SieHeader {
  program: { name: string; version: string };
  /** The export date (`#GEN`), an ISO date: the day the run was first exported. */
  generated: string;
  runId: number;
  month: string;
}

/** Öre as a SIE amount: `1234.50`, `-0.05`. */
export function sieAmount(ore: number): string {
  return oreDecimal(ore, '.');
}

/** `2025-03-31` → `20250331`. */
export const sieDate = (iso: string): string => iso.replaceAll('-', '');

/** The last day of a `YYYY-MM` month, as an ISO date (the vouchers' date). */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** A text field as SIE writes it: quoted, `"` and `\` escaped, line breaks and tabs as spaces. */
export function quoteSie(text: string): string {
  return `"${text.replace(/[\r\n\t]/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function renderField(f: SieField): string {
  if ('plain' in f) return f.plain;
  if ('text' in f) return quoteSie(f.text);
  return `{${f.objects.map(([d, o]) => `${d} ${quoteSie(o)}`).join(' ')}}`;
}

/** One record as a line of text (without the line end). */
export function renderRecord(r: SieRecord): string {
  return [r.label, ...r.fields.map(renderField)].join(' ');
}

/** What a record adds to `#KSUMMA`: its label and its fields' contents, nothing between. */
export function checksumText(r: SieRecord): string {
  if (r.label === '{' || r.label === '}') return '';
  const parts = r.fields.map((f) =>
    'plain' in f
      ? f.plain
      : 'text' in f
        ? f.text.replace(/[\r\n\t]/g, ' ')
        : f.objects.map(([d, o]) => d + o).join(''),
  );
  return r.label + parts.join('');
}

/** The records of the file between the two `#KSUMMA` records. */
export function sieRecords(
  chart: FinanceChart,
  header: SieHeader,
  vouchers: Voucher[],
  districtNames: Map<string, string>,
): SieRecord[] {
  const p = (plain: string): SieField => ({ plain });
  const t = (text: string): SieField => ({ text });
  const dim = String(chart.dimension.id);
  const records: SieRecord[] = [
    { label: '#PROGRAM', fields: [t(header.program.name), t(header.program.version)] },
    { label: '#FORMAT', fields: [p('PC8')] },
    { label: '#GEN', fields: [p(sieDate(header.generated))] },
    { label: '#SIETYP', fields: [p('4')] },
    { label: '#FNAMN', fields: [t(chart.company.name)] },
    { label: '#ORGNR', fields: [p(chart.company.orgNumber)] },
    { label: '#VALUTA', fields: [p('SEK')] },
    { label: '#DIM', fields: [p(dim), t(chart.dimension.name)] },
  ];
  const districts = [
    ...new Set(vouchers.flatMap((v) => v.rows.flatMap((r) => (r.districtId ? [r.districtId] : [])))),
  ].sort();
  for (const d of districts)
    records.push({ label: '#OBJEKT', fields: [p(dim), t(d), t(districtNames.get(d) ?? d)] });
  const names = accountNames(chart);
  const accounts = [...new Set(vouchers.flatMap((v) => v.rows.map((r) => r.account)))].sort();
  for (const a of accounts) records.push({ label: '#KONTO', fields: [p(a), t(names.get(a) ?? a)] });
  const date = sieDate(lastDayOfMonth(header.month));
  for (const v of vouchers) {
    const text = `Ersättning ${header.month} ${v.provider.id} ${v.provider.name}, körning ${header.runId}`;
    records.push({ label: '#VER', fields: [t(chart.series), p(String(v.number)), p(date), t(text)] });
    records.push({ label: '{', fields: [] });
    for (const r of v.rows)
      records.push({
        label: '#TRANS',
        fields: [
          p(r.account),
          { objects: r.districtId ? [[dim, r.districtId]] : [] },
          p(sieAmount(r.amountOre)),
        ],
      });
    records.push({ label: '}', fields: [] });
  }
  return records;
}

/** The whole SIE 4I file as code page 437 bytes, with its checksum. */
export function writeSie(records: SieRecord[]): { bytes: Uint8Array; checksum: number } {
  let crc = 0xffffffff;
  for (const r of records) crc = crc32Update(crc, encodeCp437(checksumText(r)));
  const checksum = (crc ^ 0xffffffff) >>> 0;
  const lines = ['#FLAGGA 0', '#KSUMMA', ...records.map(renderRecord), `#KSUMMA ${checksum}`];
  return { bytes: encodeCp437(lines.join('\r\n') + '\r\n'), checksum };
}
