// The CLI's own placement reader (issue #15 §3) against JSON.parse and the check: whatever it
// reads is the very placement JSON.parse + checkPlacement give (fields, order, defaults); the
// usual shapes it reads itself; anything unusual it leaves to them; and an NDJSON file read
// through it gives the whole-document parse's placements, or the usual error with its line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSettlementInput } from '../domain/settlement/input.js';
import { readJson as whole } from './commands/settle.js';
import { somePlacement } from './placement-arbitraries.js';
import { checkPlacement } from './placement-check.js';
import { readAt, readPlacement } from './placement-read.js';
import { readSettlementInput } from './settle-input.js';

/** The reader on the whole of `text`: the placement, or undefined when it gives up. */
function read(text: string | Buffer) {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const p = readPlacement(bytes, 0, bytes.length);
  if (p) expect(readAt.end).toBe(bytes.length);
  return p;
}

const usual = {
  id: 'P2',
  clientId: 'C2',
  providerId: 'U1',
  district: 'Södermalm',
  service: 'sp-sysselsattning',
  regime: 'kommunal',
  start: '2024-01-15',
  end: '2024-12-31',
  noticeDate: null,
  noShow: false,
  levels: [
    { from: '2024-01-15', level: '2', kind: 'preliminary' },
    { from: '2024-03-01', level: '3', kind: 'final', assessedOn: '2024-02-20' },
  ],
  hoursPerWeek: [{ from: '2024-01-15', hours: 12.5 }],
  sessionsPerWeek: [{ from: '2024-01-15', sessions: 2 }],
  eveningNightHours: [{ date: '2024-03-05', hours: 4.25 }],
  courseSessions: ['2024-03-07'],
  individualRates: [{ from: '2024-02-01', to: null, amount: 5200.5 }],
  transitionToWork: [{ from: '2024-02-01', to: '2024-03-31' }],
  absences: [{ from: '2024-03-01', to: '2024-03-02', note: 'sjuk – hemma' }],
};

describe('the placement reader', () => {
  it('reads what JSON.parse and the check accept (escapes aside), and only that, as the same object', () => {
    let fast = 0;
    fc.assert(
      fc.property(somePlacement, fc.constantFrom(undefined, 1, '\t', ' \r\n'), (raw, space) => {
        const text = JSON.stringify(raw, null, space);
        const mine = read(text);
        const theirs = checkPlacement(JSON.parse(text));
        // What the check accepts it reads too, unless a string holds an escape.
        if (theirs !== undefined && !text.includes('\\')) expect(mine).toBeDefined();
        if (mine === undefined) return;
        fast++;
        expect(mine).toStrictEqual(theirs);
        expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs)); // field order
      }),
      { numRuns: 4000 },
    );
    expect(fast).toBeGreaterThan(400); // both sides were exercised
  });

  it('reads the usual placements itself, compact or indented, any field order', () => {
    const minimal = {
      id: 'P1',
      providerId: 'U1',
      district: 'Bromma',
      service: 'lss-gruppbostad',
      regime: 'privat',
      start: '2024-01-15',
      levels: [{ from: '2024-01-15', points: 42 }],
    };
    const reversed = Object.fromEntries(Object.entries(usual).reverse());
    for (const p of [minimal, usual, reversed])
      for (const text of [JSON.stringify(p), JSON.stringify(p, null, 2)]) {
        const mine = read(text);
        expect(mine).toBeDefined();
        expect(mine).toStrictEqual(checkPlacement(JSON.parse(text)));
      }
    // Strings read once are shared (a date, a provider), so a million placements make few of them.
    const a = read(JSON.stringify(minimal))!;
    const b = read(JSON.stringify({ ...minimal, id: 'P2' }))!;
    expect(a.id).toBe('P1');
    expect(b.id).toBe('P2');
    expect(b.start).toBe(a.start);
  });

  it('leaves anything unusual to JSON.parse and the check', () => {
    const text = JSON.stringify(usual);
    const unusual = [
      text.replace('"Södermalm"', '"S\\u00f6dermalm"'), // an escape
      text.replace('"id":"P2"', '"id":"P2","id":"P3"'), // a repeated key (JSON.parse keeps the last)
      text.replace('"id":"P2"', '"id":"P2","more":1'), // an unknown key (the schema names it)
      text.replace('"noShow":false', '"noShow":{"a":1}'), // a nested value
      text.replace('"sessions":2', '"sessions":2.0'), // a number written otherwise (read by Number)
      text.slice(0, -1), // cut short
      `${text} `, // not ending where it should (the caller trims)
      '[]',
    ];
    expect(read(unusual[4]!)).toStrictEqual(checkPlacement(JSON.parse(unusual[4]!)));
    for (const t of [...unusual.slice(0, 4), ...unusual.slice(5, 6), unusual[7]!])
      expect(read(t)).toBeUndefined();
    const bad = Buffer.from(text.replace('Södermalm', 'S\u00f6dermalm'));
    bad[bad.indexOf(0xc3)] = 0xff; // malformed UTF-8
    expect(read(bad)).toBeUndefined();
    // A level entry is checked as it is read: a repeated key, or anything the check would not
    // take, the usual way.
    expect(read(text.replace('"kind":"preliminary"', '"kind":"preliminary","kind":"final"'))).toBeUndefined();
    for (const t of [
      text.replace('"kind":"preliminary"', '"kind":"preliminary","hours":1'), // not a level's
      text.replace('"level":"2",', ''), // neither points nor level
      text.replace(/"levels":\[[^\]]*\]/, '"levels":[1]'), // not an object
    ]) {
      expect(read(t)).toBeUndefined();
      expect(checkPlacement(JSON.parse(t))).toBeUndefined();
    }
    const trailing = Buffer.from(`${text} `);
    expect(readPlacement(trailing, 0, trailing.length)).toBeDefined();
    expect(readAt.end).toBe(trailing.length - 1);
  });
});

