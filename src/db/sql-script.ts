/**
 * Runs a multi-statement SQL script one statement at a time, because PGlite's parameterised
 * protocol (what Kysely uses) takes a single statement. Splits on `;` outside `$$` bodies.
 */
import { sql, type Kysely } from 'kysely';

/** The statements of a script (no parameters; `$$ … $$` bodies are kept whole). */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (let i = 0; i < script.length; i++) {
    if (script.startsWith('$$', i)) {
      inBody = !inBody;
      current += '$$';
      i++;
      continue;
    }
    const ch = script[i]!;
    if (ch === ';' && !inBody) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Executes each statement of `script` in order on `db` (a transaction in migrations). */
export async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitStatements(script)) await sql.raw(statement).execute(db);
}
