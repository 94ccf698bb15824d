/**
 * Protected identities reveal nothing outside the owning district (issue #13 §4): an exact
 * identity-number search by an admin, an assessor or another district's case officer answers as
 * for a number that does not exist; reading the record from another district is a 404 like a
 * missing one; creating the client again (API or import) says neither district nor protection,
 * the same as for any registered number; every such attempt is in the audit log for follow-up.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdentity } from '../../../db/identity.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

const multipart = (filename: string, content: string) => {
  const boundary = 'ersattningBoundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
};

for (const target of testTargets()) {
  describe(`protected identities on ${target.name}`, () => {
    let t: TestApp;
    let protectedId: number;
    const secret = makeIdentity('19030319', 355);
    const plain = makeIdentity('19040505', 505);
    const unknown = makeIdentity('19050606', 606);
    beforeAll(async () => {
      t = await openTestApp(target);
      const create = async (personnummer: string, protectedIdentity: boolean) => {
        const res = await t.agents.handlaggare!.request({
          method: 'POST',
          url: '/api/clients',
          payload: { personnummer, name: 'Skyddad Person', districtId: 'bromma', protectedIdentity },
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id as number;
      };
      protectedId = await create(secret, true);
      await create(plain, false);
    }, 60_000);
    afterAll(async () => t?.close());

    const search = (agent: string, q: string) =>
      t.agents[agent]!.request({ method: 'GET', url: `/api/clients?q=${encodeURIComponent(q)}` });
    const audited = async (clientId: number) =>
      (
        await t.database.db
          .selectFrom('audit_log')
          .select(['username', 'action', 'entity'])
          .where(sql<boolean>`${clientId}::int = any(client_ids)`)
          .execute()
      ).map((r) => r.username);

    it.each(['admin', 'bedomare', 'handlaggare2'])(
      'answers %s’s exact number search as for a number that does not exist, and audits it',
      async (agent) => {
        const hit = await search(agent, secret.replace('-', ''));
        const miss = await search(agent, unknown);
        expect(hit.statusCode).toBe(miss.statusCode);
        expect(hit.json()).toEqual(miss.json());
        expect(hit.body).not.toMatch(/bromma/);
        expect(await audited(protectedId)).toContain(t.agents[agent]!.username);
      },
    );

    it('still finds the protected client for the owning district', async () => {
      expect((await search('handlaggare', secret)).json().items.map((c: { id: number }) => c.id)).toEqual([
        protectedId,
      ]);
    });

    it('answers another district’s read of the record like a missing one', async () => {
      const hidden = await t.agents.handlaggare2!.request({
        method: 'GET',
        url: `/api/clients/${protectedId}`,
      });
      const missing = await t.agents.handlaggare2!.request({ method: 'GET', url: '/api/clients/2000000000' });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().error.id).toBe(missing.json().error.id);
      expect(hidden.body).not.toMatch(/district|stadsdel|bromma/i);
    });

    it('refuses a second registration the same way for a protected and an ordinary client, naming no district', async () => {
      const again = (personnummer: string) =>
        t.agents.handlaggare2!.request({
          method: 'POST',
          url: '/api/clients',
          payload: { personnummer, name: 'Ny Person', districtId: 'sodermalm' },
        });
      const a = await again(secret);
      const b = await again(plain);
      expect(a.statusCode).toBe(409);
      expect(a.json()).toEqual(b.json());
      expect(a.body).not.toMatch(/district|stadsdel|bromma|skydd|protected/i);
      expect(await audited(protectedId)).toContain('handlaggare2');
    });

    it('gives an import the same message for a protected number elsewhere as for an unknown one', async () => {
      const unit = (
        await t.database.db.selectFrom('units').select(['id', 'services']).orderBy('id').execute()
      ).find((u) => u.services.includes('lss-servicebostad'))!.id;
      const file = (pnr: string, extra = ',,') =>
        `personnummer,unit_id,service,start,name,district_id\n${pnr},${unit},lss-servicebostad,2025-03-01${extra}\n`;
      const post = (content: string) =>
        t.agents.handlaggare2!.request({
          method: 'POST',
          url: '/api/imports/placements',
          ...multipart('p.csv', content),
        });
      const hidden = await post(file(secret));
      const unknownRes = await post(file(unknown));
      expect(hidden.statusCode).toBe(400);
      expect(hidden.json().error.rows).toEqual(unknownRes.json().error.rows);
      const named = await post(file(secret, ',Ny Person,sodermalm'));
      const namedPlain = await post(file(plain, ',Ny Person,sodermalm'));
      expect(named.json().error.rows).toEqual(namedPlain.json().error.rows);
      expect(named.body).not.toMatch(/annan stadsdel|bromma|skydd/i);
    });
  });
}
