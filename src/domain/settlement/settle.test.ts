// Hand-computed settlement cases (domain.md §7): one row per rule and boundary. Figures from
// rates.md; every expected amount is worked out in the comment beside it.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { ModelCatalog } from '../rate-model/catalog.js';
import type { RateModel } from '../rate-model/types.js';
import { parseSettlementInput, settleMonth, type SettlementResult } from './settle.js';

const catalog = loadCatalog();

function settle(p: Record<string, unknown>, month: string, cat: ModelCatalog = catalog): SettlementResult {
  const input = parseSettlementInput({ placements: [{ id: 'P1', providerId: 'U1', district: 'D1', ...p }] });
  return settleMonth(cat, input, month);
}

/** Lines as `kind[/basis] from..to quantity unit × rate = amount level [rules]` in kronor. */
const brief = (r: SettlementResult) =>
  r.lines.map(
    (l) =>
      `${l.kind}${l.basis ? `/${l.basis}` : ''} ${l.from}..${l.to} ${l.quantity} ${l.unit} × ${l.rate / 100} = ${l.amount / 100} L${l.level ?? '-'} ${l.model}`,
  );

/** A catalog with one model's settlement rules or dates changed (to reach a boundary the shipped models do not have). */
function variant(edits: Record<string, (m: RateModel) => RateModel>): ModelCatalog {
  return new ModelCatalog(catalog.models.map((m) => (edits[m.id] ? edits[m.id]!(m) : m)));
}

interface Case {
  name: string;
  placement: Record<string, unit>;
  month: string;
  lines: string[];
  total: number;
  rules?: string[][];
  cat?: ModelCatalog;
}
type unit = unknown;

const lv = (from: string, points: number) => [{ from, points }];

