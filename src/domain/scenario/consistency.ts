/**
 * Consistency report (SCEN-1: "report such inconsistencies, do not copy them"): checks a published
 * comparison table (persons and cost per level, totals) against the rate models' annual standard
 * amounts and, when given, against a population's comparison. Each finding says what does not add
 * up, with the figures, e.g. 002 Tabell 3 prints 4 persons for new service-flat level 1 where its own
 * cost (23,8 Mkr) and total (513 persons) require 64.
 */
import { InputError } from '../errors.js';
import type { Ore } from '../money.js';
import { roundOre } from '../money.js';
import { formatOre } from '../../contract/format.js';
import type { RateModel, ServiceId } from '../rate-model/types.js';
import type { Comparison, SideResult } from './compare.js';
import { own } from '../own.js';

/** One printed row: persons and cost (in the table's unit) of a level. */
export interface PublishedRow {
  service: ServiceId;
  level: string;
  persons: number;
  /** Cost as printed, in `unit` (e.g. 1,4 for 1,4 Mkr). */
  cost: number;
}

/** One side (model) of a printed comparison table. */
export interface PublishedSide {
  model: string;
  rows: PublishedRow[];
  totalPersons: number;
  totalCost: number;
}

/** A printed comparison table (002 Tabell 3) with its unit and precision. */
export interface PublishedComparison {
  source: string;
  /** Kronor per printed unit: 1 000 000 for Mkr. */
  unitKronor: number;
  unitLabel: string;
  decimals: number;
  baseline: PublishedSide;
  proposal: PublishedSide;
}

/** One thing that does not add up. */
export interface Finding {
  kind: 'cost-mismatch' | 'persons-mismatch' | 'total-mismatch' | 'population-mismatch';
  service: ServiceId | null;
  level: string | null;
  side: 'baseline' | 'proposal';
  message: string;
}

/** Whole kronor with plain spaces (the one formatter): `1 234 kr`. */
const kr = (ore: Ore) => formatOre(roundOre(ore, 'krona'), { plain: true });

/** Checks a printed table against the models (and a population's comparison when given). */
export function checkPublished(
  table: PublishedComparison,
  models: { baseline: RateModel; proposal: RateModel },
  comparison?: Comparison,
): Finding[] {
  for (const side of ['baseline', 'proposal'] as const)
    if (table[side].model !== models[side].id)
      throw new InputError(
        'published-models',
        `${table.source} jämför ${table.baseline.model} med ${table.proposal.model}; ange dem som jämförelsemodell och förslag`,
        'published',
      );
  const findings: Finding[] = [];
  const fmt = (v: number) => v.toFixed(table.decimals).replace('.', ',');
  const printed = (ore: Ore) =>
    Math.round(ore / 100 / (table.unitKronor / 10 ** table.decimals)) / 10 ** table.decimals;
  for (const sideName of ['baseline', 'proposal'] as const) {
    const side = table[sideName];
    const model = models[sideName];
    const rowsPersons = side.rows.reduce((a, r) => a + r.persons, 0);
    const rowsCost = side.rows.reduce((a, r) => a + r.cost, 0);
    for (const r of side.rows) {
      const level = own(model.services, r.service)?.levels.find((l) => l.id === r.level);
      const schablon = level?.annualStandardAmount?.ore;
      if (schablon === undefined) continue;
      const expected = printed(r.persons * schablon);
      if (Math.abs(expected - r.cost) < 1e-9) continue;
      const implied = roundOre((r.cost * table.unitKronor * 100) / schablon);
      const impliedFits = Math.abs(printed(implied * schablon) - r.cost) < 1e-9;
      const totalFits = rowsPersons - r.persons + implied === side.totalPersons;
      if (impliedFits && implied !== r.persons)
        findings.push({
          kind: 'persons-mismatch',
          service: r.service,
          level: r.level,
          side: sideName,
          message: `${table.source} prints ${r.persons} persons for ${r.service} level ${r.level} (${model.id}), but its cost ${fmt(r.cost)} ${table.unitLabel} at ${kr(schablon)} each requires ${implied} (${implied} × ${kr(schablon)} = ${fmt(printed(implied * schablon))})${totalFits ? `, and so does its total of ${side.totalPersons} persons` : ''}`,
        });
      else
        findings.push({
          kind: 'cost-mismatch',
          service: r.service,
          level: r.level,
          side: sideName,
          message: `${table.source} prints ${fmt(r.cost)} ${table.unitLabel} for ${r.service} level ${r.level} (${model.id}); ${r.persons} × ${kr(schablon)} = ${String(Math.round((r.persons * schablon) / table.unitKronor) / 100).replace('.', ',')} ${table.unitLabel}, which rounds to ${fmt(expected)}`,
        });
    }
    if (rowsPersons !== side.totalPersons)
      findings.push({
        kind: 'total-mismatch',
        service: null,
        level: null,
        side: sideName,
        message: `${table.source}: the ${sideName} rows add up to ${rowsPersons} persons, the printed total is ${side.totalPersons}`,
      });
    const tolerance = (side.rows.length * 0.5) / 10 ** table.decimals;
    if (Math.abs(rowsCost - side.totalCost) > tolerance)
      findings.push({
        kind: 'total-mismatch',
        service: null,
        level: null,
        side: sideName,
        message: `${table.source}: the ${sideName} rows add up to ${fmt(rowsCost)} ${table.unitLabel}, the printed total is ${fmt(side.totalCost)}`,
      });
    if (comparison) findings.push(...againstPopulation(table, sideName, comparison[sideName]));
  }
  return findings;
}

