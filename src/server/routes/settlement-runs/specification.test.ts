/** The CSV form of a specification (PAY-10): Swedish Excel style, totals, no formula injection. */
import { describe, expect, it } from 'vitest';
import { specificationCsv, type Specification } from './specification.js';

const spec = (clientName: string, amount: number): Specification => ({
  run: { id: 1, month: '2025-03', status: 'approved' },
  provider: { id: 'U001', name: 'Test AB', regime: 'privat' },
  total: amount,
  lines: [
    {
      placementId: 7,
      clientName,
      personnummerMasked: '19800101-****',
      unitName: 'Enhet; A',
      districtId: 'bromma',
      districtName: 'Bromma',
      service: 'lss-gruppbostad',
      kind: 'ordinary',
      from: '2025-03-01',
      to: '2025-03-31',
      quantity: 31,
      unit: 'dygn',
      rate: 1501.5,
      amount,
      level: '2',
      correctsMonth: null,
      rules: ['PAY-1', 'PAY-2'],
      explanation: 'Ersättning',
    },
  ],
});

describe('specification CSV', () => {
  it.each([
    ['Anna Andersson', 46546.5, 'Anna Andersson', '46546,50'],
    ['=HYPERLINK("x")', -12.25, `"'=HYPERLINK(""x"")"`, '-12,25'],
    ['@SUM(A1)', 0, "'@SUM(A1)", '0,00'],
  ])('writes %s and %d', (name, amount, nameCell, amountCell) => {
    const [header, row, total] = specificationCsv(spec(name, amount))
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(header).toMatch(/^Placering;Klient;Personnummer;Enhet;Stadsdel;/);
    expect(row!.split(';')[1]).toBe(nameCell);
    expect(row).toContain('"Enhet; A"');
    expect(row).toContain(`;${amountCell};`);
    expect(row).toContain(';Bromma;Gruppbostad (LSS);ordinarie;2025-03-01;2025-03-31;31;dygn;1501,50;');
    expect(row).not.toMatch(/bromma|lss-|ordinary/);
    expect(row).toContain(';Nivå 2;');
    expect(total).toMatch(new RegExp(`^Summa;.*;${amountCell.replace('-', '\\-')};`));
  });
});
