/**
 * Test files in an order that keeps both workers busy to the end: on a clean clone (CI) vitest
 * knows no durations and starts the largest files first, so the longest ones (the Swedish guard
 * crawling every page for every role, the 100 000-row import, the route fuzz, the browser
 * journeys) could start last and run alone. They start first here; with a cache of earlier runs, vitest's own longest-first order
 * decides among the rest.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Known long files, longest first (measured on a clean clone, 2026-11-30: docs/operations.md
 * "Test suite"). A long file left to the end runs alone: the 100 000-row import (110 s) did, for
 * 100 s of a 1 059 s run, because it is a small file vitest starts late.
 */
const LONG = [
  /e2e\/swedish-guard\.test\.ts$/,
  /src\/server\/imports\/bulk\.test\.ts$/,
  /src\/server\/fuzz\/routes\.test\.ts$/,
  /e2e\/.*\.test\.ts$/,
  /src\/server\/lifecycle\.test\.ts$/,
  /src\/db\/backup\.test\.ts$/,
  /src\/cli\/settle-threads\.test\.ts$/,
  /src\/build\/built-cli\.test\.ts$/,
  /src\/server\/imports\/xlsx-guard\.test\.ts$/,
];

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONG.findIndex((re) => re.test(f.moduleId));
      return i === -1 ? LONG.length : i;
    };
    // Array.prototype.sort is stable: within a rank vitest's order stays.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
