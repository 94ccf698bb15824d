/**
 * Reading settlement runs from the API whatever the exact field names (totals per provider and
 * district may come as `providers`/`byProvider`), plus the Swedish run status names.
 */
import type { RunTotal, SettlementRun } from './types.js';

/** True while the server is still computing the run. */
export const isComputing = (run: Pick<SettlementRun, 'status'>): boolean =>
  run.status === 'running' || run.status === 'queued';

/** Totals per provider. */
export function providerTotals(run: SettlementRun): RunTotal[] {
  return run.providers ?? run.byProvider ?? [];
}

/** Totals per district. */
export function districtTotals(run: SettlementRun): RunTotal[] {
  return run.districts ?? run.byDistrict ?? [];
}
