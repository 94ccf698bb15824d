/** `breakeven --model ID --service SVC --regime R --annual-cost KR --residents N [--json]` (SCEN-4). */
import type { Command } from 'commander';
import { oreToKronor } from '../../domain/money.js';
import { breakeven } from '../../domain/scenario/breakeven.js';
import { shippedCatalog } from '../../models/prebuilt.js';
import { formatKr } from '../format.js';
import { emit, fail, intOption, kronorOption } from '../output.js';

export function registerBreakeven(program: Command): void {
  program
    .command('breakeven')
    .description('Smallest resident mix over the two lowest levels that covers a base-staffing cost (SCEN-4)')
    .requiredOption('--model <id>', 'rate model id')
    .requiredOption('--service <svc>', 'service id')
    .requiredOption('--regime <regime>', 'kommunal, entreprenad or privat')
    .requiredOption('--annual-cost <kr>', 'the unit’s annual base-staffing cost in kronor')
    .requiredOption('--residents <n>', 'number of residents')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        model: string;
        service: string;
        regime: string;
        annualCost: string;
        residents: string;
        json?: boolean;
      }) => {
        try {
          const model = (await shippedCatalog()).get(opts.model);
          const r = breakeven(model, {
            service: opts.service,
            regime: opts.regime,
            annualCost: kronorOption(opts.annualCost, '--annual-cost'),
            residents: intOption(opts.residents, '--residents'),
          });
          const doc = {
            counts: r.counts,
            annualIncome: oreToKronor(r.annualIncome),
            levels: r.levels,
            rates: { low: oreToKronor(r.rates.low), high: oreToKronor(r.rates.high) },
            daysPerYear: r.daysPerYear,
            // The income of the mix with one fewer at the higher level, which falls short of the
            // cost (null when none at the higher level already covers it).
            incomeWithOneFewer: r.previousIncome === null ? null : oreToKronor(r.previousIncome),
            rules: ['SCEN-4'],
          };
          emit(opts.json, doc, () =>
            [
              `${r.counts[r.levels.low]} boende på nivå ${r.levels.low} och ${r.counts[r.levels.high]} på nivå ${r.levels.high}`,
              `  Intäkt: ${formatKr(r.annualIncome)} per år (peng × ${r.daysPerYear})`,
              r.previousIncome !== null
                ? `  Med en färre på nivå ${r.levels.high}: ${formatKr(r.previousIncome)} per år, under kostnaden`
                : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
        } catch (error) {
          fail(error);
        }
      },
    );
}
