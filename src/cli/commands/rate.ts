/** `rate --model ID --service SVC --level L --regime R [--hours-per-week H] [--json]` (contract.md). */
import type { Command } from 'commander';
import { lookupRate, type RateResult } from '../../domain/rate-model/rate.js';
import { oreToKronor } from '../../domain/money.js';
import { shippedCatalog } from '../../models/prebuilt.js';
import { formatKr, formatNumber } from '../format.js';
import { unitLabel } from '../../contract/labels.js';
import { emit, fail, numberOption } from '../output.js';

/** The contract's JSON for a rate, plus explanation fields. */
export function presentRate(r: RateResult) {
  return {
    unit: r.unit,
    amount: oreToKronor(r.amount.ore),
    annualStandardAmount: r.annualStandardAmount ? oreToKronor(r.annualStandardAmount.ore) : null,
    premisesAllowance: r.premisesAllowance ? oreToKronor(r.premisesAllowance.ore) : 0,
    source: r.amount.source,
    model: r.model,
    service: r.service,
    level: r.level,
    regime: r.regime,
    paidAsRegime: r.paidAsRegime,
    interval: r.interval,
    premisesAllowanceUnit: r.premisesAllowance?.unit ?? null,
    premisesAllowanceSource: r.premisesAllowance?.source ?? null,
    eveningNightPerHour: r.eveningNight ? oreToKronor(r.eveningNight.ore) : null,
    annualStandardAmountSource: r.annualStandardAmount?.source ?? null,
    illustrative: r.amount.illustrative,
    derived: r.amount.derived ?? null,
    rules: r.rules,
  };
}

export function registerRate(program: Command): void {
  program
    .command('rate')
    .description('Look up the rate for a level and regime of a service in a model')
    .requiredOption('--model <id>', 'rate model id')
    .requiredOption('--service <svc>', 'service id')
    .option('--level <level>', 'level id ("grundpeng", "1", …); not for flat-rate services')
    .requiredOption('--regime <regime>', 'kommunal, entreprenad or privat')
    .option('--hours-per-week <h>', 'participation, for daily activity (SVC-3)')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        model: string;
        service: string;
        level?: string;
        regime: string;
        hoursPerWeek?: string;
        json?: boolean;
      }) => {
        try {
          const model = (await shippedCatalog()).get(opts.model);
          const hours =
            opts.hoursPerWeek === undefined ? null : numberOption(opts.hoursPerWeek, '--hours-per-week');
          const r = lookupRate(model, {
            service: opts.service,
            level: opts.level ?? null,
            regime: opts.regime,
            hoursPerWeek: hours,
          });
          emit(opts.json, presentRate(r), () => {
            const lines = [
              `${formatKr(r.amount.ore)} per ${unitLabel(r.unit)}${r.amount.illustrative ? ' (illustrativt belopp)' : ''}`,
              `  ${r.model}, ${r.service}, ${r.level ? `nivå ${r.level}, ` : ''}${r.regime}${r.paidAsRegime !== r.regime ? ` (betalas som ${r.paidAsRegime})` : ''}`,
            ];
            if (r.interval)
              lines.push(
                `  Deltagandegrad: ${r.interval.label}${r.interval.factor !== null ? ` (${formatNumber(r.interval.factor)} av heltid)` : ''}`,
              );
            if (r.annualStandardAmount)
              lines.push(`  Schablon: ${formatKr(r.annualStandardAmount.ore)} per år`);
            if (r.premisesAllowance)
              lines.push(
                `  Lokalschablon: ${formatKr(r.premisesAllowance.ore)} per ${unitLabel(r.premisesAllowance.unit)}`,
              );
            if (r.eveningNight) lines.push(`  Kväll/natt: ${formatKr(r.eveningNight.ore)} per timme`);
            lines.push(`  Källa: ${r.amount.source}`);
            return lines.join('\n');
          });
        } catch (error) {
          fail(error);
        }
      },
    );
}
