import { describe, expect, it } from 'vitest';
import { transitionLimit, visitProblem } from './transition.js';

describe('transition to work (SVC-4)', () => {
  it('ends six months after the start, less a day, clamping short months', () => {
    expect(transitionLimit('2026-01-15', 6)).toBe('2026-07-14');
    expect(transitionLimit('2025-08-31', 6)).toBe('2026-02-27');
    expect(transitionLimit('2026-03-01', 6)).toBe('2026-08-31');
  });
  it('takes visits inside the period only', () => {
    const t = { from: '2026-01-15', to: '2026-07-14' };
    expect(visitProblem('2026-01-15', t)).toBeNull();
    expect(visitProblem('2026-07-14', t)).toBeNull();
    expect(visitProblem('2026-07-15', t)).toContain('utanför');
    expect(visitProblem('2026-01-14', t)).toContain('2026-01-15–2026-07-14');
  });
});
