/**
 * Providers and units through the API (issue #14 §4): admins create and edit providers (the
 * organisationsnummer is Luhn-checked, the choice system recorded) and units (capacity, profile),
 * deactivate both; stale versions are refused; others only read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerView, unitView } from '../../../contract/providers.js';
import { openTestApp, testTargets, type TestApp } from '../../testing.js';

for (const target of testTargets()) {
  describe(`providers on ${target.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    const admin = (method: 'POST' | 'PATCH', url: string, payload: object) =>
      t.agents.admin!.request({ method, url, payload });

    it('creates a provider in the choice system with a checked organisationsnummer', async () => {
      const bad = await admin('POST', '/api/providers', {
        id: 'T900',
        name: 'Testgården AB',
        regime: 'privat',
        orgNumber: '556677-8890',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('orgNumber');
      const res = await admin('POST', '/api/providers', {
        id: 'T900',
        name: 'Testgården AB',
        regime: 'privat',
        orgNumber: '5566778899',
        choiceSystem: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(providerView.parse(res.json())).toMatchObject({
        orgNumber: '556677-8899',
        choiceSystem: true,
        active: true,
        units: [],
      });
    });

    it('adds a unit with capacity and profile, edits and deactivates it, refusing a stale version', async () => {
      const created = await admin('POST', '/api/providers/T900/units', {
        name: 'Testgården 1',
        districtId: 'bromma',
        services: ['lss-gruppbostad'],
        capacity: 6,
        catalogue: { orientation: 'Autism', physicalDesign: 'Sex lägenheter runt en gård' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const unit = unitView.parse(created.json());
      expect(unit.catalogue.physicalDesign).toBe('Sex lägenheter runt en gård');
      const off = await admin('PATCH', `/api/units/${unit.id}`, {
        version: unit.version,
        active: false,
        capacity: 8,
      });
      expect(off.statusCode, off.body).toBe(200);
      expect(unitView.parse(off.json())).toMatchObject({ active: false, capacity: 8 });
      const stale = await admin('PATCH', `/api/units/${unit.id}`, { version: unit.version, active: true });
      expect(stale.statusCode).toBe(409);
    });

    it('deactivates a provider and refuses others than admins', async () => {
      const p = providerView.parse(
        (await t.agents.admin!.request({ method: 'GET', url: '/api/providers/T900' })).json(),
      );
      const res = await admin('PATCH', '/api/providers/T900', {
        version: p.version,
        active: false,
        choiceSystem: false,
      });
      expect(providerView.parse(res.json())).toMatchObject({ active: false, choiceSystem: false });
      const denied = await t.agents.utforare!.request({
        method: 'PATCH',
        url: '/api/providers/T900',
        payload: { version: p.version + 1, active: true },
      });
      expect(denied.statusCode).toBe(403);
    });
  });
}
