import { describe, expect, it } from 'vitest';
import { FILTERS, filterOf } from './PlacementsPage.js';
import type { PlacementView } from '../../contract/placements.js';

describe('filterOf', () => {
  it.each([
    ['', 'alla'],
    ['?visa=uppsagda', 'uppsagda'],
    ['?niva=preliminar', 'preliminar'],
    ['?niva=saknas', 'utan-niva'],
    ['?uppsagda=1', 'uppsagda'],
    ['?visa=okand', 'alla'],
  ])('%s → %s', (qs, id) => expect(filterOf(new URLSearchParams(qs))).toBe(id));
});

describe('FILTERS', () => {
  const base: PlacementView = {
    id: 1,
    clientId: 1,
    clientName: 'Anna A',
    personnummerMasked: '19800101-****',
    districtId: 'bromma',
    protected: false,
    unitId: 1,
    unitName: 'Enheten',
    providerId: 'U001',
    providerName: 'Utföraren',
    service: 'lss-gruppbostad',
    regime: 'privat',
    start: '2025-01-01',
    end: null,
    noticeDate: null,
    noShow: false,
    currentLevel: null,
    version: 1,
  };
  it.each([
    ['utan-niva', base, true],
    ['utan-niva', { ...base, currentLevel: { points: 3, level: null, kind: 'final' } }, false],
    ['preliminar', { ...base, currentLevel: { points: 3, level: null, kind: 'preliminary' } }, true],
    ['uppsagda', { ...base, noticeDate: '2025-02-01' }, true],
    ['uppsagda', { ...base, noticeDate: '2025-02-01', end: '2025-02-05' }, false],
  ] as const)('%s(%j) = %s', (id, p, expected) =>
    expect(FILTERS[id].test(p as PlacementView)).toBe(expected),
  );
});
