/**
 * The assessment office's work lists (issue #10 §2): due, overdue, waiting for the second
 * assessor, waiting for reconciliation, decided; with the counts for the start of the day.
 * Case officers see their district's clients' cases.
 */
import { useState } from 'react';
import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { Link, useLocation } from '../router.js';
import { WORK_LIST_LABELS, WORK_LISTS } from '../../contract/labels.js';
import type { CaseListItem } from '../../contract/assessments.js';
import { CaseTable } from './case-table.js';
import { BAD } from '../colors.js';

type List = (typeof WORK_LISTS)[number];

/** The four counts of the office's day (GET /api/assessments/overview). */
export function AssessmentCounts() {
  const overview = useQuery({
    queryKey: ['assessments', 'overview'],
    queryFn: () =>
      get<{ due: number; overdue: number; waitingSecond: number; waitingReconciliation: number }>(
        '/api/assessments/overview',
      ),
  });
  return (
    <QueryState query={overview} what="bedömningsläget">
      {(o) => (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {[
            ['Att göra', o.due],
            ['Försenade', o.overdue],
            ['Väntar på andra bedömaren', o.waitingSecond],
            ['Väntar på avstämning', o.waitingReconciliation],
          ].map(([label, n]) => (
            <Paper key={label} withBorder p="sm">
              <Text size="sm">{label}</Text>
              <Text fz="xl" fw={700} c={label === 'Försenade' && Number(n) > 0 ? BAD : undefined}>
                {n}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </QueryState>
  );
}

/** The work list page. */
export function AssessmentsPage() {
  const { user } = useAuth();
  const asked = useLocation().search.get('lista');
  const [list, setList] = useState<List>(
    (WORK_LISTS as readonly string[]).includes(asked ?? '') ? (asked as List) : 'due',
  );
  const cases = useQuery({
    queryKey: ['assessments', list],
    queryFn: () =>
      get<{ items: CaseListItem[]; total: number }>(withQuery('/api/assessments', { list, limit: 200 })),
  });
  return (
    <Page
      title="Bedömningar"
      actions={
        <Group>
          <Anchor component={Link} href="/bedomningar/statistik">
            Samstämmighet mellan bedömare
          </Anchor>
          {hasRole(user, 'assessor', 'admin') && (
            <Anchor component={Link} href="/bedomningar/uppstart">
              Uppstartsmätning
            </Anchor>
          )}
        </Group>
      }
    >
      <AssessmentCounts />
      <section aria-labelledby="worklist-h">
        <Title order={2} id="worklist-h" size="h3" mb="xs">
          Arbetslista
        </Title>
        <SegmentedControl
          aria-label="Välj arbetslista"
          value={list}
          onChange={(v) => setList(v as List)}
          data={WORK_LISTS.map((l) => ({ value: l, label: WORK_LIST_LABELS[l] }))}
          mb="sm"
        />
        <QueryState query={cases} what="ärendena">
          {(d) =>
            d.items.length === 0 ? (
              <Text>Inga ärenden i listan.</Text>
            ) : (
              <CaseTable
                cases={d.items}
                caption={`${WORK_LIST_LABELS[list]}: ${d.total} ärenden`}
                due="Senast"
                work
              />
            )
          }
        </QueryState>
      </section>
    </Page>
  );
}
