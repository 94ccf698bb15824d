/**
 * `npm test`'s checks before vitest: lint, typecheck, format check and build, run at once rather
 * one after another. Each is a single-threaded process of 10-60 s; on CI's two cores running them
 * together halves that part of the suite's wall time (docs/operations.md "Test suite"). Each
 * one's output is held and printed whole when it ends, in the order given, so logs do not
 * interleave; the exit code is the first failure's (every check still runs to the end, so one
 * run shows every problem). `tsx src/build/checks.ts <npm script>...`.
 */
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What one check printed and how it ended. */
export interface CheckResult {
  script: string;
  code: number;
  output: string;
  ms: number;
}

/** Runs one npm script with its output (stdout and stderr, in arrival order) captured. */
function runScript(script: string, cwd: string): Promise<CheckResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn('npm', ['run', '--silent', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const done = (code: number, extra = '') =>
      resolve({
        script,
        code,
        output: Buffer.concat(chunks).toString('utf8') + extra,
        ms: Math.round(performance.now() - started),
      });
    child.on('error', (error) => done(1, `\n${error.message}\n`));
    child.on('close', (code, signal) =>
      done(code ?? (signal ? 1 : 0), signal ? `\nstopped by ${signal}\n` : ''),
    );
  });
}

/** Runs every script at once; resolves when all have ended, results in the order given. */
export function runChecks(scripts: readonly string[], cwd: string = process.cwd()): Promise<CheckResult[]> {
  return Promise.all(scripts.map((s) => runScript(s, cwd)));
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scripts = process.argv.slice(2);
  if (scripts.length === 0) {
    process.stderr.write('checks: name the npm scripts to run (lint typecheck …)\n');
    process.exit(2);
  }
  const results = await runChecks(scripts);
  for (const r of results) {
    process.stdout.write(
      `\n> ${r.script} (${r.code === 0 ? 'passed' : `failed, exit ${r.code}`}, ${r.ms} ms)\n`,
    );
    process.stdout.write(r.output);
  }
  const failed = results.find((r) => r.code !== 0);
  process.exit(failed ? failed.code : 0);
}
