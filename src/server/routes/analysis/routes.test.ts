/** The analyst's break-even (SCEN-4, issue #12 §4): 002's two statements through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

const [pglite] = testTargets();

describe('break-even through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(pglite!);
  });
  afterAll(async () => t?.close());

  const ask = (payload: object, agent = 'analytiker') =>
    t.agents[agent]!.request({ method: 'POST', url: '/api/analysis/breakeven', payload });

  it('gives the resident mixes that cover 3,5 Mkr (002: service flat 7 + 2, group home 3 + 3)', async () => {
    const flat = (
      await ask({
        model: 'lss-bostad-2024',
        service: 'lss-servicebostad',
        regime: 'kommunal',
        annualCost: 3_500_000,
      })
    ).json();
    expect(flat.mixes.find((m: { residents: number }) => m.residents === 9)).toEqual({
      residents: 9,
      counts: { '1': 7, '2': 2 },
      annualIncome: 3_524_805,
    });
    expect(flat.mixes[0]).toEqual({ residents: 1, counts: null, annualIncome: null });
    const group = (
      await ask({
        model: 'lss-bostad-2024',
        service: 'lss-gruppbostad',
        regime: 'kommunal',
        annualCost: 3_500_000,
      })
    ).json();
    expect(group.mixes.find((m: { residents: number }) => m.residents === 6).counts).toEqual({
      '1': 3,
      '2': 3,
    });
  });

  it('refuses an unknown model (422), a bad cost (400) and other roles (403)', async () => {
    expect(
      (await ask({ model: 'nope', service: 'lss-gruppbostad', regime: 'kommunal', annualCost: 1 }))
        .statusCode,
    ).toBe(422);
    expect(
      (
        await ask({
          model: 'lss-bostad-2024',
          service: 'lss-gruppbostad',
          regime: 'kommunal',
          annualCost: 0.001,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await ask({ model: 'lss-bostad-2024', service: 'sp-cirkel', regime: 'kommunal', annualCost: 1 }))
        .statusCode,
    ).toBe(422);
    // Ids named after Object.prototype's members are refused too, not a 500 (domain/own.ts): a
    // service is the domain's to know (422), a regime the schema's (400).
    for (const key of ['constructor', 'toString', '__proto__'])
      for (const [field, status] of [
        ['service', 422],
        ['regime', 400],
      ] as const)
        expect(
          (
            await ask({
              model: 'lss-bostad-2024',
              service: 'lss-gruppbostad',
              regime: 'entreprenad',
              annualCost: 811,
              [field]: key,
            })
          ).statusCode,
          `${field} ${key}`,
        ).toBe(status);
    expect(
      (
        await ask(
          { model: 'lss-bostad-2024', service: 'lss-gruppbostad', regime: 'kommunal', annualCost: 1 },
          'handlaggare',
        )
      ).statusCode,
    ).toBe(403);
  });
});
