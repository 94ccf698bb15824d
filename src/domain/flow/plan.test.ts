/** FLOW-2: the implementation plan's due date and when it is overdue. */
import { describe, expect, it } from 'vitest';
import { planDueDate, planOverdue } from './plan.js';

describe('implementation plan (FLOW-2)', () => {
  it('is due 15 days after the start, across month and year ends', () => {
    expect(planDueDate('2026-01-01')).toBe('2026-01-16');
    expect(planDueDate('2026-02-20')).toBe('2026-03-07');
    expect(planDueDate('2026-12-20')).toBe('2027-01-04');
  });
  it('is overdue only after its due date and while not done', () => {
    expect(planOverdue({ dueDate: '2026-01-16', doneOn: null }, '2026-01-16')).toBe(false);
    expect(planOverdue({ dueDate: '2026-01-16', doneOn: null }, '2026-01-17')).toBe(true);
    expect(planOverdue({ dueDate: '2026-01-16', doneOn: '2026-01-20' }, '2026-02-01')).toBe(false);
  });
});