describe('an NDJSON file read a line at a time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'placement-read-'));
  const answer = (f: () => unknown) => {
    try {
      return { ok: f() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };

  it('gives the placements of the whole document: blank lines, CRLF, a BOM, escapes, a value across lines', () => {
    const ps = ['P1', 'P2', 'P3', 'P4', 'P5'].map((id) => ({ ...usual, id }));
    const lines = [
      `\ufeff${JSON.stringify(ps[0])}\r`,
      '',
      `  ${JSON.stringify(ps[1]).replace('Södermalm', 'S\\u00f6dermalm')}  `,
      JSON.stringify(ps[2]),
      JSON.stringify(ps[3], null, 2), // across lines: the usual reader from here on
      JSON.stringify(ps[4]),
    ];
    const file = join(dir, 'mixed.ndjson');
    writeFileSync(file, lines.join('\n'));
    expect(readSettlementInput(file, whole)).toStrictEqual(parseSettlementInput({ placements: ps }));
  });

  it('names a bad line by its number, after lines read fast', () => {
    const good = JSON.stringify({ ...usual, id: 'P1' });
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, `${good}\n\n${good.replace('P1', 'P2')}\n{"id": "P3",\n`);
    expect(answer(() => readSettlementInput(file, whole))).toStrictEqual({
      error: expect.stringMatching(/bad\.ndjson: line 4: not valid JSON/) as unknown,
    });
    const field = join(dir, 'field.ndjson');
    writeFileSync(field, `${good}\n${good.replace('P1', 'P2').replace('"2024-01-15"', '"2024-02-30"')}\n`);
    const doc = {
      placements: [
        JSON.parse(good),
        JSON.parse(good.replace('P1', 'P2').replace('"2024-01-15"', '"2024-02-30"')),
      ],
    };
    expect(answer(() => readSettlementInput(field, whole))).toStrictEqual(
      answer(() => parseSettlementInput(doc, field)),
    );
  });

  it('reads a file of many lines across its chunks as the whole document', () => {
    const ps = Array.from({ length: 6000 }, (_, i) => ({ ...usual, id: `P${String(i).padStart(5, '0')}` }));
    const file = join(dir, 'many.ndjson');
    writeFileSync(file, ps.map((p) => JSON.stringify(p)).join('\n'));
    expect(readSettlementInput(file, whole)).toStrictEqual(parseSettlementInput({ placements: ps }));
  });
});
