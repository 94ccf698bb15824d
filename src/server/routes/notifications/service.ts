/** Notifications' SQL (FLOW-1): scoped by role, audited reads and changes. */
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { NotificationSort, NotificationView } from '../../../contract/notifications.js';
import type { Cursor, SortDir } from '../../../contract/primitives.js';
import type { DB, NotificationTable } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { audit } from '../../audit.js';
import { keysetPage, type SortColumn } from '../../keyset.js';

type NotificationKind = NotificationView['kind'];
import { notFound } from '../../errors.js';

/** A notification as JSON (src/contract/notifications.ts). */
function view(n: Selectable<NotificationTable>) {
  return {
    id: n.id,
    kind: n.kind,
    recipient: n.recipient,
    providerId: n.provider_id,
    districtId: n.district_id,
    clientId: n.client_id,
    orderId: n.order_id,
    placementId: n.placement_id,
    message: n.message,
    createdOn: n.created_on,
    read: n.read_at !== null,
  };
}

/** Limits a query to what the user may read: own provider, the office, own district, or all. */
function scoped<O>(q: SelectQueryBuilder<DB, 'notifications', O>, user: SessionUser) {
  switch (user.role) {
    case 'provider':
      return q.where('recipient', '=', 'provider').where('provider_id', '=', user.providerId ?? '');
    case 'assessor':
      return q.where('recipient', '=', 'assessment_office');
    case 'case_officer':
      return q.where('recipient', '=', 'district').where('district_id', '=', user.districtId ?? '');
    case 'admin':
      return q;
    default:
      return q.where('id', '=', -1);
  }
}

/** What GET /api/notifications asks for. */
export interface NotificationFilter {
  unread?: 'true' | 'false' | undefined;
  kind?: NotificationKind | undefined;
  sort: NotificationSort;
  dir: SortDir;
  cursor?: Cursor | undefined;
  limit: number;
}

const SORT_COLUMNS: Record<NotificationSort, SortColumn> = {
  created: { expr: sql.ref('notifications.created_on'), kind: 'date' },
};

/**
 * One page of the user's notifications with the true total (issue #14 §1), read and audited in
 * one statement (they name clients).
 */
export async function listNotifications(db: Kysely<DB>, user: SessionUser, f: NotificationFilter) {
  let q = scoped(db.selectFrom('notifications').selectAll(), user);
  if (f.unread === 'true') q = q.where('read_at', 'is', null);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const page = await keysetPage(q, SORT_COLUMNS, 'notifications.id', f, {
    db,
    user,
    entry: { action: 'list', entity: 'notification' },
  });
  return { ...page, items: page.items.map(view) };
}

/** Marks one of the user's notifications read (404 for one it may not see). */
export async function markRead(db: Kysely<DB>, user: SessionUser, id: number) {
  return db.transaction().execute(async (trx) => {
    const row = await scoped(trx.selectFrom('notifications').selectAll(), user)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('notification', id);
    const updated = await trx
      .updateTable('notifications')
      .set({ read_at: row.read_at ?? new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, user, {
      action: 'update',
      entity: 'notification',
      entityId: id,
      clientIds: row.client_id === null ? [] : [row.client_id],
    });
    return view(updated);
  });
}
