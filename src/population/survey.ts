/**
 * Cost-survey input for `cost-survey --input` (SCEN-5): CSV with the header
 * `unit_id,service,regime,total_cost,volume,rent` (kronor; total cost excluding rent; rent may be
 * empty when unknown) or JSON `{ "units": [{ "unitId", "service", "regime", "totalCost", "volume",
 * "rent" }] }`. Strict: every bad cell is named by line (or unit index) and column; nothing is
 * computed from a file with a bad row.
 */
import { basename, extname } from 'node:path';
import { InputError } from '../domain/errors.js';
import { kronorToOre } from '../domain/money.js';
import { REGIMES, SERVICE_IDS } from '../domain/rate-model/schema.js';
import type { SurveyUnit } from '../domain/scenario/cost-survey.js';
import { splitQuoted } from './csv.js';
import { readInputFile } from '../files.js';
import { own } from '../domain/own.js';

/** The survey CSV header, in order. */
export const SURVEY_COLUMNS = ['unit_id', 'service', 'regime', 'total_cost', 'volume', 'rent'] as const;

/** Reads a survey file (.csv or .json). */
export function readSurvey(path: string): SurveyUnit[] {
  const text = readInputFile(path, '--input').toString('utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return parseSurveyCsv(text, basename(path));
  if (ext === '.json') return parseSurveyJson(text, basename(path));
  throw new InputError('bad-extension', `a survey is .csv or .json, not "${ext}"`, path);
}

type Cells = Record<(typeof SURVEY_COLUMNS)[number], string>;

/** Parses survey CSV text. */
export function parseSurveyCsv(text: string, origin: string): SurveyUnit[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const header = splitQuoted(lines[0] ?? '', origin, 1).map((h) => h.trim());
  if (header.join(',') !== SURVEY_COLUMNS.join(','))
    throw new InputError('bad-header', `the header must be ${SURVEY_COLUMNS.join(',')}`, `${origin} line 1`);
  const rows: { where: string; cells: Cells }[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const cells = splitQuoted(raw, origin, i + 2);
    if (cells.length !== SURVEY_COLUMNS.length)
      throw new InputError(
        'bad-row',
        `has ${cells.length} cells, the header has ${SURVEY_COLUMNS.length}`,
        `${origin} line ${i + 2}`,
      );
    rows.push({
      where: `${origin} line ${i + 2}`,
      cells: Object.fromEntries(SURVEY_COLUMNS.map((c, k) => [c, cells[k] ?? ''])) as Cells,
    });
  });
  return rows.map((r) => toUnit(r.cells, r.where, (c) => `column ${c}`));
}

/** Parses survey JSON text. */
export function parseSurveyJson(text: string, origin: string): SurveyUnit[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InputError('bad-json', `not valid JSON: ${(error as Error).message}`, origin);
  }
  const units = (doc as { units?: unknown }).units;
  if (!Array.isArray(units)) throw new InputError('bad-json', 'expected { "units": [ … ] }', origin);
  const names: Record<string, (typeof SURVEY_COLUMNS)[number]> = {
    unitId: 'unit_id',
    service: 'service',
    regime: 'regime',
    totalCost: 'total_cost',
    volume: 'volume',
    rent: 'rent',
  };
  return units.map((u: Record<string, unknown>, i) => {
    // Own keys only: `constructor` in a unit is an unknown field, not one of Object.prototype's.
    const extra = Object.keys(u ?? {}).filter((k) => own(names, k) === undefined);
    if (extra.length > 0)
      throw new InputError(
        'unknown-field',
        `unknown field "${extra[0]}" (fields: ${Object.keys(names).join(', ')})`,
        `${origin} units[${i}]`,
      );
    const cells = Object.fromEntries(
      Object.entries(names).map(([k, c]) => [c, u[k] === null || u[k] === undefined ? '' : String(u[k])]),
    ) as Cells;
    return toUnit(cells, `${origin} units[${i}]`, (c) => Object.keys(names).find((k) => names[k] === c) ?? c);
  });
}

function toUnit(c: Cells, where: string, col: (c: string) => string): SurveyUnit {
  const bad = (column: string, message: string): never => {
    throw new InputError('bad-survey', `${col(column)}: ${message}`, where);
  };
  if (c.unit_id.trim() === '') bad('unit_id', 'is empty');
  if (!(SERVICE_IDS as readonly string[]).includes(c.service))
    bad('service', `"${c.service}" is not a service id`);
  if (!(REGIMES as readonly string[]).includes(c.regime))
    bad('regime', `"${c.regime}" is not ${REGIMES.join(', ')}`);
  const kr = (column: 'total_cost' | 'rent') => {
    const v = c[column].replace(/\s/g, '').replace(',', '.');
    if (!/^\d+(\.\d{1,2})?$/.test(v))
      bad(column, `"${c[column]}" is not an amount in kronor ≥ 0 (at most two decimals)`);
    return kronorToOre(Number(v));
  };
  const volume = Number(c.volume.replace(/\s/g, '').replace(',', '.'));
  if (!/^[\d\s]+([.,]\d+)?$/.test(c.volume) || !(volume > 0))
    bad('volume', `"${c.volume}" is not a volume above 0`);
  return {
    unitId: c.unit_id,
    service: c.service,
    regime: c.regime,
    totalCost: kr('total_cost'),
    volume,
    rent: c.rent.trim() === '' ? null : kr('rent'),
  };
}
