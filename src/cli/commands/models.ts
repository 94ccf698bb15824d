/** `models [--json]`: the shipped rate models, their validity and services (contract.md). */
import type { Command } from 'commander';
import type { RateModel } from '../../domain/rate-model/types.js';
import { shippedCatalog } from '../../models/prebuilt.js';
import { emit, fail } from '../output.js';
import { table } from '../format.js';
import { modelStatusLabel } from '../../contract/labels.js';

/** The JSON shape of one model in `models --json`. */
export function presentModel(m: RateModel) {
  return {
    id: m.id,
    title: m.title,
    validFrom: m.validFrom,
    validTo: m.validTo,
    services: Object.keys(m.services),
    status: m.status,
    family: m.family,
    priceYear: m.priceYear,
    source: m.source,
    file: m.file,
    warnings: m.warnings,
  };
}

export function registerModels(program: Command): void {
  program
    .command('models')
    .description('List the rate models (id, title, validity, services)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      try {
        const catalog = await shippedCatalog(); // the build's prebuilt models: a fast start
        const doc = catalog.models.map(presentModel);
        emit(opts.json, doc, (d) =>
          [
            table(
              ['Modell', 'Status', 'Gäller från', 'Gäller till', 'Insatser'],
              d.map((m) => [
                m.id,
                modelStatusLabel(m.status),
                m.validFrom,
                m.validTo ?? '–',
                m.services.join(', '),
              ]),
            ),
            ...d.flatMap((m) => m.warnings.map((w) => `Varning (${m.id}): ${w}`)),
          ].join('\n'),
        );
      } catch (error) {
        fail(error);
      }
    });
}
