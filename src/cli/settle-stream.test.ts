// settle's streaming input and output (issue #15 §3): the same placements, the same errors and
// byte for byte the same JSON document as reading and printing everything at once (contract.md).
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../models/load.js';
import {
  parseSettlementInput,
  presentSettlement,
  settleMonthColumns,
  withLines,
} from '../domain/settlement/settle.js';
import { readJson as whole } from './commands/settle.js';
import { readSettlementInput } from './settle-input.js';
import { writeSettlement } from './settle-output.js';

const dir = mkdtempSync(join(tmpdir(), 'settle-stream-'));
const put = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

const placement = (id: string, district: string) => ({
  id,
  providerId: 'U1',
  district,
  service: 'lss-gruppbostad',
  regime: 'privat',
  start: '2024-01-15',
  levels: [{ from: '2024-01-15', points: 42 }],
});
// Quotes, brackets, commas and escapes inside strings must not cut a placement short.
const tricky = [placement('P2', 'Sö"der ]}, {[\\n'), placement('P1', 'Bromma'), placement('P3', '\u00e5')];

describe('settle --input read one placement at a time', () => {
  it('gives the placements the whole document gives, from JSON and from NDJSON', () => {
    const doc = { placements: tricky };
    const expected = parseSettlementInput(doc);
    expect(readSettlementInput(put('a.json', JSON.stringify(doc, null, 2)), whole)).toEqual(expected);
    expect(readSettlementInput(put('b.json', JSON.stringify(doc)), whole)).toEqual(expected);
    const nd = put('c.ndjson', `${tricky.map((p) => JSON.stringify(p)).join('\n')}\n\n`);
    expect(readSettlementInput(nd, whole)).toEqual(expected);
    expect(readSettlementInput(put('d.json', '{"placements":[]}'), whole)).toEqual({ placements: [] });
  });

  it('names the placement and field, an unknown field, and bad JSON as the whole read does', () => {
    const bad = {
      placements: [placement('P1', 'Bromma'), { ...placement('P2', 'Kista'), start: '2024-02-30' }],
    };
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const f = put('bad.json', JSON.stringify(bad));
    expect(error(() => readSettlementInput(f, whole))).toBe(error(() => parseSettlementInput(bad, f)));
    expect(error(() => readSettlementInput(f, whole))).toMatch(
      /placement P2 \(placements\[1\]\), field start/,
    );
    const extra = put('extra.json', JSON.stringify({ placements: [], more: 1 }));
    expect(error(() => readSettlementInput(extra, whole))).toMatch(/extra\.json: \(top level\): okänt fält/);
    const broken = put('broken.json', '{"placements": [{"id": "P1",');
    expect(error(() => readSettlementInput(broken, whole))).toMatch(/not valid JSON/);
    const badLine = put('bad.ndjson', `${JSON.stringify(tricky[0])}\n{"id":\n`);
    expect(error(() => readSettlementInput(badLine, whole))).toMatch(/bad\.ndjson: line 2/);
  });
});

describe('settle --json written as it goes', () => {
  const catalog = loadCatalog();
  const input = parseSettlementInput({ placements: tricky });
  const written = (write: (fd: number) => void) => {
    const f = join(dir, 'out.txt');
    const fd = openSync(f, 'w');
    write(fd);
    closeSync(fd);
    return readFileSync(f, 'utf8');
  };

  it('is byte for byte JSON.stringify of the whole document (refused included)', () => {
    const c = settleMonthColumns(catalog, input, '2024-03');
    const doc = presentSettlement(withLines(c));
    expect(written((fd) => writeSettlement(fd, 'json', c))).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    const extra = { refused: [] };
    expect(written((fd) => writeSettlement(fd, 'json', c, extra))).toBe(
      `${JSON.stringify({ ...doc, ...extra }, null, 2)}\n`,
    );
    // Without the explanation sentence (settle's default, --explain adds it).
    const plain = presentSettlement(withLines(c), false);
    expect(written((fd) => writeSettlement(fd, 'json', c, {}, { explain: false }))).toBe(
      `${JSON.stringify(plain, null, 2)}\n`,
    );
  });

  it('as NDJSON, one record per total and line, the run last', () => {
    const c = settleMonthColumns(catalog, input, '2024-03');
    const doc = presentSettlement(withLines(c));
    const records = written((fd) => writeSettlement(fd, 'ndjson', c))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    const of = (type: string) => records.filter((r) => r.type === type).map(({ type: _, ...r }) => r);
    expect(of('line')).toEqual(doc.lines);
    expect(of('placement')).toEqual(doc.placements);
    expect(of('provider')).toEqual(doc.providers);
    expect(records.at(-1)).toEqual({
      type: 'run',
      month: '2024-03',
      total: doc.total,
      run: doc.run,
      previousRuns: [],
      warnings: [],
    });
  });
});
