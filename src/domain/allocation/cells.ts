/**
 * The allocation per district, service and level (ALLOC-1, ALLOC-2) and its change since the
 * previous snapshot, with the clients behind each change (new, ended, level up, level down, moved
 * district). A person is one client in one service. Pure.
 */
import type { Ore } from '../money.js';
import { prorate, type SnapshotEntry } from './snapshot.js';

/** What happened to one client's service between two snapshots. */
export type ChangeKind = 'new' | 'ended' | 'up' | 'down' | 'moved';

/** One client's change. */
export interface ClientChange {
  clientId: number;
  service: string;
  kind: ChangeKind;
  from: { districtId: string; level: string } | null;
  to: { districtId: string; level: string } | null;
}

/** One cell: a district, service and level in this snapshot and the previous one. */
export interface AllocationCell {
  districtId: string;
  service: string;
  level: string;
  persons: number;
  schablonOre: Ore | null;
  annualOre: Ore;
  allocationOre: Ore;
  previousPersons: number;
  previousAllocationOre: Ore;
  /** How many clients entered (+) or left (−) this cell, by kind of change. */
  changes: Record<ChangeKind, number>;
}

const key = (e: { districtId: string; service: string; level: string }) =>
  `${e.districtId}\u0000${e.service}\u0000${e.level}`;
const personKey = (e: { clientId: number; service: string }) => `${e.clientId}\u0000${e.service}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The change of every client whose district or level differs between `previous` and `current`. */
export function clientChanges(previous: SnapshotEntry[], current: SnapshotEntry[]): ClientChange[] {
  const before = new Map(previous.map((e) => [personKey(e), e]));
  const after = new Map(current.map((e) => [personKey(e), e]));
  const out: ClientChange[] = [];
  const at = (e: SnapshotEntry) => ({ districtId: e.districtId, level: e.level });
  for (const [k, cur] of after) {
    const prev = before.get(k);
    if (!prev)
      out.push({ clientId: cur.clientId, service: cur.service, kind: 'new', from: null, to: at(cur) });
    else if (prev.districtId !== cur.districtId)
      out.push({ clientId: cur.clientId, service: cur.service, kind: 'moved', from: at(prev), to: at(cur) });
    else if (prev.level !== cur.level) {
      const up =
        prev.levelRank >= 0 && cur.levelRank >= 0 && prev.modelId === cur.modelId
          ? cur.levelRank > prev.levelRank
          : (cur.schablonOre ?? 0) >= (prev.schablonOre ?? 0);
      out.push({
        clientId: cur.clientId,
        service: cur.service,
        kind: up ? 'up' : 'down',
        from: at(prev),
        to: at(cur),
      });
    }
  }
  for (const [k, prev] of before)
    if (!after.has(k))
      out.push({ clientId: prev.clientId, service: prev.service, kind: 'ended', from: at(prev), to: null });
  return out.sort((a, b) => a.clientId - b.clientId || cmp(a.service, b.service));
}

/**
 * The cells of a snapshot beside the previous one (empty when there is none). The allocation of
 * each cell is persons × schablon prorated by the snapshot's coverage, rounded once per cell; the
 * previous allocation is the previous snapshot's own (its coverage).
 */
export function allocationCells(
  current: { entries: SnapshotEntry[]; coverage: { days: number; yearDays: number } },
  previous: { entries: SnapshotEntry[]; coverage: { days: number; yearDays: number } } | null,
): AllocationCell[] {
  const cells = new Map<string, AllocationCell>();
  const cell = (e: { districtId: string; service: string; level: string }) => {
    const k = key(e);
    let c = cells.get(k);
    if (!c) {
      c = {
        districtId: e.districtId,
        service: e.service,
        level: e.level,
        persons: 0,
        schablonOre: null,
        annualOre: 0,
        allocationOre: 0,
        previousPersons: 0,
        previousAllocationOre: 0,
        changes: { new: 0, ended: 0, up: 0, down: 0, moved: 0 },
      };
      cells.set(k, c);
    }
    return c;
  };
  for (const e of current.entries) {
    const c = cell(e);
    c.persons++;
    c.schablonOre = e.schablonOre;
    c.annualOre += e.schablonOre ?? 0;
  }
  const prevAnnual = new Map<string, number>();
  for (const e of previous?.entries ?? []) {
    const c = cell(e);
    c.previousPersons++;
    prevAnnual.set(key(e), (prevAnnual.get(key(e)) ?? 0) + (e.schablonOre ?? 0));
    if (c.schablonOre === null && c.persons === 0) c.schablonOre = e.schablonOre;
  }
  for (const [k, c] of cells) {
    c.allocationOre = prorate(c.annualOre, current.coverage);
    c.previousAllocationOre = previous ? prorate(prevAnnual.get(k) ?? 0, previous.coverage) : 0;
  }
  if (previous)
    for (const ch of clientChanges(previous.entries, current.entries)) {
      if (ch.to) cell({ ...ch.to, service: ch.service }).changes[ch.kind]++;
      if (ch.from) cell({ ...ch.from, service: ch.service }).changes[ch.kind]--;
    }
  return [...cells.values()].sort(
    (a, b) =>
      cmp(a.districtId, b.districtId) ||
      cmp(a.service, b.service) ||
      a.level.localeCompare(b.level, 'sv', { numeric: true }),
  );
}
