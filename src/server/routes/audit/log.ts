/**
 * The audit log as a list and as a file (issue #5 §4, issue #14 §4): entries filtered by client,
 * user, action, entity and a period of Stockholm days, newest first; a page with the true total
 * (keyset, src/server/keyset.ts), or every matching entry streamed as XLSX (exceljs'
 * WorkbookWriter: rows are written as they are read, 2 000 at a time, so memory stays flat)
 * up to {@link MAX_AUDIT_EXPORT_ROWS}, with a last row saying so when the period held more.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type { auditExportQuery, auditQuery, AuditItem } from '../../../contract/audit.js';
import { auditActionLabel, auditEntityLabel, roleLabel } from '../../../contract/labels.js';
import { formatNumber } from '../../../contract/format.js';
import type { DB } from '../../../db/types.js';
import { badInput } from '../../errors.js';
import { keysetPage } from '../../keyset.js';
import { isoTime } from '../../present.js';

/** The filters both the list and the file take. */
export type AuditFilter = z.output<typeof auditExportQuery>;

/** At most this many entries go into one file; a longer period is narrowed first. */
export const MAX_AUDIT_EXPORT_ROWS = 100_000;
const BATCH = 2_000;

/** The audit log filtered (400 `bad-period` when the period ends before it starts). */
export function filteredLog(db: Kysely<DB>, f: AuditFilter) {
  if (f.from && f.to && f.from > f.to)
    throw badInput('bad-period', 'Perioden slutar före den börjar', 'from');
  let q = db.selectFrom('audit_log');
  // Containment, which the GIN index `audit_log_clients` serves; `= any(client_ids)` is the same
  // test but no index serves it (a scan of the whole log: 2 000 000 entries, 400-460 ms → 1-2 ms).
  if (f.clientId) q = q.where(sql<boolean>`audit_log.client_ids @> array[${f.clientId}::int]`);
  if (f.userId) q = q.where('audit_log.user_id', '=', f.userId);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
  if (f.since) q = q.where('audit_log.at', '>=', new Date(f.since));
  if (f.from)
    q = q.where(sql<boolean>`audit_log.at >= (${f.from}::date)::timestamp at time zone 'Europe/Stockholm'`);
  if (f.to)
    q = q.where(sql<boolean>`audit_log.at < (${f.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`);
  return q;
}

/**
 * The log's order, newest first: the entry's id, or for one client's entries the id as an
 * expression no index serves. For a client the planner guesses that one in two hundred entries
 * name it, so it walks the primary key backwards testing each entry: 370-1 221 ms on 2 000 000
 * entries for a client named in 118. Ordered by the expression, it reads the client's entries
 * from `audit_log_clients` and sorts them: 1,5-9 ms (docs/operations.md "Audit log at 2 000 000
 * entries"); the page's total reads them anyway.
 */
export function logOrder(f: Pick<AuditFilter, 'clientId'>): RawBuilder<number> {
  return f.clientId ? sql<number>`(audit_log.id + 0)` : sql<number>`audit_log.id`;
}

/** One page of the log matching the query, newest first, with the true total (GET /api/audit). */
export function listAudit(db: Kysely<DB>, query: z.output<typeof auditQuery>) {
  const { sort, dir, limit, cursor, ...filter } = query;
  return keysetPage(
    filteredLog(db, filter).selectAll(),
    { id: { expr: logOrder(filter), kind: 'int' } },
    'audit_log.id',
    { sort, dir, limit, cursor },
  );
}

/** An entry in the contract's shape. */
export function auditItem(r: {
  id: number;
  at: Date;
  user_id: number | null;
  username: string | null;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_ids: number[];
  details: unknown;
}): AuditItem {
  return {
    id: r.id,
    at: isoTime(r.at),
    userId: r.user_id,
    username: r.username,
    role: r.role,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    clientIds: r.client_ids,
    details: r.details,
  };
}

/** A Stockholm wall-clock time, `2025-03-04 13:05:09`, for the file. */
const stockholm = (d: Date): string => d.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });

/**
 * Every entry matching `f`, newest first, as an XLSX stream (Swedish headers and labels). The
 * stream is returned at once and filled as the rows are read; a database error ends it.
 */
export function auditXlsx(db: Kysely<DB>, f: AuditFilter): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('Logg');
  ws.columns = [
    { header: 'Nr', key: 'id', width: 10 },
    { header: 'Tid (Stockholm)', key: 'at', width: 20 },
    { header: 'Användare', key: 'username', width: 16 },
    { header: 'Roll', key: 'role', width: 22 },
    { header: 'Händelse', key: 'action', width: 20 },
    { header: 'Gäller', key: 'entity', width: 26 },
    { header: 'Post', key: 'entityId', width: 14 },
    { header: 'Antal klienter', key: 'clients', width: 14 },
    { header: 'Klient-id', key: 'clientIds', width: 30 },
    { header: 'Detaljer', key: 'details', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const write = async () => {
    let before: number | null = null;
    let written = 0;
    for (;;) {
      let q = filteredLog(db, f).selectAll().orderBy(logOrder(f), 'desc');
      if (before !== null) q = q.where(logOrder(f), '<', before);
      const room = MAX_AUDIT_EXPORT_ROWS - written;
      const limit = Math.min(BATCH, room + 1);
      const rows = await q.limit(limit).execute();
      for (const r of rows.slice(0, room)) {
        ws.addRow({
          id: r.id,
          at: stockholm(new Date(r.at)),
          username: r.username ?? '',
          role: roleLabel(r.role),
          action: auditActionLabel(r.action),
          entity: auditEntityLabel(r.entity),
          entityId: r.entity_id ?? '',
          clients: r.client_ids.length,
          clientIds: r.client_ids.slice(0, 200).join(', '),
          details: JSON.stringify(r.details ?? {}).slice(0, 2_000),
        }).commit();
        written++;
      }
      if (rows.length > room) {
        ws.addRow({
          at: `Utdraget slutar efter ${formatNumber(MAX_AUDIT_EXPORT_ROWS)} rader; avgränsa perioden för resten.`,
        }).commit();
        break;
      }
      if (rows.length < limit) break;
      before = rows.at(-1)!.id;
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
