/**
 * The audit log (issue #5 §4): every read or change of a client's data is recorded with who, what
 * and when, inside the same transaction as the change. Details never hold identity numbers.
 */
import type { Kysely } from 'kysely';
import { redactIdentities } from '../db/identity.js';
import type { DB } from '../db/types.js';
import type { SessionUser } from './auth/sessions.js';

/** What happened, to which entity and which clients' data it touched. */
export interface AuditEntry {
  action:
    | 'read'
    | 'search'
    | 'list'
    | 'create'
    | 'update'
    | 'import'
    | 'export'
    | 'sign-in'
    | 'sign-in-failed'
    | 'refused'
    | 'sign-out'
    | 'approve'
    | 'reject'
    | 'run'
    | 'delete';
  entity: string;
  entityId?: string | number | null;
  clientIds?: number[];
  details?: Record<string, unknown>;
}

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
      entity_id:
        entry.entityId === undefined || entry.entityId === null
          ? null
          : redactIdentities(String(entry.entityId)).slice(0, 100),
      client_ids: entry.clientIds ?? [],
      details: redactIdentities(JSON.stringify(entry.details ?? {})),
    })
    .execute();
}
