/**
 * Every message the API sends is Swedish (issue #14 §2): the web app may show it as it comes. This
 * reads the server's sources and checks the text of every error factory call (`badInput`,
 * `conflict`, `refused`, `forbidden`, `outOfScope`, `new ApiError`) for English words; ids and
 * field names (no spaces) are codes and pass. The domain's refusals reach the API too (the error
 * handler answers an InputError with its own message, and routes call the domain), so the domain's
 * message-producing calls are read the same way: `new InputError`, the model and instrument
 * checks' `fail(path, reason)`, the population builder's `issue(line, column, message)`, and the
 * `message:` of a settlement problem or population issue object. They
 * are Swedish at their one source, which the command line prints as well.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname);
const DOMAIN = join(ROOT, '..', 'domain');
const CALL = /\b(badInput|forbidden|conflict|refused|outOfScope|new ApiError)\(/g;
const DOMAIN_CALL = /(\bnew InputError|\bfail|\.issue)\(/g;
const ENGLISH =
  /\b(the|and|of|on|to|is|are|not|no|must|only|your|with|for|has|have|already|needs|cannot|unknown|invalid|missing|exists|allowed|before|after|first|another|yet)\b/i;

/**
 * Files whose `message:` properties provably never reach an API response, each with why. Keep it
 * short: a message that can reach the API is translated instead. Their `new InputError` calls are
 * still read.
 */
const NEVER_IN_API: ReadonlyMap<string, string> = new Map([
  [
    '../domain/scenario/consistency.ts',
    // Findings of the check against a published table, not refusals: only the CLI's
    // `compare --published` imports this module; no server source does (tested below).
    'findings printed by the CLI only',
  ],
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The string literals with a space in one call's arguments. */
function messagesOf(text: string, start: number): string[] {
  let depth = 1;
  let end = start;
  while (end < text.length && depth > 0) {
    if (text[end] === '(') depth++;
    else if (text[end] === ')') depth--;
    end++;
  }
  return [...text.slice(start, end).matchAll(/'([^'\n]*)'|`([^`]*)`|"([^"\n]*)"/g)]
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ''))
    .filter((s) => /\s/.test(s.trim()));
}

/**
 * The string literals with a space in a `message:` property's value: from after the colon to the
 * end of the first line that ends the value (`,`, `;` or a closing bracket).
 */
function propertyMessagesOf(text: string, start: number): string[] {
  const rest = text.slice(start);
  const end = /[,;)}\]]\s*$/m.exec(rest);
  return [...rest.slice(0, end ? end.index + 1 : undefined).matchAll(/'([^'\n]*)'|`([^`]*)`|"([^"\n]*)"/g)]
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ''))
    .filter((s) => /\s/.test(s.trim()));
}

/** `file: message` for every English message of `call`'s calls in the sources under `dir`. */
function englishIn(dir: string, call: RegExp, property = false): string[] {
  const english: string[] = [];
  for (const file of sources(dir)) {
    const text = readFileSync(file, 'utf8');
    const messages = [...text.matchAll(call)].flatMap((m) => messagesOf(text, (m.index ?? 0) + m[0].length));
    if (property && !NEVER_IN_API.has(relative(ROOT, file)))
      for (const m of text.matchAll(/\bmessage:/g))
        messages.push(...propertyMessagesOf(text, (m.index ?? 0) + m[0].length));
    for (const message of messages)
      if (ENGLISH.test(message)) english.push(`${relative(ROOT, file)}: ${message.trim()}`);
  }
  return english;
}

describe('API messages', () => {
  it('are Swedish in every error the server raises', () => {
    expect(englishIn(ROOT, CALL)).toEqual([]);
  });

  it('are Swedish in every refusal of the domain that the API passes on', () => {
    expect(englishIn(DOMAIN, DOMAIN_CALL, true)).toEqual([]);
  });

  it('allows only domain files the server never imports', () => {
    for (const file of NEVER_IN_API.keys()) {
      const module = file.replace(/^.*\/domain\//, 'domain/').replace(/\.ts$/, '.js');
      const importers = sources(ROOT).filter((s) => readFileSync(s, 'utf8').includes(module));
      expect(importers.map((s) => relative(ROOT, s))).toEqual([]);
    }
  });

  it('finds an English domain message (the check reads what it should)', () => {
    const text = "throw new InputError('x', `the model ${id} has no level`, 'level');";
    expect(messagesOf(text, text.indexOf('(') + 1).filter((m) => ENGLISH.test(m))).toEqual([
      'the model  has no level',
    ]);
    const problem = "flag(c, { id: 'x', message: `${d} is not a date` });\nconst y = 'the next line';";
    expect(propertyMessagesOf(problem, problem.indexOf('message:') + 8)).toEqual([' is not a date']);
  });
});
