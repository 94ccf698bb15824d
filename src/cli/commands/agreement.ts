/**
 * `agreement --input scorings.csv [--instrument ID [--service SVC] [--date D]] [--json]` (issue #10
 * §5, ASMT-3): share of items in exact agreement and quadratic-weighted Cohen's kappa between two
 * assessors; with an instrument also per life area and, with a service, the level each original
 * would have landed on versus the agreed one. Exit 2 on bad input naming line and column.
 */
import type { Command } from 'commander';
import {
  agreementBy,
  agreementFigures,
  caseLevels,
  levelSummary,
  type AgreementFigures,
  type PairedGrade,
} from '../../domain/assessment/agreement.js';
import type { Instrument } from '../../domain/assessment/instrument.js';
import { InputError } from '../../domain/errors.js';
import { isIsoDate } from '../../domain/formats.js';
import { serviceOf } from '../../domain/rate-model/classify.js';
import type { ServiceId } from '../../domain/rate-model/types.js';
import { instrumentById } from '../../instruments/load.js';
import { parseScoringsCsv } from '../../instruments/scorings-csv.js';
import { loadCatalog } from '../../models/load.js';
import { formatNumber, table } from '../format.js';
import { emit, fail } from '../output.js';
import { readInputFile } from '../../files.js';

interface Opts {
  input: string;
  instrument?: string;
  service?: string;
  date?: string;
  json?: boolean;
}

/** Registers `agreement` (discovered by src/cli/registry.ts). */
export function register(program: Command): void {
  program
    .command('agreement')
    .description(
      "Agreement between two assessors' independent scorings: exact share, quadratic-weighted kappa",
    )
    .requiredOption('--input <file>', 'CSV: case_id,item,assessor_a,assessor_b[,agreed], grades 0-4')
    .option('--instrument <id>', 'also per life area, by this instrument (e.g. lss-bostad-2010)')
    .option('--service <svc>', 'with --instrument: the levels the originals and the agreed scoring land on')
    .option('--date <YYYY-MM-DD>', 'with --service: classify by the model in force that day (default today)')
    .option('--json', 'print JSON')
    .action((opts: Opts) => {
      try {
        run(opts);
      } catch (error) {
        fail(error);
      }
    });
}

const figures = (f: AgreementFigures) => ({
  items: f.items,
  exact: f.exact,
  exactShare: f.exactShare === null ? null : round4(f.exactShare),
  kappa: f.kappa === null ? null : round4(f.kappa),
});
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function run(opts: Opts): void {
  const rows = parseScoringsCsv(readInputFile(opts.input, '--input').toString('utf8'), opts.input);
  if (opts.service && !opts.instrument)
    throw new InputError('needs-instrument', '--service needs --instrument', '--service');
  const instrument = opts.instrument ? instrumentById(opts.instrument) : null;
  const doc = {
    cases: new Set(rows.map((r) => r.caseId)).size,
    overall: figures(agreementFigures(rows)),
    byArea: instrument ? byArea(rows, instrument) : null,
    levels: instrument && opts.service ? levels(rows, instrument, opts.service, opts.date) : null,
  };
  emit(opts.json, doc, text);
}

function byArea(rows: PairedGrade[], instrument: Instrument) {
  const areaOf = new Map(instrument.areas.flatMap((a) => a.items.map((it) => [it.id, a.id] as const)));
  for (const r of rows)
    if (!areaOf.has(r.item))
      throw new InputError(
        'unknown-item',
        `case ${r.caseId}: ${instrument.id} has no item "${r.item}"`,
        'item',
      );
  const found = agreementBy(rows, (r) => areaOf.get(r.item)!);
  return instrument.areas
    .map((a) => ({ area: a.id, label: a.label, figures: found.find((f) => f.key === a.id)?.figures }))
    .filter((a) => a.figures)
    .map((a) => ({ area: a.area, label: a.label, ...figures(a.figures!) }));
}

function levels(rows: PairedGrade[], instrument: Instrument, service: string, date?: string) {
  const day = date ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(day)) throw new InputError('bad-date', `"${day}" is not a date YYYY-MM-DD`, '--date');
  if (!instrument.rateModel.services.includes(service as ServiceId))
    throw new InputError(
      'unknown-service',
      `${instrument.id} classifies ${instrument.rateModel.services.join(', ')}, not "${service}"`,
      '--service',
    );
  const period = loadCatalog().inForce(service as ServiceId, day);
  if (!period) throw new InputError('no-model', `no model holds ${service} on ${day}`, '--date');
  serviceOf(period.model, service);
  const cases = caseLevels(rows, instrument, period.model, service as ServiceId);
  return { model: period.model.id, service, date: day, ...levelSummary(cases), perCase: cases };
}

type Doc = {
  cases: number;
  overall: ReturnType<typeof figures>;
  byArea: ({ area: string; label: string } & ReturnType<typeof figures>)[] | null;
  levels: ReturnType<typeof levels> | null;
};

function text(d: Doc): string {
  const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100, 1)} %`);
  const k = (x: number | null) => (x === null ? '–' : formatNumber(x, 3));
  const out = [
    `${d.cases} ärenden, ${d.overall.items} frågor: exakt överensstämmelse ${pct(d.overall.exactShare)}, viktad kappa ${k(d.overall.kappa)}`,
  ];
  if (d.byArea)
    out.push(
      '',
      table(
        ['Livsområde', 'Frågor', 'Lika', 'Andel', 'Kappa'],
        d.byArea.map((a) => [a.label, String(a.items), String(a.exact), pct(a.exactShare), k(a.kappa)]),
      ),
    );
  if (d.levels) {
    const l = d.levels;
    out.push(
      '',
      `Nivåer enligt ${l.model} (${l.service}, ${l.date}): samma nivå i ${l.sameLevel} av ${l.cases} ärenden; ` +
        `bedömare A = överenskommen nivå i ${l.aEqualsAgreed}, bedömare B i ${l.bEqualsAgreed}`,
      table(
        ['Ärende', 'A poäng', 'A nivå', 'B poäng', 'B nivå', 'Överensk. poäng', 'Överensk. nivå'],
        l.perCase.map((c) => [
          c.caseId,
          String(c.a.total),
          c.a.level ?? 'i glapp',
          String(c.b.total),
          c.b.level ?? 'i glapp',
          c.agreed ? String(c.agreed.total) : '',
          c.agreed ? (c.agreed.level ?? 'i glapp') : '',
        ]),
      ),
    );
  }
  return out.join('\n');
}
