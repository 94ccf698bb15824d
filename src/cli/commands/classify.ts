/** `classify --model ID --service SVC --points N [--json]`: points to level (LVL-1..LVL-4). */
import type { Command } from 'commander';
import { classifyPoints } from '../../domain/rate-model/classify.js';
import { formatRange } from '../../domain/rate-model/validate.js';
import { shippedCatalog } from '../../models/prebuilt.js';
import { emit, fail, intOption } from '../output.js';

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('Classify assessment points to a level of a model and service')
    .requiredOption('--model <id>', 'rate model id')
    .requiredOption('--service <svc>', 'service id, e.g. lss-gruppbostad')
    .requiredOption('--points <n>', 'assessment points (a whole number)')
    .option('--json', 'print JSON')
    .action(async (opts: { model: string; service: string; points: string; json?: boolean }) => {
      try {
        const model = (await shippedCatalog()).get(opts.model);
        const c = classifyPoints(model, opts.service, intOption(opts.points, '--points'));
        const doc = {
          level: c.level,
          label: c.label,
          points: c.points,
          model: model.id,
          service: opts.service,
        };
        emit(opts.json, doc, (d) => `${d.label} (${formatRange(d.points)} poäng) i ${d.model}, ${d.service}`);
      } catch (error) {
        fail(error);
      }
    });
}
