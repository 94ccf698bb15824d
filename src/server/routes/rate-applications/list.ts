/**
 * The rate application list (issue #10 §9 leftover, issue #14 §1): one client's history or the
 * office-wide list, filtered by state, kind and district, keyset-paged with the true total. Case
 * officers see their district's clients only; the page and its audit row are one statement.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { ApplicationSort, applicationQuery } from '../../../contract/rate-applications.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { keysetPage, type PageAudit, type SortColumn } from '../../keyset.js';
import { shownClientName } from '../../present.js';
import { applicationRows } from './present.js';

/** The list's sort fields as SQL for this user (the client by the name the user sees). */
const sortColumns = (user: SessionUser): Record<ApplicationSort, SortColumn> => ({
  submitted: { expr: sql.ref('a.created_at'), kind: 'time' },
  client: { expr: shownClientName(user), kind: 'text' },
});

/** One page of the applications this user may read, with the true total. */
export async function listApplications(
  db: Kysely<DB>,
  user: SessionUser,
  f: z.output<typeof applicationQuery>,
  audited?: PageAudit,
) {
  let q = applicationRows(db);
  if (user.role === 'case_officer') q = q.where('clients.district_id', '=', user.districtId ?? '');
  if (f.placementId) q = q.where('a.placement_id', '=', f.placementId);
  if (f.clientId) q = q.where('a.client_id', '=', f.clientId);
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.districtId) q = q.where('clients.district_id', '=', f.districtId);
  return keysetPage(q, sortColumns(user), 'a.id', f, audited);
}
