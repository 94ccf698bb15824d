/**
 * The finance export (issue #12 §3): vouchers per provider that balance, accounts from the chart
 * per service and regime, the district as cost centre, gapless voucher numbers, `#KSUMMA` as SIE
 * 4B computes it (checked by the independent reader), byte-identical output for the same input,
 * and the supplier-invoice CSV that agrees with the vouchers.
 */
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSie } from './sie-reader.js';
import { DEFAULT_CHART, expenseAccount } from '../../../domain/finance/chart.js';
import { crc32 as ownCrc, encodeCp437 } from '../../../domain/finance/cp437.js';
import { financeExport, type FinanceExportInput } from '../../../domain/finance/export.js';
import { lastDayOfMonth, sieAmount } from '../../../domain/finance/sie.js';

const input: FinanceExportInput = {
  run: { id: 7, month: '2025-02' },
  chart: DEFAULT_CHART,
  providers: [
    { id: 'U002', name: 'Omsorg "Väst" AB; Söder', regime: 'privat', orgNumber: '556000-1234' },
    { id: 'U001', name: 'Stadsdelens Boenden', regime: 'kommunal', orgNumber: null },
  ],
  districts: [
    { id: 'bromma', name: 'Bromma' },
    { id: 'skarholmen', name: 'Skärholmen' },
  ],
  lines: [
    {
      id: 3,
      providerId: 'U002',
      districtId: 'skarholmen',
      service: 'lss-gruppbostad',
      regime: 'privat',
      amountOre: 250_050,
    },
    {
      id: 1,
      providerId: 'U002',
      districtId: 'bromma',
      service: 'lss-gruppbostad',
      regime: 'privat',
      amountOre: 100_000,
    },
    {
      id: 2,
      providerId: 'U002',
      districtId: 'bromma',
      service: 'lss-gruppbostad',
      regime: 'privat',
      amountOre: -20_001,
    },
    {
      id: 4,
      providerId: 'U001',
      districtId: 'bromma',
      service: 'sp-boende',
      regime: 'kommunal',
      amountOre: 99_999,
    },
  ],
  firstVoucher: 41,
  exportedOn: '2026-11-29',
  program: { name: 'Ersättning', version: '0.1.0' },
};

