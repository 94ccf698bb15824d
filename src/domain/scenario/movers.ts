/**
 * The persons who change level between the baseline and the proposal (SCEN-3: "the persons who
 * change level", to judge the need for transition rules), each with both levels and both annual
 * amounts. A person changes level when the level id differs (current "3" → new "2").
 */
import type { Ore } from '../money.js';
import { REGIMES, SERVICE_IDS } from '../rate-model/schema.js';
import type { ServiceId } from '../rate-model/types.js';
import { intervalIndex, type ServiceCostTable } from './cost-table.js';
import { proposalTables, type PreparedComparison, type WhatIf } from './compare.js';
import { personIdAt } from './population.js';

/** One person moving level. */
export interface Mover {
  personId: string;
  district: string;
  providerId: string;
  service: ServiceId;
  from: string;
  to: string;
  baseline: Ore;
  proposal: Ore;
  line: number;
}

/** Lists the persons whose level id differs, in population order, at most `limit`. */
export function levelMovers(prep: PreparedComparison, options: WhatIf = {}, limit = Infinity): Mover[] {
  const pop = prep.population;
  const pt = proposalTables(prep, options);
  const out: Mover[] = [];
  for (let i = 0; i < pop.size && out.length < limit; i++) {
    if ((prep.counts.cellOfPerson[i] as number) < 0) continue;
    const s = pop.service[i] as number;
    const tb = prep.bt[s] as ServiceCostTable;
    const tp = pt[s] as ServiceCostTable;
    const pts = pop.points[i] as number;
    const lb = pts < tb.levelOfPoints.length ? (tb.levelOfPoints[pts] as number) : tb.openLevel;
    const lp = pts < tp.levelOfPoints.length ? (tp.levelOfPoints[pts] as number) : tp.openLevel;
    const from = tb.levelIds[lb] as string;
    const to = tp.levelIds[lp] as string;
    if (from === to) continue;
    const h = pop.hoursPerWeek[i] as number;
    const ib = tb.intervalIds.length > 1 ? intervalIndex(tb, h) : 0;
    const ip = tp.intervalIds.length > 1 ? intervalIndex(tp, h) : 0;
    const r = pop.regime[i] as number;
    out.push({
      personId: personIdAt(pop, i),
      district: pop.districts[pop.district[i] as number] as string,
      providerId: pop.providers[pop.provider[i] as number] as string,
      service: SERVICE_IDS[s] as ServiceId,
      from,
      to,
      baseline: tb.amounts[(lb * REGIMES.length + r) * tb.intervalIds.length + ib] as number,
      proposal: tp.amounts[(lp * REGIMES.length + r) * tp.intervalIds.length + ip] as number,
      line: pop.lines[i] as number,
    });
  }
  return out;
}
