/**
 * How `compare` prints (contract.md JSON keys, Swedish readable tables) and what `--out` writes:
 * amounts as kronor numbers exact to the öre, percent to six decimals.
 */
import { oreToKronor } from '../../domain/money.js';
import type { Comparison } from '../../domain/scenario/compare.js';
import { comparisonJson, roundPercent } from '../../domain/scenario/compare-json.js';
import type { Finding } from '../../domain/scenario/consistency.js';
import type { Mover } from '../../domain/scenario/movers.js';
import { protectComparison } from '../../domain/statistics/comparison.js';
import { SUPPRESSED_LABEL } from '../../domain/statistics/suppress.js';
import type { NeutralSolution } from '../../domain/scenario/neutral.js';
import type { OutTable } from '../../population/write.js';
import { kronorAsOre } from '../../contract/format.js';
import { formatKr, formatKrSigned, formatNumber, table } from '../format.js';

const kr = oreToKronor;
const pct = roundPercent;

/**
 * The comparison's JSON as printed and written: with `protect` (issue #12 §6, `--protect`) levels,
 * groups and part-time lines of 1–4 persons are hidden as the API hides them from analysts.
 */
export const shownJson = (c: Comparison, protect: boolean) =>
  protect ? protectComparison(comparisonJson(c)) : comparisonJson(c);
type Shown = ReturnType<typeof shownJson>;

/** A count or amount in a written table: null (empty cell) when suppressed. */
const cell = (n: number | null): number | null => n;
/** Kronor (as in the JSON) printed as the CLI prints öre. */
const krOf = (n: number): string => formatKr(kronorAsOre(n));
/** A figure in the printed text: "färre än 5" when suppressed. */
const said = (n: number | null, f: (n: number) => string = String): string =>
  n === null ? SUPPRESSED_LABEL : f(n);

/** The JSON document of contract.md `compare`, plus level changes, consistency and solution. */
export function toJson(
  c: Comparison,
  consistency: Finding[],
  s: NeutralSolution | null,
  written: unknown,
  movers: Mover[] | null = null,
  protect = false,
) {
  const { warnings, rules, ...head } = shownJson(c, protect);
  return {
    ...head,
    ...(movers
      ? { movers: movers.map((m) => ({ ...m, baseline: kr(m.baseline), proposal: kr(m.proposal) })) }
      : {}),
    consistency,
    solution: s && {
      target: s.target,
      basis: s.basis,
      factor: s.factor,
      annualStandardAmount: s.annualStandardAmount === null ? null : kr(s.annualStandardAmount),
      rateDelta: s.rateDelta === null ? null : kr(s.rateDelta),
      baselineTotal: kr(s.baselineTotal),
      proposalTotalBefore: kr(s.proposalTotalBefore),
      proposalTotalAfter: kr(s.proposalTotalAfter),
      residual: kr(s.residual),
      modelFile: written,
      rules: s.rules,
    },
    warnings: [...warnings, ...consistency.map((f) => f.message)],
    rules,
  };
}

/** An .xlsx sheet holds at most 1 048 576 rows. */
const XLSX_MAX_ROWS = 1_048_575;

/** Every table for `--out`: levels, totals, districts, providers, level changes, part time, consistency. */

