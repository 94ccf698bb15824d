/**
 * The seeds win where the transcription differs (rates.md): reads 002's Tabell 1 and 2 straight
 * from the seed text and checks every figure against the model files. Skipped when the seeds are
 * not beside the repository (they are in CI: ../shared).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupRate } from '../domain/rate-model/rate.js';
import { classifyPoints } from '../domain/rate-model/classify.js';
import { loadCatalog, MODELS_DIR } from './load.js';

const seeds = join(MODELS_DIR, '../../shared/seeds');
const seed002 = existsSync(seeds) ? readdirSync(seeds).find((f) => f.startsWith('002_')) : undefined;

describe.skipIf(!seed002)('model files against seed 002', () => {
  const text = seed002 ? readFileSync(join(seeds, seed002), 'utf8') : '';
  const section = (from: string, to: string) =>
    text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
  const rows = (chunk: string) => {
    const out: { service: string; level: string; min: number; max: number; figures: number[] }[] = [];
    let service = '';
    for (const line of chunk.split('\n')) {
      if (/Servic/i.test(line) && line.includes('<i>')) service = 'lss-servicebostad';
      if (/Grupp/i.test(line) && line.includes('<i>')) service = 'lss-gruppbostad';
      const m = /^(Grundpeng|Nivå (\d)) \((\d+)-(\d+) poäng\)\t(.*)$/.exec(line.trim());
      if (!m) continue;
      const figures = m[5]!.split('\t').map((f) => Number(f.replace(/\s/g, '')));
      out.push({ service, level: m[2] ?? 'grundpeng', min: Number(m[3]), max: Number(m[4]), figures });
    }
    return out;
  };
  const catalog = loadCatalog();
  it.each([
    ['Tabell 1: Nuvarande', 'Tidigare översyn', 'lss-bostad-2023', 17],
    ['Tabell 2: Föreslagna', 'Beräkning av grundbemanning', 'lss-bostad-2024', 10],
  ])('%s → %s', (from, to, modelId, count) => {
    const model = catalog.get(modelId);
    const table = rows(section(from, to));
    expect(table).toHaveLength(count);
    for (const r of table) {
      const [schablon, ...rates] = r.figures;
      ['kommunal', 'entreprenad', 'privat'].forEach((regime, i) => {
        const got = lookupRate(model, { service: r.service, level: r.level, regime });
        expect(got.amount.ore, `${r.service} ${r.level} ${regime}`).toBe(rates[i]! * 100);
        expect(got.annualStandardAmount?.ore).toBe(schablon! * 100);
      });
      expect(classifyPoints(model, r.service, r.min).level).toBe(r.level);
      expect(classifyPoints(model, r.service, r.max).level).toBe(r.level);
    }
  });
});