function againstPopulation(
  table: PublishedComparison,
  sideName: 'baseline' | 'proposal',
  side: SideResult,
): Finding[] {
  const out: Finding[] = [];
  for (const r of table[sideName].rows) {
    const got = side.byLevel.find((l) => l.service === r.service && l.level === r.level)?.persons ?? 0;
    if (got !== r.persons)
      out.push({
        kind: 'population-mismatch',
        service: r.service,
        level: r.level,
        side: sideName,
        message: `the population has ${got} persons at ${r.service} level ${r.level} of ${side.model}; ${table.source} prints ${r.persons}`,
      });
  }
  return out;
}

const row = (service: ServiceId, level: string, persons: number, cost: number): PublishedRow => ({
  service,
  level,
  persons,
  cost,
});
const SF = 'lss-servicebostad';
const GB = 'lss-gruppbostad';

/** 002 Tabell 3 as printed (persons on 2022-08-26; costs printed as "tkr", in fact Mkr: SCEN-1). */
export const TABELL3_002: PublishedComparison = {
  source: '002 Tabell 3',
  unitKronor: 1_000_000,
  unitLabel: 'Mkr',
  decimals: 1,
  baseline: {
    model: 'lss-bostad-2023',
    rows: [
      row(SF, 'grundpeng', 6, 1.4),
      row(SF, '1', 58, 20.8),
      row(SF, '2', 182, 88.7),
      row(SF, '3', 158, 108.1),
      row(SF, '4', 67, 63.7),
      row(SF, '5', 22, 26.4),
      row(SF, '6', 11, 15.1),
      row(SF, '7', 4, 6.2),
      row(SF, '8', 5, 9.2),
      row(GB, 'grundpeng', 4, 1.4),
      row(GB, '1', 30, 18.2),
      row(GB, '2', 156, 125.4),
      row(GB, '3', 215, 229.8),
      row(GB, '4', 208, 273.6),
      row(GB, '5', 211, 315.1),
      row(GB, '6', 133, 220.8),
      row(GB, '7', 218, 425.4),
    ],
    totalPersons: 1688,
    totalCost: 1949.3,
  },
  proposal: {
    model: 'lss-bostad-2024',
    rows: [
      row(SF, '1', 4, 23.8),
      row(SF, '2', 276, 155.5),
      row(SF, '3', 131, 106.7),
      row(SF, '4', 33, 39.2),
      row(SF, '5', 9, 14.6),
      row(GB, '1', 4, 2.2),
      row(GB, '2', 119, 94.0),
      row(GB, '3', 282, 284.8),
      row(GB, '4', 419, 584.5),
      row(GB, '5', 351, 644.1),
    ],
    totalPersons: 1688,
    totalCost: 1949.4,
  },
};

/** Built-in published tables by id (for `compare --published ID`). */
export const PUBLISHED_TABLES: Readonly<Record<string, PublishedComparison>> = { '002-tabell3': TABELL3_002 };