const cases: Case[] = [
  {
    name: 'PAY-2 LSS group home, private, whole month (42 points = level 3 in 2024)',
    placement: {
      service: 'lss-gruppbostad',
      regime: 'privat',
      start: '2024-01-15',
      levels: lv('2024-01-15', 42),
    },
    month: '2024-03',
    // 31 × 2 763 = 85 653
    lines: ['ordinary 2024-03-01..2024-03-31 31 dygn × 2763 = 85653 L3 lss-bostad-2024'],
    total: 85653,
    rules: [['PAY-1', 'PAY-2', 'SVC-1', 'LVL-1']],
  },
  {
    name: 'PAY-1 first day included, entreprenad (LSS service flat 25 points: level 2 in 2023)',
    placement: {
      service: 'lss-servicebostad',
      regime: 'entreprenad',
      start: '2023-12-20',
      levels: lv('2023-12-20', 25),
    },
    month: '2023-12',
    // 12 × 1 329 = 15 948
    lines: ['ordinary 2023-12-20..2023-12-31 12 dygn × 1329 = 15948 L2 lss-bostad-2023'],
    total: 15948,
  },
  {
    name: 'LVL-3 model change at new year: same points, new level and rate in January',
    placement: {
      service: 'lss-servicebostad',
      regime: 'entreprenad',
      start: '2023-12-20',
      levels: lv('2023-12-20', 25),
    },
    month: '2024-01',
    // 31 × 1 536 = 47 616
    lines: ['ordinary 2024-01-01..2024-01-31 31 dygn × 1536 = 47616 L2 lss-bostad-2024'],
    total: 47616,
  },
  {
    name: 'PAY-2 a model change inside a month splits it (2024 model moved to 2024-01-15)',
    placement: {
      service: 'lss-gruppbostad',
      regime: 'kommunal',
      start: '2023-12-01',
      levels: lv('2023-12-01', 45),
    },
    month: '2024-01',
    // 14 × 2 640 (2023 level 3) + 17 × 2 486 (2024 level 3) = 36 960 + 42 262 = 79 222
    lines: [
      'ordinary 2024-01-01..2024-01-14 14 dygn × 2640 = 36960 L3 lss-bostad-2023',
      'ordinary 2024-01-15..2024-01-31 17 dygn × 2486 = 42262 L3 lss-bostad-2024',
    ],
    total: 79222,
    cat: variant({
      'lss-bostad-2023': (m) => ({ ...m, validTo: '2024-01-14' }),
      'lss-bostad-2024': (m) => ({ ...m, validFrom: '2024-01-15' }),
    }),
  },
  {
    name: 'PAY-2 level change mid-month (social psychiatry housing, municipal)',
    placement: {
      service: 'sp-boende',
      regime: 'kommunal',
      start: '2024-01-01',
      levels: [
        { from: '2024-01-01', points: 10 },
        { from: '2024-03-11', points: 20 },
      ],
    },
    month: '2024-03',
    // 10 × 1 025 + 21 × 1 245 = 10 250 + 26 145 = 36 395
    lines: [
      'ordinary 2024-03-01..2024-03-10 10 dygn × 1025 = 10250 L1 sp-2010',
      'ordinary 2024-03-11..2024-03-31 21 dygn × 1245 = 26145 L2 sp-2010',
    ],
    total: 36395,
  },
  {
    name: 'PAY-3 leap February, housing support from the 15th; entreprenad paid as kommunal (SVC-2)',
    placement: {
      service: 'sp-boendestod',
      regime: 'entreprenad',
      start: '2024-02-15',
      levels: lv('2024-02-15', 20),
    },
    month: '2024-02',
    // 6 160 × 15/29 = 3 186,2069 → 3 186,21; premises 12 × 11 weekdays (15-16, 19-23, 26-29) = 132
    lines: [
      'ordinary 2024-02-15..2024-02-29 0.5172 month × 6160 = 3186.21 L2 sp-2010',
      'premises/ordinary 2024-02-15..2024-02-29 11 weekday × 12 = 132 L2 sp-2010',
    ],
    total: 3318.21,
    rules: [
      ['PAY-1', 'PAY-3', 'SVC-1', 'SVC-2', 'LVL-1'],
      ['PAY-8', 'RATE-5'],
    ],
  },
  {
    name: 'PAY-3 ordinary February (28 days)',
    placement: {
      service: 'sp-boendestod',
      regime: 'kommunal',
      start: '2023-02-15',
      levels: lv('2023-02-15', 20),
    },
    month: '2023-02',
    // 6 160 × 14/28 = 3 080; weekdays 15-17, 20-24, 27-28 = 10 × 12 = 120
    lines: [
      'ordinary 2023-02-15..2023-02-28 0.5 month × 6160 = 3080 L2 sp-2010',
      'premises/ordinary 2023-02-15..2023-02-28 10 weekday × 12 = 120 L2 sp-2010',
    ],
    total: 3200,
  },
  {
    name: 'PAY-5 idle week crossing the month end (private housing with premises on idle days)',
    placement: {
      service: 'sp-boende',
      regime: 'privat',
      start: '2023-06-01',
      end: '2024-01-28',
      levels: lv('2023-06-01', 20),
    },
    month: '2024-01',
    // 28 × 1 275 + 28 × 50 + idle 29-31: 3 × 1 050 (level 1) + 3 × 50 = 35 700 + 1 400 + 3 150 + 150
    lines: [
      'ordinary 2024-01-01..2024-01-28 28 dygn × 1275 = 35700 L2 sp-2010',
      'premises/ordinary 2024-01-01..2024-01-28 28 dygn × 50 = 1400 L2 sp-2010',
      'idle 2024-01-29..2024-01-31 3 dygn × 1050 = 3150 L1 sp-2010',
      'premises/idle 2024-01-29..2024-01-31 3 dygn × 50 = 150 L1 sp-2010',
    ],
    total: 40400,
  },
  {
    name: 'PAY-5 the idle week continues into the next month',
    placement: {
      service: 'sp-boende',
      regime: 'privat',
      start: '2023-06-01',
      end: '2024-01-28',
      levels: lv('2023-06-01', 20),
    },
    month: '2024-02',
    // 4 × 1 050 + 4 × 50
    lines: [
      'idle 2024-02-01..2024-02-04 4 dygn × 1050 = 4200 L1 sp-2010',
      'premises/idle 2024-02-01..2024-02-04 4 dygn × 50 = 200 L1 sp-2010',
    ],
    total: 4400,
  },
  {
    name: 'PAY-5 premises on idle days switched off (model parameter premisesOnIdleDays)',
    placement: {
      service: 'sp-boende',
      regime: 'privat',
      start: '2023-06-01',
      end: '2024-01-28',
      levels: lv('2023-06-01', 20),
    },
    month: '2024-02',
    // 4 × 1 050, no premises
    lines: ['idle 2024-02-01..2024-02-04 4 dygn × 1050 = 4200 L1 sp-2010'],
    total: 4200,
    cat: variant({
      'sp-2010': (m) => ({ ...m, settlement: { ...m.settlement, premisesOnIdleDays: false } }),
    }),
  },
  {
    name: 'PAY-6 notice after move-out: full pay to notice + 4, then 7 idle days',
    placement: {
      service: 'sp-stodboende',
      regime: 'kommunal',
      start: '2024-01-01',
      end: '2024-03-10',
      noticeDate: '2024-03-12',
      levels: lv('2024-01-01', 20),
    },
    month: '2024-03',
    // 10 × 395 + 6 × 395 (11-16, PAY-6) + 7 × 300 (17-23, level 1) = 3 950 + 2 370 + 2 100
    lines: [
      'ordinary 2024-03-01..2024-03-10 10 day × 395 = 3950 L2 sp-2010',
      'ordinary 2024-03-11..2024-03-16 6 day × 395 = 2370 L2 sp-2010',
      'idle 2024-03-17..2024-03-23 7 day × 300 = 2100 L1 sp-2010',
    ],
    total: 8420,
    rules: [
      ['PAY-1', 'PAY-2', 'SVC-1', 'LVL-1'],
      ['PAY-1', 'PAY-2', 'SVC-1', 'LVL-1', 'PAY-6'],
      ['PAY-5', 'PAY-2', 'SVC-1'],
    ],
  },
  {
    name: 'PAY-6 notice well before move-out changes nothing',
    placement: {
      service: 'sp-stodboende',
      regime: 'kommunal',
      start: '2024-01-01',
      end: '2024-03-10',
      noticeDate: '2024-03-01',
      levels: lv('2024-01-01', 20),
    },
    month: '2024-03',
    // 10 × 395 + idle 11-17: 7 × 300
    lines: [
      'ordinary 2024-03-01..2024-03-10 10 day × 395 = 3950 L2 sp-2010',
      'idle 2024-03-11..2024-03-17 7 day × 300 = 2100 L1 sp-2010',
    ],
    total: 6050,
  },
  {
    name: 'PAY-7 no-show, notice in time (day 5): 14 days, then 7 idle days',
    placement: {
      service: 'sp-boende',
      regime: 'kommunal',
      start: '2024-04-01',
      noShow: true,
      noticeDate: '2024-04-05',
      levels: lv('2024-04-01', 20),
    },
    month: '2024-04',
    // 14 × 1 245 + 7 × 1 025 = 17 430 + 7 175
    lines: [
      'ordinary 2024-04-01..2024-04-14 14 dygn × 1245 = 17430 L2 sp-2010',
      'idle 2024-04-15..2024-04-21 7 dygn × 1025 = 7175 L1 sp-2010',
    ],
    total: 24605,
    rules: [
      ['PAY-1', 'PAY-2', 'SVC-1', 'LVL-1', 'PAY-7'],
      ['PAY-5', 'PAY-2', 'SVC-1'],
    ],
  },
  {
    name: 'PAY-7 no-show with late notice (day 12): full pay to day 16',
    placement: {
      service: 'sp-boende',
      regime: 'kommunal',
      start: '2024-04-01',
      noShow: true,
      noticeDate: '2024-04-12',
      levels: lv('2024-04-01', 20),
    },
    month: '2024-04',
    // 14 × 1 245 + 2 × 1 245 (15-16, PAY-6) + 7 × 1 025
    lines: [
      'ordinary 2024-04-01..2024-04-14 14 dygn × 1245 = 17430 L2 sp-2010',
      'ordinary 2024-04-15..2024-04-16 2 dygn × 1245 = 2490 L2 sp-2010',
      'idle 2024-04-17..2024-04-23 7 dygn × 1025 = 7175 L1 sp-2010',
    ],
    total: 27095,
  },
  {
    name: 'PAY-12 no-show in LSS (rule off by default): nothing is paid',
    placement: {
      service: 'lss-gruppbostad',
      regime: 'kommunal',
      start: '2024-04-01',
      noShow: true,
      levels: lv('2024-04-01', 20),
    },
    month: '2024-04',
    lines: [],
    total: 0,
  },
  {
    name: 'PAY-12 LSS move-out: no idle days by default',
    placement: {
      service: 'lss-gruppbostad',
      regime: 'kommunal',
      start: '2024-01-01',
      end: '2024-04-10',
      levels: lv('2024-01-01', 20),
    },
    month: '2024-04',
    // 10 × 1 289
    lines: ['ordinary 2024-04-01..2024-04-10 10 dygn × 1289 = 12890 L1 lss-bostad-2024'],
    total: 12890,
  },
  {
    name: 'PAY-8 private supported housing with premises and evening/night hours (RATE-5, RATE-6)',
    placement: {
      service: 'sp-stodboende',
      regime: 'privat',
      start: '2024-01-01',
      levels: lv('2024-01-01', 20),
      eveningNightHours: [
        { date: '2024-04-05', hours: 4 },
        { date: '2024-04-06', hours: 3.5 },
      ],
    },
    month: '2024-04',
    // 30 × 404 + 30 × 38 + 7,5 h × 328 = 12 120 + 1 140 + 2 460
    lines: [
      'ordinary 2024-04-01..2024-04-30 30 day × 404 = 12120 L2 sp-2010',
      'premises/ordinary 2024-04-01..2024-04-30 30 day × 38 = 1140 L2 sp-2010',
      'evening-night 2024-04-05..2024-04-06 7.5 hour × 328 = 2460 L- sp-2010',
    ],
    total: 15720,
  },
  {
    name: 'LVL-6 individual rate from the 11th above 60 points, premises still paid',
    placement: {
      service: 'sp-boende',
      regime: 'privat',
      start: '2024-01-01',
      levels: lv('2024-01-01', 65),
      individualRates: [{ from: '2024-05-11', to: null, amount: 2000 }],
    },
    month: '2024-05',
    // 10 × 1 382 + 21 × 2 000 + 31 × 50 = 13 820 + 42 000 + 1 550
    lines: [
      'ordinary 2024-05-01..2024-05-10 10 dygn × 1382 = 13820 L3 sp-2010',
      'premises/ordinary 2024-05-01..2024-05-10 10 dygn × 50 = 500 L3 sp-2010',
      'ordinary 2024-05-11..2024-05-31 21 dygn × 2000 = 42000 L3 sp-2010',
      'premises/ordinary 2024-05-11..2024-05-31 21 dygn × 50 = 1050 L3 sp-2010',
    ],
    total: 57370,
  },
  {
    name: 'LVL-7 LSS special accounting replaces the level rate for its period',
    placement: {
      service: 'lss-gruppbostad',
      regime: 'kommunal',
      start: '2024-01-01',
      levels: lv('2024-01-01', 90),
      individualRates: [{ from: '2024-06-01', to: '2024-06-20', amount: 6000.5 }],
    },
    month: '2024-06',
    // 20 × 6 000,50 + 10 × 4 634 = 120 010 + 46 340
    lines: [
      'ordinary 2024-06-01..2024-06-20 20 dygn × 6000.5 = 120010 L5 lss-bostad-2024',
      'ordinary 2024-06-21..2024-06-30 10 dygn × 4634 = 46340 L5 lss-bostad-2024',
    ],
    total: 166350,
  },
  {
    name: 'SVC-3 daily activity, participation change mid-month (30 h, then 8 h = 63 %)',
    placement: {
      service: 'lss-daglig-verksamhet',
      regime: 'kommunal',
      start: '2025-01-01',
      levels: lv('2025-01-01', 40),
      hoursPerWeek: [
        { from: '2025-01-01', hours: 30 },
        { from: '2025-03-17', hours: 8 },
      ],
    },
    month: '2025-03',
    // 19 500 × 16/31 = 10 064,516 → 10 064,52; month total (19 500 × 16 + 12 285 × 15)/31 = 16 008,871 → 16 008,87
    lines: [
      'ordinary 2025-03-01..2025-03-16 0.5161 month × 19500 = 10064.52 L3 lss-daglig-verksamhet-2025',
      'ordinary 2025-03-17..2025-03-31 0.4839 month × 12285 = 5944.35 L3 lss-daglig-verksamhet-2025',
    ],
    total: 16008.87,
  },
  {
    name: 'SVC-3 hours change inside the same interval: one line',
    placement: {
      service: 'lss-daglig-verksamhet',
      regime: 'kommunal',
      start: '2025-01-01',
      levels: lv('2025-01-01', 40),
      hoursPerWeek: [
        { from: '2025-01-01', hours: 30 },
        { from: '2025-03-17', hours: 35 },
      ],
    },
    month: '2025-03',
    lines: ['ordinary 2025-03-01..2025-03-31 1 month × 19500 = 19500 L3 lss-daglig-verksamhet-2025'],
    total: 19500,
  },
  {
    name: 'SVC-4 transition to work: level 1 at 1-10 h/week whatever the assessed level',
    placement: {
      service: 'lss-daglig-verksamhet',
      regime: 'kommunal',
      start: '2025-01-01',
      levels: lv('2025-01-01', 60),
      hoursPerWeek: [{ from: '2025-01-01', hours: 30 }],
      transitionToWork: [{ from: '2025-03-01', to: '2025-08-31' }],
    },
    month: '2025-03',
    // 12 000 × 0,63 = 7 560
    lines: ['ordinary 2025-03-01..2025-03-31 1 month × 7560 = 7560 L1 lss-daglig-verksamhet-2025'],
    total: 7560,
  },
  {
    name: 'PAY-4 occupation per session (2010 model): 3 sessions/week over 23 weekdays of May 2019',
    placement: {
      service: 'sp-sysselsattning',
      regime: 'kommunal',
      start: '2019-01-01',
      levels: lv('2019-01-01', 12),
      sessionsPerWeek: [{ from: '2019-01-01', sessions: 3 }],
    },
    month: '2019-05',
    // 3 × 23 / 5 = 13,8 sessions × 370 = 5 106; premises 13,8 × 25 = 345
    lines: [
      'ordinary 2019-05-01..2019-05-31 13.8 session × 370 = 5106 L2 sp-2010',
      'premises/ordinary 2019-05-01..2019-05-31 13.8 session × 25 = 345 L2 sp-2010',
    ],
    total: 5451,
  },
  {
    name: 'PAY-4 sessions counted as 4,3 weeks a month (model parameter sessionCount)',
    placement: {
      service: 'sp-sysselsattning',
      regime: 'kommunal',
      start: '2019-01-01',
      levels: lv('2019-01-01', 12),
      sessionsPerWeek: [{ from: '2019-01-01', sessions: 3 }],
    },
    month: '2019-05',
    // 3 × 4,3 = 12,9 sessions × 370 = 4 773; premises 12,9 × 25 = 322,50
    lines: [
      'ordinary 2019-05-01..2019-05-31 12.9 session × 370 = 4773 L2 sp-2010',
      'premises/ordinary 2019-05-01..2019-05-31 12.9 session × 25 = 322.5 L2 sp-2010',
    ],
    total: 5095.5,
    cat: variant({
      'sp-2010': (m) => ({ ...m, settlement: { ...m.settlement, sessionCount: 'weeks-4.3' } }),
    }),
  },
  {
    name: 'RATE-7 occupation from 2019-07-01: fixed monthly amount, premises prorated from the 16th',
    placement: { service: 'sp-sysselsattning', regime: 'privat', start: '2019-07-16' },
    month: '2019-07',
    // 4 576 × 16/31 = 2 361,806 → 2 361,81; 358 × 16/31 = 184,774 → 184,77
    lines: [
      'ordinary 2019-07-16..2019-07-31 0.5161 month × 4576 = 2361.81 L- sp-sysselsattning-2019',
      'premises/ordinary 2019-07-16..2019-07-31 0.5161 month × 358 = 184.77 L- sp-sysselsattning-2019',
    ],
    total: 2546.58,
  },
  {
    name: 'PAY-4 study circle: course sessions held, no idle after the end (PAY-5)',
    placement: {
      service: 'sp-cirkel',
      regime: 'privat',
      start: '2024-03-01',
      end: '2024-03-21',
      courseSessions: ['2024-03-07', '2024-03-14', '2024-03-21'],
    },
    month: '2024-03',
    // 3 × 82
    lines: ['ordinary 2024-03-01..2024-03-21 3 course-session × 82 = 246 L- sp-2010'],
    total: 246,
  },
  {
    name: 'ASMT-8 final level from the start date (default) replaces the preliminary one',
    placement: {
      service: 'sp-boende',
      regime: 'kommunal',
      start: '2024-01-01',
      levels: [
        { from: '2024-01-01', points: 10, kind: 'preliminary' },
        { from: '2024-03-15', points: 20, kind: 'final', assessedOn: '2024-03-15' },
      ],
    },
    month: '2024-03',
    // 31 × 1 245
    lines: ['ordinary 2024-03-01..2024-03-31 31 dygn × 1245 = 38595 L2 sp-2010'],
    total: 38595,
  },
  {
    name: 'ASMT-8 final level from the assessment date (model parameter)',
    placement: {
      service: 'sp-boende',
      regime: 'kommunal',
      start: '2024-01-01',
      levels: [
        { from: '2024-01-01', points: 10, kind: 'preliminary' },
        { from: '2024-03-15', points: 20, kind: 'final', assessedOn: '2024-03-15' },
      ],
    },
    month: '2024-03',
    // 14 × 1 025 + 17 × 1 245 = 14 350 + 21 165
    lines: [
      'ordinary 2024-03-01..2024-03-14 14 dygn × 1025 = 14350 L1 sp-2010',
      'ordinary 2024-03-15..2024-03-31 17 dygn × 1245 = 21165 L2 sp-2010',
    ],
    total: 35515,
    cat: variant({
      'sp-2010': (m) => ({ ...m, settlement: { ...m.settlement, finalLevelEffect: 'assessment-date' } }),
    }),
  },
  {
    name: 'PAY-5 with idle place switched on for LSS (PAY-12 as a model parameter)',
    placement: {
      service: 'lss-gruppbostad',
      regime: 'privat',
      start: '2024-01-01',
      end: '2024-04-27',
      levels: lv('2024-01-01', 60),
    },
    month: '2024-04',
    // 27 × 3 819 + idle 28-30 (3 days) and May 1-4: 3 × 1 501 = 103 113 + 4 503
    lines: [
      'ordinary 2024-04-01..2024-04-27 27 dygn × 3819 = 103113 L4 lss-bostad-2024',
      'idle 2024-04-28..2024-04-30 3 dygn × 1501 = 4503 L1 lss-bostad-2024',
    ],
    total: 107616,
    cat: variant({
      'lss-bostad-2024': (m) => ({
        ...m,
        settlement: { ...m.settlement, idlePlace: { ...m.settlement.idlePlace, enabled: true } },
      }),
    }),
  },
];

describe('settlement: hand-computed cases', () => {
  it.each(cases)('$name', (c) => {
    const r = settle(c.placement, c.month, c.cat);
    expect(brief(r)).toEqual(c.lines);
    expect(r.total / 100).toBe(c.total);
    if (c.rules) expect(r.lines.map((l) => [...l.rules])).toEqual(c.rules);
    for (const l of r.lines) {
      expect(l.sources.rate.length).toBeGreaterThan(3);
      expect(Number.isInteger(l.amount)).toBe(true);
    }
  });
});
