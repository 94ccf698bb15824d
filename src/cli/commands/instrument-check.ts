/**
 * `instrument-check FILE… [--json]` (ASMT-1): validates instrument files (schema, seven areas, five
 * grades, example marks) and that their totals fit the rate model's point ranges (LVL-1, LVL-4).
 * Exit 2 naming the file and path when one does not (contract.md).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { loadInstrumentFile } from '../../instruments/load.js';
import { emit, fail } from '../output.js';

/** Registers `instrument-check` (discovered by src/cli/registry.ts). */
export function register(program: Command): void {
  program
    .command('instrument-check')
    .description('Validate assessment-instrument files against the rate models (ASMT-1)')
    .argument('<files...>', 'instrument YAML files (instruments/<family>/<year>.yaml)')
    .option('--json', 'print JSON')
    .action((files: string[], opts: { json?: boolean }) => {
      try {
        for (const f of files) if (!existsSync(f)) throw new InputError('no-file', 'no such file', f);
        const checked = files.map((f) => loadInstrumentFile(f));
        const doc = {
          ok: true,
          instruments: checked.map((i) => ({
            id: i.id,
            file: i.file,
            rateModelFamily: i.rateModel.family,
            services: i.rateModel.services,
            areas: i.areas.length,
            items: i.areas.reduce((s, a) => s + a.items.length, 0),
            exampleItems: i.areas.reduce((s, a) => s + a.items.filter((it) => it.example).length, 0),
            maxTotal: i.maxTotal,
            warnings: i.warnings,
          })),
        };
        emit(opts.json, doc, (d) =>
          d.instruments
            .map(
              (i) =>
                `${i.file}: ${i.id} giltigt (${i.areas} livsområden, ${i.items} frågor, högst ${i.maxTotal} poäng` +
                `${i.exampleItems > 0 ? `, ${i.exampleItems} exempelfrågor att ersätta` : ''})` +
                i.warnings.map((w) => `\n  varning: ${w}`).join(''),
            )
            .join('\n'),
        );
      } catch (error) {
        fail(error);
      }
    });
}
