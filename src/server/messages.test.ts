/**
 * Every message the API sends is Swedish (issue #14 §2): the web app may show it as it comes. This
 * reads the server's sources and checks the text of every error factory call (`badInput`,
 * `conflict`, `refused`, `forbidden`, `outOfScope`, `new ApiError`) for English words; ids and
 * field names (no spaces) are codes and pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname);
const CALL = /\b(badInput|forbidden|conflict|refused|outOfScope|new ApiError)\(/g;
const ENGLISH =
  /\b(the|and|of|on|to|is|are|not|no|must|only|your|with|for|has|have|already|needs|cannot|unknown|invalid|missing|exists|allowed|before|after|first|another|yet)\b/i;

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

describe('API messages', () => {
  it('are Swedish in every error the server raises', () => {
    const english: string[] = [];
    for (const file of sources(ROOT)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(CALL))
        for (const message of messagesOf(text, (m.index ?? 0) + m[0].length))
          if (ENGLISH.test(message)) english.push(`${relative(ROOT, file)}: ${message.trim()}`);
    }
    expect(english).toEqual([]);
  });
});
