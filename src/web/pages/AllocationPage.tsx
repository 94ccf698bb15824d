/**
 * Resursfördelning (issue #12 §1, §2, §6): the reconciliation snapshots (take one, read the
 * allocation per district, service and level beside the previous reconciliation, the clients
 * behind the changes for those who may see them, XLSX) and budget against outcome for a year.
 * Analysts see cells of fewer than 5 persons as "färre än 5".
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { errorMessage, get, post, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatDate, formatKr } from '../../contract/format.js';
import { isIsoDate } from '../../domain/patterns.js';
import type { reconciliationDetail, reconciliationList } from '../../contract/reconciliations.js';
import type { budgetOutcome } from '../../contract/budget.js';
import { useLatestMonth } from '../hooks.js';
import { BudgetTable } from './BudgetTable.js';
import { KIND_LABELS, Snapshot } from './ReconciliationSnapshot.js';

type Detail = z.infer<typeof reconciliationDetail>;
type List = z.infer<typeof reconciliationList>;
type Budget = z.infer<typeof budgetOutcome>;

/** The page. */
export function AllocationPage() {
  const { user } = useAuth();
  const [selected, setSelected] = useState<number | null>(null);
  const list = useQuery({ queryKey: ['reconciliations'], queryFn: () => get<List>('/api/reconciliations') });
  return (
    <Page title="Resursfördelning">
      {hasRole(user, 'admin') && <TakeSnapshot onTaken={setSelected} />}
      <section aria-labelledby="rec-h">
        <Title order={2} id="rec-h" size="h3" mb="xs">
          Avstämningar
        </Title>
        <QueryState query={list} what="avstämningarna">
          {(items) =>
            items.length === 0 ? (
              <Text>Ingen avstämning är tagen ännu.</Text>
            ) : (
              <TableScroll>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Nr</Table.Th>
                      <Table.Th scope="col">Slag</Table.Th>
                      <Table.Th scope="col">Datum</Table.Th>
                      <Table.Th scope="col">Personer</Table.Th>
                      <Table.Th scope="col">Fördelning resten av året</Table.Th>
                      <Table.Th scope="col">Visa</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{r.id}</Table.Td>
                        <Table.Td>{KIND_LABELS[r.kind]}</Table.Td>
                        <Table.Td className="date">{formatDate(r.takenOn)}</Table.Td>
                        <Table.Td>{r.persons}</Table.Td>
                        <Table.Td>{formatKr(r.allocation)}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="light" onClick={() => setSelected(r.id)}>
                            Visa avstämning {r.id}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )
          }
        </QueryState>
      </section>
      {selected !== null && <Snapshot id={selected} />}
      <BudgetSection />
    </Page>
  );
}

function TakeSnapshot({ onTaken }: { onTaken: (id: number) => void }) {
  const client = useQueryClient();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<string>('draft');
  const take = useMutation({
    mutationFn: () => post<Detail>('/api/reconciliations', { date, kind }),
    onSuccess: (d) => {
      void client.invalidateQueries({ queryKey: ['reconciliations'] });
      onTaken(d.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isIsoDate(date)) take.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="take-h">
      <Title order={2} id="take-h" size="h3" mb="xs">
        Ta avstämning
      </Title>
      <Group align="flex-end">
        <TextInput
          label="Datum"
          description="ÅÅÅÅ-MM-DD"
          name="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value.trim())}
          error={date.length >= 10 && !isIsoDate(date) ? 'Skriv ett datum som 2025-03-01' : undefined}
        />
        <Select
          label="Slag"
          name="kind"
          value={kind}
          onChange={(v) => setKind(v ?? 'draft')}
          data={[
            { value: 'march', label: 'Mars (avstämning)' },
            { value: 'august', label: 'Augusti (avstämning)' },
            { value: 'draft', label: 'Utkast (valfritt datum)' },
          ]}
          allowDeselect={false}
        />
        <Button type="submit" loading={take.isPending}>
          Ta avstämning
        </Button>
      </Group>
      {take.isError && (
        <Alert color="red" role="alert" mt="sm" title="Avstämningen togs inte">
          {errorMessage(take.error)}
        </Alert>
      )}
    </Paper>
  );
}

function BudgetSection() {
  // The year of the latest month with data (issue #14 §5) until the user types another.
  const latest = useLatestMonth();
  const [typed, setYear] = useState<string | null>(null);
  const year = typed ?? latest?.slice(0, 4) ?? '';
  const valid = /^(19|20|21)\d{2}$/.test(year);
  const budget = useQuery({
    queryKey: ['budget-outcome', year],
    queryFn: () => get<Budget>(withQuery('/api/budget-outcome', { year })),
    enabled: valid,
  });
  return (
    <section aria-labelledby="budget-h">
      <Title order={2} id="budget-h" size="h3" mb="xs">
        Budget mot utfall
      </Title>
      <TextInput
        label="År"
        name="year"
        value={year}
        onChange={(e) => setYear(e.currentTarget.value.trim())}
        error={year.length >= 4 && !valid ? 'Skriv ett år som 2025' : undefined}
        maw={160}
      />
      {valid && (
        <QueryState query={budget} what="budget mot utfall">
          {(b) => <BudgetTable budget={b} />}
        </QueryState>
      )}
    </section>
  );
}
