/**
 * The server's life cycle (issue #5 §2, §6): a restart keeps all data; a second server on the same
 * PGlite data directory is refused; killing the process (SIGKILL) during a settlement run leaves
 * no partial run, and the interrupted job is marked failed at the next start; a server that cannot
 * listen closes its database and releases the lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../db/lock.js';
import { createTestPgDatabase, pgliteTemplate, TEST_PG_URL } from '../db/testing.js';
import { makeIdentity } from '../db/identity.js';
import { DEMO_YEAR } from '../db/seed/demo.js';
import { prepareDatabase, REPO_ROOT, startServer, type RunningServer } from './start.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ersattning-life-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function login(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
}

type Where = { dataDir: string } | { databaseUrl: string };
const targets: { name: string; where: () => Promise<Where & { drop?: () => Promise<void> }> }[] = [
  { name: 'pglite', where: async () => ({ dataDir: tempDir() }) },
  ...(TEST_PG_URL
    ? [
        {
          name: 'postgres',
          where: async () => {
            const d = await createTestPgDatabase(TEST_PG_URL!);
            return { databaseUrl: d.url, drop: d.drop };
          },
        },
      ]
    : []),
];

for (const target of targets) {
  describe(`server life cycle on ${target.name}`, () => {
    it('keeps all data across a restart', async () => {
      const where = await target.where();
      const opts = {
        ...where,
        port: 0,
        logLevel: false as const,
        webDir: null,
        demoScale: 0.03,
        demoAllocation: false,
        template: await pgliteTemplate(),
      };
      let server: RunningServer = await startServer(opts);
      expect(server.seeded?.districts).toBe(13);
      expect(server.demoYear).toBe(DEMO_YEAR); // the start banner names it (issue #14 §7)
      const api = await login(server.url, 'handlaggare', 'handlaggare-demo');
      const created = await api('/api/clients', {
        method: 'POST',
        body: {
          personnummer: makeIdentity('19550505', 55),
          name: 'Kvar Efter Omstart',
          districtId: 'bromma',
        },
      });
      expect(created.status).toBe(201);
      const id = ((await created.json()) as { id: number }).id;
      if ('dataDir' in where)
        await expect(startServer({ ...opts })).rejects.toBeInstanceOf(DataDirLockedError);
      await server.close();
      server = await startServer(opts);
      try {
        expect(server.seeded).toBeNull();
        expect(server.demoYear).toBe(DEMO_YEAR); // still the demo database
        const again = await login(server.url, 'handlaggare', 'handlaggare-demo');
        const res = await again(`/api/clients/${id}`);
        expect(((await res.json()) as { name: string }).name).toBe('Kvar Efter Omstart');
      } finally {
        await server.close();
        await where.drop?.();
      }
    }, 120_000);

    if (target.name === 'pglite')
      it('closes the database and releases its lock when it cannot listen (port in use)', async () => {
        const common = { logLevel: false as const, webDir: null, demoScale: 0.03, demoAllocation: false };
        const first = await startServer({ ...common, dataDir: ':memory:', port: 0, seed: 'none' });
        try {
          const dataDir = tempDir();
          const port = Number(new URL(first.url).port);
          await expect(
            startServer({ ...common, dataDir, port, template: await pgliteTemplate() }),
          ).rejects.toMatchObject({ code: 'EADDRINUSE' });
          // No stale lock: the next start is not told of a crash that never happened.
          expect(existsSync(join(dataDir, 'ersattning.lock'))).toBe(false);
        } finally {
          await first.close();
        }
      }, 120_000);

    it('leaves no partial run when killed during a settlement run', async () => {
      const where = await target.where();
      // Create, migrate and seed in this process (from the template: no initdb), then serve it. The
      // whole demo city (a run long enough to be killed half-way), without its reconciliations and
      // exported year, which only cost time here.
      const prepared = await prepareDatabase({
        ...where,
        template: await pgliteTemplate(),
        demoAllocation: false,
      });
      await prepared.database.close();
      const args = [
        'bin/ersattning',
        'serve',
        '--port',
        '0',
        ...('dataDir' in where ? ['--data-dir', where.dataDir] : ['--database-url', where.databaseUrl]),
      ];
      const spawnServer = () =>
        new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
          const child = spawn(process.execPath, args, {
            cwd: REPO_ROOT,
            env: { ...process.env, LOG_LEVEL: 'error' },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          child.stdout!.on('data', (b: Buffer) => {
            out += b.toString();
            const m = out.match(/(http:\/\/\S+)/);
            if (m) resolve({ child, url: m[1]! });
          });
          child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
          child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
        });
      const { child, url } = await spawnServer();
      const api = await login(url, 'admin', 'admin-demo');
      // The demo data holds an exported 2025-01 (issue #12 §7), so this test runs two later months.
      const first = await api('/api/settlement-runs', { method: 'POST', body: { month: '2025-04' } });
      expect(first.status).toBe(201);
      const res = await api('/api/settlement-runs?async=true', {
        method: 'POST',
        body: { month: '2025-05' },
      });
      expect(res.status).toBe(202);
      await new Promise((r) => setTimeout(r, 150));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const server = await startServer({ ...where, port: 0, logLevel: false, webDir: null });
      try {
        // The start banner reports the stale lock the killed server left (issue #13, PGlite).
        if ('dataDir' in where) expect(server.warnings.join('\n')).toMatch(/togs över/);
        const db = server.database.db;
        const runs = await sql<{ id: number; line_count: number; total_ore: number; n: number; s: number }>`
          select r.id, r.line_count, r.total_ore, count(l.id)::int as n, coalesce(sum(l.amount_ore), 0)::int8 as s
          from settlement_runs r left join settlement_lines l on l.run_id = r.id group by r.id order by r.id`.execute(
          db,
        );
        expect(runs.rows.length).toBeGreaterThanOrEqual(1);
        for (const r of runs.rows) expect([r.n, r.s]).toEqual([r.line_count, r.total_ore]);
        const jobs = await db.selectFrom('jobs').select(['status']).orderBy('id').execute();
        expect(jobs.map((j) => j.status).every((s) => s === 'done' || s === 'failed')).toBe(true);
        // Either the killed run committed whole (a done job and its run) or not at all (failed job, no run).
        expect(jobs.length === runs.rows.length || jobs.at(-1)!.status === 'failed').toBe(true);
        if (process.env.ERSATTNING_TEST_VERBOSE)
          console.log(
            target.name,
            jobs.map((j) => j.status),
            runs.rows.length,
          );
      } finally {
        await server.close();
        await where.drop?.();
      }
    }, 120_000);
  });
}
