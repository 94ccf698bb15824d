// `settle` on worker threads (issue #15 §3) against one thread, on generated inputs cut into many
// small pieces: byte for byte the same output (JSON, NDJSON, --explain, --skip-invalid), the same
// first error in file order, and one thread (nothing written) where the pieces cannot be settled
// apart: a later piece's read error, a repeated id across pieces, unsorted input.
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settleMonthColumns } from '../domain/settlement/settle.js';
import { loadCatalog } from '../models/load.js';
import { checkRefused, readJson } from './commands/settle.js';
import { readSettlementInput } from './settle-input.js';
import { writeSettlement, type Format } from './settle-output.js';
import { splitInput } from './settle-split.js';
import { settleOnThreads } from './settle-threads.js';

const dir = mkdtempSync(join(tmpdir(), 'settle-threads-'));
const MONTH = '2024-03';
const SERVICES = ['lss-gruppbostad', 'lss-servicebostad', 'sp-boendestod', 'sp-boende'];
const REGIMES = ['privat', 'kommunal', 'entreprenad'];

/** `n` placements with ids in order (a seeded generator): some end, some are refused (PAY-1). */
function placements(n: number, seed = 7): Record<string, unknown>[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) / (1 << 24);
  return Array.from({ length: n }, (_, i) => {
    const service = SERVICES[Math.floor(rnd() * SERVICES.length)]!;
    const day = 1 + Math.floor(rnd() * 28);
    const start = `2024-0${1 + Math.floor(rnd() * 3)}-${String(day).padStart(2, '0')}`;
    const lss = service.startsWith('lss-');
    return {
      id: `P${String(i).padStart(5, '0')}`,
      providerId: `U${i % 7}`,
      // Braces, quotes and a placement's shape inside strings must not cut a piece there.
      district: i % 11 === 0 ? 'Sö"der {"id": ["x"], ' : i % 5 === 0 ? 'Älvsjö' : `D${i % 4}`,
      service,
      regime: REGIMES[i % 3],
      start,
      end: i % 37 === 5 ? '2023-12-31' : i % 3 === 0 ? '2024-03-31' : null,
      levels: [lss ? { from: start, points: Math.floor(rnd() * 100) } : { from: start, level: '2' }],
    };
  });
}

type Input = 'ndjson' | 'json' | 'compact';
function put(name: string, list: unknown[], input: Input): string {
  const file = join(dir, `${name}.${input === 'ndjson' ? 'ndjson' : 'json'}`);
  const text =
    input === 'ndjson'
      ? list.map((p) => `${JSON.stringify(p)}\n`).join('')
      : JSON.stringify({ placements: list }, null, input === 'json' ? 2 : undefined);
  writeFileSync(file, text);
  return file;
}

interface Run {
  format?: Format;
  explain?: boolean;
  skipInvalid?: boolean;
}
type Outcome = { out: string } | { error: string };
const quiet = () => {};

