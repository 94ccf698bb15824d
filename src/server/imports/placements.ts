/**
 * Bulk import of placements (issue #5 §3): every row is checked (identity number, client and
 * scope, unit and service, dates, points against the model in force, overlaps with existing
 * placements and with other rows) and every bad row is reported by line and column; when any row
 * is bad nothing is imported. Good files are imported in one transaction.
 */
import type { Kysely } from 'kysely';
import type { ModelCatalog } from '../../domain/rate-model/catalog.js';
import { SERVICE_IDS } from '../../domain/rate-model/schema.js';
import { isInputError } from '../../domain/errors.js';
import { parseIdentity } from '../../db/identity.js';
import type { DB } from '../../db/types.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../audit.js';
import { ApiError, badRows, type RowProblem } from '../errors.js';
import { checkLevel } from '../routes/placements/level-check.js';
import { requireColumns, type Table } from './table.js';

/** The columns of a placement import; the first four are required. */
export const PLACEMENT_COLUMNS = [
  'personnummer',
  'unit_id',
  'service',
  'start',
  'end',
  'notice_date',
  'no_show',
  'points',
  'level_kind',
  'assessed_on',
  'name',
  'district_id',
] as const;

interface GoodRow {
  line: number;
  pnr: string;
  kind: 'personnummer' | 'samordningsnummer';
  clientId: number | null;
  name: string;
  districtId: string;
  unitId: number;
  providerId: string;
  regime: 'kommunal' | 'entreprenad' | 'privat';
  service: string;
  start: string;
  end: string | null;
  notice: string | null;
  noShow: boolean;
  points: number | null;
  levelKind: 'preliminary' | 'final';
  assessedOn: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string): boolean =>
  DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const overlaps = (
  a: { start: string; end: string | null },
  b: { start: string; end: string | null },
): boolean => a.start <= (b.end ?? '9999-12-31') && b.start <= (a.end ?? '9999-12-31');

