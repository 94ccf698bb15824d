/**
 * Turns a rate model from the API into rows for the model pages, and two models into a
 * side-by-side comparison with differences marked (issue #6 step 2). Pure functions, unit tested.
 * The model's shape is the API contract's (src/contract/models.ts): figures are `{ amount, source }`
 * in kronor, services a record by id.
 */
import type { FigureView, ModelDetail, ServiceModelView } from '../contract/models.js';
import { serviceLabel } from '../contract/labels.js';

type ModelLevel = ServiceModelView['levels'][number];

/** One figure ready to show. */
export interface ShownFigure {
  kr: number;
  source: string | null;
  derived: string | null;
  illustrative: boolean;
}

/** One level row of a service table. */
export interface LevelRow {
  id: string;
  label: string;
  points: string;
  /** The point range as numbers (null when the level has none). */
  range: { min: number; max: number | null } | null;
  hoursPerMonth: string | null;
  schablon: ShownFigure | null;
  rates: Record<string, ShownFigure | null>;
}

/** One service of a model, normalised. */
export interface ServiceView {
  id: string;
  title: string;
  unit: string;
  source: string | null;
  regimes: string[];
  levels: LevelRow[];
  flat: Record<string, ShownFigure | null> | null;
  premises: Record<string, ShownFigure | null> | null;
  illustrative: boolean;
}

/** A figure → kronor with its source. */
export function figure(f: FigureView | null | undefined): ShownFigure | null {
  if (!f) return null;
  return { kr: f.amount, source: f.source, derived: f.derived ?? null, illustrative: f.illustrative };
}

/** A point range as `21–35`, `36–` for an open top, `–` for none. */
export function rangeText(r: { min: number; max: number | null } | null | undefined): string {
  if (!r) return '–';
  return r.max === null ? `${r.min}–` : `${r.min}–${r.max}`;
}

const REGIME_ORDER = ['kommunal', 'entreprenad', 'privat'];

function figures(
  rec: Partial<Record<string, FigureView>> | null | undefined,
): Record<string, ShownFigure | null> | null {
  if (!rec) return null;
  return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, figure(v)]));
}

function levelRow(l: ModelLevel): LevelRow {
  return {
    id: l.id,
    label: l.label,
    points: rangeText(l.points),
    range: l.points,
    hoursPerMonth: l.hoursPerMonth ? rangeText(l.hoursPerMonth) : null,
    schablon: figure(l.annualStandardAmount),
    rates: figures(l.rates) ?? {},
  };
}

/** The services of a model as a list. */
export function servicesOf(model: ModelDetail): ServiceView[] {
  const entries = Object.entries(model.services).filter(
    (e): e is [string, ServiceModelView] => e[1] !== undefined,
  );
  return entries.map(([id, s]) => {
    const levels = s.levels.map(levelRow);
    const regimeSet = new Set<string>(s.regimes);
    for (const l of levels) for (const r of Object.keys(l.rates)) regimeSet.add(r);
    for (const r of Object.keys(s.flatRates ?? {})) regimeSet.add(r);
    const regimes = [...regimeSet].sort((a, b) => REGIME_ORDER.indexOf(a) - REGIME_ORDER.indexOf(b));
    return {
      id: s.id ?? id,
      title: s.title,
      unit: s.unit,
      source: s.source,
      regimes,
      levels,
      flat: figures(s.flatRates),
      premises: figures(s.premisesAllowance?.rates),
      illustrative: s.illustrative,
    };
  });
}

/** One compared cell: both figures and whether they differ. */
export interface ComparedCell {
  a: number | null;
  b: number | null;
  changed: boolean;
}

/** One compared level row (levels matched by id within a service). */
export interface ComparedRow {
  service: string;
  serviceTitle: string;
  level: string;
  label: string;
  pointsA: string | null;
  pointsB: string | null;
  pointsChanged: boolean;
  schablon: ComparedCell;
  rates: Record<string, ComparedCell>;
}

const cell = (a: ShownFigure | null | undefined, b: ShownFigure | null | undefined): ComparedCell => ({
  a: a?.kr ?? null,
  b: b?.kr ?? null,
  changed: (a?.kr ?? null) !== (b?.kr ?? null),
});

