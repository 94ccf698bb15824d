/**
 * Offers and their deadlines for the case officer's district (FLOW-4): every offer with `answerBy`
 * and `startBy` from the server's working-day calendar, the missed ones shown first (judged on
 * today), each linked to its decision. Paged, sorted and filtered on the server with the filter,
 * sort and page in the address (`?visa=missade|vantar|alla`; issue #14 §1).
 */
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { Page } from '../components/Page.js';
import { PagedTable } from '../components/PagedTable.js';
import { useListQuery, useListState } from '../components/useListState.js';
import type { OfferSort, OfferView } from '../../contract/offers.js';
import { offerColumns } from './offer-table.js';
import { Rule } from '../components/Rule.js';

/** The address's words for what to show (`?visa=`), and the API filter each stands for. */
const SHOW = {
  missade: { missed: 'true' },
  vantar: { state: 'open' },
  alla: {},
} as const;
type Show = keyof typeof SHOW;

/** The offers page. */
export function OffersPage() {
  const list = useListState<OfferSort>({
    sorts: ['offered', 'answerBy', 'client'],
    sort: 'offered',
    dir: 'desc',
  });
  const asked = list.filter('visa');
  const show: Show = Object.hasOwn(SHOW, asked) ? (asked as Show) : 'missade';
  const offers = useListQuery<OfferView, OfferSort>('/api/offers', SHOW[show], list);
  return (
    <Page title="Erbjudanden och tidsfrister">
      <Stack gap="md">
        <Text>
          Den enskilde svarar senast tredje arbetsdagen efter erbjudandet och flyttar in eller börjar senast
          sjunde arbetsdagen efter att ha tackat ja. Arbetsdagar räknas enligt lag (1930:173): inte lördagar,
          söndagar, helgdagar, midsommarafton, julafton eller nyårsafton.
          <Rule ids="FLOW-4" />
        </Text>
        <Group>
          <SegmentedControl
            aria-label="Visa erbjudanden"
            value={show}
            onChange={(v) => list.setFilters({ visa: v === 'missade' ? null : v })}
            data={[
              { value: 'missade', label: 'Missade tidsfrister' },
              { value: 'vantar', label: 'Väntar på svar' },
              { value: 'alla', label: 'Alla' },
            ]}
          />
        </Group>
        <PagedTable
          query={offers}
          list={list}
          columns={offerColumns(true)}
          rowKey={(o) => o.id}
          label="Erbjudanden"
          noun={{ one: 'erbjudande', many: 'erbjudanden' }}
          empty="Inga erbjudanden att visa."
          testId="offers"
        />
      </Stack>
    </Page>
  );
}
