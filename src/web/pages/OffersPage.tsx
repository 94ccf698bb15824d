/**
 * Offers and their deadlines for the case officer's district (FLOW-4): every offer with `answerBy`
 * and `startBy` from the server's working-day calendar, the missed ones listed first of interest
 * (judged on today), each linked to its decision.
 */
import { useState } from 'react';
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import type { OfferView } from '../../contract/offers.js';
import { OfferTable } from './decision-offers.js';
import { Rule } from '../components/Rule.js';

type Filter = 'missed' | 'open' | 'all';

/** The offers page. */
export function OffersPage() {
  const [filter, setFilter] = useState<Filter>('missed');
  const offers = useQuery({
    queryKey: ['offers', 'list', filter],
    queryFn: () =>
      get<OfferView[]>(
        withQuery('/api/offers', {
          missed: filter === 'missed' ? 'true' : '',
          state: filter === 'open' ? 'open' : '',
        }),
      ),
  });
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
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            data={[
              { value: 'missed', label: 'Missade tidsfrister' },
              { value: 'open', label: 'Väntar på svar' },
              { value: 'all', label: 'Alla' },
            ]}
          />
        </Group>
        <QueryState query={offers} what="erbjudandena">
          {(list) =>
            list.length === 0 ? <Text>Inga erbjudanden att visa.</Text> : <OfferTable offers={list} across />
          }
        </QueryState>
      </Stack>
    </Page>
  );
}
