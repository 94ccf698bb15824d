/**
 * The guard of the import row messages (issue #14 §2): every problem a user sees for a row of a
 * placement, population or cost-survey file is Swedish. Bad rows of every kind go through the real
 * routes in-process: each column of each import with hostile values (empty, words, signs, decimals,
 * huge numbers, impossible dates, control characters, long text), broken CSV rows, and the
 * placement import's lookups and the domain's checks (unknown unit, client, district, a service
 * the unit does not offer, overlaps, another district, no level, no model, points outside the
 * levels). Every message is read with the browser guard's English word list
 * (e2e/swedish-words.ts), after what is quoted (a value from the file, or a code it must hold) and
 * the file's column names are taken out; a Zod check cell-messages.ts does not know fails too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks } from '../../../e2e/swedish-words.js';
import { makeIdentity } from '../../db/identity.js';
import { SERVICE_IDS } from '../../domain/rate-model/schema.js';
import { SURVEY_COLUMNS } from '../../population/survey.js';
import { MAX_LISTED_ROWS, MAX_ROW_MESSAGE } from '../errors.js';
import { multipart, openTestApp, testTargets, type TestApp } from '../testing.js';
import { UNKNOWN_CHECK } from './cell-messages.js';
import { PLACEMENT_COLUMNS } from './placement-row.js';
import { POPULATION_COLUMNS } from './population.js';

/** Values no column should take as they are, or that only some take (each is tried in every column). */
const HOSTILE = [
  '',
  'x',
  'kanske',
  '-1',
  '0',
  '1,5',
  '0,001',
  '1e3',
  '0x10',
  '12345678901234',
  '2147483648',
  '99999999999',
  '1001',
  '169',
  '36',
  '2024-02-30',
  '2024-13-01',
  '0000-01-01',
  '1900-01-01',
  '2200-01-01',
  '24-01-01',
  'BROMMA',
  'lss-slott',
  'sp-cirkel',
  'entreprenad',
  'preliminary',
  'x'.repeat(250),
  'Nils\u0001',
  '19121212-1212',
];

/** An unreadable CSV row: with it in every file, no file is imported whatever its other rows. */
const BROKEN = '"aldrig stängd';

type Row = Record<string, string>;

const csvCell = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (columns: readonly string[], rows: Row[]) =>
  [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? '')).join(',')), BROKEN].join(
    '\n',
  );

/** Each of `good`'s columns in turn set to each hostile value. */
const hostileRows = (columns: readonly string[], good: () => Row): Row[] =>
  columns.flatMap((c) => HOSTILE.map((v) => ({ ...good(), [c]: v })));

/**
 * The English words of a row message as the browser guard would find them, once what is quoted
 * and the column names (the file's own spelling, shown as codes) are taken out.
 */
function englishIn(message: string, columns: readonly string[]): string[] {
  let text = message.replace(/"[^"]*"/g, ' ');
  for (const c of [...columns].sort((a, b) => b.length - a.length))
    text = text.replace(new RegExp(`(?<![\\p{L}\\d_])${c}(?![\\p{L}\\d_])`, 'gu'), ' ');
  return findLeaks([text]).filter((f) => f.startsWith('English '));
}

