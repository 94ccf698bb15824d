/**
 * The client's letters (issue #11 §5): for each decision its letter, the order letters and the
 * offer letters, as PDF links the browser opens (GET …/letter.pdf; the API audits each). Shown on
 * the client page to the roles that may read them: assessors read decision letters only.
 */
import { Anchor, List, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { formatDate, formatPeriod } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { DecisionView } from '../../contract/decisions.js';
import type { OfferView } from '../../contract/offers.js';
import type { ListPage } from '../../contract/primitives.js';
import { QueryState } from './QueryState.js';

/** A link to a letter, opened as the PDF itself; its text says what it is and that it is a PDF. */
export function LetterLink({ href, children }: { href: string; children: string }) {
  return (
    <Anchor href={href} target="_blank" rel="noopener">
      {children} (PDF)
    </Anchor>
  );
}

/** The letters section for client `clientId`. */
export function ClientLetters({ clientId }: { clientId: number }) {
  const { user } = useAuth();
  const offersToo = hasRole(user, 'case_officer', 'admin');
  const decisions = useQuery({
    queryKey: ['decisions', 'client', clientId],
    // One client's decisions: a handful, within one page of 200.
    queryFn: async () =>
      (await get<ListPage<DecisionView>>(withQuery('/api/decisions', { clientId, limit: 200 }))).items,
  });
  const offers = useQueries({
    queries: (offersToo ? (decisions.data ?? []) : []).map((d) => ({
      queryKey: ['offers', 'decision', d.id],
      // One decision's offers: a handful, within one page of 200.
      queryFn: async () =>
        (await get<ListPage<OfferView>>(withQuery('/api/offers', { decisionId: d.id, limit: 200 }))).items,
    })),
  });
  return (
    <section aria-labelledby="letters-h">
      <Title order={2} size="h3" id="letters-h" mb="xs">
        Brev
      </Title>
      <QueryState query={decisions} what="besluten">
        {(list) =>
          list.length === 0 ? (
            <Text>Klienten har inga beslut ännu.</Text>
          ) : (
            <List spacing="xs">
              {list.map((d, i) => (
                <List.Item key={d.id}>
                  <Text span fw={500}>
                    {serviceLabel(d.service)}, {formatPeriod(d.from, d.to)}:{' '}
                  </Text>
                  <LetterLink
                    href={`/api/decisions/${d.id}/letter.pdf`}
                  >{`Beslut ${formatDate(d.decidedOn)}`}</LetterLink>
                  {d.orders.map((o) => (
                    <span key={`o${o.id}`}>
                      {' · '}
                      <LetterLink
                        href={`/api/orders/${o.id}/letter.pdf`}
                      >{`Beställning ${formatDate(o.orderedOn)}`}</LetterLink>
                    </span>
                  ))}
                  {(offers[i]?.data ?? []).map((o) => (
                    <span key={`e${o.id}`}>
                      {' · '}
                      <LetterLink
                        href={`/api/offers/${o.id}/letter.pdf`}
                      >{`Erbjudande ${formatDate(o.offeredOn)}`}</LetterLink>
                    </span>
                  ))}
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryState>
    </section>
  );
}
