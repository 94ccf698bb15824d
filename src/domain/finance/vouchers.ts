/**
 * An approved run's lines as vouchers (issue #12 §3): one voucher per provider, one row per
 * expense account and district (the cost-centre dimension) and one balancing row on the
 * provider's payable account, numbered without gaps from a given first number. Deterministic:
 * the same lines, chart and numbers give the same vouchers. Pure.
 */
import type { Ore } from '../money.js';
import { expenseAccount, payableAccount, type FinanceChart } from './chart.js';

/** One settlement line as the export sees it (no client data). */
export interface FinanceLine {
  id: number;
  providerId: string;
  districtId: string;
  service: string;
  regime: string;
  amountOre: Ore;
}

/** A provider as the export names it. */
export interface FinanceProvider {
  id: string;
  name: string;
  regime: string;
  orgNumber: string | null;
}

/** One voucher row: account, cost centre (null on the payable row) and a signed amount (debit +). */
export interface VoucherRow {
  account: string;
  districtId: string | null;
  amountOre: Ore;
}

/** One voucher: a provider's share of the run. */
export interface Voucher {
  number: number;
  provider: FinanceProvider;
  rows: VoucherRow[];
  /** The provider's net amount (the sum of its debit rows). */
  totalOre: Ore;
  /** The settlement lines behind it, in id order. */
  lineIds: number[];
}

/**
 * Groups lines into vouchers, providers in id order, numbered `firstNumber`, `firstNumber + 1`, …
 * A provider whose rows all net to zero gets no voucher (so no number is used for nothing).
 */
export function buildVouchers(
  chart: FinanceChart,
  providers: FinanceProvider[],
  lines: FinanceLine[],
  firstNumber: number,
): Voucher[] {
  const byProvider = new Map<string, FinanceLine[]>();
  for (const l of lines) {
    const list = byProvider.get(l.providerId) ?? [];
    list.push(l);
    byProvider.set(l.providerId, list);
  }
  const known = new Map(providers.map((p) => [p.id, p]));
  const out: Voucher[] = [];
  for (const id of [...byProvider.keys()].sort(compareText)) {
    const provider = known.get(id) ?? {
      id,
      name: id,
      regime: byProvider.get(id)![0]!.regime,
      orgNumber: null,
    };
    const own = byProvider
      .get(id)!
      .slice()
      .sort((a, b) => a.id - b.id);
    const sums = new Map<string, VoucherRow>();
    for (const l of own) {
      const account = expenseAccount(chart, l.service, l.regime);
      const key = `${account}\u0000${l.districtId}`;
      const row = sums.get(key) ?? { account, districtId: l.districtId, amountOre: 0 };
      row.amountOre += l.amountOre;
      sums.set(key, row);
    }
    const rows = [...sums.values()]
      .filter((r) => r.amountOre !== 0)
      .sort((a, b) => compareText(a.account, b.account) || compareText(a.districtId!, b.districtId!));
    if (rows.length === 0) continue;
    const totalOre = rows.reduce((s, r) => s + r.amountOre, 0);
    if (totalOre !== 0)
      rows.push({ account: payableAccount(chart, provider.regime), districtId: null, amountOre: -totalOre });
    out.push({ number: firstNumber + out.length, provider, rows, totalOre, lineIds: own.map((l) => l.id) });
  }
  return out;
}

/** How many vouchers {@link buildVouchers} will number (to reserve numbers before building). */
export function voucherCount(
  chart: FinanceChart,
  providers: FinanceProvider[],
  lines: FinanceLine[],
): number {
  return buildVouchers(chart, providers, lines, 1).length;
}

/** Code-unit order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
