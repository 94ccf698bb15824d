/**
 * "Contains this text" for the lists' free-text filters (client names, the catalogue's words):
 * one ILIKE pattern, so `%`, `_` and `\` typed by a user are matched as themselves, never as
 * wildcards, wherever a list searches.
 */

/** The ILIKE pattern matching any text that contains `text` (trimmed), its wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
