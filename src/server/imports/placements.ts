/**
 * Bulk import of placements (issue #5 §3, issue #9 §1): every row is read with the API's schemas
 * (placement-row.ts), checked for identity number, client and scope, unit and service, overlaps
 * with existing placements and other rows, and then by the domain's checkPlacementFacts against
 * the models in force, so an imported placement settles exactly as one entered through the API.
 * Every bad row is reported by line and column (domain problems with their Swedish message); when
 * any row is bad nothing is imported. Good files are imported in one transaction.
 */
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import { PLACEMENT_REQUIRED } from '../../contract/imports.js';
import { checkPlacementFacts } from '../../domain/settlement/facts.js';
import { parseIdentity } from '../../db/identity.js';
import type { DB } from '../../db/types.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../audit.js';
import { openForNewPlacements } from '../routes/assessments/open.js';
import { ApiError, badRows, type RowProblem } from '../errors.js';
import {
  columnOf,
  PLACEMENT_COLUMNS,
  placementInputOf,
  readPlacementRow,
  type PlacementRow,
} from './placement-row.js';
import { requireColumns, type Table } from './table.js';
import { todayIso } from '../present.js';

export { PLACEMENT_COLUMNS };

/** A row that passed every check, with what the insert needs. */
interface GoodRow {
  line: number;
  row: PlacementRow;
  pnr: string;
  kind: 'personnummer' | 'samordningsnummer';
  clientId: number | null;
  districtId: string;
  providerId: string;
  regime: 'kommunal' | 'entreprenad' | 'privat';
  start: string;
  end: string | null;
}

const overlaps = (a: { start: string; end: string | null }, b: { start: string; end: string | null }) =>
  a.start <= (b.end ?? '9999-12-31') && b.start <= (a.end ?? '9999-12-31');

/** The clients, units, districts and existing placements the rows refer to, in four queries. */
async function lookups(db: Kysely<DB>, rows: { pnr: string | null; unitId: number | null }[]) {
  const pnrs = [...new Set(rows.map((r) => r.pnr).filter((x): x is string => x !== null))];
  const unitIds = [...new Set(rows.map((r) => r.unitId).filter((x): x is number => x !== null))];
  const [clients, units, districts] = await Promise.all([
    // In slices: one parameter per number, and a statement takes at most 65 535 (issue #13 §2).
    Promise.all(
      chunks(pnrs).map((part) =>
        db
          .selectFrom('clients')
          .select(['id', 'personnummer', 'district_id'])
          .where('personnummer', 'in', part)
          .execute(),
      ),
    ).then((parts) => parts.flat()),
    unitIds.length
      ? db
          .selectFrom('units')
          .innerJoin('providers', 'providers.id', 'units.provider_id')
          .select(['units.id', 'units.services', 'units.provider_id', 'providers.regime'])
          .where('units.id', 'in', unitIds)
          .execute()
      : [],
    db.selectFrom('districts').select('id').execute(),
  ]);
  const existing = (
    await Promise.all(
      chunks(clients.map((c) => c.id)).map((part) =>
        db
          .selectFrom('placements')
          .select(['client_id', 'service', 'start_date', 'end_date', 'id'])
          .where('client_id', 'in', part)
          .execute(),
      ),
    )
  ).flat();
  return {
    clientByPnr: new Map(clients.map((c) => [c.personnummer, c])),
    unitById: new Map(units.map((u) => [u.id, u])),
    districtIds: new Set(districts.map((d) => d.id)),
    existing,
  };
}

