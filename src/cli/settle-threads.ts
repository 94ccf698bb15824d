/**
 * `settle --json` / `--ndjson` on two worker threads for a large input (issue #15 §3): reading,
 * checking, settling and formatting were each near what one thread does, so the second core
 * takes half. The input is cut into pieces (settle-split.ts) dealt to the two workers in turn
 * (settle-worker.ts); each reads, checks and settles its pieces with the one-thread code and
 * formats their placement totals and lines. This thread adds the totals, checks what the whole
 * read would have refused, and writes the output in file order: its own head, each piece's
 * placements, then each piece's lines, then the tail with the run hash (continued from piece to
 * piece by the workers), byte for byte what one thread writes (settle-threads.test.ts).
 *
 * It answers false (settle on one thread instead, which gives the usual result or error) when
 * the file is small (threads would not pay), a piece cannot be read alone (settle-input.ts
 * {@link NotSplittable}), a piece after the first has an input error (only the whole read knows
 * its placement's number), or the pieces' ids are not in ascending order from piece to piece
 * (then lines would interleave; a repeated id across pieces is such a case). Otherwise an input
 * error is the one the whole read reports first: the first piece's read error at once, else the
 * repeated id of the earliest piece with one, else the first refused placement.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { InputError } from '../domain/errors.js';
import type { FactProblem } from '../domain/settlement/problems.js';
import { addTotals } from '../domain/settlement/summary.js';
import { control, FREED, SLOT_BYTES, SLOTS, type FromWorker, type Job } from './settle-job.js';
import type { Piece } from './settle-input.js';
import { writeAll } from './byte-out.js';
import type { Format, SettlementHead } from './settle-output.js';
import { splitInput } from './settle-split.js';

/**
 * Inputs below this size (about 380 000 placements) settle on one thread. Two threads cost ~1 s
 * more CPU than one whatever the size (measured at 200 000, 400 000 and 1 000 000 placements:
 * each worker starts and warms its JIT up alone, three heaps collect), so on two free cores they
 * take (one thread's time + 1 s) / 2: even near 200 000 placements (68 MB, one thread ~1,2 s),
 * ~20 % less at 400 000; on a busy machine, a second more (docs/operations.md, session 4).
 */
const MIN_BYTES = 128 << 20;
/**
 * About this many bytes of input per piece (at least two pieces). A piece's placements live until
 * it is settled (its lines own copies of their owner fields): ~12 000 placements, which mostly
 * die in the young generation instead of being copied and promoted (1 000 000 placements, 3
 * rounds interleaved at load 2-4: CPU 6,5 / 6,6 s against 7,6 / 8,1 s with 8 MB pieces).
 */
const PIECE_BYTES = 4 << 20;
/**
 * Each worker's young generation (V8's default is 16 MB semi-spaces from a small start): a larger
 * one collects less often while a piece's placements are alive.
 */
const YOUNG_MB = 64;

/** What to settle and how to print it. */
export interface ThreadedSettle {
  file: string;
  month: string;
  format: Format;
  explain: boolean;
  skipInvalid: boolean;
}

/**
 * The pieces to settle on threads, or null for one thread. ERSATTNING_SETTLE_THREADS=1 keeps one
 * thread; ERSATTNING_SETTLE_PIECE_BYTES=N cuts any input into pieces of about N bytes (tests).
 */
function plan(file: string): Piece[] | null {
  if (process.env.ERSATTNING_SETTLE_THREADS === '1' || availableParallelism() < 2) return null;
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return null; // the one-thread read names the file
  }
  const forced = Number(process.env.ERSATTNING_SETTLE_PIECE_BYTES);
  if (forced > 0) return splitInput(file, size, forced);
  if (size < MIN_BYTES) return null;
  return splitInput(file, size, Math.min(PIECE_BYTES, Math.floor(size / 2)));
}

/** A worker running settle-worker (the compiled file, or the source through tsx). */
function start(job: Job): Worker {
  const here = import.meta.url;
  const options = { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } };
  if (here.endsWith('.js')) return new Worker(new URL('./settle-worker.js', here), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./settle-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, ...options });
}

type Settled = Extract<FromWorker, { type: 'settled' }>;

/** The step of the output's last part, which holds the run hash. */
const TAIL = -1;

