/**
 * Issue #10 §10: a provider sees only the final level of its clients, never the preliminary one
 * the office set on notification (ASMT-2). Every present layer that shows a level to a provider
 * (placements, clients, facts, run lines, specifications, payments) asks this one module.
 */
import { sql, type Kysely } from 'kysely';
import { levelPhrase } from '../../../domain/settlement/explain.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';

/** May this user see a level entry of this kind? Providers see final levels only. */
export const seesLevel = (user: SessionUser, kind: string | null | undefined): boolean =>
  user.role !== 'provider' || kind === 'final';

/** The level entries this user may see (providers: the final ones). */
export function levelsSeenBy<T extends { kind: string }>(user: SessionUser, entries: readonly T[]): T[] {
  return entries.filter((e) => seesLevel(user, e.kind));
}

/** A settlement line's stored columns that name its level. */
interface LineLevel {
  id: number;
  level: string | null;
  explanation: unknown;
  level_source?: string | null;
}

const CHUNK = 5_000;

/**
 * Whether a settlement line (`line`: its alias) paid a preliminary level, SQL for one row: no final
 * entry was in force on its first day when its run (`run`) was computed. One rule, read by
 * {@link linesSeenBy} and by reads that flag their lines in their own statement (issue #15 §4).
 */
export const paidPreliminaryLevel = (line: string, run: string) =>
  sql<boolean>`(${sql.ref(`${line}.level`)} is not null and not exists (select 1 from level_entries e
    where e.placement_id = ${sql.ref(`${line}.placement_id`)} and e.kind = 'final'
    and e.from_date <= ${sql.ref(`${line}.from_date`)} and e.created_at <= ${sql.ref(`${run}.created_at`)}))`;

/**
 * The lines as this user may see them: for a provider, a line whose level came from a preliminary
 * entry (no final entry in force on its first day when its run was computed) loses its level, the
 * level in its sources and the level phrase of its explanation; the amount stays what was paid.
 */
export async function linesSeenBy<T extends LineLevel>(
  db: Kysely<DB>,
  user: SessionUser,
  lines: readonly T[],
): Promise<T[]> {
  if (user.role !== 'provider') return [...lines];
  const ids = lines.filter((l) => l.level !== null).map((l) => l.id);
  const preliminary = new Set<number>();
  for (let at = 0; at < ids.length; at += CHUNK) {
    const rows = await db
      .selectFrom('settlement_lines as l')
      .innerJoin('settlement_runs as r', 'r.id', 'l.run_id')
      .select('l.id')
      .where('l.id', 'in', ids.slice(at, at + CHUNK))
      .where(paidPreliminaryLevel('l', 'r'))
      .execute();
    for (const r of rows) preliminary.add(Number(r.id));
  }
  return lines.map((l) => (preliminary.has(Number(l.id)) ? withoutLevel(l) : l));
}

/**
 * {@link linesSeenBy} for lines read with their `preliminary_level` flag
 * ({@link paidPreliminaryLevel}, in the read's own statement): no further query.
 */
export function flaggedLinesSeenBy<T extends LineLevel & { preliminary_level: boolean | null }>(
  user: SessionUser,
  lines: readonly T[],
): T[] {
  if (user.role !== 'provider') return [...lines];
  return lines.map((l) => (l.preliminary_level ? withoutLevel(l) : l));
}

/** A line without its level (in the column, the sources and the explanation's text). */
function withoutLevel<T extends LineLevel>(l: T): T {
  // A compact line (issue #15 §2) stores no text: its explanation is derived from these columns.
  if (l.explanation === null || l.explanation === undefined) return { ...l, level: null, level_source: null };
  const e = (l.explanation ?? {}) as Record<string, unknown>;
  const sources = e.sources as Record<string, unknown> | null | undefined;
  const text = typeof e.text === 'string' ? e.text.replace(levelPhrase(l.level), '') : e.text;
  return {
    ...l,
    level: null,
    explanation: { ...e, text, ...(sources ? { sources: { ...sources, level: null } } : {}) },
  };
}