/** Validates and (when every row is good) imports; returns what was created. */
export async function importPlacements(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  table: Table,
): Promise<{ placements: number; clients: number }> {
  requireColumns(table, PLACEMENT_COLUMNS.slice(0, PLACEMENT_REQUIRED));
  if (table.rows.length === 0) throw new ApiError(400, 'import-empty', 'Filen har inga rader', 'file');
  const problems: RowProblem[] = [];
  const read: { line: number; row: PlacementRow; pnr: string | null; unitId: number | null }[] = [];
  for (const { line, cells, problem } of table.rows) {
    if (problem !== undefined) {
      problems.push({ line, message: problem });
      continue;
    }
    const r = readPlacementRow(line, cells);
    if ('problems' in r) {
      problems.push(...r.problems);
      continue;
    }
    const id = parseIdentity(r.row.personnummer);
    if (!id)
      problems.push({
        line,
        column: 'personnummer',
        message: 'inte ett giltigt personnummer eller samordningsnummer',
      });
    else read.push({ line, row: r.row, pnr: id.canonical, unitId: r.row.unit_id });
  }
  const { clientByPnr, unitById, districtIds, existing } = await lookups(db, read);

  const good: GoodRow[] = [];
  const attempts = new Set<number>();
  // The file's rows by client and service, so checking a row against the others is not O(n²).
  const bySameService = new Map<string, GoodRow[]>();
  for (const { line, row, pnr } of read) {
    const before = problems.length;
    const bad = (column: string, message: string) => problems.push({ line, column, message });
    const id = parseIdentity(row.personnummer)!;
    const found = clientByPnr.get(pnr!);
    // Issue #13 §4: to a case officer a registered client of another district (protected or not)
    // answers like an unknown number, or like any registered number when name and district are
    // given; never "another district". The attempt is audited below.
    const elsewhere = !!found && user.role === 'case_officer' && found.district_id !== user.districtId;
    if (elsewhere) attempts.add(found.id);
    const client = elsewhere ? undefined : found;
    const districtId = client?.district_id ?? row.district_id ?? '';
    if (elsewhere && row.name && row.district_id) bad('personnummer', 'personnumret finns redan i registret');
    else if (!client) {
      if (!row.name || !row.district_id)
        bad(
          'personnummer',
          'ingen sådan klient (fyll i kolumnerna "name" och "district_id" för att skapa en)',
        );
      else if (!districtIds.has(row.district_id)) bad('district_id', `ingen stadsdel "${row.district_id}"`);
    }
    if (user.role === 'case_officer' && districtId && districtId !== user.districtId)
      bad(client ? 'personnummer' : 'district_id', 'klienten hör till en annan stadsdel än din');
    const unit = unitById.get(row.unit_id);
    if (!unit) bad('unit_id', `ingen enhet ${row.unit_id}`);
    else if (!unit.services.includes(row.service))
      bad('service', `enhet ${row.unit_id} erbjuder inte ${row.service}`);
    if (problems.length > before || !unit) continue;
    // The domain's check (issue #9 §1): what the engine would refuse is refused here, in Swedish.
    const facts = placementInputOf(row, {
      line,
      providerId: unit.provider_id,
      regime: unit.regime,
      districtId,
    });
    for (const p of checkPlacementFacts(catalog, facts)) bad(columnOf(p), p.message);
    if (problems.length > before) continue;
    const g: GoodRow = {
      line,
      row,
      pnr: id.canonical,
      kind: id.kind,
      clientId: client?.id ?? null,
      districtId,
      providerId: unit.provider_id,
      regime: unit.regime,
      start: row.start,
      end: row.end ?? null,
    };
    const clash = existing.find(
      (p) =>
        client &&
        p.client_id === client.id &&
        p.service === row.service &&
        overlaps({ start: p.start_date, end: p.end_date }, g),
    );
    if (clash)
      bad(
        'start',
        `överlappar placering ${clash.id} av samma insats (${clash.start_date}–${clash.end_date ?? ''})`,
      );
    const key = `${g.pnr} ${row.service}`;
    const twin = bySameService.get(key)?.find((o) => overlaps(o, g));
    if (twin) bad('start', `överlappar rad ${twin.line} i filen (samma klient och insats)`);
    if (!clash && !twin) {
      good.push(g);
      bySameService.set(key, [...(bySameService.get(key) ?? []), g]);
    }
  }
  if (attempts.size > 0)
    await audit(db, user, {
      action: 'refused',
      entity: 'placement-import',
      clientIds: [...attempts],
      details: { reason: 'client-of-another-district' },
    });
  if (problems.length > 0) throw badRows(problems.sort((a, b) => a.line - b.line));
  return insertPlacements(db, catalog, user, good);
}

