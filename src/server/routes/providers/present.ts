/** Providers and units as JSON (src/contract/providers.ts). */
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { unitView as unitSchema } from '../../../contract/providers.js';
import type { UnitTable } from '../../../db/types.js';
import type { ProviderRows } from './service.js';

/** A unit with its services and catalogue profile (FLOW-3). */
export function unitView(u: Selectable<UnitTable>) {
  return {
    id: u.id,
    name: u.name,
    districtId: u.district_id,
    services: u.services,
    capacity: u.capacity,
    catalogue: (u.catalogue ?? {}) as z.input<typeof unitSchema>['catalogue'],
    active: u.active,
    version: u.version,
  };
}

/** A provider and its units. */
export function providerView({ provider: p, units }: ProviderRows) {
  return {
    id: p.id,
    name: p.name,
    regime: p.regime,
    orgNumber: p.org_number,
    choiceSystem: p.choice_system,
    active: p.active,
    version: p.version,
    units: units.map(unitView),
  };
}