describe('finance export', () => {
  it('writes one balanced voucher per provider, numbered without gaps', () => {
    const out = financeExport(input);
    const read = readSie(out.sie);
    expect(read.vouchers.map((v) => [v.series, v.number])).toEqual([
      ['E', 41],
      ['E', 42],
    ]);
    const [u1, u2] = read.vouchers;
    expect(u1!.trans).toEqual([
      {
        account: expenseAccount(DEFAULT_CHART, 'sp-boende', 'kommunal'),
        objects: [['1', 'bromma']],
        amountOre: 99_999,
      },
      { account: '2449', objects: [], amountOre: -99_999 },
    ]);
    const gb = expenseAccount(DEFAULT_CHART, 'lss-gruppbostad', 'privat');
    expect(u2!.trans).toEqual([
      { account: gb, objects: [['1', 'bromma']], amountOre: 79_999 },
      { account: gb, objects: [['1', 'skarholmen']], amountOre: 250_050 },
      { account: '2440', objects: [], amountOre: -330_049 },
    ]);
    expect(u2!.date).toBe('20250228');
    expect(u2!.text).toBe('Ersättning 2025-02 U002 Omsorg "Väst" AB; Söder, körning 7');
    expect(out.totalOre).toBe(99_999 + 330_049);
  });

  it('has the #KSUMMA that SIE 4B defines, and the header records', () => {
    const out = financeExport(input);
    const read = readSie(out.sie);
    expect(read.declaredChecksum).toBe(read.computedChecksum);
    expect(read.declaredChecksum).toBe(out.sieChecksum);
    const text = Buffer.from(out.sie).toString('latin1');
    expect(text.startsWith('#FLAGGA 0\r\n#KSUMMA\r\n#PROGRAM ')).toBe(true);
    expect(read.records.find((r) => r[0] === '#OBJEKT' && r[2] === 'skarholmen')).toEqual([
      '#OBJEKT',
      '1',
      'skarholmen',
      'Skärholmen',
    ]);
    // A changed amount no longer matches the checksum.
    const tampered = Buffer.from(text.replace('2500.50', '2500.51'), 'latin1');
    expect(() => readSie(tampered)).toThrow(/balance/);
    // A changed text keeps the vouchers balanced but breaks #KSUMMA.
    const renamed = readSie(Buffer.from(text.replace('Stadsdelens', 'Stadsdelarnas'), 'latin1'));
    expect(renamed.computedChecksum).not.toBe(renamed.declaredChecksum);
  });

  it('writes code page 437 (å ä ö) and the CRC-32 of zlib', () => {
    expect([...encodeCp437('åäöÅÄÖé')]).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82]);
    expect(encodeCp437('€')).toEqual(new Uint8Array([0x3f]));
    const bytes = encodeCp437('#KONTO1915Kassa "special"åäö');
    expect(ownCrc(bytes)).toBe(crc32(bytes));
  });

  it('gives byte-identical files for the same input, whatever the order of the lines', () => {
    const a = financeExport(input);
    const b = financeExport({
      ...input,
      lines: [...input.lines].reverse(),
      providers: [...input.providers].reverse(),
    });
    expect(Buffer.from(b.sie).equals(Buffer.from(a.sie))).toBe(true);
    expect(b.csv).toBe(a.csv);
  });

  it('writes the supplier CSV for contracted and private providers only, agreeing with the vouchers', () => {
    const out = financeExport(input);
    const rows = out.csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'Leverantör orgnr;Leverantör;Fakturanummer;Verifikation;Period;Konto;Kostnadsställe;Belopp;Valuta;Körning;Rad',
    );
    expect(rows.slice(1)).toEqual([
      `556000-1234;"Omsorg ""Väst"" AB; Söder";ERS-7-U002;E42;202502;4652;bromma;1000.00;SEK;7;1`,
      `556000-1234;"Omsorg ""Väst"" AB; Söder";ERS-7-U002;E42;202502;4652;bromma;-200.01;SEK;7;2`,
      `556000-1234;"Omsorg ""Väst"" AB; Söder";ERS-7-U002;E42;202502;4652;skarholmen;2500.50;SEK;7;3`,
    ]);
  });

  it('refuses a private provider without an organisation number, and a service without an account', () => {
    expect(() =>
      financeExport({
        ...input,
        providers: [{ ...input.providers[0]!, orgNumber: null }, input.providers[1]!],
      }),
    ).toThrow(
      expect.objectContaining({
        id: 'provider-org-number-missing',
        message: expect.stringMatching(/saknar organisationsnummer; lägg in det före exporten$/),
      }),
    );
    const chart = {
      ...DEFAULT_CHART,
      expense: DEFAULT_CHART.expense.filter((e) => e.service !== 'sp-boende'),
    };
    expect(() => financeExport({ ...input, chart })).toThrow(
      expect.objectContaining({
        id: 'finance-account-missing',
        message: expect.stringMatching(/Kontoplanen saknar konto för sp-boende i \w+ regi$/),
      }),
    );
  });

  it('formats amounts and month ends exactly', () => {
    expect([sieAmount(0), sieAmount(5), sieAmount(-5), sieAmount(123_456_789)]).toEqual([
      '0.00',
      '0.05',
      '-0.05',
      '1234567.89',
    ]);
    expect([lastDayOfMonth('2024-02'), lastDayOfMonth('2100-02'), lastDayOfMonth('2025-12')]).toEqual([
      '2024-02-29',
      '2100-02-28',
      '2025-12-31',
    ]);
  });
});