/** Two models side by side: every service and level of either, with the changed figures marked. */
export function compareModels(a: ModelDetail, b: ModelDetail): { rows: ComparedRow[]; regimes: string[] } {
  const sa = new Map(servicesOf(a).map((s) => [s.id, s]));
  const sb = new Map(servicesOf(b).map((s) => [s.id, s]));
  const ids = [...new Set([...sa.keys(), ...sb.keys()])];
  const regimes = new Set<string>();
  const rows: ComparedRow[] = [];
  for (const id of ids) {
    const x = sa.get(id);
    const y = sb.get(id);
    const levelIds = [...new Set([...(x?.levels ?? []), ...(y?.levels ?? [])].map((l) => l.id))];
    for (const lid of levelIds) {
      const lx = x?.levels.find((l) => l.id === lid);
      const ly = y?.levels.find((l) => l.id === lid);
      const rates: Record<string, ComparedCell> = {};
      for (const r of new Set([...Object.keys(lx?.rates ?? {}), ...Object.keys(ly?.rates ?? {})])) {
        regimes.add(r);
        rates[r] = cell(lx?.rates[r], ly?.rates[r]);
      }
      rows.push({
        service: id,
        serviceTitle: x?.title ?? y?.title ?? id,
        level: lid,
        label: lx?.label ?? ly?.label ?? lid,
        pointsA: lx?.points ?? null,
        pointsB: ly?.points ?? null,
        pointsChanged: (lx?.points ?? null) !== (ly?.points ?? null),
        schablon: cell(lx?.schablon, ly?.schablon),
        rates,
      });
    }
  }
  return { rows, regimes: [...regimes].sort((p, q) => REGIME_ORDER.indexOf(p) - REGIME_ORDER.indexOf(q)) };
}

/** A model as the level namer needs it: when it is in force and its services' levels. */
export interface ModelForLevels {
  status?: string;
  validFrom: string;
  validTo: string | null;
  services: ServiceView[];
  serviceValidTo: Record<string, string | null>;
}

/** Prepares a model for {@link levelFor}. */
export function forLevels(m: ModelDetail): ModelForLevels {
  return {
    status: m.status,
    validFrom: m.validFrom,
    validTo: m.validTo,
    services: servicesOf(m),
    serviceValidTo: Object.fromEntries(Object.entries(m.services).map(([k, v]) => [k, v?.validTo ?? null])),
  };
}

/**
 * The level that `points` give for `service` on `date` (LVL-1), using the decided model in force
 * that day (the latest-starting one, so a service moved to a newer model follows it); null when no
 * model applies or the points fall in a gap (LVL-4).
 */
export function levelFor(models: ModelForLevels[], service: string, date: string, points: number) {
  const inForce = models
    .filter((m) => (m.status ?? 'decided') === 'decided')
    .filter((m) => m.services.some((s) => s.id === service))
    .filter((m) => m.validFrom <= date && (m.validTo === null || date <= m.validTo))
    .filter((m) => {
      const until = m.serviceValidTo[service];
      return !until || date <= until;
    })
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  const svc = inForce?.services.find((s) => s.id === service);
  const level = svc?.levels.find(
    (l) => l.range && points >= l.range.min && (l.range.max === null || points <= l.range.max),
  );
  return level ? { id: level.id, label: level.label } : null;
}

const WHAT: Record<string, string> = {
  points: 'poäng',
  hours: 'timmar',
  'hours per week': 'timmar per vecka',
};
const lvl = (id: string) => (/^\d+$/.test(id) ? `nivå ${id}` : id);

/** The validator's gap warnings (LVL-4) in Swedish; anything else is shown as it came. */
export function swedishWarning(text: string): string {
  const gap = /^(\S+): (.+?) (\S+) in no level \(gap between "(.+?)" (\S+) and "(.+?)" (\S+)\)$/.exec(text);
  if (gap) {
    const [, svc, what, range, a, ra, b, rb] = gap as unknown as string[];
    return `${serviceLabel(svc ?? '')}: ${WHAT[what ?? ''] ?? what} ${range} ger ingen nivå (lucka mellan ${lvl(a ?? '')}, ${ra}, och ${lvl(b ?? '')}, ${rb})`;
  }
  const below = /^(\S+): (.+?) (\S+) in no level \(below "(.+?)" (\S+)\)$/.exec(text);
  if (below) {
    const [, svc, what, range, a, ra] = below as unknown as string[];
    return `${serviceLabel(svc ?? '')}: ${WHAT[what ?? ''] ?? what} ${range} ger ingen nivå (under ${lvl(a ?? '')}, ${ra})`;
  }
  return text;
}
