/**
 * The public catalogue's read (FLOW-3): active units of active providers with their approved
 * profile (never a pending proposal) and vacancies on a day; nothing about clients.
 */
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
  design?: string | undefined;
  transport?: string | undefined;
  wheelchair?: 'true' | 'false' | undefined;
  vacant?: 'true' | 'false' | undefined;
}

/** Active units of active providers (the catalogue never shows a deactivated one). */
function activeUnits(db: Kysely<DB>) {
  return db
    .selectFrom('units')
    .innerJoin('providers', 'providers.id', 'units.provider_id')
    .leftJoin('districts', 'districts.id', 'units.district_id')
    .where('units.active', '=', true)
    .where('providers.active', '=', true);
}

const contains = (text: string | null | undefined, words: string | undefined) =>
  !words || (text ?? '').toLocaleLowerCase('sv').includes(words.trim().toLocaleLowerCase('sv'));

/** Units matching the filter, by name (at most 500). */
export async function catalogueUnits(db: Kysely<DB>, f: CatalogueFilter) {
  let q = activeUnits(db)
    .select((eb) => [
      'units.id',
      'units.name',
      'providers.name as provider_name',
      'units.district_id',
      'districts.name as district_name',
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
        districtName: r.district_name ?? null,
        services: r.services,
        orientation: c.orientation ?? null,
        methods: c.methods ?? [],
        physicalDesign: c.physicalDesign ?? null,
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
        contains(u.physicalDesign, f.design) &&
        contains(u.transport, f.transport) &&
        (f.wheelchair !== 'true' || /rullstol/i.test(u.accessibility ?? '')) &&
        (f.vacant !== 'true' || u.vacancies === null || u.vacancies > 0),
    );
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'sv'));

/** What the filters can offer: the districts, services, orientations and methods of active units. */
export async function catalogueFacets(db: Kysely<DB>) {
  const rows = await activeUnits(db)
    .select(['units.district_id', 'districts.name as district_name', 'units.services', 'units.catalogue'])
    .execute();
  const districts = new Map<string, string>();
  for (const r of rows) if (r.district_id && r.district_name) districts.set(r.district_id, r.district_name);
  return {
    districts: [...districts]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    services: sorted(rows.flatMap((r) => r.services)),
    orientations: sorted(rows.flatMap((r) => (r.catalogue?.orientation ? [r.catalogue.orientation] : []))),
    methods: sorted(rows.flatMap((r) => r.catalogue?.methods ?? [])),
  };
}
