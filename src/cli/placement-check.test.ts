// The CLI's fast placement check (issue #15 §3) against the contract's Zod schema (fast-check):
// whatever it accepts, the schema accepts with the very same object (fields, order, defaults);
// whatever the schema refuses, it leaves to the schema; the usual valid shapes it takes itself;
// and a file read through it gives the whole-document parse's placements or error, word for word.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlacementAt, parseSettlementInput } from '../domain/settlement/input.js';
import { readJson as whole } from './commands/settle.js';
import { checkPlacement, FAST_CHECK_ON } from './placement-check.js';
import { somePlacement } from './placement-arbitraries.js';
import { readSettlementInput } from './settle-input.js';

/** The schema's answer: the placement, or its error message. */
function zod(raw: unknown): { ok: unknown } | { error: string } {
  try {
    return { ok: parsePlacementAt(raw, 0, 'in.json') };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('the fast placement check', () => {
  it('is on: the schema has the fields it knows', () => expect(FAST_CHECK_ON).toBe(true));

  it('accepts only what the schema accepts, as the same object', () => {
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(somePlacement, (raw) => {
        const mine = checkPlacement(raw);
        const theirs = zod(raw);
        if ('error' in theirs) refused++;
        if (mine === undefined) return;
        fast++;
        expect(theirs).toStrictEqual({ ok: mine });
        expect(JSON.stringify(mine)).toBe(JSON.stringify((theirs as { ok: unknown }).ok)); // field order
      }),
      { numRuns: 4000 },
    );
    expect(fast).toBeGreaterThan(1000); // both sides were exercised
    expect(refused).toBeGreaterThan(1000);
  });

  it('takes the usual valid placements itself (the fast path is used)', () => {
    const valid = [
      {
        id: 'P1',
        providerId: 'U1',
        district: 'Bromma',
        service: 'lss-gruppbostad',
        regime: 'privat',
        start: '2024-01-15',
        levels: [{ from: '2024-01-15', points: 42 }],
      },
      {
        id: 'P2',
        clientId: 'C2',
        providerId: 'U1',
        district: 'Kista',
        service: 'sp-sysselsattning',
        regime: 'kommunal',
        start: '2024-01-15',
        end: '2024-12-31',
        noticeDate: null,
        noShow: false,
        levels: [
          { from: '2024-01-15', level: '2', kind: 'preliminary' },
          { from: '2024-03-01', level: '3', kind: 'final', assessedOn: '2024-02-20' },
        ],
        hoursPerWeek: [{ from: '2024-01-15', hours: 12.5 }],
        sessionsPerWeek: [{ from: '2024-01-15', sessions: 2 }],
        eveningNightHours: [{ date: '2024-03-05', hours: 4.25 }],
        courseSessions: ['2024-03-07'],
        individualRates: [{ from: '2024-02-01', to: null, amount: 5200.5 }],
        transitionToWork: [{ from: '2024-02-01', to: '2024-03-31' }],
        absences: [{ from: '2024-03-01', to: '2024-03-02', note: 'sjuk' }],
      },
    ];
    for (const p of valid) {
      const mine = checkPlacement(p);
      expect(mine).toBeDefined();
      expect(mine).toStrictEqual(parsePlacementAt(p, 0));
    }
  });

  it('reads a file to the whole-document parse’s placements or error, word for word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'placement-check-'));
    let n = 0;
    fc.assert(
      fc.property(fc.array(somePlacement, { maxLength: 4 }), fc.boolean(), (placements, nd) => {
        const doc = JSON.parse(JSON.stringify({ placements })) as { placements: unknown[] }; // as read
        const file = join(dir, `in${n++}.${nd ? 'ndjson' : 'json'}`);
        writeFileSync(
          file,
          nd ? placements.map((p) => JSON.stringify(p)).join('\n') : JSON.stringify(doc, null, 1),
        );
        const answer = (f: () => unknown) => {
          try {
            return { ok: f() };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        expect(answer(() => readSettlementInput(file, whole))).toStrictEqual(
          answer(() => parseSettlementInput(doc, file)),
        );
      }),
      { numRuns: 300 },
    );
  });
});
