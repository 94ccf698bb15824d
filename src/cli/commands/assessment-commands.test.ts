/**
 * instrument-check (ASMT-1) and agreement (issue #10 §5) run as a user would: bin/ersattning from
 * another directory, JSON on stdout only, exit 2 with one message on stderr naming where.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/ersattning');
const run = (...args: string[]) => {
  const r = spawnSync(BIN, args, { cwd: tmpdir(), encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'asmt-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('instrument-check', () => {
  it('accepts the shipped instruments, with max totals and the gap warning', () => {
    const r = run(
      'instrument-check',
      ...['lss-bostad/2010', 'lss-daglig-verksamhet/2025', 'sp/2010'].map((f) =>
        join(ROOT, `instruments/${f}.yaml`),
      ),
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      instruments: {
        id: string;
        maxTotal: number;
        exampleItems: number;
        items: number;
        warnings: string[];
      }[];
    };
    expect(doc.instruments.map((i) => [i.id, i.maxTotal])).toEqual([
      ['lss-bostad-2010', 110],
      ['lss-daglig-verksamhet-2025', 110],
      ['sp-matning-2010', 72],
    ]);
    for (const i of doc.instruments) expect(i.exampleItems).toBe(i.items);
    expect(doc.instruments[2]?.warnings[0]).toMatch(/38/);
  });

  it('exits 2 naming the file and path when the maximum total overruns the model', () => {
    const text = readFileSync(join(ROOT, 'instruments/lss-bostad/2010.yaml'), 'utf8').replace(
      '{ grade: 4, label: Totalt behov av stöd, points: 5 }',
      '{ grade: 4, label: Totalt behov av stöd, points: 6 }',
    );
    const r = run('instrument-check', file('too-high.yaml', text), '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/too-high\.yaml: vid areas: den högsta summan 132 passar inte ersättningsmodellen/);
  });

  it('exits 2 for a missing file', () => {
    const r = run('instrument-check', join(dir, 'none.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/none\.yaml: no such file/);
  });
});

describe('agreement', () => {
  const header = 'case_id,item,assessor_a,assessor_b';
  it('prints exact agreement and quadratic kappa as one JSON document', () => {
    const A = [0, 1, 2, 3, 4, 2, 2, 3, 1, 0, 4, 3];
    const B = [0, 2, 2, 3, 3, 2, 1, 3, 1, 1, 4, 4];
    const csv = [header, ...A.map((a, i) => `K${i % 3},item-${i},${a},${B[i]}`)].join('\n') + '\n';
    const r = run('agreement', '--input', file('ok.csv', csv), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      cases: 3,
      overall: { items: 12, exact: 7, exactShare: 0.5833, kappa: 0.8707 },
      byArea: null,
      levels: null,
    });
  });

  it('with an instrument and a service: per life area and the levels the originals land on', () => {
    const items = [
      'boende-1',
      'boende-2',
      'ekonomi-1',
      'egenvard-1',
      'halsa-1',
      'halsa-2',
      'sysselsattning-1',
      'natverk-1',
      'trygghet-1',
    ];
    const csv = [`${header},agreed`, ...items.map((it, i) => `K1,${it},1,${i === 0 ? 2 : 1},1`)].join('\n');
    const r = run(
      'agreement',
      '--input',
      file('levels.csv', csv),
      '--instrument',
      'sp-matning-2010',
      '--service',
      'sp-boende',
      '--date',
      '2015-01-01',
      '--json',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.byArea[0]).toMatchObject({ area: 'boende', items: 2, exact: 1 });
    expect(doc.levels).toMatchObject({
      model: 'sp-2010',
      cases: 1,
      sameLevel: 1,
      aEqualsAgreed: 1,
      bEqualsAgreed: 1,
    });
    expect(doc.levels.perCase[0]).toMatchObject({
      caseId: 'K1',
      a: { total: 18, level: '2' },
      b: { total: 20, level: '2' },
    });
  });

  it.each([
    [
      'a grade out of range',
      `${header}\nK1,x,1,2\nK1,y,5,2\n`,
      /bad\.csv: line 3, column assessor_a: "5" is not a grade 0-4/,
    ],
    [
      'a wrong header',
      'case,item,a,b\nK1,x,1,2\n',
      /bad\.csv: line 1, column \(header\): expected case_id,item,assessor_a,assessor_b/,
    ],
    [
      'a missing column',
      `${header}\nK1,x,1\n`,
      /bad\.csv: line 2, column assessor_b: expected 4 columns, got 3/,
    ],
    ['an empty case id', `${header}\n,x,1,2\n`, /bad\.csv: line 2, column case_id: is empty/],
    [
      'an item twice',
      `${header}\nK1,x,1,2\nK1,x,2,2\n`,
      /bad\.csv: line 3, column item: item "x" of case "K1" appears twice/,
    ],
    ['no rows', `${header}\n`, /bad\.csv: line 2, column case_id: no scorings/],
  ])('exits 2 on %s, naming line and column', (_n, csv, message) => {
    const r = run('agreement', '--input', file('bad.csv', csv), '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('exits 2 for an item the instrument lacks', () => {
    const r = run(
      'agreement',
      '--input',
      file('item.csv', `${header}\nK1,nope,1,2\n`),
      '--instrument',
      'sp-matning-2010',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sp-matning-2010 has no item "nope"/);
  });
});
