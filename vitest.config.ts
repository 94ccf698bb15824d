import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './vitest.sequencer.js';

// Unit tests live beside the code as *.test.ts; e2e browser tests run from e2e/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bin/**/*.test.ts', 'e2e/**/*.test.ts'],
    reporters: ['default', './vitest.summary.ts'],
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
