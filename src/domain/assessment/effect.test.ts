// ASMT-2, ASMT-4, ASMT-5 (level guarantee), ASMT-8: when a decided level takes effect.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { addMonths, defaultDueDate, effectiveFrom, type CaseKind } from './effect.js';

const catalog = loadCatalog();
const sp = catalog.get('sp-2010');
const lss = catalog.get('lss-bostad-2024');

describe('due dates', () => {
  it.each([
    ['final', '2024-01-15', '2024-01-10', null, '2024-04-15'],
    ['measurement', '2024-01-15', '2024-07-01', '2024-03-01', '2024-09-01'],
    ['measurement', '2024-01-15', '2024-07-01', null, '2024-07-15'],
    ['reassessment', '2024-01-15', '2024-05-31', '2024-03-01', '2024-06-30'],
  ] as const)('%s (start %s, opened %s, last level %s) is due %s', (kind, start, opened, last, due) => {
    expect(defaultDueDate(kind, start, opened, last)).toBe(due);
  });
  it('adds months clamping the day', () => expect(addMonths('2024-08-31', 6)).toBe('2025-02-28'));
});

describe('effectiveFrom', () => {
  const cases: [
    string,
    CaseKind,
    typeof sp,
    string,
    string,
    { level: string; from: string } | null,
    string,
    string,
  ][] = [
    [
      'final: the assessment date; ASMT-8 is applied by settlement',
      'final',
      lss,
      'lss-gruppbostad',
      '3',
      { level: '2', from: '2024-01-15' },
      '2024-03-20',
      'ASMT-8',
    ],
    [
      'SP measurement higher: at once',
      'measurement',
      sp,
      'sp-boende',
      '3',
      { level: '2', from: '2024-01-01' },
      '2024-03-01',
      'ASMT-5',
    ],
    [
      'SP measurement same: at once',
      'measurement',
      sp,
      'sp-boende',
      '2',
      { level: '2', from: '2024-01-01' },
      '2024-03-01',
      'ASMT-5',
    ],
    [
      'SP measurement lower: when six months from the grant have run',
      'measurement',
      sp,
      'sp-boende',
      '1',
      { level: '2', from: '2024-01-01' },
      '2024-07-01',
      'ASMT-5',
    ],
    [
      'SP lower after the guarantee ran: at once',
      'measurement',
      sp,
      'sp-boende',
      '1',
      { level: '2', from: '2023-01-01' },
      '2024-03-01',
      'ASMT-5',
    ],
    [
      'SP reassessment lower: the guarantee holds too',
      'reassessment',
      sp,
      'sp-boendestod',
      '1',
      { level: '3', from: '2024-02-10' },
      '2024-08-10',
      'ASMT-5',
    ],
    [
      'LSS reassessment lower: no guarantee in the model',
      'reassessment',
      lss,
      'lss-gruppbostad',
      '1',
      { level: '2', from: '2024-02-10' },
      '2024-03-01',
      'ASMT-4',
    ],
  ];
  it.each(cases)('%s', (_n, kind, model, service, newLevel, granted, from, rule) => {
    const e = effectiveFrom({
      kind,
      assessedOn: '2024-03-01',
      model,
      service: service as 'sp-boende',
      newLevel,
      granted,
    });
    if (kind === 'final') expect(e.from).toBe('2024-03-01');
    else expect(e.from).toBe(from);
    expect(e.rules).toEqual([rule]);
  });
});
