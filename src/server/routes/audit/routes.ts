/**
 * The audit log for admins (issue #5 §4, issue #14 §4): GET /api/audit filtered by client, user,
 * action, entity and period, paged with the true total, and GET /api/audit.xlsx, the same filter
 * as a streamed file (log.ts; its export is itself audited); and the follow-up report (issue #13 §5, logguppföljning): GET /api/audit/follow-up and
 * its XLSX export /api/audit/follow-up.xlsx. Reading the report is itself audited.
 */
import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditExportQuery,
  auditList,
  auditQuery,
  followUpQuery,
  followUpResponse,
  type FollowUpItem,
} from '../../../contract/audit.js';
import { errorResponses } from '../../../contract/errors.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import { badInput } from '../../errors.js';
import { followUp, type FollowUpFilter } from './service.js';
import { auditItem, auditXlsx, filteredLog, listAudit } from './log.js';
import { todayIso } from '../../present.js';

/** Today in Stockholm and the day `days` before it, as ISO dates. */
function defaultPeriod(days: number): { from: string; to: string } {
  const to = todayIso();
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** The kinds in Swedish, for the export. */
const KIND_SV: Record<FollowUpItem['kind'], string> = {
  protected: 'Skyddad identitet',
  'outside-scope': 'Utanför behörighet',
  volume: 'Ovanligt många',
  refused: 'Nekad begäran',
  'sign-in-failed': 'Misslyckad inloggning',
};

/** The report as an XLSX workbook (one sheet, Swedish headers). */
async function followUpXlsx(report: { from: string; to: string; items: FollowUpItem[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Logguppföljning');
  ws.columns = [
    { header: 'Typ', key: 'kind', width: 22 },
    { header: 'Dag', key: 'day', width: 12 },
    { header: 'Tid', key: 'at', width: 26 },
    { header: 'Användare', key: 'username', width: 16 },
    { header: 'Roll', key: 'role', width: 14 },
    { header: 'Händelse', key: 'action', width: 12 },
    { header: 'Objekt', key: 'entity', width: 16 },
    { header: 'Objekt-id', key: 'entityId', width: 12 },
    { header: 'Antal klienter', key: 'clientCount', width: 14 },
    { header: 'Klient-id', key: 'clients', width: 30 },
    { header: 'Detalj', key: 'detail', width: 50 },
  ];
  for (const i of report.items)
    ws.addRow({ ...i, kind: KIND_SV[i.kind], clients: i.clientIds.slice(0, 200).join(', ') });
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Registers the audit routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;

  app.get(
    '/audit',
    {
      config: { access: ['admin'] },
      schema: { tags: ['audit'], querystring: auditQuery, response: { ...errorResponses, 200: auditList } },
    },
    async (request) => {
      const page = await listAudit(db, request.query);
      return { ...page, items: page.items.map(auditItem) };
    },
  );

  app.get(
    '/audit.xlsx',
    { config: { access: ['admin'] }, schema: { tags: ['audit'], querystring: auditExportQuery } },
    async (request, reply) => {
      const f = request.query;
      filteredLog(db, f); // a bad period is refused before anything is written
      await audit(db, userOf(request), { action: 'export', entity: 'audit-log', details: { filter: f } });
      const day = todayIso();
      void reply.header('content-disposition', `attachment; filename="logg-${day}.xlsx"`);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(auditXlsx(db, f));
    },
  );

  const report = async (q: {
    from?: string;
    to?: string;
    userId?: number;
    kind?: FollowUpFilter['kind'];
    threshold: number;
  }) => {
    const period = defaultPeriod(30);
    const filter: FollowUpFilter = { ...q, from: q.from ?? period.from, to: q.to ?? period.to };
    if (filter.from > filter.to) throw badInput('bad-period', 'Perioden slutar före den börjar', 'from');
    return { ...filter, ...(await followUp(db, filter)) };
  };

  app.get(
    '/audit/follow-up',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        querystring: followUpQuery,
        response: { ...errorResponses, 200: followUpResponse },
      },
    },
    async (request) => {
      const r = await report(request.query);
      await audit(db, userOf(request), {
        action: 'read',
        entity: 'audit-follow-up',
        details: { from: r.from, to: r.to, kind: r.kind ?? null, findings: r.items.length },
      });
      return { from: r.from, to: r.to, threshold: r.threshold, items: r.items, truncated: r.truncated };
    },
  );

  app.get(
    '/audit/follow-up.xlsx',
    { config: { access: ['admin'] }, schema: { tags: ['audit'], querystring: followUpQuery } },
    async (request, reply) => {
      const r = await report(request.query);
      await audit(db, userOf(request), {
        action: 'export',
        entity: 'audit-follow-up',
        details: { from: r.from, to: r.to, kind: r.kind ?? null, findings: r.items.length },
      });
      void reply.header(
        'content-disposition',
        `attachment; filename="logguppfoljning-${r.from}-${r.to}.xlsx"`,
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await followUpXlsx(r));
    },
  );
};
export default routes;
