/** Classification (LVL-1..LVL-4): gaps and out-of-table values are errors naming the neighbours. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { classifyPoints, serviceOf } from './classify.js';
import { own } from '../own.js';
import { paidRegime } from './rate.js';
import type { ServiceId } from './types.js';

const catalog = loadCatalog();

describe('gaps and bounds are rejected (LVL-4)', () => {
  it.each([
    ['sp-2010', 'sp-boende', 15, /15 poäng ligger i ett glapp mellan 0-14 \(Nivå 1\) och 16-38 \(Nivå 2\)/],
    ['sp-2010', 'sp-boende', 39, /glapp mellan 16-38 \(Nivå 2\) och 40-72 \(Nivå 3\)/],
    ['sp-2010', 'sp-stodboende', 13, /glapp mellan 0-12 .* och 14-36/],
    ['sp-2010', 'sp-stodboende', 37, /glapp mellan 14-36 \(Nivå 2\) och 40-72 \(Nivå 3\)/],
    ['sp-2010', 'sp-stodboende', 39, /glapp/],
    ['sp-2010', 'sp-boendestod', 11, /glapp mellan 0-10 .* och 12-34/],
    ['sp-2010', 'sp-boendestod', 35, /glapp mellan 12-34 .* och 36-/],
    ['sp-2010', 'sp-sysselsattning', 9, /glapp/],
    ['sp-2010', 'sp-sysselsattning', 17, /glapp/],
    ['sp-2010', 'sp-sysselsattning', 25, /över det högsta intervallet 18-24 \(Nivå 3\)/],
    ['sp-2010', 'sp-boende', 73, /över det högsta intervallet 40-72/],
    ['lss-bostad-2024', 'lss-gruppbostad', 111, /över det högsta intervallet 71-110 \(Nivå 5\)/],
    ['lss-bostad-2023', 'lss-servicebostad', 111, /över det högsta intervallet 81-110 \(Nivå 8\)/],
  ])('%s %s %i', (model, service, points, message) => {
    expect(() => classifyPoints(catalog.get(model), service, points)).toThrow(message);
  });
  it('rejects negative and fractional points, and unknown services', () => {
    const m = catalog.get('lss-bostad-2024');
    expect(() => classifyPoints(m, 'lss-gruppbostad', -1)).toThrow(/heltal/);
    expect(() => classifyPoints(m, 'lss-gruppbostad', 20.5)).toThrow(/heltal/);
    expect(() => classifyPoints(m, 'sp-boende', 3)).toThrow(/har ingen insats "sp-boende"/);
  });
  it('says a flat-rate service has no levels, not that its levels are given', () => {
    expect(() => classifyPoints(catalog.get('sp-2010'), 'sp-cirkel', 4)).toThrow(
      'points: sp-cirkel i sp-2010 har inga nivåer (ett fast belopp): inget att klassa',
    );
  });
  it('maps the old points to the new levels without reassessment (LVL-3)', () => {
    const m = catalog.get('lss-bostad-2024');
    expect(classifyPoints(m, 'lss-servicebostad', 35).level).toBe('2');
    expect(classifyPoints(m, 'lss-servicebostad', 36).level).toBe('3');
  });
});

describe('property: the level never falls as points rise (LVL-1)', () => {
  for (const model of catalog.models) {
    for (const [serviceId, service] of Object.entries(model.services)) {
      if (!service?.levels.some((l) => l.points)) continue;
      it(`${model.id} ${serviceId}`, () => {
        const order = service.levels.map((l) => l.id);
        const rank = (p: number) => {
          try {
            return order.indexOf(classifyPoints(model, serviceId as ServiceId, p).level);
          } catch {
            return null; // a gap or beyond the table: no level, by design
          }
        };
        fc.assert(
          fc.property(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 130 }), (a, b) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            const [rl, rh] = [rank(lo), rank(hi)];
            return rl === null || rh === null || rl <= rh;
          }),
        );
      });
    }
  }
});

describe("ids named after Object.prototype's members are unknown, not found (own.ts)", () => {
  const model = loadCatalog().get('sp-2010');
  const service = serviceOf(model, 'sp-boende');
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('%s', (key) => {
    expect(() => serviceOf(model, key)).toThrow(expect.objectContaining({ id: 'unknown-service' }));
    expect(() => classifyPoints(model, key, 3)).toThrow(expect.objectContaining({ id: 'unknown-service' }));
    expect(() => paidRegime(service, key)).toThrow(expect.objectContaining({ id: 'unknown-regime' }));
    expect(own({ a: 1 }, key)).toBeUndefined();
  });
});
