/**
 * Implementation plans of the case officer's district (FLOW-2): due 15 days after the start, the
 * overdue ones shown first (judged on today); the provider marks them done in its portal.
 */
import { useState } from 'react';
import { SegmentedControl, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import type { PlanView } from '../../contract/plans.js';
import { PlanTable } from './plan-parts.js';

/** The plans page. */
export function PlansPage() {
  const [overdue, setOverdue] = useState('true');
  const plans = useQuery({
    queryKey: ['plans', 'district', overdue],
    queryFn: () => get<PlanView[]>(withQuery('/api/implementation-plans', { overdue })),
  });
  return (
    <Page title="Genomförandeplaner">
      <Stack gap="md">
        <SegmentedControl
          aria-label="Visa genomförandeplaner"
          value={overdue}
          onChange={setOverdue}
          data={[
            { value: 'true', label: 'Försenade' },
            { value: 'false', label: 'Alla' },
          ]}
          w="fit-content"
        />
        <QueryState query={plans} what="genomförandeplanerna">
          {(list) => <PlanTable plans={list} />}
        </QueryState>
      </Stack>
    </Page>
  );
}
