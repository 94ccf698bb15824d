/**
 * Overdue assessment cases on the start page (issue #10 §2): the office sees every overdue case,
 * a case officer those of the district's clients (the API scopes them), soonest due first.
 */
import { Anchor, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { QueryState } from '../components/QueryState.js';
import { Link } from '../router.js';
import type { CaseListItem } from '../../contract/assessments.js';
import { CaseTable } from './case-table.js';

const SHOWN = 10;

/** The start page's list of overdue assessment cases, with a link to the whole work list. */
export function OverdueAssessments() {
  const cases = useQuery({
    queryKey: ['assessments', 'overdue', 'start'],
    queryFn: () =>
      get<{ items: CaseListItem[]; total: number }>(
        withQuery('/api/assessments', { list: 'overdue', limit: SHOWN }),
      ),
  });
  return (
    <section aria-labelledby="overdue-assessments-h" data-testid="overdue-assessments">
      <Title order={2} id="overdue-assessments-h" mb="sm">
        Försenade bedömningar
      </Title>
      <QueryState query={cases} what="de försenade bedömningarna">
        {(d) =>
          d.items.length === 0 ? (
            <Text>Inga bedömningar är försenade.</Text>
          ) : (
            <>
              <CaseTable
                cases={d.items}
                caption={
                  d.total > d.items.length
                    ? `De ${d.items.length} som varit försenade längst av ${d.total}`
                    : `${d.total} försenade`
                }
                due="Skulle vara klar"
              />
              <Anchor component={Link} href="/bedomningar?lista=overdue">
                Alla försenade bedömningar
              </Anchor>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
