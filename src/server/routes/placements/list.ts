/**
 * GET /api/placements' page (issue #14 §1, issue #15 §4): the placements matching the filters,
 * keyset-paged with the true total, read and audited in one statement. The hottest read of the
 * app, so its statement is compiled once per shape (db/shapes.ts): which filters are given, the
 * sort, the direction, the cursor's way and what the user's role masks decide its text; the
 * filters' and cursor's values and the audit row are its parameters.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { PlacementSort, placementQuery } from '../../../contract/placements.js';
import type { DB } from '../../../db/types.js';
import { ShapeCache } from '../../../db/shapes.js';
import type { SessionUser } from '../../auth/sessions.js';
import { auditRow, countOf, type AuditRow } from '../../audit.js';
import {
  auditedPageStatement,
  finishPage,
  pageStatements,
  pageValues,
  type Page,
  type PageAudit,
  type PageValues,
  type SortColumn,
} from '../../keyset.js';
import { shownClientName, shownNameContains } from '../../present.js';
import {
  latestLevelKind,
  placementColumns,
  placementFrom,
  withLatestLevel,
  type PlacementFrom,
} from './query.js';
import type { placementRow } from './service.js';

/** The filters of GET /api/placements, after scoping to the user, with its paging. */
export type PlacementFilter = Omit<z.output<typeof placementQuery>, 'districtId' | 'providerId'> & {
  districtId?: string | undefined;
  providerId?: string | undefined;
};

/** A placement as listed: its own columns and its latest level entry. */
type ListedPlacement = Awaited<ReturnType<typeof placementRow>>;

/** The sort value of an open end: the last date the formats accept, after every real end. */
const OPEN_END = '2199-12-31';

/** The placement list's sort fields as SQL for this user (never null: an open end sorts last). */
const placementSortColumns = (user: SessionUser): Record<PlacementSort, SortColumn> => ({
  client: { expr: shownClientName(user), kind: 'text' },
  provider: { expr: sql`providers.name || ' ' || units.name`, kind: 'text' },
  start: { expr: sql.ref('placements.start_date'), kind: 'date' },
  end: { expr: sql`coalesce(placements.end_date, ${OPEN_END}::date)`, kind: 'date' },
});

/** What decides the statement's text (db/shapes.ts): never a value. */
interface ListShape {
  /** The role and whether a case officer has a district: what {@link shownClientName} masks. */
  role: SessionUser['role'];
  officerDistrict: boolean;
  /** The filters given (a status filter's value picks its condition; a level filter's, none or one). */
  given: string[];
  status: PlacementFilter['status'] | null;
  level: 'none' | 'kind' | null;
  /** A name search: its text decides its condition (shownNameContains), so it is never cached. */
  search: boolean;
  sort: PlacementSort;
  dir: PlacementFilter['dir'];
  cursor: 'forward' | 'back' | null;
  prepare: boolean;
}

/** The statement's values: filters, the user's district (masking), the page's and the audit row's. */
type ListValues = PageValues &
  AuditRow & {
    districtId: unknown;
    providerId: unknown;
    unitId: unknown;
    clientId: unknown;
    service: unknown;
    monthStart: unknown;
    from: unknown;
    to: unknown;
    level: unknown;
    userDistrict: unknown;
    search: unknown;
  };

/** The filters that are plain equalities, by the column they compare. */
const EQUALS = {
  districtId: 'clients.district_id',
  providerId: 'placements.provider_id',
  unitId: 'placements.unit_id',
  clientId: 'placements.client_id',
  service: 'placements.service',
} as const;

/** The masking user of a shape: its role, and its district as a value. */
const maskingUser = (s: ListShape, v: ListValues) =>
  ({ role: s.role, districtId: s.officerDistrict ? v.userDistrict : null }) as SessionUser;

/**
 * What the total counts: the placements alone, joined to their clients only when a filter reads a
 * client's column (district, name search). Units and providers are required references of every
 * placement, so joining them never changes the count; at 100 000 placements the count with all
 * three joins took 130-160 ms against 9-36 ms for the placements alone (docs/operations.md
 * "Placement list at 100 000").
 */
function countBase(db: Kysely<DB>, s: ListShape): PlacementFrom {
  if (s.given.includes('districtId') || s.search)
    return db
      .selectFrom('placements')
      .innerJoin('clients', 'clients.id', 'placements.client_id') as unknown as PlacementFrom;
  // No condition of this shape names clients, units or providers (filtered's EQUALS and search).
  return db.selectFrom('placements') as unknown as PlacementFrom;
}

/** What the total counts: the shape's filters over {@link countBase}. */
const countedRows = (db: Kysely<DB>, s: ListShape, v: ListValues) => filtered(db, s, v, countBase(db, s));

