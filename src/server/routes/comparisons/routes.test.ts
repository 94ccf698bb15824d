/**
 * POST /api/comparisons (SCEN-1..3) for analysts (issue #12 §6): districts, providers and level
 * changes of 1–4 persons are merged into one "färre än 5 var" row, totals unchanged; admins get
 * every row. No client or placement ids in the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MERGED_LABEL } from '../../../domain/statistics/merge.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

const [pglite] = testTargets();

describe('comparisons protect small groups', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(pglite!);
  });
  afterAll(async () => t?.close());

  const compare = async (agent: string) => {
    const res = await t.agents[agent]!.request({
      method: 'POST',
      url: '/api/comparisons',
      payload: { baseline: 'lss-bostad-2023', proposal: 'lss-bostad-2024', on: '2025-06-01' },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('merges small districts, providers and level changes for analysts, keeping the totals', async () => {
    const admin = await compare('admin');
    const analyst = await compare('analytiker');
    type Row = { persons: number; baseline: number };
    const total = (rows: Row[]) => rows.reduce((s, r) => s + r.persons, 0);
    for (const key of ['byDistrict', 'byProvider'] as const) {
      expect(total(analyst[key])).toBe(total(admin[key]));
      for (const r of analyst[key] as Row[]) expect(r.persons === 0 || r.persons >= 5).toBe(true);
    }
    expect(total(analyst.levelChanges)).toBeLessThanOrEqual(total(admin.levelChanges));
    for (const r of analyst.levelChanges as Row[]) expect(r.persons === 0 || r.persons >= 5).toBe(true);
    if ((admin.byProvider as Row[]).some((r) => r.persons > 0 && r.persons < 5))
      expect(analyst.byProvider.at(-1).providerId).toBe(MERGED_LABEL);
    expect(JSON.stringify(analyst)).not.toMatch(/"(clientId|placementId|personId)"/);
  });

  it('hides levels of 1–4 persons city-wide from analysts, with a complement per service, totals kept', async () => {
    const admin = await compare('admin');
    const analyst = await compare('analytiker');
    type Level = {
      service: string;
      level: string;
      persons: number | null;
      cost: number | null;
      suppressed?: boolean;
    };
    for (const side of ['baseline', 'proposal'] as const) {
      expect(analyst[side].total).toBe(admin[side].total);
      const rows = analyst[side].byLevel as Level[];
      for (const r of rows) {
        if (r.suppressed) expect([r.persons, r.cost]).toEqual([null, null]);
        else expect(r.persons === 0 || r.persons! >= 5).toBe(true);
      }
      for (const service of new Set(rows.map((r) => r.service))) {
        const hidden = rows.filter((r) => r.service === service && r.suppressed).length;
        expect(hidden === 0 || hidden >= 2).toBe(true);
      }
      const small = (admin[side].byLevel as Level[]).filter((r) => r.persons! > 0 && r.persons! < 5);
      for (const r of small)
        expect(rows.find((x) => x.service === r.service && x.level === r.level)?.suppressed).toBe(true);
      expect((admin[side].byLevel as Level[]).every((r) => r.persons !== null)).toBe(true);
    }
  });
});
