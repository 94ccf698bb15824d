/**
 * The points preview (issue #14 §5) through the API, on PGlite and PostgreSQL: the level the
 * model in force gives (LVL-1), the valid span and a Swedish reason for points that give none
 * (LVL-4), only the ranges without points, and no model in force named in Swedish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`points preview on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    const preview = async (query: string, agent = 'handlaggare') => {
      const res = await t.agents[agent]!.request({
        method: 'GET',
        url: `/api/models/classification?${query}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    it('names the level the points give by the model in force', async () => {
      const body = await preview('service=lss-gruppbostad&on=2025-03-01&points=42');
      expect(body.model.id).toBe('lss-bostad-2024');
      expect(body.level).toMatchObject({ id: expect.any(String), label: expect.any(String) });
      expect(body.message).toBeNull();
      expect(body.valid.min).toBe(0);
      expect(body.ranges.length).toBeGreaterThan(1);
    });

    it('says the valid span in Swedish for points beyond the table', async () => {
      const body = await preview('service=lss-gruppbostad&on=2025-03-01&points=9999', 'bedomare');
      expect(body.level).toBeNull();
      expect(body.message).toMatch(/^9\u00a0999 poäng ligger utanför de giltiga poängen 0–\d+/);
      expect(body.message).toContain('Gruppbostad (LSS)');
    });

    it('gives only the ranges without points, and says when no model is in force', async () => {
      expect((await preview('service=lss-gruppbostad&on=2025-03-01')).level).toBeNull();
      const none = await preview('service=lss-gruppbostad&on=1990-01-01');
      expect(none.model).toBeNull();
      expect(none.message).toBe('Ingen ersättningsmodell gäller för Gruppbostad (LSS) den 1990-01-01.');
    });

    it('refuses a service that does not exist', async () => {
      const res = await t.agents.handlaggare!.request({
        method: 'GET',
        url: '/api/models/classification?service=nope&on=2025-03-01',
      });
      expect(res.statusCode).toBe(400);
    });
  });
}
