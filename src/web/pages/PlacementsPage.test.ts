import { describe, expect, it } from 'vitest';
import { filtersOf } from './PlacementsPage.js';

describe('filtersOf', () => {
  it.each([
    ['', {}],
    ['?visa=uppsagda', { status: 'notice' }],
    ['?niva=preliminar', { level: 'preliminary' }],
    ['?niva=saknas', { level: 'none' }],
    ['?visa=utan-niva', { level: 'none' }],
    ['?uppsagda=1', { status: 'notice' }],
    ['?visa=okand&niva=okand&status=x&manad=2025-13', {}],
    [
      '?stadsdel=bromma&utforare=U001&insats=lss-gruppbostad&status=avslutade&niva=slutlig&manad=2025-03',
      {
        districtId: 'bromma',
        providerId: 'U001',
        service: 'lss-gruppbostad',
        status: 'ended',
        level: 'final',
        month: '2025-03',
      },
    ],
  ])('%s → %j', (qs, expected) => {
    const got = Object.fromEntries(Object.entries(filtersOf(new URLSearchParams(qs))).filter(([, v]) => v));
    expect(got).toEqual(expected);
  });
});
