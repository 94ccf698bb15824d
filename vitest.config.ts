import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './vitest.sequencer.js';

// Unit tests live beside the code as *.test.ts; e2e browser tests run from e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bin/**/*.test.ts', 'e2e/**/*.test.ts'],
    reporters: ['default', './vitest.summary.ts'],
    sequence: { sequencer: LongFirstSequencer },
    // Every core (vitest's default leaves one idle: one worker on a 2-core machine), and test files
    // share a worker's loaded modules instead of importing the server afresh per file: measured on
    // src/server/routes, 2 cores, 166 s → 67 s (docs/operations.md "Test suite"). Files keep no
    // state between them: each opens its own database, app and temporary folders.
    maxWorkers: availableParallelism(),
    isolate: false,
    // Browser journeys need minutes where a unit test needs milliseconds; with shared modules a
    // file's vi.setConfig would not outlive the first file of a worker, so the bound is set here.
    // It only ends a hung test: timings are never asserted (benchmarks measure them).
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
