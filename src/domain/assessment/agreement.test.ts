// Issue #10 §5, ASMT-3: exact agreement, quadratic-weighted kappa, and where the originals land.
import { describe, expect, it } from 'vitest';
import { instrumentById } from '../../instruments/load.js';
import { loadCatalog } from '../../models/load.js';
import {
  agreementBy,
  caseLevels,
  exactAgreement,
  levelSummary,
  quadraticKappa,
  type PairedGrade,
} from './agreement.js';
import { itemIds } from './score.js';

const pairs = (a: number[], b: number[]): PairedGrade[] =>
  a.map((x, i) => ({ caseId: 'K', item: `i${i}`, a: x, b: b[i]! }));

/**
 * An independent computation: with quadratic weights, kappa equals
 * 2·cov(a,b) / (var(a) + var(b) + (mean(a) − mean(b))²) with population moments (Schuster 2004).
 */
function kappaByMoments(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  const va = a.reduce((s, x) => s + (x - ma) ** 2, 0) / n;
  const vb = b.reduce((s, x) => s + (x - mb) ** 2, 0) / n;
  const cov = a.reduce((s, x, i) => s + (x - ma) * (b[i]! - mb), 0) / n;
  return (2 * cov) / (va + vb + (ma - mb) ** 2);
}

describe('quadraticKappa', () => {
  const A = [0, 1, 2, 3, 4, 2, 2, 3, 1, 0, 4, 3];
  const B = [0, 2, 2, 3, 3, 2, 1, 3, 1, 1, 4, 4];

  it('matches a matrix computation done outside the project (numpy: 0.8706896551724138)', () => {
    // numpy: O = joint proportions, E = outer(row marginals, column marginals), W = (i-j)²/16;
    // 1 - (W*O).sum() / (W*E).sum() = 0.8706896551724138 (= 101/116).
    expect(quadraticKappa(pairs(A, B))).toBeCloseTo(101 / 116, 12);
  });

  it.each([
    ['the worked example', A, B],
    ['a harsh and a lenient assessor', [0, 1, 1, 2, 3, 3, 4, 2], [1, 2, 2, 3, 4, 4, 4, 3]],
    ['wide disagreement', [0, 4, 0, 4, 2, 1], [4, 0, 3, 1, 2, 2]],
    ['only some grades used', [1, 1, 2, 2, 3], [1, 2, 2, 3, 3]],
  ])('equals the moment formula: %s', (_n, a, b) => {
    expect(quadraticKappa(pairs(a, b))).toBeCloseTo(kappaByMoments(a, b), 12);
  });

  it.each([
    ['perfect agreement', [0, 1, 2, 3, 4], [0, 1, 2, 3, 4], 1],
    ['exact opposites', [0, 4], [4, 0], -1],
    ['no items', [], [], null],
    ['one grade by both throughout (chance explains all)', [2, 2, 2], [2, 2, 2], null],
  ])('%s', (_n, a, b, expected) => {
    const k = quadraticKappa(pairs(a, b));
    if (expected === null) expect(k).toBeNull();
    else expect(k).toBeCloseTo(expected, 12);
  });
});

describe('exactAgreement and groups', () => {
  it.each([
    [[0, 1, 2, 3], [0, 1, 2, 3], 4, 1],
    [[0, 1, 2, 3], [1, 1, 2, 4], 2, 0.5],
    [[], [], 0, null],
  ])('%j vs %j: %i exact, share %s', (a, b, exact, share) => {
    expect(exactAgreement(pairs(a, b))).toEqual({ exact, share });
  });

  it('groups by a key in first-seen order', () => {
    const rows = pairs([0, 1, 2, 3], [0, 2, 2, 3]).map((r, i) => ({ ...r, item: i < 2 ? 'x' : 'y' }));
    const g = agreementBy(rows, (r) => r.item);
    expect(g.map((x) => [x.key, x.figures.exact, x.figures.items])).toEqual([
      ['x', 1, 2],
      ['y', 2, 2],
    ]);
  });
});

describe('caseLevels: the level the originals land on versus the agreed one', () => {
  const sp = instrumentById('sp-matning-2010');
  const model = loadCatalog().get('sp-2010');
  const ids = itemIds(sp);
  const rows = (caseId: string, a: number, b: number, agreed: number | null): PairedGrade[] =>
    ids.map((item) => ({ caseId, item, a, b, agreed }));

  it('classifies each scoring; a total in a gap is reported, not guessed (LVL-4)', () => {
    // 9 items × grade points: grade 1 = 18, grade 2 = 36, grade 3 = 54 points.
    const cases = caseLevels(
      [...rows('K1', 1, 2, 2), ...rows('K2', 3, 3, 3), ...rows('K3', 2, 2, null)],
      sp,
      model,
      'sp-stodboende',
    );
    expect(
      cases.map((c) => [c.caseId, c.a.total, c.a.level, c.b.total, c.b.level, c.agreed?.level ?? null]),
    ).toEqual([
      ['K1', 18, '2', 36, '2', '2'],
      ['K2', 54, '3', 54, '3', '3'],
      ['K3', 36, '2', 36, '2', null],
    ]);
    expect(levelSummary(cases)).toEqual({ cases: 3, sameLevel: 3, aEqualsAgreed: 2, bEqualsAgreed: 2 });
  });

  it('a gap total has no level and says why', () => {
    const r = rows('K', 2, 2, 2).map((x, i) => (i === 0 ? { ...x, a: 3 } : x)); // 36 + 2 = 38
    const [c] = caseLevels(r, sp, model, 'sp-stodboende');
    expect(c?.a).toMatchObject({
      total: 38,
      level: null,
      problem: expect.stringMatching(/glapp mellan 14-36/),
    });
  });

  it('refuses a case that misses an item, naming case and item', () => {
    expect(() => caseLevels(rows('K9', 1, 1, 1).slice(1), sp, model, 'sp-boende')).toThrow(
      /case K9\.boende-1: varje fråga ska bedömas/,
    );
  });
});