/** One thread, as the command runs it. */
function single(file: string, { format = 'json', explain = false, skipInvalid = false }: Run): Outcome {
  const to = join(dir, 'single.out');
  try {
    const result = settleMonthColumns(loadCatalog(), readSettlementInput(file, readJson), MONTH);
    const extra = checkRefused(result.refused, result.warnings, skipInvalid, quiet);
    const fd = openSync(to, 'w');
    writeSettlement(fd, format, result, extra, { explain });
    closeSync(fd);
    return { out: readFileSync(to, 'latin1') };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** On threads: whether it settled there, and what it wrote or threw. */
async function threaded(file: string, { format = 'json', explain = false, skipInvalid = false }: Run) {
  const to = join(dir, 'threads.out');
  const fd = openSync(to, 'w');
  let outcome: Outcome;
  let done = true;
  try {
    done = await settleOnThreads(
      { file, month: MONTH, format, explain, skipInvalid },
      (r, w) => checkRefused(r, w, skipInvalid, quiet),
      fd,
    );
    outcome = { out: readFileSync(to, 'latin1') };
  } catch (error) {
    outcome = { error: (error as Error).message };
    expect(readFileSync(to, 'latin1')).toBe(''); // bad input: nothing written
  } finally {
    closeSync(fd);
  }
  return { done, outcome };
}

describe('settle on worker threads', () => {
  beforeEach(() => {
    process.env.ERSATTNING_SETTLE_PIECE_BYTES = '2500';
  });
  afterEach(() => {
    delete process.env.ERSATTNING_SETTLE_PIECE_BYTES;
  });
  const valid = placements(300).filter((p) => p.end !== '2023-12-31');
  const refusing = placements(300);

  it(
    'writes the bytes one thread writes: NDJSON and document input, JSON, NDJSON and --explain out',
    {
      timeout: 120_000,
    },
    async () => {
      const cases: [Input, Run][] = [
        ['ndjson', { format: 'json' }],
        ['ndjson', { format: 'ndjson', explain: true }],
        ['json', { format: 'json', explain: true }],
        ['compact', { format: 'ndjson' }],
      ];
      for (const [input, run] of cases) {
        const file = put(`valid-${input}`, valid, input);
        const want = single(file, run);
        expect('out' in want && want.out.length).toBeGreaterThan(10_000);
        expect(await threaded(file, run)).toEqual({ done: true, outcome: want });
      }
    },
  );

  it(
    'refuses as one thread does: the first refusal, or all of them listed with --skip-invalid',
    {
      timeout: 60_000,
    },
    async () => {
      const file = put('refusing', refusing, 'ndjson');
      for (const run of [{ skipInvalid: true, format: 'ndjson' as const }, {}]) {
        const want = single(file, run);
        expect(await threaded(file, run)).toEqual({ done: true, outcome: want });
      }
      expect(single(file, {})).toMatchObject({ error: expect.stringContaining('placement P00005') });
    },
  );

  it(
    'names the first bad placement in file order: from the first piece on threads, else on one thread',
    {
      timeout: 60_000,
    },
    async () => {
      const bad = (i: number) => valid.map((p, j) => (j === i || j === 250 ? { ...p, colour: 'red' } : p));
      const early = put('bad-early', bad(3), 'json');
      const want = single(early, {});
      expect(want).toMatchObject({ error: expect.stringContaining('placements[3]') });
      expect(await threaded(early, {})).toEqual({ done: true, outcome: want });
      // A later piece cannot number its placements: one thread reads the file and names it.
      const late = put('bad-late', bad(200), 'ndjson');
      expect(await threaded(late, {})).toEqual({ done: false, outcome: { out: '' } });
    },
  );

  it(
    'reports the smallest repeated id; a repeat across pieces or reversed input: one thread',
    {
      timeout: 60_000,
    },
    async () => {
      // Each twin beside its first: inside one piece (the cuts fall elsewhere in this input).
      const twice = valid.flatMap((p, i) => (i === 25 || i === 155 ? [p, p] : [p]));
      const file = put('twice', twice, 'ndjson');
      const cuts = splitInput(file, statSync(file).size, 2500)!.map((p) => p.from);
      const text = readFileSync(file, 'utf8');
      for (const id of [valid[25]!.id, valid[155]!.id] as string[]) {
        const at = text.indexOf(`{"id":"${id}"`);
        expect(cuts.filter((c) => c > at && c <= text.indexOf(`{"id":"${id}"`, at + 1))).toEqual([]);
      }
      const want = single(file, {});
      expect(want).toEqual({
        error: expect.stringContaining(`"${valid[25]!.id as string}" förekommer två gånger`),
      });
      expect(await threaded(file, {})).toEqual({ done: true, outcome: want });
      const across = put('across', [...valid, valid[0]!], 'ndjson');
      const reversed = put('reversed', [...valid].reverse(), 'json');
      for (const f of [across, reversed])
        expect(await threaded(f, {})).toEqual({ done: false, outcome: { out: '' } });
    },
  );

  it('keeps a small input on one thread without starting a worker', async () => {
    delete process.env.ERSATTNING_SETTLE_PIECE_BYTES;
    expect(await threaded(put('small', valid, 'ndjson'), {})).toEqual({ done: false, outcome: { out: '' } });
  });
});