export function outTables(
  c: Comparison,
  consistency: Finding[],
  movers: Mover[],
  xlsx: boolean,
  protect = false,
): OutTable[] {
  const j: Shown = shownJson(c, protect);
  const impact = (
    name: string,
    rows: (Omit<Shown['byDistrict'][number], 'district'> & { key: string })[],
  ): OutTable => ({
    name,
    columns: [
      name === 'districts' ? 'district' : 'provider_id',
      'persons',
      'baseline_kr',
      'proposal_kr',
      'difference_kr',
      'percent',
      'persons_changing_level',
      'impact',
    ],
    rows: rows.map((r) => [
      r.key,
      r.persons,
      r.baseline,
      r.proposal,
      r.difference,
      r.percent,
      r.personsChangingLevel,
      r.impact,
    ]),
  });
  const tables: OutTable[] = [
    {
      name: 'levels',
      columns: ['model', 'service', 'level', 'label', 'persons', 'cost_kr'],
      rows: [j.baseline, j.proposal].flatMap((s) =>
        s.byLevel.map((l) => [s.model, l.service, l.level, l.label, cell(l.persons), cell(l.cost)]),
      ),
    },
    {
      name: 'totals',
      columns: [
        'baseline',
        'proposal',
        'baseline_kr',
        'proposal_kr',
        'difference_kr',
        'percent',
        'neutral_factor',
        'persons',
        'persons_changing_level',
      ],
      rows: [
        [
          c.baseline.model,
          c.proposal.model,
          kr(c.baseline.total),
          kr(c.proposal.total),
          kr(c.difference.amount),
          pct(c.difference.percent),
          c.neutralFactor,
          c.baseline.persons,
          j.personsChangingLevel,
        ],
      ],
    },
    impact(
      'districts',
      j.byDistrict.map(({ district, ...r }) => ({ ...r, key: district })),
    ),
    impact(
      'providers',
      j.byProvider.map(({ providerId, ...r }) => ({ ...r, key: providerId })),
    ),
    {
      name: 'level-changes',
      columns: ['service', 'from_level', 'to_level', 'persons', 'baseline_kr', 'proposal_kr'],
      rows: j.levelChanges.map((l) => [l.service, l.from, l.to, l.persons, l.baseline, l.proposal]),
    },
    {
      name: 'part-time',
      columns: [
        'service',
        'level',
        'interval',
        'share',
        'earlier_share',
        'persons',
        'cost_kr',
        'cost_at_earlier_kr',
        'effect_kr',
        'baseline_kr',
      ],
      rows: j.partTime.map((r) => [
        r.service,
        r.level,
        r.interval,
        r.share,
        r.earlierShare,
        cell(r.persons),
        cell(r.cost),
        cell(r.costAtEarlier),
        cell(r.effect),
        cell(r.baseline),
      ]),
    },
    {
      name: 'consistency',
      columns: ['kind', 'side', 'service', 'level', 'message'],
      rows: consistency.map((f) => [f.kind, f.side, f.service, f.level, f.message]),
    },
  ];
  // Issue #12 §6: a protected file carries no person ids, so no movers.
  if (protect) return tables;
  tables.push({
    name: 'movers',
    columns: [
      'person_id',
      'district',
      'provider_id',
      'service',
      'from_level',
      'to_level',
      'baseline_kr',
      'proposal_kr',
      'difference_kr',
      'line',
    ],
    rows: (xlsx ? movers.slice(0, XLSX_MAX_ROWS) : movers).map((m) => [
      m.personId,
      m.district,
      m.providerId,
      m.service,
      m.from,
      m.to,
      kr(m.baseline),
      kr(m.proposal),
      kr(m.proposal - m.baseline),
      m.line,
    ]),
  });
  return tables;
}

const signedPct = (p: number | null) => (p === null ? '' : `${p > 0 ? '+' : ''}${formatNumber(p, 4)} %`);

