/**
 * `model-check FILE…` validates model files (schema, ranges, derived figures) without installing
 * them; `model-derive` writes a new price-year version from a shipped one (RATE-1).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { InputError } from '../../domain/errors.js';
import { ModelCatalog } from '../../domain/rate-model/catalog.js';
import { parseRateModel } from '../../domain/rate-model/parse.js';
import { upliftModelFile } from '../../domain/rate-model/uplift.js';
import { loadCatalog, loadModelFile, modelFiles, modelPath, readModelFile } from '../../models/load.js';
import { emit, fail, intOption, numberOption } from '../output.js';
import { writeNewFile } from '../../population/write.js';

export function registerModelTools(program: Command): void {
  program
    .command('model-check')
    .description('Validate rate-model files (and that they fit with the shipped ones)')
    .argument('<files...>', 'model YAML files')
    .option('--json', 'print JSON')
    .action((files: string[], opts: { json?: boolean }) => {
      try {
        for (const f of files) if (!existsSync(f)) throw new InputError('no-file', 'no such file', f);
        const checked = files.map(loadModelFile);
        const ids = new Set(checked.map((m) => m.id));
        const shipped = modelFiles()
          .map(loadModelFile)
          .filter((m) => !ids.has(m.id));
        const catalog = new ModelCatalog([...shipped, ...checked]);
        const doc = {
          ok: true,
          models: checked.map((m) => ({ id: m.id, file: m.file, warnings: m.warnings })),
          warnings: catalog.warnings,
        };
        emit(opts.json, doc, (d) =>
          d.models
            .map((m) => `${m.file}: ${m.id} giltig${m.warnings.map((w) => `\n  varning: ${w}`).join('')}`)
            .join('\n'),
        );
      } catch (error) {
        fail(error);
      }
    });

  program
    .command('model-derive')
    .description('Write a new model version from an old one by a stated uplift (new price year)')
    .requiredOption('--from <id>', 'the model to derive from')
    .requiredOption('--id <id>', 'the new model id')
    .requiredOption('--valid-from <date>', 'first day of the new version (YYYY-MM-DD)')
    .requiredOption('--price-year <year>', 'the new price year')
    .requiredOption('--uplift <percent>', 'uplift in percent, e.g. 3,2')
    .option('--rounding <unit>', 'krona or ore', 'krona')
    .requiredOption('--source <text>', 'the decision behind the uplift (budget, Dnr)')
    .requiredOption('--out <file>', 'where to write the new model file')
    .option('--json', 'print JSON')
    .action(
      (opts: {
        from: string;
        id: string;
        validFrom: string;
        priceYear: string;
        uplift: string;
        rounding: string;
        source: string;
        out: string;
        json?: boolean;
      }) => {
        try {
          const old = loadCatalog().get(opts.from);
          if (opts.rounding !== 'krona' && opts.rounding !== 'ore')
            throw new InputError('bad-rounding', `"${opts.rounding}" is not krona or ore`, '--rounding');
          if (existsSync(opts.out))
            throw new InputError('file-exists', 'exists already; history is never overwritten', opts.out);
          const file = upliftModelFile(readModelFile(modelPath(old)), {
            id: opts.id,
            validFrom: opts.validFrom,
            priceYear: intOption(opts.priceYear, '--price-year'),
            upliftPercent: numberOption(opts.uplift, '--uplift'),
            rounding: opts.rounding,
            source: opts.source,
          });
          const model = parseRateModel(file, opts.out);
          new ModelCatalog([...loadCatalog().models, model]);
          writeNewFile(
            opts.out,
            `# Derived by bin/ersattning model-derive from ${old.id}; do not edit figures by hand.\n${stringify(file)}`,
            '--out',
          );
          emit(
            opts.json,
            { id: model.id, file: opts.out, derivedFrom: old.id, warnings: model.warnings },
            (d) => `${d.file}: ${d.id} härledd från ${d.derivedFrom}`,
          );
        } catch (error) {
          fail(error);
        }
      },
    );
}
