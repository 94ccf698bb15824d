/**
 * What the main thread of `settle` and its worker threads say to each other (settle-threads.ts,
 * settle-worker.ts): the job, the messages, and the shared memory that orders the run hash and
 * bounds the output waiting to be written.
 */
import type { FactProblem } from '../domain/settlement/problems.js';
import type { SettlementResult, Total } from '../domain/settlement/types.js';
import type { Piece } from './settle-input.js';
import type { Format } from './settle-output.js';

/** One worker's share: its pieces (numbers into `pieces`, in file order). */
export interface Job {
  file: string;
  month: string;
  format: Format;
  explain: boolean;
  pieces: Piece[];
  mine: number[];
  /** 0 or 1: its counter of queued bytes in `ctl`. */
  worker: number;
  /** Int32 cells: see {@link CHAIN}, {@link FREED}, {@link hashAt}. */
  ctl: SharedArrayBuffer;
  /** This worker's output ring: {@link SLOTS} slots of {@link SLOT_BYTES} (see {@link FREED}). */
  ring: SharedArrayBuffer;
}

/** A worker's message to the main thread. */
export type FromWorker =
  | { type: 'read'; piece: number; min: string | null; max: string | null }
  /** The piece cannot be read on its own: read the file on one thread. */
  | { type: 'stop'; piece: number }
  | {
      type: 'error';
      piece: number;
      read: boolean;
      error: { id: string; where: string | null; message: string };
    }
  | {
      type: 'settled';
      piece: number;
      total: number;
      providers: Total[];
      districts: Total[];
      refused: FactProblem[];
      /** Its hash is the run's only for the first piece (see `hash`). */
      run: SettlementResult['run'];
      previousRuns: SettlementResult['previousRuns'];
      warnings: string[];
      counts: { placements: number; lines: number };
    }
  /** The run hash after the last piece: the run's. */
  | { type: 'hash'; hash: string }
  /**
   * Output section `section`'s next bytes: `length` bytes of the worker's ring slot `slot`
   * (given back by counting it in {@link FREED}), or `bytes` (copied: a chunk larger than a slot).
   */
  | { type: 'chunk'; section: number; slot: number; length: number; bytes?: Uint8Array }
  | { type: 'end'; section: number }
  | { type: 'done' };

/** Cell: how many pieces' run hashes are published (each continues the one before). */
export const CHAIN = 0;
/**
 * Cells: the ring slots of a worker's output the main thread has written and given back (one
 * per worker). A worker fills its slots in turn and hands each over by message; the main thread
 * writes them in the worker's order, so slot `n % SLOTS` is free again once `n - SLOTS + 1` are
 * given back. No buffer is made or moved per chunk, and a worker at most {@link SLOTS} ahead of
 * the writer waits (memory stays bounded).
 */
export const FREED = 1;
/** Slots of a worker's output ring. */
export const SLOTS = 128;
/** Bytes of a slot. */
export const SLOT_BYTES = 1 << 20;
const HASHES = 3;

/** The shared memory for `pieces` pieces. */
export function control(pieces: number): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * (HASHES + 2 * pieces));
}

/** The run hash after piece `k` (16 hex digits, as `run.hash`). */
export function hashAt(ctl: Int32Array, k: number): string {
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return hex(Atomics.load(ctl, HASHES + 2 * k)) + hex(Atomics.load(ctl, HASHES + 2 * k + 1));
}

/** Publishes the run hash after piece `k` (the pieces before it are published). */
export function publishHash(ctl: Int32Array, k: number, hash: string): void {
  Atomics.store(ctl, HASHES + 2 * k, Number.parseInt(hash.slice(0, 8), 16) | 0);
  Atomics.store(ctl, HASHES + 2 * k + 1, Number.parseInt(hash.slice(8, 16), 16) | 0);
  Atomics.store(ctl, CHAIN, k + 1);
  Atomics.notify(ctl, CHAIN);
}
