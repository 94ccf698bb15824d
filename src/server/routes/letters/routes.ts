/**
 * The flow's letters as PDF (issue #11 §5): GET /api/offers/:id/letter.pdf (to the client, with
 * the answer and start deadlines), /api/decisions/:id/letter.pdf (to the client) and
 * /api/orders/:id/letter.pdf (to the provider). A letter carries personal data: each is read
 * within the user's scope and audited as an export of the client's data.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors.js';
import { idParams } from '../../../contract/primitives.js';
import { decisionLetter, offerLetter, orderLetter, type Letter } from '../../../domain/flow/letters.js';
import type { Role, DB } from '../../../db/types.js';
import { userOf } from '../../access.js';
import { audit } from '../../audit.js';
import type { SessionUser } from '../../auth/sessions.js';
import type { Kysely } from 'kysely';
import { renderLetter } from './pdf.js';
import { decisionLetterFacts, offerLetterFacts, orderLetterFacts } from './service.js';

interface LetterKind {
  path: string;
  entity: string;
  /** The file name's first word (Swedish, as the user saves it). */
  file: string;
  access: readonly Role[];
  load: (db: Kysely<DB>, user: SessionUser, id: number) => Promise<{ letter: Letter; clientId: number }>;
}

const KINDS: LetterKind[] = [
  {
    path: '/offers/:id/letter.pdf',
    entity: 'offer-letter',
    file: 'erbjudande',
    access: ['case_officer', 'provider', 'admin'],
    load: async (db, user, id) => {
      const { facts, clientId } = await offerLetterFacts(db, user, id);
      return { letter: offerLetter(facts), clientId };
    },
  },
  {
    path: '/decisions/:id/letter.pdf',
    entity: 'decision-letter',
    file: 'beslut',
    access: ['case_officer', 'assessor', 'admin'],
    load: async (db, user, id) => {
      const { facts, clientId } = await decisionLetterFacts(db, user, id);
      return { letter: decisionLetter(facts), clientId };
    },
  },
  {
    path: '/orders/:id/letter.pdf',
    entity: 'order-letter',
    file: 'bestallning',
    access: ['case_officer', 'provider', 'admin'],
    load: async (db, user, id) => {
      const { facts, clientId } = await orderLetterFacts(db, user, id);
      return { letter: orderLetter(facts), clientId };
    },
  },
];

/** Registers the three letter routes. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx;
  for (const kind of KINDS)
    app.get(
      kind.path,
      {
        config: { access: kind.access },
        schema: {
          tags: ['letters'],
          params: idParams,
          // The body is the PDF itself (application/pdf), sent as bytes: nothing to serialise.
          response: { 200: z.unknown().describe('Brevet som PDF (application/pdf)'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        const { id } = request.params;
        const { letter, clientId } = await kind.load(db, user, id);
        const pdf = await renderLetter(letter);
        await audit(db, user, { action: 'export', entity: kind.entity, entityId: id, clientIds: [clientId] });
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${kind.file}-${id}.pdf"`)
          .header('cache-control', 'no-store')
          .send(pdf as never);
      },
    );
};
export default routes;
