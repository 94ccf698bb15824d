// The column store (issue #15 §1): the lines it holds read back as the same objects, and the fused
// summary pass gives the totals and the run hash (PAY-9, PAY-10) computed from line objects.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { KINDS, LineStore } from './columns.js';
import { runHash } from './corrections.js';
import { explainLine } from './explain.js';
import {
  parseSettlementInput,
  previousFromResult,
  settleMonth,
  settleMonthColumns,
  withLines,
  type SettlementInput,
} from './settle.js';
import { addTotals, continueRunHash, runHashStart, summarizeColumns } from './summary.js';

const catalog = loadCatalog();

const input: SettlementInput = parseSettlementInput({
  placements: [
    {
      id: 'P2',
      providerId: 'U2',
      district: 'Kista',
      service: 'sp-stodboende',
      regime: 'privat',
      start: '2024-01-10',
      end: '2024-03-12',
      levels: [{ from: '2024-01-10', level: '2' }],
      eveningNightHours: [{ date: '2024-03-05', hours: 4 }],
    },
    {
      id: 'P1',
      providerId: 'U1',
      district: 'Bromma',
      service: 'lss-gruppbostad',
      regime: 'entreprenad',
      start: '2023-11-15',
      levels: [
        { from: '2023-11-15', points: 42 },
        { from: '2024-03-10', points: 12 },
      ],
    },
  ],
});

/** What an ordinary line by the day at a flat rate says, numbered in `store`. */
const ordinaryDay = (store: LineStore): number =>
  store.sayingId(
    0,
    0,
    store.units.id('dygn'),
    store.levels.id(null),
    store.infos.id({ interval: null, paidAs: 'privat', illustrative: false, model: 'm' }),
    store.ruleLists.id(['PAY-1']),
    store.sourceList.id({ rate: 's', level: null }),
  );

