/**
 * Reconciliation snapshots (ALLOC-1, ALLOC-2): persons × schablon per district, service and level
 * under the model in force, prorated from the snapshot date to the year end, and the change since
 * the previous snapshot with the clients behind it (new, ended, up, down, moved).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { allocationCells, clientChanges } from './cells.js';
import { checkSnapshotDate, coverage, prorate, snapshotEntries, type SnapshotFact } from './snapshot.js';

const catalog = loadCatalog();
const fact = (
  clientId: number,
  districtId: string,
  service: string,
  points: number | null,
  level: string | null = null,
): SnapshotFact => ({
  clientId,
  placementId: clientId * 10,
  districtId,
  service,
  points,
  level,
  levelKind: 'final',
});

describe('reconciliation snapshots', () => {
  it('covers the snapshot date to the year end (both included)', () => {
    expect(coverage('2025-03-01')).toEqual({ days: 306, yearDays: 365 });
    expect(coverage('2024-08-01')).toEqual({ days: 153, yearDays: 366 });
    expect(coverage('2025-12-31')).toEqual({ days: 1, yearDays: 365 });
    expect(prorate(372_220_00, { days: 306, yearDays: 365 })).toBe(Math.round((37_222_000 * 306) / 365));
  });

  it('classifies points under the model in force and gives each level its schablon (ALLOC-1)', () => {
    const [a, b, c] = snapshotEntries(catalog, '2025-03-01', [
      fact(1, 'bromma', 'lss-servicebostad', 25),
      fact(2, 'bromma', 'lss-gruppbostad', null, '5'),
      fact(3, 'bromma', 'sp-boende', 20),
    ]);
    expect(a).toMatchObject({
      level: '2',
      modelId: 'lss-bostad-2024',
      schablonOre: 56_336_000,
      levelRank: 1,
    });
    expect(b).toMatchObject({ level: '5', schablonOre: 183_500_000 });
    expect(c).toMatchObject({ service: 'sp-boende', schablonOre: null }); // ALLOC-3: no schablon
    // The same points under the model in force in 2023 give the old levels.
    expect(
      snapshotEntries(catalog, '2023-03-01', [fact(1, 'bromma', 'lss-servicebostad', 25)])[0]!.modelId,
    ).toBe('lss-bostad-2023');
  });

  it('refuses a March snapshot dated outside March', () => {
    expect(() => checkSnapshotDate('march', '2025-04-01')).toThrow(
      expect.objectContaining({ id: 'reconciliation-date' }),
    );
    // The API sends it as it is: Swedish (issue #14 §2).
    expect(() => checkSnapshotDate('august', '2025-03-01')).toThrow(
      'date: En augustiavstämning dateras i augusti; ta ett utkast för andra datum',
    );
    expect(() => checkSnapshotDate('august', '2025-08-15')).not.toThrow();
    expect(() => checkSnapshotDate('draft', '2025-04-01')).not.toThrow();
  });

  it('reports each change with its clients and the cells it moves between', () => {
    const march = snapshotEntries(catalog, '2025-03-01', [
      fact(1, 'bromma', 'lss-servicebostad', 10), // level 1 → 3 (up)
      fact(2, 'bromma', 'lss-servicebostad', 40), // level 3 → 1 (down)
      fact(3, 'bromma', 'lss-servicebostad', 10), // moves to Kista
      fact(4, 'bromma', 'lss-servicebostad', 10), // ends
    ]);
    const august = snapshotEntries(catalog, '2025-08-01', [
      fact(1, 'bromma', 'lss-servicebostad', 40),
      fact(2, 'bromma', 'lss-servicebostad', 10),
      fact(3, 'kista', 'lss-servicebostad', 10),
      fact(5, 'kista', 'lss-servicebostad', 10), // new
    ]);
    expect(clientChanges(march, august).map((c) => [c.clientId, c.kind])).toEqual([
      [1, 'up'],
      [2, 'down'],
      [3, 'moved'],
      [4, 'ended'],
      [5, 'new'],
    ]);
    const cells = allocationCells(
      { entries: august, coverage: coverage('2025-08-01') },
      { entries: march, coverage: coverage('2025-03-01') },
    );
    const at = (d: string, l: string) => cells.find((c) => c.districtId === d && c.level === l)!;
    expect(at('bromma', '1')).toMatchObject({
      persons: 1,
      previousPersons: 3,
      changes: { new: 0, ended: -1, up: -1, down: 1, moved: -1 },
    });
    expect(at('kista', '1')).toMatchObject({ persons: 2, previousPersons: 0, changes: { new: 1, moved: 1 } });
    expect(at('kista', '1').annualOre).toBe(2 * 37_222_000);
    expect(at('kista', '1').allocationOre).toBe(prorate(2 * 37_222_000, coverage('2025-08-01')));
    expect(at('bromma', '1').previousAllocationOre).toBe(prorate(3 * 37_222_000, coverage('2025-03-01')));
    // Every cell's persons follow from the previous ones and the changes.
    for (const c of cells) {
      const net = Object.values(c.changes).reduce((s, n) => s + n, 0);
      expect(c.previousPersons + net).toBe(c.persons);
    }
  });
});
