/**
 * Shared presentation helpers: öre to kronor (docs/api.md: kronor exact to the öre), Date to
 * ISO text, and client identity masking (protected identities outside the owning district).
 */
import { sql, type RawBuilder } from 'kysely';
import { maskIdentity } from '../db/identity.js';
import type { SessionUser } from './auth/sessions.js';
import { civilDate } from '../contract/format.js';
import { containsPattern } from './contains.js';

/** The name shown instead of a protected client's own outside the owning district. */
export const PROTECTED_NAME = 'Skyddad identitet';

/** Öre to kronor. */
export const kr = (ore: number): number => ore / 100;

/** A timestamp as ISO text (null stays null). */
export const isoTime = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString();

/** True when this user sees a protected client unmasked: only the owning district's case officers. */
export function seesProtected(user: SessionUser, clientDistrict: string): boolean {
  return user.role === 'case_officer' && user.districtId === clientDistrict;
}

/** How a client's name and identity number are shown to a user (issue #5 §4). */
export function clientIdentity(
  user: SessionUser,
  c: { name: string; personnummer: string; district_id: string; protected_identity: boolean },
): { name: string; personnummerMasked: string; personnummer: string | null } {
  const hidden = c.protected_identity && !seesProtected(user, c.district_id);
  if (hidden)
    return {
      name: PROTECTED_NAME,
      personnummerMasked: maskIdentity(c.personnummer, true),
      personnummer: null,
    };
  return {
    name: c.name,
    personnummerMasked: maskIdentity(c.personnummer),
    personnummer: user.role === 'analyst' ? null : c.personnummer,
  };
}

/**
 * The client's name as {@link clientIdentity} shows it to this user, as SQL over `clients`: lists
 * sort by it, so a protected client's place in name order never hints at the hidden name.
 */
export function shownClientName(user: SessionUser): RawBuilder<string> {
  return sql<string>`(case when ${maskedFor(user)} then ${PROTECTED_NAME}::text else clients.name end)`;
}

/** SQL over `clients`: true where {@link clientIdentity} masks the client for this user. */
function maskedFor(user: SessionUser): RawBuilder<boolean> {
  if (user.role === 'case_officer' && user.districtId)
    return sql<boolean>`clients.protected_identity and clients.district_id <> ${user.districtId}`;
  return sql<boolean>`clients.protected_identity`;
}

/**
 * SQL over `clients`: true where the name this user is shown ({@link shownClientName}) contains
 * `text`, ignoring case. A client masked for the user matches only on "Skyddad identitet", never on
 * its own name, so a search neither reveals a protected name nor confirms that someone by that name
 * exists (docs/security.md). Written as the stored name's match for the unmasked, so the name's
 * trigram index (`clients_name_trgm`) can serve it; the masked text is matched here, once.
 */
export function shownNameContains(user: SessionUser, text: string): RawBuilder<boolean> {
  const masked = maskedFor(user);
  const own = sql<boolean>`(clients.name ilike ${containsPattern(text)} and not (${masked}))`;
  return PROTECTED_NAME.toLowerCase().includes(text.trim().toLowerCase())
    ? sql<boolean>`(${own} or (${masked}))`
    : own;
}

/** Replaces every `{ ore, … }` figure in a rate model with `{ amount: kronor, … }` for JSON. */
export function figuresToKronor(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(figuresToKronor);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'ore' && typeof v === 'number') out.amount = v / 100;
      else out[k] = figuresToKronor(v);
    }
    return out;
  }
  return value;
}

/** Today's date `YYYY-MM-DD` in Stockholm, the default of routes that take an optional `on`. */
export const todayIso = (): string => civilDate(new Date());
