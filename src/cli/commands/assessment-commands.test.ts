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
    expect(r.err).toMatch(/too-high\.yaml: at areas: the maximum total 132 does not fit the rate model/);
  });

  it('exits 2 for a missing file', () => {
    const r = run('instrument-check', join(dir, 'none.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/none\.yaml: no such file/);
  });
});
