/**
 * The follow-up report's SQL (issue #13 §5): five kinds of findings from the audit log, each a
 * query over the period; volumes count distinct clients per user and Stockholm day.
 */
import { sql, type Kysely } from 'kysely';
import type { FollowUpItem, FollowUpKind } from '../../../contract/audit.js';
import type { DB } from '../../../db/types.js';

/** The report's filters, resolved (dates inclusive). */
export interface FollowUpFilter {
  from: string;
  to: string;
  userId?: number;
  kind?: FollowUpKind;
  threshold: number;
}

/** At most this many findings are returned. */
export const MAX_FINDINGS = 2_000;

const READS = sql`('read', 'search', 'list', 'export')`;

interface Row {
  kind: FollowUpKind;
  audit_id: number | null;
  at: Date | string | null;
  day: string;
  user_id: number | null;
  username: string | null;
  role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_count: number;
  client_ids: number[] | null;
  detail: string | null;
}

/** The findings of the period, newest first; `truncated` when more than {@link MAX_FINDINGS}. */
export async function followUp(
  db: Kysely<DB>,
  f: FollowUpFilter,
): Promise<{ items: FollowUpItem[]; truncated: boolean }> {
  const period = sql`a.at >= (${f.from}::date)::timestamp at time zone 'Europe/Stockholm'
    and a.at < (${f.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'`;
  const who = f.userId ? sql`and a.user_id = ${f.userId}` : sql``;
  const day = sql`to_char(a.at at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`;
  const entry = (kind: FollowUpKind, clients: ReturnType<typeof sql>, detail: ReturnType<typeof sql>) => sql`
    select ${kind}::text as kind, a.id as audit_id, a.at, ${day} as day, a.user_id, a.username, a.role,
      a.action, a.entity, a.entity_id, coalesce(cardinality(a.client_ids), 0) as client_count,
      ${clients} as client_ids, ${detail} as detail`;
  const parts: Record<FollowUpKind, ReturnType<typeof sql>> = {
    protected: sql`${entry(
      'protected',
      sql`(select array_agg(c.id order by c.id) from clients c where c.id = any(a.client_ids) and c.protected_identity)`,
      sql`'skyddad identitet'`,
    )}
      from audit_log a where ${period} ${who} and a.action in ${READS}
        and exists (select 1 from clients c where c.id = any(a.client_ids) and c.protected_identity)`,
    'outside-scope': sql`${entry(
      'outside-scope',
      sql`(select array_agg(c.id order by c.id) from clients c where c.id = any(a.client_ids) and (
        (u.role = 'case_officer' and c.district_id <> u.district_id)
        or (u.role = 'provider' and not exists (select 1 from placements p
              where p.client_id = c.id and p.provider_id = u.provider_id))))`,
      sql`case when u.role = 'provider' then 'klient utan placering hos utföraren ' || u.provider_id
        else 'klient utanför stadsdelen ' || u.district_id end`,
    )}
      from audit_log a join users u on u.id = a.user_id
      where ${period} ${who} and a.action in ${READS} and u.role in ('case_officer', 'provider')
        and exists (select 1 from clients c where c.id = any(a.client_ids) and (
          (u.role = 'case_officer' and c.district_id <> u.district_id)
          or (u.role = 'provider' and not exists (select 1 from placements p
                where p.client_id = c.id and p.provider_id = u.provider_id))))`,
    volume: sql`
      select 'volume'::text as kind, null::bigint as audit_id, null::timestamptz as at, v.day, v.user_id,
        v.username, v.role, 'read'::text as action, 'client'::text as entity, null::text as entity_id,
        v.n as client_count, null::int[] as client_ids,
        v.n || ' klienter på en dag (gräns ' || ${f.threshold}::int || ')' as detail
      from (select ${day} as day, a.user_id, max(a.username) as username, max(a.role) as role,
              count(distinct cid)::int as n
            from audit_log a cross join lateral unnest(a.client_ids) as cid
            where ${period} ${who} and a.action in ${READS} and a.user_id is not null
            group by 1, a.user_id) v
      where v.n >= ${f.threshold}::int`,
    refused: sql`${entry('refused', sql`a.client_ids`, sql`coalesce(a.details->>'method', '') || ' ' || coalesce(a.details->>'route', '')`)}
      from audit_log a where ${period} ${who} and a.action = 'refused'`,
    'sign-in-failed': sql`${entry(
      'sign-in-failed',
      sql`a.client_ids`,
      sql`coalesce(a.details->>'username', '') || ' från ' || coalesce(a.details->>'ip', '?') || ': ' || coalesce(a.details->>'reason', '')`,
    )}
      from audit_log a where ${period} ${who} and a.action = 'sign-in-failed'`,
  };
  const chosen = f.kind ? [parts[f.kind]] : Object.values(parts);
  const { rows } = await sql<Row>`
    select * from (${sql.join(chosen, sql` union all `)}) f
    order by f.day desc, f.at desc nulls first, f.audit_id desc nulls first
    limit ${MAX_FINDINGS + 1}`.execute(db);
  return {
    truncated: rows.length > MAX_FINDINGS,
    items: rows.slice(0, MAX_FINDINGS).map((r) => ({
      kind: r.kind,
      auditId: r.audit_id === null ? null : Number(r.audit_id),
      at: r.at === null ? null : new Date(r.at).toISOString(),
      day: r.day,
      userId: r.user_id,
      username: r.username,
      role: r.role,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      clientCount: Number(r.client_count),
      clientIds: r.client_ids ?? [],
      detail: r.detail ?? '',
    })),
  };
}