/** Rows per INSERT: at most 9 parameters a row keeps a statement under PostgreSQL's 65 535. */
const CHUNK = 2_000;
/** `rows` in slices of {@link CHUNK}. */
function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Creates the new clients, the placements, their level entries and participation in one transaction. */
async function insertPlacements(db: Kysely<DB>, catalog: ModelCatalog, user: SessionUser, good: GoodRow[]) {
  return db.transaction().execute(async (trx) => {
    const created = new Map<string, number>();
    const fresh = [...new Map(good.filter((g) => g.clientId === null).map((g) => [g.pnr, g])).values()];
    for (const part of chunks(fresh))
      for (const c of await trx
        .insertInto('clients')
        .values(
          part.map((g) => ({
            personnummer: g.pnr,
            identity_kind: g.kind,
            name: g.row.name!,
            district_id: g.districtId,
          })),
        )
        .returning(['id', 'personnummer'])
        .execute())
        created.set(c.personnummer, c.id);
    const ids: { id: number; client_id: number }[] = [];
    for (const part of chunks(good))
      ids.push(
        ...(await trx
          .insertInto('placements')
          .values(
            part.map((g) => ({
              client_id: g.clientId ?? created.get(g.pnr)!,
              unit_id: g.row.unit_id,
              provider_id: g.providerId,
              service: g.row.service,
              regime: g.regime,
              start_date: g.start,
              end_date: g.end,
              notice_date: g.row.notice_date ?? null,
              no_show: g.row.no_show ?? false,
            })),
          )
          .returning(['id', 'client_id'])
          .execute()),
      );
    const withId = good.map((g, i) => ({ g, id: ids[i]!.id }));
    const levels = withId
      .filter(({ g }) => g.row.points !== undefined || g.row.level !== undefined)
      .map(({ g, id }) => ({
        placement_id: id,
        from_date: g.start,
        points: g.row.points ?? null,
        level: g.row.level ?? null,
        kind: g.row.level_kind ?? 'final',
        assessed_on: g.row.assessed_on ?? g.start,
        created_by: user.id,
      }));
    for (const part of chunks(levels)) await trx.insertInto('level_entries').values(part).execute();
    const participation = withId
      .filter(({ g }) => g.row.hours_per_week !== undefined || g.row.sessions_per_week !== undefined)
      .map(({ g, id }) => ({
        placement_id: id,
        from_date: g.start,
        hours_per_week: g.row.hours_per_week ?? null,
        sessions_per_week: g.row.sessions_per_week ?? null,
      }));
    for (const part of chunks(participation)) await trx.insertInto('participation').values(part).execute();
    // FLOW-1, ASMT-2: the office hears of every imported placement; those without a final level get a final case.
    const units = new Map(
      (
        await trx
          .selectFrom('units')
          .select(['id', 'name'])
          .where('id', 'in', [...new Set(good.map((g) => g.row.unit_id)), 0])
          .execute()
      ).map((u) => [u.id, u.name]),
    );
    const today = todayIso();
    await openForNewPlacements(
      trx,
      catalog,
      user,
      withId.map(({ g, id }) => ({
        placementId: id,
        clientId: g.clientId ?? created.get(g.pnr)!,
        districtId: g.districtId,
        service: g.row.service,
        start: g.start,
        notifiedOn: today,
        unitName: units.get(g.row.unit_id) ?? '',
        hasFinalLevel:
          (g.row.points !== undefined || g.row.level !== undefined) &&
          (g.row.level_kind ?? 'final') === 'final',
      })),
    );
    await audit(trx, user, {
      action: 'import',
      entity: 'placement',
      clientIds: [...new Set(ids.map((x) => x.client_id))],
      details: { placements: ids.length, clientsCreated: created.size },
    });
    return { placements: ids.length, clients: created.size };
  });
}
