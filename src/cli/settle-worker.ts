/**
 * One worker thread of `settle` (issue #15 §3; started by settle-threads.ts, which says how the
 * work is shared): for each of its pieces of the input it reads and checks the placements (the
 * same readers and check as one thread), settles them with the engine and reports the totals;
 * then it formats the pieces' placement totals and lines in its own 1 MB buffer, copying each
 * full one into a slot of its shared ring for the main thread, and between slots continues the
 * run hash from the piece before whenever that one is published (in file order, through shared
 * memory).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../domain/errors.js';
import type { ModelCatalog } from '../domain/rate-model/catalog.js';
import { settleMonthColumns, type SettledColumns } from '../domain/settlement/settle.js';
import { continueRunHash, runHashStart } from '../domain/settlement/summary.js';
import { shippedCatalog } from '../models/prebuilt.js';
import { NotSplittable, readSettlementPiece } from './settle-input.js';
import { Out } from './byte-out.js';
import { writeItems } from './settle-output.js';
import {
  CHAIN,
  FREED,
  hashAt,
  publishHash,
  SLOT_BYTES,
  SLOTS,
  type Job,
  type FromWorker,
} from './settle-job.js';

const job = workerData as Job;
const port = parentPort!;
const ctl = new Int32Array(job.ctl);
const post = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

/** An input error as the main thread rebuilds it (same id, place and message). */
const asError = (e: InputError) => ({ id: e.id, where: e.where ?? null, message: e.message });

function main(catalog: ModelCatalog): void {
  const last = job.pieces.length - 1;
  const settled = new Map<number, SettledColumns>();
  let failed = false;
  for (const k of job.mine) {
    let placements;
    try {
      placements = readSettlementPiece(job.file, job.pieces[k]!, k === 0, k === last);
    } catch (error) {
      if (error instanceof NotSplittable) return post({ type: 'stop', piece: k });
      if (error instanceof InputError)
        return post({ type: 'error', piece: k, read: true, error: asError(error) });
      throw error;
    }
    let min: string | null = null;
    let max: string | null = null;
    for (const p of placements) {
      if (min === null || p.id < min) min = p.id;
      if (max === null || p.id > max) max = p.id;
    }
    post({ type: 'read', piece: k, min, max });
    let s: SettledColumns;
    try {
      // The placements are collected once settled (the lines own copies of their owner fields),
      // and the run hash is made once, piece after piece below, not by the engine too.
      s = settleMonthColumns(catalog, { placements }, job.month, { copyOwners: true, hash: false });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // A repeated id: reported, and the other pieces still read (an earlier error may win).
      post({ type: 'error', piece: k, read: false, error: asError(error) });
      failed = true;
      continue;
    }
    settled.set(k, s);
    const { total, providers, districts, refused, run, previousRuns, warnings } = s;
    // Without corrections each placement with lines has one owner: its total is made only when
    // written (`placements` would make them all now, to live until then).
    const counts = { placements: s.lines.owners.length, lines: s.lines.length };
    post({
      type: 'settled',
      piece: k,
      total,
      providers,
      districts,
      refused,
      run,
      previousRuns,
      warnings,
      counts,
    });
  }
  if (failed) return;
  const sections = job.pieces.length;
  // The run hash, piece after piece in file order (each continues the one before), made between
  // the chunks of formatting whenever the piece before is published, so that neither thread
  // idles waiting for the other's (the main thread needs it only for the output's end).
  const unhashed = [...job.mine];
  const hashOn = (wait: boolean) => {
    for (let k = unhashed[0]; k !== undefined; k = unhashed[0]) {
      let done = Atomics.load(ctl, CHAIN);
      if (done < k && !wait) return;
      for (; done < k; done = Atomics.load(ctl, CHAIN)) Atomics.wait(ctl, CHAIN, done, 100);
      const s = settled.get(k)!;
      const hash = continueRunHash(k > 0 ? hashAt(ctl, k - 1) : runHashStart(job.month), s.lines);
      publishHash(ctl, k, hash);
      if (k === last) post({ type: 'hash', hash });
      unhashed.shift();
    }
  };
  hashOn(false);
  // The output ring (settle-job.ts FREED): slot after slot, each handed over when full.
  const ring = Buffer.from(job.ring);
  let handed = 0;
  /** The next slot, once the writer has given it back. */
  const slot = (): Buffer => {
    const cell = FREED + job.worker;
    for (let freed = Atomics.load(ctl, cell); handed - freed >= SLOTS; freed = Atomics.load(ctl, cell)) {
      hashOn(false);
      Atomics.wait(ctl, cell, freed, 5);
    }
    const at = (handed % SLOTS) * SLOT_BYTES;
    return ring.subarray(at, at + SLOT_BYTES);
  };
  // Formatted in this thread's own memory, each full chunk copied into a slot at once: writing a
  // line's bytes one by one into shared memory cost a fifth more than into this buffer (V8 keeps
  // to word-wise copies there), the one copy a chunk 30 ms of 800 MB.
  const own = Buffer.allocUnsafeSlow(SLOT_BYTES);
  const section = (n: number, write: (out: Out) => void) => {
    const out = new Out(
      1,
      (chunk) => {
        if (chunk.length > SLOT_BYTES) {
          // Larger than a slot (one huge line): copied.
          post({ type: 'chunk', section: n, slot: -1, length: chunk.length, bytes: new Uint8Array(chunk) });
          return own;
        }
        slot().set(chunk);
        post({ type: 'chunk', section: n, slot: handed % SLOTS, length: chunk.length });
        handed++;
        hashOn(false);
        return own;
      },
      own,
    );
    write(out);
    out.flush();
    post({ type: 'end', section: n });
  };
  for (const k of job.mine)
    section(k, (out) => writeItems(out, job.format, settled.get(k)!, 'placements', job.explain));
  for (const k of job.mine)
    section(sections + k, (out) => writeItems(out, job.format, settled.get(k)!, 'lines', job.explain));
  hashOn(true);
  post({ type: 'done' });
}

// The models as the build parsed them (no YAML parser, no schema to load: #15 §3).
main(await shippedCatalog());
