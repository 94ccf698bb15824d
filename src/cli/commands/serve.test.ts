/**
 * The start banner of `serve`: a database created with --no-demo holds the districts and the
 * admin account only, and the banner says so instead of announcing demo data.
 */
import { describe, expect, it } from 'vitest';
import { seededLine } from './serve.js';

const created = { districts: 13, providers: 0, units: 0, clients: 0, placements: 0 };

describe('serve banner', () => {
  it('announces demo data only when it was filled in', () => {
    expect(seededLine({ ...created, providers: 60, clients: 1968, placements: 2055 }, true)).toBe(
      'Ny databas med demodata: 13 stadsdelar, 60 utförare, 1968 brukare, 2055 placeringar',
    );
    expect(seededLine(created, false)).toBe(
      'Ny databas utan demodata (--no-demo): 13 stadsdelar och kontot admin',
    );
  });
});
