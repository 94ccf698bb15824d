import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { placementListSchema } from '../contract/placements.js';
import { specificationSchema } from '../contract/settlement-runs.js';
import { schemaSerializerCompiler } from './serialize.js';

const route = (schema: unknown) => ({ schema, method: 'GET', url: '/x' });
const zodJson = (schema: unknown, data: unknown) => serializerCompiler(route(schema) as never)(data);

const placement = (i: number) => ({
  id: i,
  clientId: 10 + i,
  clientName: i % 3 ? `Klient "${i}" Åström\n` : 'Skyddad identitet',
  personnummerMasked: '19320303-****',
  districtId: 'bromma',
  protected: i % 3 === 0,
  unitId: 3,
  unitName: i % 2 ? 'Enhet' : null,
  providerId: 'U001',
  providerName: null,
  service: 'lss-gruppbostad',
  regime: 'kommunal',
  start: '2025-01-01',
  end: i % 2 ? null : '2025-06-30',
  noticeDate: null,
  noShow: false,
  decisionId: i % 2 ? 7 : null,
  currentLevel: i % 2 ? { points: 12, level: 'L3', kind: 'final' } : null,
  version: 1,
  // Not in the schema: Zod drops it, and so must the writer.
  personnummer: '193203032387',
});

describe('schemaSerializerCompiler', () => {
  it('writes what Zod’s parse and JSON.stringify write, for a placement page and a specification', () => {
    const page = { items: [0, 1, 2, 3].map(placement), total: 4, nextCursor: 'abc', prevCursor: null };
    expect(schemaSerializerCompiler(route(placementListSchema))(page)).toBe(
      zodJson(placementListSchema, page),
    );
    const spec = {
      run: { id: 1, month: '2025-03', status: 'approved' },
      provider: { id: 'U001', name: 'Utförare', regime: 'entreprenad' },
      total: 1234.5,
      lines: [
        {
          placementId: 1,
          clientName: 'A',
          personnummerMasked: 'x',
          unitName: 'E',
          districtId: 'bromma',
          districtName: 'Bromma',
          service: 'lss-daglig-verksamhet',
          kind: 'ordinary',
          from: '2025-03-01',
          to: '2025-03-31',
          quantity: 21.5,
          unit: 'day',
          rate: 512.25,
          amount: -0.5,
          level: null,
          correctsMonth: null,
          rules: ['PAY-1', 'LVL-2'],
          explanation: 'Förklaring — "citat" \\ och \u2028',
        },
      ],
    };
    expect(schemaSerializerCompiler(route(specificationSchema))(spec)).toBe(
      zodJson(specificationSchema, spec),
    );
  });

  it('hands an answer that breaks its contract to Zod, which refuses it as before', () => {
    const write = schemaSerializerCompiler(route(placementListSchema));
    for (const bad of [
      { items: [{ ...placement(1), id: 1.5 }], total: 1, nextCursor: null, prevCursor: null },
      { items: [{ ...placement(1), regime: 'unknown' }], total: 1, nextCursor: null, prevCursor: null },
      { items: [{ ...placement(1), clientName: null }], total: 1, nextCursor: null, prevCursor: null },
      { items: [], total: Number.NaN, nextCursor: null, prevCursor: null },
    ])
      expect(() => write(bad)).toThrow(/match the schema/);
  });

  it('leaves a schema with parts it does not know to Zod whole', () => {
    const schema = z.object({ a: z.string().min(2), b: z.union([z.string(), z.number()]) });
    const write = schemaSerializerCompiler(route(schema));
    expect(write({ a: 'xy', b: 1, c: 2 })).toBe('{"a":"xy","b":1}');
    expect(() => write({ a: 'x', b: 1 })).toThrow(/match the schema/);
  });
});
