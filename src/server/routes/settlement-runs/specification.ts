/**
 * A provider's specification for a run (PAY-10) as JSON, CSV or XLSX: every line with the
 * client (masked as the user's role requires), unit, days or units, level, rate, amount, rules and
 * explanation, every code shown by its Swedish label (issue #14 §2: the file says what the app
 * says). CSV is Swedish-Excel style: `;` separated, decimal comma, UTF-8 with BOM.
 */
import ExcelJS from 'exceljs';
import { formatKrCell, formatMonth } from '../../../contract/format.js';
import {
  levelLabel,
  lineKindLabel,
  runStatusLabel,
  serviceLabel,
  unitLabel,
} from '../../../contract/labels.js';
import type { z } from 'zod';
import type { specificationLineSchema, specificationSchema } from '../../../contract/settlement-runs.js';

/** One row of the specification (src/contract/settlement-runs.ts). */
export type SpecRow = z.infer<typeof specificationLineSchema>;

/** The whole specification document. */
export type Specification = z.infer<typeof specificationSchema>;

const HEADERS: [keyof SpecRow, string][] = [
  ['placementId', 'Placering'],
  ['clientName', 'Klient'],
  ['personnummerMasked', 'Personnummer'],
  ['unitName', 'Enhet'],
  ['districtName', 'Stadsdel'],
  ['service', 'Insats'],
  ['kind', 'Typ'],
  ['from', 'Från'],
  ['to', 'Till'],
  ['quantity', 'Antal'],
  ['unit', 'Enhet (pris per)'],
  ['rate', 'Pris (kr, öre)'],
  ['amount', 'Belopp (kr, öre)'],
  ['level', 'Nivå'],
  ['correctsMonth', 'Rättar månad'],
  ['rules', 'Regler'],
  ['explanation', 'Förklaring'],
];

/** A row's value as people read it: service, kind, unit and level in Swedish (the one label table). */
function shown(r: SpecRow, k: keyof SpecRow): unknown {
  if (k === 'service') return serviceLabel(r.service);
  if (k === 'kind') return lineKindLabel(r.kind);
  if (k === 'unit') return unitLabel(r.unit, r.quantity);
  if (k === 'level') return r.level ? levelLabel(r.level) : null;
  return r[k];
}

/** A CSV cell: amounts always with öre (`1501,50`), the one format of the column. */
const csvValue = (r: SpecRow, k: keyof SpecRow): unknown =>
  k === 'rate' || k === 'amount' ? formatKrCell(r[k]) : shown(r, k);

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  const raw = Array.isArray(v) ? v.join(' ') : String(v);
  // A text cell that a spreadsheet would read as a formula is prefixed with ' (CSV injection).
  const s = /^[=+\-@\t]/.test(raw) && !/^-\d+(,\d+)?$/.test(raw) ? `'${raw}` : raw;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV text (with BOM) of a specification, plus a total row. */
export function specificationCsv(spec: Specification): string {
  const lines = [HEADERS.map(([, h]) => h).join(';')];
  for (const r of spec.lines) lines.push(HEADERS.map(([k]) => cell(csvValue(r, k))).join(';'));
  lines.push(
    HEADERS.map(([k]) =>
      k === 'placementId' ? 'Summa' : k === 'amount' ? cell(formatKrCell(spec.total)) : '',
    ).join(';'),
  );
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** XLSX workbook bytes of a specification. */
export async function specificationXlsx(spec: Specification): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ersättning';
  const ws = wb.addWorksheet('Specifikation');
  ws.addRow([
    `Specifikation ${spec.provider.name}, ${formatMonth(spec.run.month)}, körning ${spec.run.id} (${runStatusLabel(spec.run.status)})`,
  ]);
  ws.addRow(HEADERS.map(([, h]) => h)).font = { bold: true };
  for (const r of spec.lines)
    ws.addRow(HEADERS.map(([k]) => (Array.isArray(r[k]) ? (r[k] as string[]).join(' ') : shown(r, k))));
  const total = ws.addRow(
    HEADERS.map(([k]) => (k === 'placementId' ? 'Summa' : k === 'amount' ? spec.total : null)),
  );
  total.font = { bold: true };
  for (const k of ['rate', 'amount'] as const)
    ws.getColumn(HEADERS.findIndex(([h]) => h === k) + 1).numFmt = '#,##0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