describe('column store (PAY-10)', () => {
  it('reads every line back as the object the engine used to make, in placement order', () => {
    const cols = settleMonthColumns(catalog, input, '2024-03');
    const lines = withLines(cols).lines;
    expect(lines.map((l) => l.placementId)).toEqual(['P1', 'P1', 'P2', 'P2', 'P2', 'P2', 'P2']);
    expect(lines[0]).toMatchObject({ kind: 'ordinary', from: '2024-03-01', to: '2024-03-09', level: '3' });
    expect(lines[1]).toMatchObject({ from: '2024-03-10', to: '2024-03-31', level: '1', daysInMonth: 31 });
    expect(lines.map((l) => l.kind)).toContain('evening-night');
    expect(settleMonth(catalog, input, '2024-03').lines).toEqual(lines);
    // The explanation is made on demand from the interned figures (never stored per line).
    expect(explainLine(cols.lines.line(0))).toMatch(/^Ordinarie 2024-03-01–2024-03-09: /);
  });

  it('PAY-9: the fused pass hashes and totals exactly as the line objects do, corrections sorted in', () => {
    const jan = previousFromResult(settleMonth(catalog, input, '2024-02'), 'feb.json');
    const moved = parseSettlementInput({
      placements: input.placements.map((p) =>
        p.id === 'P1' ? { ...p, levels: [{ from: '2023-11-15', points: 12 }] } : p,
      ),
    });
    const r = settleMonth(catalog, moved, '2024-03', { previous: [jan] });
    const kinds = r.lines.map((l) => `${l.placementId} ${l.kind}`);
    // The correction is made after every month's line, and sorted in after P1's own lines.
    expect(kinds.indexOf('P1 correction')).toBe(kinds.lastIndexOf('P1 ordinary') + 1);
    expect(kinds.indexOf('P1 correction')).toBeLessThan(kinds.indexOf('P2 ordinary'));
    expect(r.run.hash).toBe(runHash('2024-03', r.lines));
    const sum = (id: string) => r.lines.filter((l) => l.placementId === id).reduce((s, l) => s + l.amount, 0);
    expect(r.placements.map((p) => [p.id, p.total])).toEqual([
      ['P1', sum('P1')],
      ['P2', sum('P2')],
    ]);
    expect(r.total).toBe(sum('P1') + sum('P2'));
  });

  it('grows past its first capacity and keeps negative amounts and their hash', () => {
    const store = new LineStore(30, 2);
    const owner = store.addOwner({
      id: 'A',
      providerId: 'U1',
      district: 'D1',
      service: 'sp-stodboende',
      regime: 'privat',
    });
    const unit = store.units.id('dygn');
    const info = store.infos.id({ interval: null, paidAs: 'privat', illustrative: false, model: 'm' });
    const rules = store.ruleLists.id(['PAY-1']);
    const sources = store.sourceList.id({ rate: 's', level: null });
    for (let d = 0; d < 5; d++)
      store.push(
        owner,
        0,
        0,
        19800 + d,
        19800 + d,
        1,
        unit,
        -1234,
        -1234 - d,
        store.levels.id(null),
        info,
        rules,
        sources,
      );
    const s = summarizeColumns('2024-04', store, [], []);
    const lines = store.toLines();
    expect(lines).toHaveLength(5);
    expect(s.total).toBe(lines.reduce((t, l) => t + l.amount, 0));
    expect(s.run.hash).toBe(runHash('2024-04', lines));
    expect(s.providers).toEqual([{ id: 'U1', total: s.total }]);
  });

  it('hashes amounts beyond 32 bits and ids longer than its hash buffer as runHash does', () => {
    const store = new LineStore(31, 4);
    const id = `P${'x'.repeat(70_000)}`;
    const owner = store.addOwner({
      id,
      providerId: 'U1',
      district: 'D1',
      service: 'sp-stodboende',
      regime: 'privat',
    });
    const says = ordinaryDay(store);
    for (const amount of [2 ** 31 + 5, -(2 ** 31) - 3, 2 ** 40, 2 ** 60, -(2 ** 60), -0, 7])
      store.add(owner, says, 19800, 19801, 2, amount, amount);
    const s = summarizeColumns('2024-04', store, [], []);
    const lines = store.toLines();
    expect(s.run.hash).toBe(runHash('2024-04', lines));
    expect(s.placements).toEqual([{ id, total: s.total, providerId: 'U1', district: 'D1' }]);
  });

  it('totals many providers and districts by id, as adding line by line does (PAY-10)', () => {
    const store = new LineStore(31, 4);
    const says = ordinaryDay(store);
    const want = { providers: new Map<string, number>(), districts: new Map<string, number>() };
    for (let i = 0; i < 500; i++) {
      // Ids made anew per placement (as read from input), some alike, some only a prefix apart.
      const o = {
        id: `P${String(i).padStart(4, '0')}`,
        providerId: `U${(i * 7) % 131}${i % 3 === 0 ? '' : 'x'}`,
        district: `D${i % 17}`,
        service: 'sp-stodboende' as const,
        regime: 'privat' as const,
      };
      const owner = store.addOwner(o);
      store.add(owner, says, 19800, 19801, 2, 100, 100 + i);
      want.providers.set(o.providerId, (want.providers.get(o.providerId) ?? 0) + 100 + i);
      want.districts.set(o.district, (want.districts.get(o.district) ?? 0) + 100 + i);
    }
    const s = summarizeColumns('2024-04', store, [], []);
    const sorted = (m: Map<string, number>) =>
      [...m].map(([id, total]) => ({ id, total })).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(s.providers).toEqual(sorted(want.providers));
    expect(s.districts).toEqual(sorted(want.districts));
    expect(s.run.hash).toBe(runHash('2024-04', store.toLines()));
  });

  it('settles input out of order in id order, and a repeated id late in the input is an input error', () => {
    const many = parseSettlementInput({
      placements: Array.from({ length: 40 }, (_, i) => ({
        ...input.placements[i % 2]!,
        id: `P${String(i).padStart(2, '0')}`,
        providerId: `U${i % 7}`,
      })),
    });
    const inOrder = settleMonthColumns(catalog, many, '2024-03');
    expect(inOrder.run.hash).toBe(runHash('2024-03', inOrder.lines.toLines()));
    // The last one first, then the last one last: out of order only at the end.
    const list = many.placements;
    for (const moved of [
      [list.at(-1)!, ...list.slice(0, -1)],
      [...list.slice(0, -2), list.at(-1)!, list.at(-2)!],
    ])
      expect(settleMonth(catalog, { placements: moved }, '2024-03')).toEqual(withLines(inOrder));
    expect(() => settleMonthColumns(catalog, { placements: [...list, list.at(-1)!] }, '2024-03')).toThrow(
      /placerings-id "P39" förekommer två gånger/,
    );
  });

  it('settles in pieces as whole (#15 §3): copied owners, the run hash continued piece after piece', () => {
    const many = parseSettlementInput({
      placements: Array.from({ length: 30 }, (_, i) => ({
        ...input.placements[i % 2]!,
        id: `P${String(i).padStart(2, '0')}`,
      })),
    });
    const whole = settleMonthColumns(catalog, many, '2024-03');
    const list = many.placements;
    const pieces = [list.slice(0, 7), list.slice(7, 8), list.slice(8)].map((placements) =>
      settleMonthColumns(catalog, { placements }, '2024-03', { copyOwners: true, hash: false }),
    );
    let hash = runHashStart('2024-03');
    for (const p of pieces) {
      expect(p.run.hash).toBe('');
      // No owner is a placement's input object: nothing keeps the input once settled.
      for (const o of p.lines.owners) expect(list).not.toContain(o);
      hash = continueRunHash(hash, p.lines);
    }
    expect(hash).toBe(whole.run.hash);
    expect(pieces.flatMap((p) => p.lines.toLines())).toEqual(whole.lines.toLines());
    expect(pieces.flatMap((p) => p.placements)).toEqual(whole.placements);
    expect(addTotals(pieces.map((p) => p.providers))).toEqual(whole.providers);
    expect(pieces.reduce((n, p) => n + p.total, 0)).toBe(whole.total);
  });

  it('makes the per-placement totals on first read, equal to those of the line objects', () => {
    const cols = settleMonthColumns(catalog, input, '2024-03');
    const objects = settleMonth(catalog, input, '2024-03');
    expect(cols.placements).toEqual(objects.placements);
    expect(cols.placements).toBe(cols.placements); // made once
    expect(withLines(cols).placements).toEqual(objects.placements);
  });

  it('says what each line says through one interned number (the CLI’s line writer reads it)', () => {
    const s = settleMonthColumns(catalog, input, '2024-03').lines;
    for (let i = 0; i < s.length; i++) {
      const l = s.line(i);
      const x = s.saying[s.says[i]!]!;
      expect(KINDS[x.kind]).toBe(l.kind);
      expect([null, 'ordinary', 'idle'][x.basis]).toBe(l.basis);
      expect(s.units.list[x.unit]).toBe(l.unit);
      expect(s.levels.list[x.level]).toBe(l.level);
      expect(s.infos.list[x.info]!.model).toBe(l.model);
      expect(s.ruleLists.list[x.rules]).toBe(l.rules);
      expect(s.sourceList.list[x.sources]).toBe(l.sources);
    }
  });
});
