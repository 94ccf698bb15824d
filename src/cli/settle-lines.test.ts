// The lines written by template from the column store (issue #15 §3) are byte for byte what
// presentLine and JSON.stringify write, for every kind of line (fast-check over all services,
// regimes, idle days, premises, evening/night hours, sessions, hours, individual rates, refused
// placements and corrections of an earlier month), in both output forms.
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../domain/rate-model/schema.js';
import { civilToDay, dayToIso } from '../domain/settlement/days.js';
import {
  parseSettlementInput,
  presentSettlement,
  previousFromResult,
  settleMonth,
  settleMonthColumns,
  withLines,
} from '../domain/settlement/settle.js';
import { loadCatalog } from '../models/load.js';
import { krText } from './settle-lines.js';
import { writeSettlement } from './settle-output.js';
import { formatOre } from '../contract/format.js';

const catalog = loadCatalog();
const dir = mkdtempSync(join(tmpdir(), 'settle-lines-'));
/** A placement around day `base` (the settled month's first day). */
function placementArb(id: string, base: number) {
  const iso = (d: number) => dayToIso(base + d);
  return fc
    .record({
      service: fc.constantFrom(...SERVICE_IDS),
      regime: fc.constantFrom('kommunal', 'entreprenad', 'privat'),
      start: fc.integer({ min: -90, max: 40 }),
      length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      notice: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
      points: fc.integer({ min: 0, max: 110 }),
      level: fc.constantFrom('1', '2', '3', 'grundpeng'),
      hours: fc.integer({ min: 1, max: 160 }).map((n) => n / 4),
      sessions: fc.integer({ min: 1, max: 5 }),
      evening: fc.array(
        fc.record({ day: fc.integer({ min: -5, max: 40 }), hours: fc.integer({ min: 1, max: 2400 }) }),
        {
          maxLength: 3,
        },
      ),
      courses: fc.array(fc.integer({ min: -5, max: 40 }), { maxLength: 3 }),
      individual: fc.option(fc.integer({ min: 100, max: 900_000 }), { nil: null }),
      provider: fc.constantFrom('U1', 'U2', 'Utförare "3"'),
      district: fc.constantFrom('Bromma', 'Kista', 'Södermalm'),
    })
    .map((g) => ({
      id,
      providerId: g.provider,
      district: g.district,
      service: g.service,
      regime: g.regime,
      start: iso(g.start),
      end: g.length === null ? null : iso(g.start + g.length),
      noticeDate: g.notice === null ? null : iso(g.start + g.notice),
      levels: [
        g.service.startsWith('lss-')
          ? { from: iso(g.start), points: g.points }
          : { from: iso(g.start), level: g.level },
      ],
      hoursPerWeek: [{ from: iso(g.start), hours: g.hours }],
      sessionsPerWeek: [{ from: iso(g.start), sessions: g.sessions }],
      // Only the facts a service takes (the others are refused: PAY-2 no-evening-night, …).
      eveningNightHours:
        g.service !== 'sp-stodboende'
          ? []
          : [...new Map(g.evening.map((e) => [e.day, e])).values()].map((e) => ({
              date: iso(e.day),
              hours: Math.min(e.hours, 2400) / 100,
            })),
      courseSessions: g.service === 'sp-cirkel' ? [...new Set(g.courses)].map(iso) : [],
      individualRates:
        g.individual === null ? [] : [{ from: iso(g.start), to: null, amount: g.individual / 100 }],
    }));
}

/** A month of 2024 or 2025 (the daily-activity proposal), and two inputs around it (now, earlier). */
const monthAndInputs = fc
  .record({
    year: fc.constantFrom(2024, 2025),
    month: fc.integer({ min: 1, max: 12 }),
    n: fc.integer({ min: 1, max: 10 }),
  })
  .chain(({ year, month, n }) => {
    const base = civilToDay(year, month, 1);
    const inputs = fc
      .tuple(...Array.from({ length: n }, (_, i) => placementArb(`P${i + 1}`, base)))
      .map((placements) => parseSettlementInput({ placements }));
    return fc.tuple(fc.constant(`${year}-${String(month).padStart(2, '0')}`), inputs, inputs);
  });
/** The month before `YYYY-MM`. */
const before = (month: string) => {
  const m = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 2;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

const written = (write: (fd: number) => void) => {
  const f = join(dir, 'out.txt');
  const fd = openSync(f, 'w');
  write(fd);
  closeSync(fd);
  return readFileSync(f, 'utf8');
};

describe('lines written from the column store', () => {
  it('are byte for byte presentLine and JSON.stringify, document and NDJSON, corrections too, with and without the explanation', () => {
    let lines = 0;
    let corrections = 0;
    fc.assert(
      fc.property(monthAndInputs, ([month, input, earlierInput]) => {
        const previous = [previousFromResult(settleMonth(catalog, earlierInput, before(month)), 'e.json')];
        const c = settleMonthColumns(catalog, input, month, { previous });
        const extra = { refused: c.refused };
        for (const explain of [true, false]) {
          const doc = { ...presentSettlement(withLines(c), explain), ...extra };
          if (explain) {
            lines += doc.lines.length;
            corrections += doc.lines.filter((l) => l.kind === 'correction').length;
          }
          expect(written((fd) => writeSettlement(fd, 'json', c, extra, { explain }))).toBe(
            `${JSON.stringify(doc, null, 2)}\n`,
          );
          const records = written((fd) => writeSettlement(fd, 'ndjson', c, extra, { explain })).split('\n');
          const lineRecords = records.filter((r) => r.startsWith('{"type":"line",'));
          expect(lineRecords).toEqual(doc.lines.map((l) => `{"type":"line",${JSON.stringify(l).slice(1)}`));
        }
      }),
      { numRuns: 200 },
    );
    expect(lines).toBeGreaterThan(300);
    expect(corrections).toBeGreaterThan(20);
  });

  it('writes öre as the explanations do (formatOre, plain spaces)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ noNaN: true })), (ore) => {
        expect(krText(ore)).toBe(formatOre(ore, { plain: true }));
      }),
      { numRuns: 2000 },
    );
  });
});
