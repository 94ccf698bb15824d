/**
 * The public catalogue's read (FLOW-3): active units of active providers with their approved
 * profile (never a pending proposal) and vacancies on a day; nothing about clients.
 */
import { sql, type Kysely } from 'kysely';
import { vacancies } from '../../../domain/flow/matching.js';
import type { DB } from '../../../db/types.js';
import type { CatalogueSort } from '../../../contract/catalogue.js';
import type { Cursor, SortDir } from '../../../contract/primitives.js';
import { containsPattern } from '../../contains.js';
import { keysetPage, type SortColumn } from '../../keyset.js';

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
  unitIds?: number[] | undefined;
  sort: CatalogueSort;
  dir: SortDir;
  cursor?: Cursor | undefined;
  limit: number;
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

/** The catalogue's sort fields as SQL (issue #14 §1). */
const SORT_COLUMNS: Record<CatalogueSort, SortColumn> = {
  name: { expr: sql.ref('units.name'), kind: 'text' },
  provider: { expr: sql`(providers.name || ' ' || units.name)`, kind: 'text' },
};

/**
 * One page of the units matching the filter, by name, with the true total (issue #14 §1). Every
 * filter is SQL, so the total and the pages agree: words in the design and transport texts match
 * case-insensitively, wheelchair access is "rullstol" in the accessibility text, and a vacant unit
 * has no stated capacity or fewer running placements on `on` than its capacity (`vacancies`).
 */
export async function catalogueUnits(db: Kysely<DB>, f: CatalogueFilter) {
  const occupied = sql<number>`(select count(*)::int from placements
    where placements.unit_id = units.id and placements.start_date <= ${f.on}::date
      and (placements.end_date is null or placements.end_date >= ${f.on}::date))`;
  let q = activeUnits(db).select([
    'units.id',
    'units.name',
    'providers.name as provider_name',
    'units.district_id',
    'districts.name as district_name',
    'units.services',
    'units.capacity',
    'units.catalogue',
    occupied.as('occupied'),
  ]);
  if (f.unitIds) q = q.where('units.id', 'in', f.unitIds);
  if (f.service) q = q.where(sql<boolean>`${f.service} = any(units.services)`);
  if (f.districtId) q = q.where('units.district_id', '=', f.districtId);
  if (f.orientation) q = q.where(sql<boolean>`units.catalogue->>'orientation' = ${f.orientation}`);
  if (f.method) q = q.where(sql<boolean>`coalesce(units.catalogue->'methods', '[]'::jsonb) ? ${f.method}`);
  const words = (field: string, text: string | undefined) =>
    text?.trim()
      ? sql<boolean>`coalesce(units.catalogue->>${field}, '') ilike ${containsPattern(text)}`
      : null;
  const design = words('physicalDesign', f.design);
  if (design) q = q.where(design);
  const transport = words('transport', f.transport);
  if (transport) q = q.where(transport);
  if (f.wheelchair === 'true')
    q = q.where(sql<boolean>`coalesce(units.catalogue->>'accessibility', '') ilike '%rullstol%'`);
  if (f.vacant === 'true')
    q = q.where(sql<boolean>`(units.capacity is null or units.capacity > ${occupied})`);
  const page = await keysetPage(q, SORT_COLUMNS, 'units.id', f);
  return {
    ...page,
    items: page.items.map((r) => {
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
    }),
  };
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
