/** The model in force (SVC-1, RATE-1): unique on every date, chosen by date, drafts never. */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { ModelCatalog } from './catalog.js';
import { SERVICE_IDS } from './schema.js';
import type { RateModel } from './types.js';

const catalog = loadCatalog();

describe('inForce', () => {
  it.each([
    ['lss-gruppbostad', '2023-12-31', 'lss-bostad-2023'],
    ['lss-gruppbostad', '2024-01-01', 'lss-bostad-2024'],
    ['lss-servicebostad', '2030-06-01', 'lss-bostad-2024'],
    ['lss-gruppbostad', '2022-12-31', null],
    ['sp-sysselsattning', '2019-06-30', 'sp-2010'],
    ['sp-sysselsattning', '2019-07-01', 'sp-sysselsattning-2019'],
    ['sp-sysselsattning', '2025-03-01', 'sp-sysselsattning-2019'], // the 2021 draft is never chosen
    ['sp-boende', '2009-12-31', null],
    ['sp-cirkel', '2024-05-05', 'sp-2010'],
    ['lss-daglig-verksamhet', '2025-01-01', 'lss-daglig-verksamhet-2025'],
    ['lss-barnboende', '2024-01-01', null], // 002: rates unchanged, not printed
  ] as const)('%s on %s → %s', (service, date, expected) => {
    expect(catalog.inForce(service, date)?.model.id ?? null).toBe(expected);
  });

  it('splits a range at the model change (PAY-2)', () => {
    const parts = catalog.between('lss-gruppbostad', '2023-12-15', '2024-01-15');
    expect(parts.map((p) => [p.model.id, p.from, p.to])).toEqual([
      ['lss-bostad-2023', '2023-12-15', '2023-12-31'],
      ['lss-bostad-2024', '2024-01-01', '2024-01-15'],
    ]);
  });

  it('property: at most one model is in force for a service on any date', () => {
    const start = Temporal.PlainDate.from('2005-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 30 }),
        fc.constantFrom(...SERVICE_IDS),
        (offset, service) => {
          const date = start.add({ days: offset }).toString();
          const holding = catalog.models.filter((m) => {
            if (m.status === 'draft') return false;
            return catalog.between(service, date, date).some((p) => p.model.id === m.id);
          });
          return (
            holding.length <= 1 &&
            (holding[0]?.id ?? null) === (catalog.inForce(service, date)?.model.id ?? null)
          );
        },
      ),
    );
  });
});

describe('catalog validation', () => {
  const m = (id: string, validFrom: string, validTo: string | null): RateModel => {
    const src = catalog.get('lss-bostad-2024');
    return { ...src, id, validFrom, validTo, file: `${id}.yaml` };
  };
  it('rejects two models starting the same day for a service', () => {
    expect(() => new ModelCatalog([m('a', '2024-01-01', null), m('b', '2024-01-01', null)])).toThrow(
      /börjar båda 2024-01-01/,
    );
  });
  it('rejects an explicit end past the next version’s start', () => {
    expect(() => new ModelCatalog([m('a', '2023-01-01', '2024-06-30'), m('b', '2024-01-01', null)])).toThrow(
      /har lss-servicebostad till 2024-06-30, men b börjar 2024-01-01/,
    );
  });
  it('ends an open model the day before the next version (a new price year adds a file, edits none)', () => {
    const c = new ModelCatalog([m('a', '2023-01-01', null), m('b', '2024-01-01', null)]);
    expect(c.inForce('lss-servicebostad', '2023-12-31')?.model.id).toBe('a');
    expect(c.inForce('lss-servicebostad', '2024-01-01')?.model.id).toBe('b');
  });
  it('reports a gap in time between versions', () => {
    const c = new ModelCatalog([m('a', '2022-01-01', '2022-06-30'), m('b', '2023-01-01', null)]);
    expect(c.warnings[0]).toMatch(/no model in force from 2022-06-30 \+ 1 day until 2023-01-01/);
  });
  it('rejects duplicate ids', () => {
    expect(() => new ModelCatalog([m('a', '2022-01-01', null), m('a', '2023-01-01', null)])).toThrow(
      /används två gånger/,
    );
  });
  it('adds a version in place (an approved uplift, RATE-1), and changes nothing when it does not fit', () => {
    const c = new ModelCatalog([m('a', '2023-01-01', null)]);
    c.add([m('b', '2024-01-01', null)]);
    expect(c.inForce('lss-servicebostad', '2023-12-31')?.model.id).toBe('a');
    expect(c.inForce('lss-servicebostad', '2024-01-01')?.model.id).toBe('b');
    expect(() => c.add([m('c', '2024-01-01', null)])).toThrow(/börjar båda 2024-01-01/);
    expect(() => c.add([m('a', '2025-01-01', null)])).toThrow(/används två gånger/);
    expect(c.models.map((x) => x.id)).toEqual(['a', 'b']);
    expect(() => c.get('c')).toThrow(/finns inte/);
  });
});
