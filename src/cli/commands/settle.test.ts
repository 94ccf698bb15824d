/**
 * `settle` run as a user would (contract.md): bin/ersattning from another directory, one JSON
 * document on stdout, kronor exact to the öre, corrections with --previous, and exit 2 with one
 * message naming the placement and field (stdout empty) for bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePreviousRun } from '../../domain/settlement/settle.js';

const BIN = new URL('../../../bin/ersattning', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'settle-'));

function run(...args: string[]) {
  const r = spawnSync(BIN, args, { cwd: tmpdir(), encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, doc: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
}

const P1 = {
  id: 'P1',
  clientId: 'C1',
  providerId: 'U1',
  district: 'Bromma',
  service: 'sp-boendestod',
  regime: 'privat',
  start: '2024-02-15',
  end: null,
  noticeDate: null,
  noShow: false,
  levels: [{ from: '2024-02-15', points: 20, kind: 'preliminary' }],
};
const P2 = {
  id: 'P2',
  providerId: 'U2',
  district: 'Kista',
  service: 'lss-gruppbostad',
  regime: 'kommunal',
  start: '2024-01-01',
  levels: [{ from: '2024-01-01', points: 42 }],
};

describe('bin/ersattning settle', () => {
  const input = file('input.json', { placements: [P1, P2] });

  it('prints the contract’s JSON with kronor exact to the öre', () => {
    const r = run('settle', '--input', input, '--month', '2024-02', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    // P1: 6 308 × 15/29 = 3 262,7586 → 3 262,76 plus 11 weekdays × 12 = 132; P2: 29 × 2 486 = 72 094
    expect(doc.placements).toEqual([
      { id: 'P1', providerId: 'U1', district: 'Bromma', total: 3394.76 },
      { id: 'P2', providerId: 'U2', district: 'Kista', total: 72094 },
    ]);
    expect(doc.total).toBe(75488.76);
    expect(doc.providers).toEqual([
      { providerId: 'U1', total: 3394.76 },
      { providerId: 'U2', total: 72094 },
    ]);
    expect(doc.month).toBe('2024-02');
    expect(doc.lines[0]).toMatchObject({
      placementId: 'P1',
      kind: 'ordinary',
      from: '2024-02-15',
      to: '2024-02-29',
      unit: 'month',
      rate: 6308,
      amount: 3262.76,
      level: '2',
      model: 'sp-2010',
      rules: ['PAY-1', 'PAY-3', 'SVC-1', 'RATE-3', 'LVL-1'],
    });
    // The sentence only with --explain (#15 §3); the figures it is made from are on the line.
    expect(doc.lines[0]).not.toHaveProperty('explanation');
    const explained = JSON.parse(
      run('settle', '--input', input, '--month', '2024-02', '--json', '--explain').out,
    );
    expect(explained.lines[0].explanation).toMatch(/6 308 kr per månad × 15\/29 dagar = 3 262,76 kr/);
    expect(explained.lines.map(({ explanation: _, ...l }: { explanation: string }) => l)).toEqual(doc.lines);
  });

  it('prints a readable Swedish specification without --json', () => {
    const r = run('settle', '--input', input, '--month', '2024-02');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Ersättning till utförare, 2024-02/);
    expect(r.out).toMatch(/Totalt 2024-02: 75 488,76 kr/);
  });

  it('pays a changed level back as a correction, once', () => {
    const febDoc = JSON.parse(run('settle', '--input', input, '--month', '2024-02', '--json').out);
    // The printed run id is the content hash recomputed when the output is read back (PAY-9).
    expect(parsePreviousRun(febDoc, 'feb.json').hash).toBe(febDoc.run.hash);
    const feb = file('feb.json', febDoc);
    const final = file('final.json', {
      placements: [
        {
          ...P1,
          levels: [...P1.levels, { from: '2024-03-20', points: 40, kind: 'final', assessedOn: '2024-03-20' }],
        },
        P2,
      ],
    });
    const mar = JSON.parse(
      run('settle', '--input', final, '--month', '2024-03', '--previous', feb, '--json').out,
    );
    const corrections = mar.lines.filter((l: { kind: string }) => l.kind === 'correction');
    // February recomputed at level 3: 9 068 × 15/29 = 4 690,34 (was 3 262,76): + 1 427,58
    expect(corrections).toMatchObject([
      { placementId: 'P1', correctsMonth: '2024-02', correctedKind: 'ordinary', amount: 1427.58 },
    ]);
    const marFile = file('mar.json', JSON.stringify(mar));
    const apr = JSON.parse(
      run('settle', '--input', final, '--month', '2024-04', '--previous', feb, marFile, '--json').out,
    );
    expect(apr.lines.filter((l: { kind: string }) => l.kind === 'correction')).toEqual([]);
    const twice = run('settle', '--input', final, '--month', '2024-04', '--previous', feb, feb, '--json');
    expect(twice.code).toBe(2);
    expect(twice.out).toBe('');
    expect(twice.err).toMatch(/samma körning \(2024-02:[0-9a-f]+\) anges två gånger/);
  });

  it.each([
    [
      'an unknown field',
      { placements: [{ ...P1, colour: 'red' }] },
      /placement P1 \(placements\[0\]\), field colour|okänt fält \(colour\)/,
    ],
    [
      'an impossible date',
      { placements: [{ ...P1, start: '2023-02-29' }] },
      /placement P1 .*field start: is not a calendar date/,
    ],
    ['end before start', { placements: [{ ...P1, end: '2024-01-01' }] }, /placement P1, field end/],
    ['duplicate ids', { placements: [P1, P1] }, /placement P1, field id/],
    [
      'a level the model lacks',
      { placements: [{ ...P2, levels: [{ from: '2024-01-01', level: 'grundpeng' }] }] },
      /placement P2, field levels\[0\]\.level/,
    ],
  ])('exits 2 naming placement and field for %s, stdout empty', (_, doc, message) => {
    const r = run('settle', '--input', file('bad.json', doc), '--month', '2024-02', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('settles the rest with --skip-invalid, listing the refused placement in JSON and on stderr', () => {
    const bad = { ...P2, id: 'P3', levels: [{ from: '2024-01-01', level: 'grundpeng' }] };
    const doc = file('some-bad.json', { placements: [P1, P2, bad] });
    const strict = run('settle', '--input', doc, '--month', '2024-02', '--json');
    expect([strict.code, strict.out]).toEqual([2, '']);
    expect(strict.err).toMatch(/placement P3, field levels\[0\]\.level/);
    const r = run('settle', '--input', doc, '--month', '2024-02', '--json', '--skip-invalid');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.total).toBe(75488.76);
    expect(out.refused).toEqual([
      {
        placementId: 'P3',
        id: 'unknown-level',
        field: 'levels[0].level',
        message: expect.stringMatching(/har ingen nivå "grundpeng"/),
        rules: ['LVL-1'],
        action: expect.any(String),
      },
    ]);
    expect(r.err).toMatch(/refused: placement P3, field levels\[0\]\.level: unknown-level/);
  });

  it('exits 2 for a month that is not YYYY-MM and for unreadable files', () => {
    const bad = run('settle', '--input', input, '--month', '2024-2', '--json');
    expect([bad.code, bad.out]).toEqual([2, '']);
    expect(bad.err).toMatch(/--month: "2024-2" är ingen månad ÅÅÅÅ-MM/);
    const missing = run('settle', '--input', join(dir, 'nope.json'), '--month', '2024-02');
    expect([missing.code, missing.out]).toEqual([2, '']);
    expect(missing.err).toMatch(/nope\.json: cannot read/);
    const broken = run('settle', '--input', file('broken.json', '{"placements": ['), '--month', '2024-02');
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/broken\.json: not valid JSON/);
  });

  it('says so when --previous is given an --ndjson output', () => {
    const earlier = run('settle', '--input', input, '--month', '2024-02', '--ndjson');
    expect(earlier.code).toBe(0);
    const r = run(
      'settle',
      '--input',
      input,
      '--month',
      '2024-03',
      '--json',
      '--previous',
      file('feb.ndjson', earlier.out),
    );
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(
      /feb\.ndjson: not valid JSON: .* \(this is settle --ndjson output; --previous takes settle --json output\)\n$/,
    );
  });

  it('exits 2 for --json with --ndjson and for --explain without either, never dropping one', () => {
    const both = run('settle', '--input', input, '--month', '2024-02', '--json', '--ndjson');
    expect([both.code, both.out]).toEqual([2, '']);
    expect(both.err).toBe('ersattning: --ndjson: give --json or --ndjson, not both\n');
    const table = run('settle', '--input', input, '--month', '2024-02', '--explain');
    expect([table.code, table.out]).toEqual([2, '']);
    expect(table.err).toMatch(/^ersattning: --explain: only with --json or --ndjson/);
    const explained = run('settle', '--input', input, '--month', '2024-02', '--ndjson', '--explain');
    expect(explained.code).toBe(0);
    expect(explained.out).toMatch(/"explanation":"/);
  });
});
