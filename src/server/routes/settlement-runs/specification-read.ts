/**
 * A provider's specification as read from the database (PAY-10, issue #15 §4): the run and the
 * provider in one statement, then the provider's lines of the run that the user may see, with
 * client and unit, read and audited in one statement. Both are prepared on PostgreSQL
 * (db/prepared.ts) and compiled once per shape (db/shapes.ts): their text depends on the user's
 * role only; the run, the provider, the user's scope and the audit row are parameters.
 */
import type { Kysely } from 'kysely';
import { prepared } from '../../../db/prepared.js';
import { ShapeCache } from '../../../db/shapes.js';
import type { DB } from '../../../db/types.js';
import type { SessionUser } from '../../auth/sessions.js';
import { auditedReadStatement, auditRow, type AuditRow, type ReadAuditEntry } from '../../audit.js';
import { clientGone, notFound } from '../../errors.js';
import { lineScope, scopedLines, seesDrafts } from './scope.js';
import { withNames, type RunRow } from './service.js';

/** The run's and provider's statement: no shape, the two ids its values. */
const runAndProviderStatement = new ShapeCache(
  (db: Kysely<DB>, _shape: object, v: { runId: unknown; providerId: unknown }) =>
    db
      .selectFrom('settlement_runs')
      .leftJoin('providers', (join) => join.on('providers.id', '=', v.providerId as string))
      .selectAll('settlement_runs')
      .select([
        'providers.id as provider_id',
        'providers.name as provider_name',
        'providers.regime as provider_regime',
      ])
      .where('settlement_runs.id', '=', v.runId as number)
      .modifyEnd(prepared),
);

/**
 * A run the user may see (404 as service.ts's loadRun) and a provider (404 when unknown) in one
 * query, the specification's first round trip (issue #15 §4).
 */
async function runAndProvider(db: Kysely<DB>, user: SessionUser, runId: number, providerId: string) {
  const { rows } = await db.executeQuery(runAndProviderStatement.compile(db, {}, { runId, providerId }));
  const row = rows[0];
  if (!row || (row.status === 'draft' && !seesDrafts(user))) throw notFound('run', runId);
  const { provider_id: id, provider_name: name, provider_regime: regime, ...run } = row;
  if (id === null || name === null || regime === null) throw notFound('provider', providerId);
  return { run: run as RunRow, provider: { id, name, regime } };
}

/** The lines statement's values: the run, the provider, the user's scope and the audit row. */
type LineValues = AuditRow & {
  runId: unknown;
  providerId: unknown;
  scopeDistrict: unknown;
  scopeProvider: unknown;
};

/** The provider's lines of the run that a user of `role` may see, read and audited in one statement. */
function linesStatement(db: Kysely<DB>, role: SessionUser['role'], v: LineValues) {
  const user = { role, districtId: v.scopeDistrict, providerId: v.scopeProvider } as SessionUser;
  const query = withNames(scopedLines(db, user), user)
    .innerJoin('districts', 'districts.id', 'settlement_lines.district_id')
    .select('districts.name as district_name')
    .where('settlement_lines.run_id', '=', v.runId as number)
    .where('settlement_lines.provider_id', '=', v.providerId as string)
    .orderBy('settlement_lines.unit_id')
    .orderBy('settlement_lines.placement_id')
    .orderBy('settlement_lines.id');
  return auditedReadStatement(
    v,
    query,
    [{ column: 'unit_id' }, { column: 'placement_id' }, { column: 'id' }],
    undefined,
    undefined,
    true,
  );
}

const linesStatements = new ShapeCache((db: Kysely<DB>, s: { role: SessionUser['role'] }, v: LineValues) =>
  linesStatement(db, s.role, v),
);

/**
 * A run (404 when the user may not see it), a provider (404 when unknown) and the provider's lines
 * of the run that the user may see, with client and unit (PAY-10 specification): two round trips,
 * the lines read and audited in one statement (issue #15 §4), each flagged for a provider when it
 * paid a preliminary level (issue #10 §10, provider-view.ts).
 */
export function specificationLines(
  db: Kysely<DB>,
  user: SessionUser,
  runId: number,
  providerId: string,
  entry: ReadAuditEntry,
  gone: () => boolean = () => false,
) {
  // Both statements on one connection: on PGlite (one connection, its statements served in turn)
  // a request then waits its turn once, not once per statement. A request whose client left while
  // it waited is not read (nor audited, as nothing was read): under load a client that gives up
  // and asks again would otherwise queue the same work twice (issue #15 §4).
  return db.connection().execute((conn) => {
    if (gone()) throw clientGone();
    return readSpecification(conn, user, runId, providerId, entry);
  });
}

async function readSpecification(
  db: Kysely<DB>,
  user: SessionUser,
  runId: number,
  providerId: string,
  entry: ReadAuditEntry,
) {
  const { run, provider } = await runAndProvider(db, user, runId, providerId);
  const scope = lineScope(user);
  const values: LineValues = {
    ...auditRow(user, entry),
    runId: run.id,
    providerId: provider.id,
    scopeDistrict: scope.districtId ?? null,
    scopeProvider: scope.providerId ?? null,
  };
  const { rows: lines } = await db.executeQuery(linesStatements.compile(db, { role: user.role }, values));
  return { run, provider, lines };
}
