/** The public catalogue's read (FLOW-3): units with their profile and vacancies on a day. */
import { sql, type Kysely } from 'kysely';
import { vacancies } from '../../../domain/flow/matching.js';
import type { DB } from '../../../db/types.js';

/** What the catalogue can be filtered by. */
export interface CatalogueFilter {
  on: string;
  service?: string | undefined;
  districtId?: string | undefined;
  orientation?: string | undefined;
  method?: string | undefined;
  wheelchair?: 'true' | 'false' | undefined;
  vacant?: 'true' | 'false' | undefined;
}

/** Units matching the filter, by name (at most 500). */
export async function catalogueUnits(db: Kysely<DB>, f: CatalogueFilter) {
  let q = db
    .selectFrom('units')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .select((eb) => [
      'units.id',
      'units.name',
      'providers.name as provider_name',
      'units.district_id',
      'units.services',
      'units.capacity',
      'units.catalogue',
      eb
        .selectFrom('placements')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('placements.unit_id', '=', 'units.id')
        .where('placements.start_date', '<=', f.on)
        .where((w) => w.or([w('placements.end_date', 'is', null), w('placements.end_date', '>=', f.on)]))
        .as('occupied'),
    ])
    .orderBy('units.name')
    .orderBy('units.id')
    .limit(500);
  if (f.service) q = q.where(sql<boolean>`${f.service} = any(units.services)`);
  if (f.districtId) q = q.where('units.district_id', '=', f.districtId);
  const rows = await q.execute();
  return rows
    .map((r) => {
      const c = r.catalogue ?? {};
      return {
        unitId: r.id,
        name: r.name,
        providerName: r.provider_name,
        districtId: r.district_id,
        services: r.services,
        orientation: c.orientation ?? null,
        methods: c.methods ?? [],
        accessibility: c.accessibility ?? null,
        transport: c.transport ?? null,
        capacity: r.capacity,
        vacancies: vacancies({ capacity: r.capacity, occupied: Number(r.occupied ?? 0) }),
      };
    })
    .filter(
      (u) =>
        (!f.orientation || u.orientation === f.orientation) &&
        (!f.method || u.methods.includes(f.method)) &&
        (f.wheelchair !== 'true' || /rullstol/i.test(u.accessibility ?? '')) &&
        (f.vacant !== 'true' || u.vacancies === null || u.vacancies > 0),
    );
}
