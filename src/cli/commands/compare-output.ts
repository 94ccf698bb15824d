/**
 * How `compare` prints (contract.md JSON keys, Swedish readable tables) and what `--out` writes:
 * amounts as kronor numbers exact to the öre, percent to six decimals.
 */
import { oreToKronor } from '../../domain/money.js';
import type { Comparison } from '../../domain/scenario/compare.js';
import { comparisonJson, roundPercent } from '../../domain/scenario/compare-json.js';
import type { Finding } from '../../domain/scenario/consistency.js';
import type { Mover } from '../../domain/scenario/movers.js';
import type { NeutralSolution } from '../../domain/scenario/neutral.js';
import type { OutTable } from '../../population/write.js';
import { formatKr, formatKrSigned, formatNumber, table } from '../format.js';

const kr = oreToKronor;
const pct = roundPercent;

/** The JSON document of contract.md `compare`, plus level changes, consistency and solution. */
export function toJson(
  c: Comparison,
  consistency: Finding[],
  s: NeutralSolution | null,
  written: unknown,
  movers: Mover[] | null = null,
) {
  const { warnings, rules, ...head } = comparisonJson(c);
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

/** Every table for `--out`: levels, totals, districts, providers, level changes, consistency. */
/** An .xlsx sheet holds at most 1 048 576 rows. */
const XLSX_MAX_ROWS = 1_048_575;

export function outTables(c: Comparison, consistency: Finding[], movers: Mover[], xlsx: boolean): OutTable[] {
  const impact = (name: string, rows: Comparison['byDistrict']): OutTable => ({
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
      kr(r.baseline),
      kr(r.proposal),
      kr(r.difference),
      pct(r.percent),
      r.personsChangingLevel,
      r.impact,
    ]),
  });
  return [
    {
      name: 'levels',
      columns: ['model', 'service', 'level', 'label', 'persons', 'cost_kr'],
      rows: [c.baseline, c.proposal].flatMap((s) =>
        s.byLevel.map((l) => [s.model, l.service, l.level, l.label, l.persons, kr(l.cost)]),
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
          c.personsChangingLevel,
        ],
      ],
    },
    impact('districts', c.byDistrict),
    impact('providers', c.byProvider),
    {
      name: 'level-changes',
      columns: ['service', 'from_level', 'to_level', 'persons', 'baseline_kr', 'proposal_kr'],
      rows: c.levelChanges.map((l) => [l.service, l.from, l.to, l.persons, kr(l.baseline), kr(l.proposal)]),
    },
    {
      name: 'consistency',
      columns: ['kind', 'side', 'service', 'level', 'message'],
      rows: consistency.map((f) => [f.kind, f.side, f.service, f.level, f.message]),
    },
    {
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
    },
  ];
}

const signedPct = (p: number | null) => (p === null ? '' : `${p > 0 ? '+' : ''}${formatNumber(p, 4)} %`);

/** The readable (Swedish) report. */
export function text(
  c: Comparison,
  consistency: Finding[],
  s: NeutralSolution | null,
  written: { file: string } | null,
  movers: Mover[] | null = null,
): string {
  const out: string[] = [];
  const services = [...new Set([...c.baseline.byLevel, ...c.proposal.byLevel].map((l) => l.service))];
  for (const svc of services) {
    const b = c.baseline.byLevel.filter((l) => l.service === svc);
    const p = c.proposal.byLevel.filter((l) => l.service === svc);
    const rows = Array.from({ length: Math.max(b.length, p.length) }, (_, i) => {
      const x = b[i];
      const y = p[i];
      return [
        x?.label ?? '',
        x ? String(x.persons) : '',
        x ? formatKr(x.cost) : '',
        y?.label ?? '',
        y ? String(y.persons) : '',
        y ? formatKr(y.cost) : '',
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
    `Personer som byter nivå: ${c.personsChangingLevel}`,
    '',
  );
  const impact = (title: string, rows: Comparison['byDistrict']) =>
    out.push(
      title,
      table(
        ['', 'Personer', 'Nu', 'Förslag', 'Skillnad', 'Procent', 'Byter nivå'],
        rows.map((r) => [
          r.key,
          String(r.persons),
          formatKr(r.baseline),
          formatKr(r.proposal),
          formatKrSigned(r.difference),
          signedPct(r.percent),
          String(r.personsChangingLevel),
        ]),
      ),
      '',
    );
  impact('Per stadsdel (störst påverkan först)', c.byDistrict);
  impact('Per utförare (störst påverkan först)', c.byProvider.slice(0, 20));
  if (c.byProvider.length > 20)
    out.push(`… och ${c.byProvider.length - 20} utförare till (--json eller --out för alla)`, '');
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
