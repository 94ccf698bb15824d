/**
 * The chart of accounts for the finance export (issue #12 §3): which expense account each service
 * and regime is booked to, and which account is credited (the supplier liability, or the internal
 * account for municipal units). The chart is data (the `finance_accounts` table, seeded with the
 * illustrative {@link DEFAULT_CHART}); this module only looks accounts up. Pure.
 */
import { REGIME_LABELS } from '../../contract/labels.js';
import { z } from 'zod';
import { InputError } from '../errors.js';

/** A 4-digit BAS/Kommun-Bas account number. */
export const accountSchema = z.string().regex(/^[1-9][0-9]{3}$/, 'must be a 4-digit account');

/** One expense account: what a service under a regime is booked to. */
export const expenseAccountSchema = z.object({
  service: z.string().min(1),
  regime: z.enum(['kommunal', 'entreprenad', 'privat']),
  account: accountSchema,
  name: z.string().min(1).max(100),
});

/** The account credited for a regime's providers (supplier liability or internal settlement). */
export const payableAccountSchema = z.object({
  regime: z.enum(['kommunal', 'entreprenad', 'privat']),
  account: accountSchema,
  name: z.string().min(1).max(100),
});

/** The whole chart, with the voucher series and the company the SIE file names. */
export const financeChartSchema = z.object({
  series: z.string().regex(/^[A-Z]$/, 'one capital letter'),
  company: z.object({ name: z.string().min(1), orgNumber: z.string().regex(/^\d{6}-\d{4}$/) }),
  dimension: z.object({ id: z.number().int().min(1).max(99), name: z.string().min(1) }),
  expense: z.array(expenseAccountSchema),
  payable: z.array(payableAccountSchema),
});

/** The chart of accounts a finance export is booked with. */
export type FinanceChart = z.infer<typeof financeChartSchema>;

/** Account numbers of the default chart: one per service, a hundred-group per regime. */
const SERVICES: [string, string][] = [
  ['lss-servicebostad', 'LSS servicebostad'],
  ['lss-gruppbostad', 'LSS gruppbostad'],
  ['lss-barnboende', 'LSS boende för barn'],
  ['lss-daglig-verksamhet', 'LSS daglig verksamhet'],
  ['sp-boende', 'SoL boende med särskild service'],
  ['sp-stodboende', 'SoL stödboende'],
  ['sp-boendestod', 'SoL boendestöd'],
  ['sp-sysselsattning', 'SoL sysselsättning'],
  ['sp-cirkel', 'SoL cirkelverksamhet'],
];
const REGIME_BASE = { kommunal: 4690, entreprenad: 4640, privat: 4650 } as const;

/**
 * The shipped chart, **illustrative** (the seeds name no accounts): Kommun-Bas-like purchase
 * accounts 464x (entreprenad), 465x (privat) and 469x (internal purchase from municipal units),
 * credited to 2440 Leverantörsskulder or 2449 for internal settlement; dimension 1 is the cost
 * centre (kostnadsställe) = district. The city replaces the rows in `finance_accounts`.
 */
export const DEFAULT_CHART: FinanceChart = {
  series: 'E',
  company: { name: 'Stockholms stad', orgNumber: '212000-0142' },
  dimension: { id: 1, name: 'Kostnadsställe' },
  expense: (['kommunal', 'entreprenad', 'privat'] as const).flatMap((regime) =>
    SERVICES.map(([service, label], i) => ({
      service,
      regime,
      account: String(REGIME_BASE[regime] + i + 1),
      name: `Köp ${label}, ${REGIME_LABELS[regime]}`,
    })),
  ),
  payable: [
    { regime: 'kommunal', account: '2449', name: 'Interna skulder, kommunal regi' },
    { regime: 'entreprenad', account: '2440', name: 'Leverantörsskulder' },
    { regime: 'privat', account: '2440', name: 'Leverantörsskulder' },
  ],
};

/** The expense account for a service and regime; a missing row is an input error naming both. */
export function expenseAccount(chart: FinanceChart, service: string, regime: string): string {
  const row = chart.expense.find((e) => e.service === service && e.regime === regime);
  if (!row)
    throw new InputError(
      'finance-account-missing',
      `Kontoplanen saknar konto för ${service} i ${regime} regi`,
      'finance_accounts',
    );
  return row.account;
}

/** The account credited for a regime's providers. */
export function payableAccount(chart: FinanceChart, regime: string): string {
  const row = chart.payable.find((p) => p.regime === regime);
  if (!row)
    throw new InputError(
      'finance-account-missing',
      `Kontoplanen saknar leverantörsskuldskonto för ${regime} regi`,
      'finance_accounts',
    );
  return row.account;
}

/** Every account's name by number (for `#KONTO`). */
export function accountNames(chart: FinanceChart): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of chart.payable) m.set(p.account, p.name);
  for (const e of chart.expense) m.set(e.account, e.name);
  return m;
}