/** The placements matching the shape's filters, joined but nothing selected (what the page and its count read). */
function filtered(db: Kysely<DB>, s: ListShape, v: ListValues, from: PlacementFrom = placementFrom(db)) {
  let q = from;
  for (const [key, column] of Object.entries(EQUALS)) {
    if (s.given.includes(key))
      q = q.where(column as 'placements.service', '=', v[key as 'service'] as string);
    // The name as this user sees it: a masked client is found as "Skyddad identitet" only.
    if (key === 'clientId' && s.search) q = q.where(shownNameContains(maskingUser(s, v), v.search as string));
  }
  if (s.given.includes('month'))
    q = q.where(
      sql<boolean>`placements.during && daterange(${v.monthStart}::date, (${v.monthStart}::date + interval '1 month')::date, '[)')`,
    );
  if (s.given.includes('range'))
    q = q.where(sql<boolean>`placements.during && daterange(${v.from}::date, ${v.to}::date, '[]')`);
  if (s.status === 'ongoing')
    q = q
      .where('placements.no_show', '=', false)
      .where((eb) =>
        eb.or([
          eb('placements.end_date', 'is', null),
          eb('placements.end_date', '>=', sql<string>`current_date`),
        ]),
      );
  if (s.status === 'ended') q = q.where('placements.end_date', '<', sql<string>`current_date`);
  if (s.status === 'notice')
    q = q.where('placements.notice_date', 'is not', null).where('placements.end_date', 'is', null);
  if (s.level === 'none') q = q.where(sql<boolean>`${latestLevelKind} is null`);
  else if (s.level === 'kind') q = q.where(sql<boolean>`${latestLevelKind} = ${v.level}`);
  return q;
}

/**
 * The page's one statement: the page, its total and its audit row (issue #15 §4), the latest level
 * read for the page's rows only. The total is counted apart ({@link countBase}), not in the page's
 * scan: `count(*) over ()` made PostgreSQL 15 walk the shown-name index over every client and
 * probe each one's placements (its plan costs a window's start as nothing, so it expects the limit
 * to stop the walk early): 1,5-3 s for the first page at 100 000 placements against 2-10 ms for
 * the page and 10-160 ms for the count apart.
 */
function listStatement(db: Kysely<DB>, s: ListShape, v: ListValues) {
  const q = filtered(db, s, v);
  const cursor = s.cursor
    ? { value: '', id: 0, back: s.cursor === 'back', sort: s.sort, dir: s.dir }
    : undefined;
  const statements = pageStatements(
    placementColumns(q),
    placementSortColumns(maskingUser(s, v)),
    'placements.id',
    { sort: s.sort, dir: s.dir, cursor },
    { countFrom: countedRows(db, s, v), late: (page) => withLatestLevel(db, page) },
    v,
  );
  return auditedPageStatement(statements, v, v, s.prepare);
}

const statements = new ShapeCache((db: Kysely<DB>, s: ListShape, v: ListValues) => listStatement(db, s, v));

/** One page of placements matching the filters, with the true total (issue #14 §1), audited as read. */
export async function listPlacements(
  user: SessionUser,
  f: PlacementFilter,
  audited: PageAudit,
): Promise<Page<ListedPlacement>> {
  const given = [...Object.keys(EQUALS), 'month'].filter((k) => f[k as keyof PlacementFilter]);
  if (f.from || f.to) given.push('range');
  const shape: ListShape = {
    role: user.role,
    officerDistrict: user.role === 'case_officer' && Boolean(user.districtId),
    given,
    status: f.status ?? null,
    level: f.level === 'none' ? 'none' : f.level ? 'kind' : null,
    sort: f.sort,
    dir: f.dir,
    cursor: f.cursor ? (f.cursor.back ? 'back' : 'forward') : null,
    search: Boolean(f.q?.trim()),
    prepare: audited.prepare ?? false,
  };
  const values: ListValues = {
    ...pageValues(f),
    ...auditRow(audited.user, audited.entry),
    districtId: f.districtId ?? null,
    providerId: f.providerId ?? null,
    unitId: f.unitId ?? null,
    clientId: f.clientId ?? null,
    service: f.service ?? null,
    monthStart: f.month ? `${f.month}-01` : null,
    from: f.from ?? null,
    to: f.to ?? null,
    level: f.level ?? null,
    userDistrict: user.districtId ?? null,
    search: f.q ?? null,
  };
  const db = audited.db;
  // A name search's condition depends on its text: built afresh, never cached (nor prepared).
  const statement = shape.search
    ? listStatement(db, shape, values).compile(db)
    : statements.compile(db, shape, values);
  const read = await db.executeQuery(statement);
  const rows = read.rows as { audit_total?: number }[];
  // The statement counts the total (audit_total) whenever it reads a row; with none (only past
  // every row after a cursor, rare) the count is asked apart, built afresh.
  return finishPage<ListedPlacement>(
    rows,
    countOf(rows, true),
    f,
    async () => {
      const n = await countedRows(db, shape, values)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      return Number(n.n);
    },
    // The route maps each row to its view (placementView), which reads named columns only.
    true,
  );
}
