/**
 * Named (prepared) statements for the hot reads on PostgreSQL (issue #15 §4): a statement whose
 * text ends with {@link PREPARED_MARK} is parsed and planned once per connection and then only
 * bound and executed. For a district's placement page or a provider's specification the parse and
 * plan cost the database about as much CPU as running them. Opt-in per statement, because after
 * five runs PostgreSQL may keep a generic plan, which suits fixed-shape reads by id or district
 * and not, say, a name search whose pattern decides the plan. PGlite ignores the mark (a comment).
 */
import { sql, type RawBuilder } from 'kysely';
import pg from 'pg';

/** Ends the text of a statement to be prepared (a comment: harmless wherever it is not understood). */
export const PREPARED_MARK = '/* prepared */';

/** The mark as SQL to end a Kysely statement with (`.modifyEnd(prepared)` or in a template). */
export const prepared: RawBuilder<unknown> = sql.raw(` ${PREPARED_MARK}`);

/**
 * At most this many distinct texts are named (each connection holds a plan per name); a text past
 * it runs unnamed, as every statement did before, so a caller that marks a varying text cannot
 * grow the server's memory without bound.
 */
const MAX_NAMES = 200;
const names = new Map<string, string>();

/** The statement name of a marked text (the same text always gets the same name), else undefined. */
export function statementName(text: string): string | undefined {
  if (!text.endsWith(PREPARED_MARK)) return undefined;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES) {
    name = `ers_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/**
 * The pool's client: names a marked statement (pg then sends Parse only the first time on each
 * connection) and passes everything else on unchanged.
 */
export class PreparingClient extends pg.Client {
  // pg's overloads cannot be restated one by one here; the call is forwarded as it came.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && args.length === 2) {
      const name = statementName(text);
      if (name) return super.query({ name, text, values }) as never;
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