for (const target of testTargets()) {
  describe(`import row messages on ${target.name}`, () => {
    let t: TestApp;
    let serial = 0;
    const pnr = () => makeIdentity('19700101', ++serial);
    beforeAll(async () => {
      t = await openTestApp(target);
    });
    afterAll(async () => t?.close());

    /** Every row problem of `rows` sent as CSV to `url`, in batches under the listed maximum. */
    async function problems(
      agent: string,
      url: string,
      columns: readonly string[],
      rows: Row[],
      fields: Record<string, string> = {},
    ): Promise<{ line: number; column?: string; message: string }[]> {
      const out: { line: number; column?: string; message: string }[] = [];
      for (let i = 0; i < rows.length; i += 20) {
        const res = await t.agents[agent]!.request({
          method: 'POST',
          url,
          ...multipart('rader.csv', csv(columns, rows.slice(i, i + 20)), fields),
        });
        expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
        const error = res.json().error;
        expect(error.id).toBe('import-rows-invalid');
        expect(error.rows.length).toBeLessThan(MAX_LISTED_ROWS);
        out.push(...error.rows);
      }
      return out;
    }

    /** Fails naming each message with an English word or an unknown check, once per message. */
    function expectSwedish(
      found: { line: number; column?: string; message: string }[],
      columns: readonly string[],
    ) {
      const bad = new Map<string, string[]>();
      for (const p of found) {
        const why = englishIn(p.message, columns);
        if (p.message.includes(UNKNOWN_CHECK)) why.push('a check cell-messages.ts does not know');
        if (p.message.length === MAX_ROW_MESSAGE && p.message.endsWith('…')) why.push('cut at the limit');
        if (why.length > 0) bad.set(`${p.column ?? '–'}: ${p.message}`, why);
      }
      expect([...bad].map(([message, why]) => `${message} (${why.join('; ')})`)).toEqual([]);
    }

    it('are Swedish for every bad cell and row of a placement file, and for every lookup and domain check', async () => {
      const db = t.database.db;
      const units = await db.selectFrom('units').select(['id', 'services']).orderBy('id').execute();
      const unitOf = (service: string) => units.find((u) => u.services.includes(service));
      const housing = unitOf('lss-servicebostad')!;
      const good = (): Row => ({
        personnummer: pnr(),
        unit_id: String(housing.id),
        service: 'lss-servicebostad',
        start: '2025-01-01',
        points: '20',
        level_kind: 'final',
        name: 'Ny Klient',
        district_id: 'bromma',
      });
      const existing = await db
        .selectFrom('placements')
        .innerJoin('clients', 'clients.id', 'placements.client_id')
        .select([
          'clients.personnummer',
          'clients.district_id',
          'placements.unit_id',
          'placements.service',
          'placements.start_date',
        ])
        .where('clients.district_id', '=', 'bromma')
        .orderBy('placements.id')
        .executeTakeFirstOrThrow();
      const elsewhere = await db
        .selectFrom('clients')
        .select('personnummer')
        .where('district_id', '!=', 'bromma')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const twin = good();
      const special: Row[] = [
        // Every service at a unit offering it, with nothing else: a level, hours or sessions missing.
        ...SERVICE_IDS.flatMap((service) => {
          const unit = unitOf(service);
          return unit ? [{ ...good(), unit_id: String(unit.id), service, points: '' }] : [];
        }),
        ...SERVICE_IDS.map((service) => ({ ...good(), service, points: '999' })),
        { ...good(), points: '20', level: '2' },
        { ...good(), points: '', level: 'okänd' },
        { ...good(), level_kind: 'preliminary', assessed_on: '2025-02-01' },
        { ...good(), assessed_on: '2024-12-01' },
        { ...good(), end: '2024-12-31' },
        { ...good(), notice_date: '2024-12-01' },
        { ...good(), start: '1900-01-01' },
        { ...good(), unit_id: '999999' },
        { ...good(), name: '', district_id: '' },
        { ...good(), district_id: 'ingenstans' },
        { ...good(), personnummer: '19121212-1213' },
        twin,
        { ...twin },
        {
          ...good(),
          personnummer: existing.personnummer,
          unit_id: String(existing.unit_id),
          service: existing.service,
          start: existing.start_date,
        },
      ];
      const all = await problems('admin', '/api/imports/placements', PLACEMENT_COLUMNS, [
        ...hostileRows(PLACEMENT_COLUMNS, good),
        ...special,
      ]);
      // A case officer: a client of another district (with and without name and district), and a
      // new client put in another district.
      all.push(
        ...(await problems('handlaggare', '/api/imports/placements', PLACEMENT_COLUMNS, [
          { ...good(), personnummer: elsewhere.personnummer },
          { ...good(), personnummer: elsewhere.personnummer, name: '', district_id: '' },
          { ...good(), district_id: 'sodermalm' },
        ])),
      );
      const messages = new Set(all.map((p) => p.message.replace(/^"[^"]*": /, '')));
      // The kinds the guard must have met, so it cannot pass by sending nothing bad.
      for (const kind of [
        'cellen är tom men måste fyllas i',
        'raden har ett citattecken som aldrig avslutas',
        'är inget datum ÅÅÅÅ-MM-DD',
        'är inget tal',
        'ange poäng eller nivå, inte båda',
        'klienten hör till en annan stadsdel än din',
      ])
        expect([...messages]).toContain(kind);
      expect([...messages].some((m) => m.startsWith('överlappar rad'))).toBe(true);
      expect([...messages].some((m) => m.startsWith('överlappar placering'))).toBe(true);
      expect(messages.size).toBeGreaterThan(40);
      expectSwedish(all, PLACEMENT_COLUMNS);
    }, 600_000);

    it('are Swedish for every bad cell and row of a population file', async () => {
      const columns = [...POPULATION_COLUMNS, 'hours_per_week'];
      const good = (): Row => ({
        person_id: `P${++serial}`,
        district: 'Bromma',
        provider_id: 'U001',
        service: 'lss-gruppbostad',
        regime: 'kommunal',
        points: '42',
        hours_per_week: '',
      });
      const twin = good();
      const all = await problems(
        'analytiker',
        '/api/imports/population',
        columns,
        [...hostileRows(columns, good), twin, { ...twin }, { ...good(), person_id: pnr() }],
        { name: 'Vakten' },
      );
      const messages = all.map((p) => p.message);
      expect(messages).toContain('raden har ett citattecken som aldrig avslutas');
      expect(messages.some((m) => m.includes('förekommer två gånger'))).toBe(true);
      expectSwedish(all, columns);
    }, 300_000);

    it('are Swedish for every bad cell and row of a cost survey', async () => {
      const good = (): Row => ({
        unit_id: `E${++serial}`,
        service: 'sp-boende',
        regime: 'kommunal',
        total_cost: '401500,50',
        volume: '365',
        rent: '',
      });
      const all = await problems(
        'analytiker',
        '/api/analysis/cost-survey',
        SURVEY_COLUMNS,
        [...hostileRows(SURVEY_COLUMNS, good), { ...good(), volume: '0', rent: '1,234' }],
        { fence: 'none', baseModel: 'sp-2010' },
      );
      expect(all.map((p) => p.message)).toContain('"0": måste vara större än 0');
      expectSwedish(all, SURVEY_COLUMNS);
    }, 300_000);

    it('names a row with more cells than the header, in Swedish', async () => {
      const res = await t.agents.analytiker!.request({
        method: 'POST',
        url: '/api/imports/population',
        ...multipart(
          'p.csv',
          `${POPULATION_COLUMNS.join(',')}\nP1,Bromma,U001,lss-gruppbostad,kommunal,42,7,8`,
          {
            name: 'Bred',
          },
        ),
      });
      expect(res.json().error.rows).toEqual([
        { line: 2, message: 'raden har 8 celler men rubrikraden har 6' },
      ]);
    });
  });
}
