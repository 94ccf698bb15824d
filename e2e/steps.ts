/**
 * Where the browser tests' time goes: with `E2E_STEPS=<file>` each timed step (starting the
 * server and Chromium, signing in, a page check's wait and its axe run) appends a JSON line
 * `{ file, step, ms }` to that file, summed per test file for docs/operations.md "Test suite".
 * Off by default; timings are never asserted.
 */
import { appendFileSync } from 'node:fs';
import { expect } from 'vitest';

const STEPS = process.env.E2E_STEPS;

/** Runs `fn`, and with `E2E_STEPS` set records how long it took under `step`. */
export async function timed<T>(step: string, fn: () => Promise<T>): Promise<T> {
  if (!STEPS) return fn();
  const start = performance.now();
  try {
    return await fn();
  } finally {
    const file = (expect.getState().testPath ?? '').split('/').pop();
    appendFileSync(STEPS, `${JSON.stringify({ file, step, ms: Math.round(performance.now() - start) })}\n`);
  }
}
