/**
 * The notification list pages on the server (issue #14 §1): newest first and oldest first walked
 * forwards and back with no duplicate or gap under ties (many on one day), the unread and kind
 * filters with their true totals, each role's scope kept (a provider its own, the assessment
 * office its own), and hostile query values refused with 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkList } from '../../list-testing.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`notification list on ${target.name}`, () => {
    let t: TestApp;
    /** How many notifications `where` keeps, counted in the database. */
    const count = async (
      where: (q: ReturnType<typeof countAll>) => ReturnType<typeof countAll>,
    ): Promise<number> => Number((await where(countAll()).executeTakeFirstOrThrow()).n);
    const countAll = () =>
      t.database.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'));
    beforeAll(async () => {
      t = await openTestApp(target);
      // 45 notices to provider U001 over three days (one in three read), 12 to the office.
      await t.database.db
        .insertInto('notifications')
        .values([
          ...Array.from({ length: 45 }, (_, i) => ({
            kind: i % 5 ? ('order' as const) : ('offer' as const),
            recipient: 'provider' as const,
            provider_id: 'U001',
            message: `Meddelande ${i}`,
            created_on: `2025-03-0${(i % 3) + 1}`,
            read_at: i % 3 === 0 ? new Date() : null,
          })),
          ...Array.from({ length: 12 }, (_, i) => ({
            kind: 'order' as const,
            recipient: 'assessment_office' as const,
            message: `Till kontoret ${i}`,
            created_on: '2025-03-02',
          })),
        ])
        .execute();
    });
    afterAll(async () => t?.close());

    it.each(['desc', 'asc'])('pages every notification once, sorted by day %s', async (dir) => {
      const { total } = await walkList(t.agents.admin!, `/api/notifications?sort=created&dir=${dir}&limit=7`);
      expect(total).toBe(await count((q) => q));
    });

    it("keeps a provider's own, unread and of a kind, with the true totals", async () => {
      const own = await walkList(t.agents.utforare!, '/api/notifications?limit=8');
      expect(own.total).toBe(
        await count((q) => q.where('recipient', '=', 'provider').where('provider_id', '=', 'U001')),
      );
      const unread = await walkList(t.agents.utforare!, '/api/notifications?unread=true&limit=8');
      expect(unread.total).toBe(
        await count((q) =>
          q
            .where('recipient', '=', 'provider')
            .where('provider_id', '=', 'U001')
            .where('read_at', 'is', null),
        ),
      );
      expect(unread.total).toBeLessThan(own.total);
      const offers = await walkList(t.agents.utforare!, '/api/notifications?kind=offer&limit=4');
      expect(offers.total).toBe(
        await count((q) =>
          q.where('recipient', '=', 'provider').where('provider_id', '=', 'U001').where('kind', '=', 'offer'),
        ),
      );
      const office = await walkList(t.agents.bedomare!, '/api/notifications?limit=5');
      expect(office.total).toBe(await count((q) => q.where('recipient', '=', 'assessment_office')));
      expect(office.ids.some((id) => own.ids.includes(id))).toBe(false);
    });

    it.each([
      'unread=yes',
      'kind=letter',
      'limit=0',
      'limit=201',
      'limit=-1',
      'sort=kind',
      'dir=sideways',
      'cursor=%%%',
      'cursor=eyJ4Ijox',
    ])('refuses %s (400)', async (qs) => {
      const res = await t.agents.admin!.request({ method: 'GET', url: `/api/notifications?${qs}` });
      expect(res.statusCode).toBe(400);
    });
  });
}
