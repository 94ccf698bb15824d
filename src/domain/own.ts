/**
 * A record's own entry for a key given from outside (a service, regime or level id from a request,
 * a command line or a file). Plain objects inherit `constructor`, `toString`, … from
 * Object.prototype, so `model.services['constructor']` was a function, not "no such service": it
 * passed the unknown-service check and failed further in (a 500 from POST /api/analysis/breakeven,
 * exit 1 from `breakeven`, `rate` and `classify`; found by the route fuzz at FUZZ_RUNS=100).
 */
export function own<V>(record: Readonly<Partial<Record<string, V>>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
