/** The part of settlement runs a user may see: case officers their district, providers their own lines. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';

/** The part of every run a user may see: case officers their district, providers their own lines. */
export function lineScope(user: SessionUser): { districtId?: string; providerId?: string } {
  if (user.role === 'case_officer') return { districtId: user.districtId ?? '' };
  if (user.role === 'provider') return { providerId: user.providerId ?? '' };
  return {};
}

/** The settlement lines this user may see, as a query to refine. */
export function scopedLines(db: Kysely<DB>, user: SessionUser) {
  const s = lineScope(user);
  let q = db.selectFrom('settlement_lines');
  if (s.districtId !== undefined) q = q.where('settlement_lines.district_id', '=', s.districtId);
  if (s.providerId !== undefined) q = q.where('settlement_lines.provider_id', '=', s.providerId);
  return q;
}

/**
 * Whether this user sees draft runs: providers see approved (and exported) runs only, so a
 * provider never holds two specifications of one month (issue #14 §3).
 */
export function seesDrafts(user: SessionUser): boolean {
  return user.role !== 'provider';
}

/** Whether this user sees the clients behind a run's refusals (never analysts or finance: issue #14 §3). */
export function seesRefusedClients(user: SessionUser): boolean {
  return user.role !== 'analyst' && user.role !== 'finance';
}