/** The readable (Swedish) report. */
export function text(
  c: Comparison,
  consistency: Finding[],
  s: NeutralSolution | null,
  written: { file: string } | null,
  movers: Mover[] | null = null,
  protect = false,
): string {
  const out: string[] = [];
  const j = shownJson(c, protect);
  const services = [...new Set([...j.baseline.byLevel, ...j.proposal.byLevel].map((l) => l.service))];
  for (const svc of services) {
    const b = j.baseline.byLevel.filter((l) => l.service === svc);
    const p = j.proposal.byLevel.filter((l) => l.service === svc);
    const rows = Array.from({ length: Math.max(b.length, p.length) }, (_, i) => {
      const x = b[i];
      const y = p[i];
      return [
        x?.label ?? '',
        x ? said(x.persons) : '',
        x ? said(x.cost, krOf) : '',
        y?.label ?? '',
        y ? said(y.persons) : '',
        y ? said(y.cost, krOf) : '',
      ];
    });
    out.push(
      `${svc}`,
      table(['Nivå (nu)', 'Personer', 'Kostnad', 'Nivå (förslag)', 'Personer', 'Kostnad'], rows),
      '',
    );
  }
  out.push(
    `Summa ${c.baseline.model}: ${formatKr(c.baseline.total)} (${c.baseline.persons} personer)`,
    `Summa ${c.proposal.model}: ${formatKr(c.proposal.total)}`,
    `Skillnad: ${formatKrSigned(c.difference.amount)} (${signedPct(c.difference.percent)}); kostnadsneutral faktor ${c.neutralFactor === null ? '–' : formatNumber(c.neutralFactor, 6)}`,
    `Personer som byter nivå: ${said(j.personsChangingLevel)}`,
    '',
  );
  const impact = (title: string, rows: (Omit<Shown['byDistrict'][number], 'district'> & { key: string })[]) =>
    out.push(
      title,
      table(
        ['', 'Personer', 'Nu', 'Förslag', 'Skillnad', 'Procent', 'Byter nivå'],
        rows.map((r) => [
          r.key,
          String(r.persons),
          krOf(r.baseline),
          krOf(r.proposal),
          formatKrSigned(kronorAsOre(r.difference)),
          signedPct(r.percent),
          said(r.personsChangingLevel),
        ]),
      ),
      '',
    );
  partTimeText(j, out);
  const providers = j.byProvider.map(({ providerId, ...r }) => ({ ...r, key: providerId }));
  impact(
    'Per stadsdel (störst påverkan först)',
    j.byDistrict.map(({ district, ...r }) => ({ ...r, key: district })),
  );
  impact('Per utförare (störst påverkan först)', providers.slice(0, 20));
  if (providers.length > 20)
    out.push(`… och ${providers.length - 20} utförare till (--json eller --out för alla)`, '');
  if (s)
    out.push(
      `Kostnadsneutralt (SCEN-2): ${
        s.target.kind === 'factor'
          ? `faktor ${formatNumber(s.factor ?? 0, 6)}`
          : s.target.kind === 'interval'
            ? `andel av heltid för ${s.target.interval}: ${formatNumber(s.factor ?? 0, 4)}`
            : s.annualStandardAmount !== null
              ? `schablon för ${s.target.service} nivå ${s.target.level}: ${formatKr(s.annualStandardAmount)}`
              : `${formatKrSigned(s.rateDelta ?? 0)} per enhet för ${s.target.service} nivå ${s.target.level}`
      }; ny summa ${formatKr(s.proposalTotalAfter)}, avvikelse ${formatKrSigned(s.residual)}`,
      written ? `Ny modellfil: ${written.file}` : '',
    );
  for (const f of consistency) out.push(`Stämmer inte: ${f.message}`);
  if (movers)
    out.push(
      '',
      'Personer som byter nivå',
      table(
        ['Person', 'Stadsdel', 'Utförare', 'Insats', 'Från', 'Till', 'Nu', 'Förslag'],
        movers.map((m) => [
          m.personId,
          m.district,
          m.providerId,
          m.service,
          m.from,
          m.to,
          formatKr(m.baseline),
          formatKr(m.proposal),
        ]),
      ),
    );
  return out
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n')
    .trimEnd();
}

/** Issue #12 §5 (SVC-3): the part-time share's effect per proposal level, when the model keeps an earlier share. */
function partTimeText(j: Shown, out: string[]): void {
  const keys = [...new Set(j.partTime.map((r) => `${r.service} ${r.interval}`))];
  for (const key of keys) {
    const rows = j.partTime.filter((r) => `${r.service} ${r.interval}` === key);
    const r0 = rows[0]!;
    const share = (x: number) => `${formatNumber(x * 100, 0)} %`;
    out.push(
      `Deltidsandelen för ${key} tim/vecka: ${share(r0.share)} av heltid i stället för ${share(r0.earlierShare)} (SVC-3)`,
      table(
        ['Nivå', 'Personer', `Med ${share(r0.share)}`, `Med ${share(r0.earlierShare)}`, 'Effekt', 'Nu'],
        rows.map((r) => [
          r.label,
          said(r.persons),
          said(r.cost, krOf),
          said(r.costAtEarlier, krOf),
          said(r.effect, (n) => formatKrSigned(kronorAsOre(n))),
          said(r.baseline, krOf),
        ]),
      ),
      '',
    );
  }
}
