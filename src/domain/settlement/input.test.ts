// Strict input (contract.md): every bad input is an InputError (shape) or a refusal (facts, issue #9
// §2) naming the placement id and field.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../models/load.js';
import { isInputError } from '../errors.js';
import { parseSettlementInput, settleMonth } from './settle.js';

const catalog = loadCatalog();
const base = {
  id: 'P7',
  providerId: 'U1',
  district: 'D1',
  service: 'sp-boende',
  regime: 'kommunal',
  start: '2024-01-01',
  levels: [{ from: '2024-01-01', points: 20 }],
};

function errorOf(placements: unknown[], month = '2024-03'): string {
  try {
    const x = settleMonth(catalog, parseSettlementInput({ placements }, 'in.json'), month).refused[0];
    return x ? `placement ${x.placementId}, field ${x.field}: ${x.id}: ${x.message}` : 'no error';
  } catch (error) {
    if (isInputError(error)) return error.message;
    throw error;
  }
}

const cases: { name: string; placements: unknown[]; month?: string; message: RegExp }[] = [
  {
    name: 'unknown field',
    placements: [{ ...base, colour: 'red' }],
    message: /placement P7 \(placements\[0\]\).*okänt fält \(colour\)/,
  },
  {
    name: 'unknown field in a level entry',
    placements: [{ ...base, levels: [{ from: '2024-01-01', points: 2, x: 1 }] }],
    message: /placement P7.*field levels\[0\].*okänt fält/,
  },
  {
    name: 'impossible date',
    placements: [{ ...base, start: '2023-02-29' }],
    message: /placement P7.*field start: is not a calendar date/,
  },
  {
    name: 'not a date',
    placements: [{ ...base, end: '1/3/2024' }],
    message: /placement P7.*field end: expected a date/,
  },
  {
    name: 'end before start',
    placements: [{ ...base, end: '2023-12-31' }],
    message: /placement P7, field end: end-before-start: Slutdatum 2023-12-31 ligger före startdatum/,
  },
  {
    name: 'unordered level entries',
    placements: [
      {
        ...base,
        levels: [
          { from: '2024-02-01', points: 20 },
          { from: '2024-01-01', points: 20 },
        ],
      },
    ],
    message: /placement P7, field levels\[1\]\.from: levels-unordered: .*datumordning/,
  },
  {
    name: 'two level entries on one date (overlap)',
    placements: [
      {
        ...base,
        levels: [
          { from: '2024-01-01', points: 20 },
          { from: '2024-01-01', points: 30 },
        ],
      },
    ],
    message: /placement P7, field levels\[1\]\.from/,
  },
  {
    name: 'points in a gap (LVL-4)',
    placements: [{ ...base, service: 'sp-stodboende', levels: [{ from: '2024-01-01', points: 38 }] }],
    message:
      /placement P7, field levels\[0\]\.points: points-outside-levels: 38 poäng ligger inte i någon nivå/,
  },
  {
    name: 'points beyond the table',
    placements: [{ ...base, levels: [{ from: '2024-01-01', points: 80 }] }],
    message: /placement P7, field levels\[0\]\.points: points-outside-levels: 80 poäng/,
  },
  {
    name: 'a level the model lacks',
    placements: [
      { ...base, service: 'lss-gruppbostad', levels: [{ from: '2024-01-01', level: 'grundpeng' }] },
    ],
    message:
      /placement P7, field levels\[0\]\.level: unknown-level: lss-bostad-2024 har ingen nivå "grundpeng"/,
  },
  {
    name: 'both points and level',
    placements: [{ ...base, levels: [{ from: '2024-01-01', points: 2, level: '1' }] }],
    message: /field levels\[0\]: ange antingen poäng \(points\) eller nivå \(level\)/,
  },
  {
    name: 'duplicate ids',
    placements: [base, base],
    message: /placement P7, field id: placerings-id "P7" förekommer två gånger/,
  },
  {
    name: 'unknown service',
    placements: [{ ...base, service: 'lss-hemtjanst' }],
    message: /placement P7.*field service/,
  },
  {
    name: 'regime the service lacks',
    placements: [{ ...base, service: 'lss-gruppbostad', regime: 'ideell' }],
    message: /placement P7.*field regime/,
  },
  {
    name: 'month not YYYY-MM',
    placements: [base],
    month: '2024-3',
    message: /--month: "2024-3" är ingen månad ÅÅÅÅ-MM/,
  },
  { name: 'month 13', placements: [base], month: '2024-13', message: /--month/ },
  {
    name: 'no level in force',
    placements: [{ ...base, levels: [{ from: '2024-03-10', points: 20 }] }],
    message: /placement P7, field levels: level-missing: Ingen nivå gäller den 2024-03-01/,
  },
  {
    name: 'daily activity without hours (SVC-3)',
    placements: [
      {
        ...base,
        service: 'lss-daglig-verksamhet',
        start: '2025-01-01',
        levels: [{ from: '2025-01-01', points: 20 }],
      },
    ],
    month: '2025-03',
    message: /placement P7, field hoursPerWeek/,
  },
  {
    name: 'individual rate at 60 points or less (LVL-6)',
    placements: [{ ...base, individualRates: [{ from: '2024-02-01', to: null, amount: 2000 }] }],
    message: /placement P7, field individualRates\[0\]: individual-rate: .*mer än 60 poäng/,
  },
  {
    name: 'individual rate for occupation (no LVL-6)',
    placements: [
      {
        ...base,
        service: 'sp-cirkel',
        levels: [],
        individualRates: [{ from: '2024-02-01', to: null, amount: 20 }],
      },
    ],
    message:
      /placement P7, field individualRates\[0\]: individual-rate: .*medger ingen individuell ersättning/,
  },
  {
    name: 'transition to work longer than six months (SVC-4)',
    placements: [
      {
        ...base,
        service: 'lss-daglig-verksamhet',
        start: '2025-01-01',
        levels: [{ from: '2025-01-01', points: 20 }],
        hoursPerWeek: [{ from: '2025-01-01', hours: 30 }],
        transitionToWork: [{ from: '2025-01-01', to: '2025-07-01' }],
      },
    ],
    message:
      /placement P7, field transitionToWork\[0\]\.to: transition-too-long: Högst 6 månader \(till och med 2025-06-30/,
  },
  {
    name: 'evening hours outside supported housing (RATE-6)',
    placements: [{ ...base, eveningNightHours: [{ date: '2024-03-01', hours: 2 }] }],
    message: /placement P7, field eveningNightHours\[0\]: no-evening-night: sp-boende har inget tillägg/,
  },
  {
    name: 'hours outside every participation interval',
    placements: [
      {
        ...base,
        service: 'lss-daglig-verksamhet',
        start: '2025-01-01',
        levels: [{ from: '2025-01-01', points: 20 }],
        hoursPerWeek: [{ from: '2025-01-01', hours: 0 }],
      },
    ],
    month: '2025-03',
    message: /placement P7, field hoursPerWeek\[0\]\.hours/,
  },
  {
    name: 'an absence ending before it starts',
    placements: [{ ...base, absences: [{ from: '2024-03-05', to: '2024-03-01' }] }],
    message: /placement P7, field absences\[0\]\.to: absence-end-before-start: Frånvaron slutar 2024-03-01/,
  },
];

describe('settlement input: strict, naming placement and field', () => {
  it.each(cases)('$name', (c) => {
    expect(errorOf(c.placements, c.month)).toMatch(c.message);
  });

  it('accepts the example of contract.md', () => {
    const input = parseSettlementInput({
      placements: [
        {
          id: 'P1',
          clientId: 'C1',
          providerId: 'U1',
          district: 'Bromma',
          service: 'lss-gruppbostad',
          regime: 'privat',
          start: '2024-01-15',
          end: null,
          noticeDate: null,
          noShow: false,
          levels: [{ from: '2024-01-15', points: 42 }],
          hoursPerWeek: [],
          sessionsPerWeek: [],
          eveningNightHours: [],
          courseSessions: [],
          individualRates: [{ from: '2024-02-01', to: null, amount: 5200 }],
          absences: [{ from: '2024-02-05', to: '2024-02-09', note: 'sjuk' }],
        },
      ],
    });
    // February 2024: 29 × 5 200 (LVL-7 special accounting)
    expect(settleMonth(catalog, input, '2024-02').total).toBe(29 * 520000);
  });
});