/**
 * Settles and writes to stdout on worker threads; false when it did not (see the module comment).
 * `check` is what one thread does with the refusals and warnings before writing (it throws the
 * first refusal without --skip-invalid).
 */
export async function settleOnThreads(
  o: ThreadedSettle,
  check: (refused: FactProblem[], warnings: string[]) => Record<string, unknown>,
  fd = 1,
): Promise<boolean> {
  const pieces = plan(o.file);
  if (!pieces) return false;
  const K = pieces.length;
  const ctl = control(K);
  const cells = new Int32Array(ctl);
  const rings = [0, 1].map(() => new SharedArrayBuffer(SLOTS * SLOT_BYTES));
  const views = rings.map((r) => Buffer.from(r));
  // Each worker optimises its hot functions itself, not on V8's background threads: with both
  // cores busy settling, those threads only queued behind the workers, which meanwhile ran the
  // unoptimised code longer (1 000 000 placements, 3 rounds interleaved, load 2: CPU 5 580 / 5 960
  // -> 5 370 / 5 670 ms). Read when an isolate starts: the workers' only, this thread's as it was.
  setFlagsFromString('--no-concurrent-recompilation');
  const workers = [0, 1].map((w) =>
    start({
      file: o.file,
      month: o.month,
      format: o.format,
      explain: o.explain,
      pieces,
      mine: pieces.map((_, k) => k).filter((k) => k % 2 === w),
      worker: w,
      ctl,
      ring: rings[w]!,
    }),
  );
  // The output's writer is needed once every piece is settled: loaded meanwhile.
  const output = import('./settle-output.js');
  return new Promise<boolean>((resolve, reject) => {
    let over = false;
    const end = (then: () => void) => {
      if (over) return;
      over = true;
      for (const w of workers) void w.terminate();
      then();
    };
    /** Each piece's read: its ids' range, 'stop' (not alone), or its input error. */
    const reads: ({ min: string | null; max: string | null } | 'stop' | InputError | undefined)[] = new Array(
      K,
    );
    const results: (Settled | InputError | undefined)[] = new Array(K);
    let reported = 0;
    let hash: string | null = null;
    let ready: {
      head: SettlementHead;
      counts: { placements: number; lines: number };
      extra: Record<string, unknown>;
    } | null = null;
    // The output in order: text of this thread's, or a section: the placements of piece k are
    // section k, its lines section K + k.
    let steps: (string | number)[] | null = null;
    let step = 0;
    /** Per section, its chunks as they came: a slot of the worker's ring (`length` bytes), or bytes. */
    const queues: { slot: number; length: number; bytes?: Uint8Array }[][] = Array.from(
      { length: 2 * K },
      () => [],
    );
    const ended: boolean[] = new Array<boolean>(2 * K).fill(false);
    const started: boolean[] = new Array<boolean>(2 * K).fill(false);
    /** Per list (placements, lines): an element is written, so the next piece's first needs a comma. */
    const hasItems = [false, false];

    const rebuild = (e: { id: string; where: string | null; message: string }) => {
      const where = e.where ?? undefined;
      return new InputError(e.id, where ? e.message.slice(where.length + 2) : e.message, where);
    };

    /**
     * The reads in file order, as far as known: the first that failed decides (in order, so the
     * answer never depends on which thread was faster): the first piece's input error is the
     * whole read's; any other failure, one thread.
     */
    const firstRead = () => {
      for (let k = 0; k < K; k++) {
        const r = reads[k];
        if (r === undefined) return;
        if (r instanceof InputError) return k === 0 ? end(() => reject(r)) : end(() => resolve(false));
        if (r === 'stop') return end(() => resolve(false));
      }
    };

    /** Every piece read and settled (or refused as a whole): the whole read's answer. */
    const decide = () => {
      let max: string | null = null;
      for (const r of reads) {
        if (typeof r !== 'object' || r instanceof InputError || r.min === null) continue;
        if (max !== null && !(max < r.min)) return end(() => resolve(false));
        max = r.max;
      }
      const first = results.find((r) => r instanceof InputError);
      if (first) return end(() => reject(first));
      const settled = results as Settled[];
      const refused = settled.flatMap((s) => s.refused);
      let extra: Record<string, unknown>;
      try {
        extra = check(refused, settled[0]!.warnings);
      } catch (error) {
        return end(() => reject(error));
      }
      const s0 = settled[0]!;
      ready = {
        head: {
          month: s0.run.month,
          total: settled.reduce((sum, s) => sum + s.total, 0),
          providers: addTotals(settled.map((s) => s.providers)),
          districts: addTotals(settled.map((s) => s.districts)),
          run: s0.run,
          previousRuns: s0.previousRuns,
          warnings: s0.warnings,
        },
        counts: {
          placements: settled.reduce((n, s) => n + s.counts.placements, 0),
          lines: settled.reduce((n, s) => n + s.counts.lines, 0),
        },
        extra,
      };
      begin();
    };

    /**
     * The output's steps once the totals are known; then it is written. The run hash is known
     * later (the workers make it between their chunks): only the output's last part holds it
     * (the run record, after the lines), so that part is made once it is here ({@link tail}).
     */
    const begin = () => {
      if (!ready || steps) return;
      output
        .then(({ settlementParts }) => parts(settlementParts))
        .catch((error: unknown) => end(() => reject(error)));
    };
    let tail: ((hash: string) => string) | null = null;
    const parts = (settlementParts: typeof import('./settle-output.js').settlementParts) => {
      if (!ready || steps || over) return;
      const { head, counts, extra } = ready;
      const at = (h: string) =>
        settlementParts(o.format, { ...head, run: { ...head.run, hash: h } }, counts, extra);
      const list = at('0000000000000000');
      // Only the last part may hold the hash (checked: two hashes, the same parts before it).
      const other = at('ffffffffffffffff');
      if (list.some((part, i) => i < list.length - 1 && part !== other[i]))
        throw new Error('hash before the end');
      tail = (h) => at(h).at(-1) as string;
      steps = [];
      for (const part of list.slice(0, -1))
        if (part === 'placements' || part === 'lines')
          for (let k = 0; k < K; k++) steps.push(part === 'placements' ? k : K + k);
        else steps.push(part);
      steps.push(TAIL);
      drain();
    };
    const out = (text: string) => writeAll(fd, Buffer.from(text, 'latin1'));

    /** Writes the steps in order as far as their bytes are here. */
    const drain = () => {
      if (!steps || over) return;
      for (; step < steps.length; step++) {
        const s = steps[step]!;
        if (s === TAIL) {
          if (hash === null) return; // written when the hash comes
          out(tail!(hash));
          continue;
        }
        if (typeof s === 'string') {
          out(s);
          continue;
        }
        const list = s < K ? 0 : 1;
        const worker = (s % K) % 2;
        for (const chunk of queues[s]!) {
          if (!started[s]) {
            started[s] = true;
            if (o.format === 'json' && hasItems[list]) out(',');
            hasItems[list] = true;
          }
          if (chunk.bytes) {
            writeAll(fd, chunk.bytes);
            continue;
          }
          const at = chunk.slot * SLOT_BYTES;
          writeAll(fd, views[worker]!.subarray(at, at + chunk.length));
          Atomics.add(cells, FREED + worker, 1);
          Atomics.notify(cells, FREED + worker);
        }
        queues[s] = [];
        if (!ended[s]) return;
      }
      end(() => resolve(true));
    };

    const onMessage = (m: FromWorker) => {
      if (over) return;
      switch (m.type) {
        case 'stop':
          reads[m.piece] = 'stop';
          return firstRead();
        case 'error':
          if (m.read) {
            reads[m.piece] = rebuild(m.error);
            return firstRead();
          }
          results[m.piece] = rebuild(m.error);
          if (++reported === K) decide();
          return;
        case 'read':
          reads[m.piece] = { min: m.min, max: m.max };
          return firstRead();
        case 'settled':
          results[m.piece] = m;
          if (++reported === K) decide();
          return;
        case 'hash':
          hash = m.hash;
          return drain();
        case 'chunk':
          queues[m.section]!.push(m);
          return drain();
        case 'end':
          ended[m.section] = true;
          return drain();
        case 'done':
          return;
      }
    };
    for (const w of workers) {
      w.on('message', onMessage);
      w.on('error', (error) => end(() => reject(error)));
      w.on('exit', (code) => {
        if (code !== 0) end(() => reject(new Error(`settle worker stopped (exit ${code})`)));
      });
    }
  });
}
