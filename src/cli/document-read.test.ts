// `settle --input FILE.json` walked from its bytes (issue #15 §3): the same placements, or the
// same error, as parsing the whole document, whatever the layout; anything unusual falls back.
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettlementInput } from '../domain/settlement/input.js';
import { readJson as whole } from './commands/settle.js';
import { readDocumentBytes } from './document-read.js';
import { readSettlementInput } from './settle-input.js';

const dir = mkdtempSync(join(tmpdir(), 'document-read-'));
let n = 0;
const put = (text: string) => {
  const f = join(dir, `in${n++}.json`);
  writeFileSync(f, text);
  return f;
};
const answer = (f: () => unknown) => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};
/** The streaming read and the whole-document parse of the same text give one answer. */
const same = (text: string) => {
  const f = put(text);
  expect(answer(() => readSettlementInput(f, whole))).toStrictEqual(
    answer(() => parseSettlementInput(JSON.parse(text.replace(/^\ufeff/, '')), f)),
  );
};
/** Whether the byte walk read `text` itself (not null: no fall-back to the usual reader). */
const walked = (text: string) => {
  const fd = openSync(put(text), 'r');
  try {
    return readDocumentBytes(fd, () => null) !== null;
  } finally {
    closeSync(fd);
  }
};

const placement = (id: string) => ({
  id,
  providerId: 'U1',
  district: 'Södermalm',
  service: 'lss-gruppbostad',
  regime: 'privat',
  start: '2024-01-15',
  levels: [{ from: '2024-01-15', points: 42 }],
  absences: [{ from: '2024-02-01', to: '2024-02-02', note: 'sjuk' }],
});

describe('the settle document walked from its bytes', () => {
  it('reads the usual documents itself, compact, indented, with a BOM, across chunks', () => {
    const few = { placements: [placement('P1'), placement('P2')] };
    const many = { placements: Array.from({ length: 6000 }, (_, i) => placement(`P${i}`)) };
    for (const text of [
      JSON.stringify(few),
      JSON.stringify(few, null, 2),
      `\ufeff${JSON.stringify(few)}\n`,
      JSON.stringify(many, null, 1),
      '{"placements":[]}',
    ]) {
      expect(walked(text)).toBe(true);
      same(text);
    }
  });

  it('hands a placement it is not sure of to the usual parse, and gives its answer', () => {
    const escaped = JSON.stringify({ placements: [placement('P1'), { ...placement('P"2') }] });
    expect(walked(escaped)).toBe(false); // the test's `usual` says no; the real one reads it
    same(escaped);
    const long = placement('P3');
    long.absences = Array.from({ length: 3000 }, () => ({ from: '2024-02-01', to: '2024-02-02', note: 'x' }));
    same(JSON.stringify({ placements: [placement('P1'), long] })); // longer than the read-ahead
    same(JSON.stringify({ placements: [placement('P1'), { ...placement('P2'), start: '2024-02-30' }] }));
    same(JSON.stringify({ placements: [placement('P1'), 5, placement('P2')] }));
    same(JSON.stringify({ placements: [placement('P1'), { ...placement('P2'), more: 1 }] }));
  });

  it('leaves any other document to the usual reader, with its usual error', () => {
    for (const text of [
      JSON.stringify({ placements: [placement('P1')], more: 1 }),
      JSON.stringify({ more: 1, placements: [] }),
      '{"placements":[{"id":"P1",',
      '{"placements":[] } x',
      '[]',
    ]) {
      expect(walked(text)).toBe(false);
      const f = put(text);
      // What reading the file whole answers (its JSON error names the file), then the schema.
      const expected = answer(() => parseSettlementInput(whole(f), f));
      expect(answer(() => readSettlementInput(f, whole))).toStrictEqual(expected);
    }
  });
});
