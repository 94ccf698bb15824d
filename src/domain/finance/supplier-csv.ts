/**
 * The supplier-invoice import file (issue #12 §3, Unit4/Agresso style): one row per settlement
 * line of the run, with the provider's organisation number, the invoice reference (run and
 * provider), the voucher number of the SIE file, the period, the expense account, the cost centre
 * (= district), the amount and the run and line references. Municipal units (kommunal regi) are
 * not suppliers: their share is booked internally in the SIE file only. A contracted or private
 * provider without an organisation number is an input error. Semicolon-separated UTF-8 with a
 * header row and CRLF line ends; amounts with a decimal point and two decimals. Pure.
 */
import { InputError } from '../errors.js';
import { expenseAccount, type FinanceChart } from './chart.js';
import { sieAmount } from './sie.js';
import type { FinanceLine, Voucher } from './vouchers.js';

/** The header row's columns, in order. */
export const SUPPLIER_CSV_COLUMNS = [
  'Leverantör orgnr',
  'Leverantör',
  'Fakturanummer',
  'Verifikation',
  'Period',
  'Konto',
  'Kostnadsställe',
  'Belopp',
  'Valuta',
  'Körning',
  'Rad',
] as const;

/** One CSV cell: quoted (quotes doubled) when it holds `;`, `"` or a line break. */
export function csvCell(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return /[;"]/.test(flat) ? `"${flat.replaceAll('"', '""')}"` : flat;
}

/** The invoice reference of a provider's share of a run. */
export const invoiceNumber = (runId: number, providerId: string): string => `ERS-${runId}-${providerId}`;

/** The CSV text for the run's vouchers and lines (lines of municipal units left out). */
export function supplierCsv(
  chart: FinanceChart,
  run: { id: number; month: string },
  vouchers: Voucher[],
  lines: FinanceLine[],
): string {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const rows: string[] = [SUPPLIER_CSV_COLUMNS.join(';')];
  const period = run.month.replace('-', '');
  for (const v of vouchers) {
    if (v.provider.regime === 'kommunal') continue;
    if (!v.provider.orgNumber)
      throw new InputError(
        'provider-org-number-missing',
        `Utförare ${v.provider.id} saknar organisationsnummer; lägg in det före exporten`,
        `providers.${v.provider.id}`,
      );
    for (const id of v.lineIds) {
      const l = byId.get(id)!;
      if (l.amountOre === 0) continue;
      rows.push(
        [
          v.provider.orgNumber,
          v.provider.name,
          invoiceNumber(run.id, v.provider.id),
          `${chart.series}${v.number}`,
          period,
          expenseAccount(chart, l.service, l.regime),
          l.districtId,
          sieAmount(l.amountOre),
          'SEK',
          String(run.id),
          String(l.id),
        ]
          .map(csvCell)
          .join(';'),
      );
    }
  }
  return rows.join('\r\n') + '\r\n';
}