/** Validates and (when every row is good) imports; returns what was created. */
export async function importPlacements(
  db: Kysely<DB>,
  catalog: ModelCatalog,
  user: SessionUser,
  table: Table,
): Promise<{ placements: number; clients: number }> {
  requireColumns(table, PLACEMENT_COLUMNS.slice(0, 4));
  if (table.rows.length === 0) throw new ApiError(400, 'import-empty', 'The file has no rows', 'file');
  const problems: RowProblem[] = [];
  const bad = (line: number, column: string, message: string) => problems.push({ line, column, message });

  const pnrs = table.rows
    .map((r) => parseIdentity(r.cells.personnummer ?? '')?.canonical)
    .filter((x): x is string => Boolean(x));
  const unitIds = table.rows.map((r) => Number(r.cells.unit_id)).filter((n) => Number.isInteger(n) && n > 0);
  const [clients, units, districts] = await Promise.all([
    pnrs.length
      ? db
          .selectFrom('clients')
          .select(['id', 'personnummer', 'district_id'])
          .where('personnummer', 'in', pnrs)
          .execute()
      : [],
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
  const clientByPnr = new Map(clients.map((c) => [c.personnummer, c]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const districtIds = new Set(districts.map((d) => d.id));
  const existing = clients.length
    ? await db
        .selectFrom('placements')
        .select(['client_id', 'service', 'start_date', 'end_date', 'id'])
        .where(
          'client_id',
          'in',
          clients.map((c) => c.id),
        )
        .execute()
    : [];

  const good: GoodRow[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.__error) {
      bad(line, '', cells.__error);
      continue;
    }
    const before = problems.length;
    const id = parseIdentity(cells.personnummer ?? '');
    if (!id) bad(line, 'personnummer', 'not a valid personnummer or samordningsnummer');
    const client = id ? clientByPnr.get(id.canonical) : undefined;
    const name = (cells.name ?? '').trim();
    const districtId = client?.district_id ?? (cells.district_id ?? '').trim();
    if (id && !client) {
      if (!name || !districtId)
        bad(line, 'personnummer', 'no such client (give name and district_id to create one)');
      else if (!districtIds.has(districtId)) bad(line, 'district_id', `no district "${districtId}"`);
    }
    if (user.role === 'case_officer' && districtId && districtId !== user.districtId)
      bad(line, client ? 'personnummer' : 'district_id', 'the client lives in another district than yours');
    const unitId = Number(cells.unit_id);
    const unit = unitById.get(unitId);
    if (!unit) bad(line, 'unit_id', `no unit "${cells.unit_id ?? ''}"`);
    const service = (cells.service ?? '').trim();
    if (!(SERVICE_IDS as readonly string[]).includes(service))
      bad(line, 'service', `"${service}" is not a service`);
    else if (unit && !unit.services.includes(service))
      bad(line, 'service', `unit ${unitId} does not offer ${service}`);
    const start = (cells.start ?? '').trim();
    if (!validDate(start)) bad(line, 'start', `"${start}" is not a date YYYY-MM-DD`);
    const end = (cells.end ?? '').trim() || null;
    if (end !== null && !validDate(end)) bad(line, 'end', `"${end}" is not a date YYYY-MM-DD`);
    else if (end !== null && validDate(start) && end < start)
      bad(line, 'end', `end ${end} is before start ${start}`);
    const notice = (cells.notice_date ?? '').trim() || null;
    if (notice !== null && !validDate(notice))
      bad(line, 'notice_date', `"${notice}" is not a date YYYY-MM-DD`);
    const noShowText = (cells.no_show ?? '').trim().toLowerCase();
    if (!['', 'true', 'false', 'ja', 'nej', '1', '0'].includes(noShowText))
      bad(line, 'no_show', `"${noShowText}" is not true/false`);
    const pointsText = (cells.points ?? '').trim();
    const points = pointsText === '' ? null : Number(pointsText);
    if (points !== null && (!Number.isInteger(points) || points < 0))
      bad(line, 'points', `"${pointsText}" is not a whole number ≥ 0`);
    const levelKind = ((cells.level_kind ?? '').trim() || 'final') as 'preliminary' | 'final';
    if (!['preliminary', 'final'].includes(levelKind))
      bad(line, 'level_kind', `"${levelKind}" is not preliminary or final`);
    const assessedText = (cells.assessed_on ?? '').trim();
    if (assessedText && !validDate(assessedText))
      bad(line, 'assessed_on', `"${assessedText}" is not a date YYYY-MM-DD`);
    const assessedOn = assessedText || start;
    if (problems.length === before && points !== null)
      try {
        checkLevel(catalog, service, { from: start, points });
      } catch (error) {
        if (error instanceof ApiError || isInputError(error)) bad(line, 'points', error.message);
        else throw error;
      }
    if (problems.length > before || !id || !unit) continue;
    const row: GoodRow = {
      line,
      pnr: id.canonical,
      kind: id.kind,
      clientId: client?.id ?? null,
      name,
      districtId,
      unitId,
      providerId: unit.provider_id,
      regime: unit.regime,
      service,
      start,
      end,
      notice,
      noShow: ['true', 'ja', '1'].includes(noShowText),
      points,
      levelKind,
      assessedOn,
    };
    const clash = existing.find(
      (p) =>
        client &&
        p.client_id === client.id &&
        p.service === service &&
        overlaps({ start: p.start_date, end: p.end_date }, row),
    );
    if (clash)
      bad(
        line,
        'start',
        `overlaps placement ${clash.id} of the same service (${clash.start_date}–${clash.end_date ?? ''})`,
      );
    const twin = good.find((g) => g.pnr === row.pnr && g.service === service && overlaps(g, row));
    if (twin) bad(line, 'start', `overlaps line ${twin.line} of this file (same client and service)`);
    if (!clash && !twin) good.push(row);
  }
  if (problems.length > 0) throw badRows(problems.sort((a, b) => a.line - b.line));

  return db.transaction().execute(async (trx) => {
    const created = new Map<string, number>();
    for (const r of good) {
      if (r.clientId !== null || created.has(r.pnr)) continue;
      const c = await trx
        .insertInto('clients')
        .values({ personnummer: r.pnr, identity_kind: r.kind, name: r.name, district_id: r.districtId })
        .returning('id')
        .executeTakeFirstOrThrow();
      created.set(r.pnr, c.id);
    }
    const ids = await trx
      .insertInto('placements')
      .values(
        good.map((r) => ({
          client_id: r.clientId ?? created.get(r.pnr)!,
          unit_id: r.unitId,
          provider_id: r.providerId,
          service: r.service,
          regime: r.regime,
          start_date: r.start,
          end_date: r.end,
          notice_date: r.notice,
          no_show: r.noShow,
        })),
      )
      .returning(['id', 'client_id'])
      .execute();
    const levels = good
      .map((r, i) => ({ r, id: ids[i]!.id }))
      .filter(({ r }) => r.points !== null)
      .map(({ r, id }) => ({
        placement_id: id,
        from_date: r.start,
        points: r.points,
        level: null,
        kind: r.levelKind,
        assessed_on: r.assessedOn,
        created_by: user.id,
      }));
    if (levels.length > 0) await trx.insertInto('level_entries').values(levels).execute();
    await audit(trx, user, {
      action: 'import',
      entity: 'placement',
      clientIds: [...new Set(ids.map((x) => x.client_id))],
      details: { placements: ids.length, clientsCreated: created.size },
    });
    return { placements: ids.length, clients: created.size };
  });
}
