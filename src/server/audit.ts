/**
 * The audit log (issue #5 §4): every read or change of a client's data is recorded with who, what
 * and when, inside the same transaction as the change. Details never hold identity numbers.
 */
import { sql, type Compilable, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { AuditAction } from '../contract/audit.js';
import { looksLikeIdentity, redactIdentities, redactIdentitiesIn } from '../db/identity.js';
import { prepared } from '../db/prepared.js';
import type { DB } from '../db/types.js';
import type { SessionUser } from './auth/sessions.js';

/** What happened, to which entity and which clients' data it touched. */
export interface AuditEntry {
  /** One of the contract's AUDIT_ACTIONS (the audit log's filter offers the same list). */
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  clientIds?: number[];
  details?: Record<string, unknown>;
}

/** An entry's id as the log keeps it: identity numbers redacted, at most 100 characters. */
const auditedEntityId = (id: unknown): string | null =>
  id === undefined || id === null ? null : redactIdentities(String(id)).slice(0, 100);

/**
 * An entry's details as the log keeps them: JSON with identity numbers redacted in its values and
 * keys (the round trip through JSON first gives what the column would hold: dates as strings).
 */
const auditedDetails = (details: unknown): string => {
  const text = JSON.stringify(details ?? {});
  // Every audited read passes here: parse and mask only when something looks like an identity.
  return looksLikeIdentity(text) ? JSON.stringify(redactIdentitiesIn(JSON.parse(text))) : text;
};

/** Appends one entry to the audit log. */
export async function audit(db: Kysely<DB>, user: SessionUser | null, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: user?.id ?? null,
      username: user?.username ?? null,
      role: user?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: auditedEntityId(entry.entityId),
      client_ids: entry.clientIds ?? [],
      details: auditedDetails(entry.details),
    })
    .execute();
}

/** Entry of a read audited in the same statement: the client ids come from the rows read. */
export type ReadAuditEntry = Omit<AuditEntry, 'clientIds'>;

/**
 * Runs a read and appends its audit row in the SAME statement (issue #15 §4): the select becomes a
 * CTE and a data-modifying CTE inserts one audit row whose `client_ids` are the distinct
 * `client_id`s of the rows read and whose details gain `count`. One round trip and one commit
 * instead of two, and no read can be answered without its audit row. PostgreSQL runs a
 * data-modifying CTE exactly once whether or not the outer query reads it. The outer select
 * repeats the read's order (`orderBy`: column names of the read's rows) because a CTE scan's order
 * is not promised. `prepare`: a hot read of a fixed shape, prepared once per connection
 * (db/prepared.ts).
 */
export async function auditedRead<R extends { client_id: number | null }>(
  db: Kysely<DB>,
  user: SessionUser | null,
  entry: ReadAuditEntry,
  query: Compilable<R> & Expression<R>,
  orderBy: readonly { column: keyof R & string; direction?: 'asc' | 'desc' }[],
  prepare = false,
): Promise<R[]> {
  return (await auditedReadCounted(db, user, entry, query, orderBy, undefined, undefined, prepare)).rows;
}

/**
 * {@link auditedRead} that also runs `total` (a list's count, one row `n`: the same filters
 * without the page's cursor and limit) in that same statement: a page, its total and its audit row
 * in one round trip (issue #15 §4). The count rides on every row read as `audit_total` (left on
 * the rows: the caller drops it with its own helper columns, one copy of each row); when nothing
 * is read it cannot ride, and `total` is null (the caller counts apart). `shown` limits what the
 * audit row names to the first rows in `orderBy`'s order: a page reads one row past its end only
 * to know whether another page follows, and that client was not read by anyone. `prepare` as in
 * {@link auditedRead}.
 */
export async function auditedReadCounted<R extends { client_id: number | null }>(
  db: Kysely<DB>,
  user: SessionUser | null,
  entry: ReadAuditEntry,
  query: Compilable<R> & Expression<R>,
  orderBy: readonly { column: keyof R & string; direction?: 'asc' | 'desc' }[],
  total?: Compilable<{ n: number }> & Expression<{ n: number }>,
  shown?: number,
  prepare = false,
): Promise<{ rows: (R & { audit_total?: number })[]; total: number | null }> {
  const statement = auditedReadStatement(auditRow(user, entry), query, orderBy, total, shown, prepare);
  const result = await statement.execute(db);
  return { rows: result.rows, total: countOf(result.rows, total !== undefined) };
}

/** The total an audited read counted (its rows' `audit_total`), or null when not counted or nothing read. */
export function countOf(rows: readonly { audit_total?: number }[], counted: boolean): number | null {
  const first = rows[0];
  return counted && first ? Number(first.audit_total) : null;
}

/**
 * An audited read's audit row as its statement's values (the client ids and count come from the
 * rows read): the entity id and details redacted of identity numbers.
 */
export interface AuditRow {
  userId: unknown;
  username: unknown;
  role: unknown;
  action: unknown;
  entity: unknown;
  entityId: unknown;
  details: unknown;
}

/** The audit row of `user` reading `entry` ({@link AuditRow}). */
export function auditRow(user: SessionUser | null, entry: ReadAuditEntry): AuditRow {
  return {
    userId: user?.id ?? null,
    username: user?.username ?? null,
    role: user?.role ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: auditedEntityId(entry.entityId),
    details: auditedDetails(entry.details),
  };
}

/**
 * The statement of {@link auditedReadCounted}, not run: its text depends on the query, the order,
 * whether a total is counted and `prepare`, never on the audit row's values or `shown` (so a
 * statement cache, db/shapes.ts, may hold it with those as parameters).
 */
export function auditedReadStatement<R extends { client_id: number | null }>(
  row: AuditRow,
  query: Compilable<R> & Expression<R>,
  orderBy: readonly { column: keyof R & string; direction?: 'asc' | 'desc' }[],
  total?: Compilable<{ n: number }> & Expression<{ n: number }>,
  shown?: unknown,
  prepare = false,
): RawBuilder<R & { audit_total?: number }> {
  const order = orderBy.length
    ? sql`order by ${sql.join(
        orderBy.map(
          (o) => sql`${sql.ref(`r.${o.column}`)} ${sql.raw(o.direction === 'desc' ? 'desc' : 'asc')}`,
        ),
      )}`
    : sql``;
  // An uncounted read's statement is exactly what it was before counts could ride along.
  const counted = total
    ? { cte: sql`n as ${total},`, column: sql`, (select n from n) as audit_total` }
    : { cte: sql``, column: sql`` };
  return sql<R & { audit_total?: number }>`
    with r as ${query}, ${counted.cte}
    a as (
      insert into audit_log (user_id, username, role, action, entity, entity_id, client_ids, details)
      select ${row.userId}::integer, ${row.username}::text, ${row.role}::text,
        ${row.action}::text, ${row.entity}::text, ${row.entityId}::text,
        coalesce(array_agg(distinct r.client_id) filter (where r.client_id is not null), '{}'),
        ${row.details}::jsonb || jsonb_build_object('count', count(*))
      from ${shown === undefined ? sql`r` : sql`(select * from r ${order} limit ${shown}) r`}
    )
    select r.*${counted.column} from r ${order}${prepare ? prepared : sql``}`;
}
