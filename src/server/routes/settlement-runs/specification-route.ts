/**
 * GET /api/settlement-runs/:id/specification/:providerId.(json|csv|xlsx): a provider's
 * specification (PAY-10) with every line explained, clients masked as the user's role requires;
 * case officers get their district's lines, providers only their own. Audited as an export.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { providerScope, userOf } from '../../access.js';
import { clientIdentity, kr } from '../../present.js';
import type { Regime } from '../../../domain/rate-model/types.js';
import { flaggedLinesSeenBy } from '../assessments/provider-view.js';
import { lineView } from './present.js';
import { specificationLines } from './specification-read.js';
import { errorResponses } from '../../../contract/errors.js';
import { specificationSchema, specParams } from '../../../contract/settlement-runs.js';
import { specificationCsv, specificationXlsx, type Specification } from './specification.js';

/** Registers the specification route. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/settlement-runs/:id/specification/:file',
    {
      config: { access: ['admin', 'finance', 'case_officer', 'provider'] },
      schema: {
        tags: ['settlement'],
        params: specParams,
        response: { 200: specificationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const [providerParam, format] = request.params.file.split('.') as [string, 'json' | 'csv' | 'xlsx'];
      const providerId = providerScope(user, providerParam)!;
      const { run, provider, ...found } = await specificationLines(
        db,
        user,
        request.params.id,
        providerId,
        {
          action: 'export',
          entity: 'specification',
          entityId: `${request.params.id}/${providerId}`,
          details: { format },
        },
        () => request.raw.destroyed,
      );
      // Issue #10 §10: a provider sees no level paid on a preliminary assessment (flagged in the read).
      const lines = flaggedLinesSeenBy(user, found.lines);
      const spec: Specification = {
        run: { id: run.id, month: run.month, status: run.status },
        provider: { id: provider.id, name: provider.name, regime: provider.regime as Regime },
        total: kr(lines.reduce((s, l) => s + l.amount_ore, 0)),
        lines: lines.map((l) => {
          const who = clientIdentity(user, {
            name: l.client_name,
            personnummer: l.personnummer,
            district_id: l.client_district,
            protected_identity: l.protected_identity,
          });
          const v = lineView(l);
          return {
            placementId: l.placement_id,
            clientName: who.name,
            personnummerMasked: who.personnummerMasked,
            unitName: l.unit_name,
            districtId: l.district_id,
            districtName: l.district_name,
            service: v.service,
            kind: v.kind,
            from: l.from_date,
            to: l.to_date,
            quantity: l.quantity,
            unit: l.unit,
            rate: v.rate,
            amount: v.amount,
            level: l.level,
            correctsMonth: l.corrects_month,
            rules: l.rules,
            explanation: v.explanation,
          };
        }),
      };
      const name = `specifikation-${run.month}-${providerId}-${run.id}.${format}`;
      void reply.header('content-disposition', `attachment; filename="${name}"`);
      // CSV and XLSX are sent as they are (the JSON schema serialises only the .json answer).
      if (format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(specificationCsv(spec) as never);
      if (format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send((await specificationXlsx(spec)) as never);
      return spec;
    },
  );
};
export default routes;
