import { describe, expect, it } from 'vitest';
import { correctedMonth, explainLine } from './explain.js';
import type { ExplainableLine } from './explain.js';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const line: ExplainableLine = {
  placementId: 1,
  clientName: 'Anna A',
  service: 'lss-gruppbostad',
  regime: 'privat',
  kind: 'ordinary',
  correctsMonth: null,
  from: '2024-03-01',
  to: '2024-03-14',
  quantity: 14,
  unit: 'dygn',
  rate: 2160,
  amount: 30240,
  level: '2',
  rules: ['PAY-1', 'PAY-2'],
  explanation: 'Nivå 2 från 42 poäng.',
  sources: { rate: '002, Tabell 2 (Gruppbostad)', level: null },
};

describe('explainLine', () => {
  it('states the calculation the Swedish way (PAY-10)', () => {
    const e = explainLine(line);
    expect(plain(e.calculation)).toBe('14 dygn × 2 160 kr = 30 240 kr');
    expect(plain(e.summary)).toBe(
      'Ordinarie för Anna A: Gruppbostad (LSS), Nivå 2, privat regi, 2024-03-01 – 2024-03-14.',
    );
  });
  it('names every rule in plain Swedish', () => {
    expect(explainLine(line).rules.map((r) => r.id)).toEqual(['PAY-1', 'PAY-2']);
    expect(explainLine(line).rules[1]?.text).toMatch(/antal dagar/);
  });
  it('shows the server explanation and the line sources', () => {
    expect(explainLine(line).sources).toEqual(['Ersättning: 002, Tabell 2 (Gruppbostad)']);
    expect(explainLine(line).notes).toEqual(['Nivå 2 från 42 poäng.']);
  });
  it('reads the sources the API attaches to a line', () => {
    const e = explainLine({
      ...line,
      explanation: 'Ordinarie …',
      sources: { rate: '002, Tabell 2', level: null },
    });
    expect(e.sources).toEqual(['Ersättning: 002, Tabell 2']);
    expect(e.notes[0]).toBe('Ordinarie …');
  });
  it('a correction names the month it corrects (PAY-9)', () => {
    const c = { ...line, kind: 'correction' as const, amount: -1000, correctsMonth: '2024-01' };
    expect(correctedMonth(c)).toBe('2024-01');
    expect(explainLine(c).summary).toMatch(/^Rättelse av januari 2024 för Anna A.*Återkrav/);
    const r = { ...c, unit: 'correction', quantity: 1, rate: -1000, recomputed: 500, previouslyPaid: 1500 };
    expect(plain(explainLine(r).calculation)).toBe(
      'Omräknat 500 kr − tidigare utbetalt 1 500 kr = -1 000 kr',
    );
  });
  it('shows the engine source for corrections (Swedish from the engine)', () => {
    const e = explainLine({
      ...line,
      explanation: '',
      sources: {
        rate: '2025-03 omräknad med dagens uppgifter minus det som tidigare körningar betalat (PAY-9)',
        level: null,
      },
    });
    expect(e.sources).toEqual([
      'Ersättning: 2025-03 omräknad med dagens uppgifter minus det som tidigare körningar betalat (PAY-9)',
    ]);
  });
});
