/**
 * Ny prisnivå (RATE-1, issue #12 §4): an admin proposes a new price year by uplift of a model in
 * the catalog; a second admin approves or rejects it (four eyes: the proposer sees no buttons and
 * the API refuses them too). Each proposal shows the old and the new amounts per level. Once
 * approved the version is in force from its first day; analysts read the proposals.
 */
import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { DateField } from '../components/DateField.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { TableScroll } from '../components/TableScroll.js';
import { useModels } from '../hooks.js';
import { formatDate, formatKr, formatKrSigned, formatNumber } from '../../contract/format.js';
import { levelLabel, regimeLabel, serviceLabel } from '../../contract/labels.js';
import type { Uplift } from '../../contract/uplifts.js';
import { BAD, OK } from '../colors.js';
import { ToolError } from './AnalysisParts.js';
import { Rule } from '../components/Rule.js';

const STATUS = { proposed: 'Föreslagen', approved: 'Godkänd', rejected: 'Avslagen' } as const;

/** The page. */
export function ModelUpliftPage() {
  const { user } = useAuth();
  const uplifts = useQuery({
    queryKey: ['model-uplifts'],
    queryFn: () => get<Uplift[]>('/api/model-uplifts'),
  });
  return (
    <Page title="Ny prisnivå genom uppräkning">
      <Text size="sm">
        En administratör föreslår en ny prisnivå; en annan administratör godkänner den innan den gäller.
        <Rule ids="RATE-1" />
      </Text>
      {hasRole(user, 'admin') && <ProposeForm />}
      <QueryState query={uplifts} what="förslagen">
        {(list) =>
          list.length === 0 ? (
            <Text>Inga förslag ännu.</Text>
          ) : (
            <Stack>
              {list.map((u) => (
                <Proposal key={u.id} uplift={u} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Page>
  );
}

function ProposeForm() {
  const models = useModels();
  const client = useQueryClient();
  const [from, setFrom] = useState<string | null>('lss-bostad-2024');
  const [modelId, setModelId] = useState('lss-bostad-2026');
  const [validFrom, setValidFrom] = useState('2026-01-01');
  const [priceYear, setPriceYear] = useState('2026');
  const [percent, setPercent] = useState('3,2');
  const [rounding, setRounding] = useState<string | null>('krona');
  const [source, setSource] = useState('');
  const pct = Number(percent.trim().replace(',', '.'));
  const propose = useMutation({
    mutationFn: () =>
      post<Uplift>('/api/model-uplifts', {
        fromModel: from,
        modelId: modelId.trim(),
        validFrom,
        priceYear: Number(priceYear),
        upliftPercent: pct,
        rounding,
        source: source.trim(),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['model-uplifts'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Number.isFinite(pct) && source.trim()) propose.mutate();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="propose-h">
      <Title order={2} id="propose-h" size="h3" mb="xs">
        Föreslå en ny prisnivå
      </Title>
      <Group align="flex-end">
        <Select
          label="Från modell"
          data={(models.data ?? [])
            .filter((m) => m.status !== 'draft')
            .map((m) => ({ value: m.id, label: m.title }))}
          value={from}
          onChange={setFrom}
          allowDeselect={false}
        />
        <TextInput
          label="Ny modells id"
          value={modelId}
          onChange={(e) => setModelId(e.currentTarget.value)}
        />
        <DateField label="Gäller från" value={validFrom} onChange={setValidFrom} />
        <TextInput label="Prisår" value={priceYear} onChange={(e) => setPriceYear(e.currentTarget.value)} />
        <TextInput
          label="Uppräkning (procent)"
          value={percent}
          onChange={(e) => setPercent(e.currentTarget.value)}
          error={Number.isFinite(pct) ? undefined : 'Skriv en procentsats, till exempel 3,2'}
        />
        <Select
          label="Avrundning"
          data={[
            { value: 'krona', label: 'Hela kronor' },
            { value: 'ore', label: 'Hela ören' },
          ]}
          value={rounding}
          onChange={setRounding}
          allowDeselect={false}
        />
        <TextInput
          label="Beslut (budget, diarienummer)"
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          required
        />
        <Button type="submit" loading={propose.isPending}>
          Föreslå
        </Button>
      </Group>
      {propose.isError && <ToolError title="Förslaget kunde inte sparas" error={propose.error} />}
    </Paper>
  );
}

function Proposal({ uplift: u }: { uplift: Uplift }) {
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      post<Uplift>(`/api/model-uplifts/${u.id}/decision`, { decision }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['model-uplifts'] });
      await client.invalidateQueries({ queryKey: ['models'] });
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`uplift-${u.id}`}>
      <Group justify="space-between">
        <Title order={2} id={`uplift-${u.id}`} size="h4">
          {u.modelId}: {formatNumber(u.upliftPercent, 3)} % på {u.fromModel}, gäller från{' '}
          {formatDate(u.validFrom)}
        </Title>
        <Badge
          variant="outline"
          color={u.status === 'approved' ? OK : u.status === 'rejected' ? BAD : 'dark'}
        >
          {STATUS[u.status]}
        </Badge>
      </Group>
      <Text size="sm">
        Föreslagen av {u.proposedBy} {formatDate(u.proposedAt)}
        {u.decidedBy && ` · beslutad av ${u.decidedBy} ${formatDate(u.decidedAt)}`} · prisår {u.priceYear} ·{' '}
        {u.source}
      </Text>
      <TableScroll label={`Belopp före och efter för ${u.modelId}`}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Insats</Table.Th>
              <Table.Th scope="col">Nivå</Table.Th>
              <Table.Th scope="col">Regiform eller schablon</Table.Th>
              <Table.Th scope="col">Nu</Table.Th>
              <Table.Th scope="col">Ny</Table.Th>
              <Table.Th scope="col">Skillnad</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {u.comparison.services.flatMap((s) =>
              s.levels.flatMap((l) =>
                [
                  ...(l.annualStandardAmount.a !== null
                    ? [{ what: 'Schablon per år', ...l.annualStandardAmount }]
                    : []),
                  ...l.rates.map((r) => ({ what: regimeLabel(r.regime), ...r })),
                ].map((r) => (
                  <Table.Tr key={`${s.service}-${l.level}-${r.what}`}>
                    <Table.Td>{serviceLabel(s.service)}</Table.Td>
                    <Table.Td>{levelLabel(l.level)}</Table.Td>
                    <Table.Td>{r.what}</Table.Td>
                    <Table.Td>{formatKr(r.a)}</Table.Td>
                    <Table.Td>{formatKr(r.b)}</Table.Td>
                    <Table.Td>{r.difference === null ? '–' : formatKrSigned(r.difference)}</Table.Td>
                  </Table.Tr>
                )),
              ),
            )}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {u.mayDecide && (
        <Group mt="sm">
          <Button color={OK} onClick={() => decide.mutate('approve')} loading={decide.isPending}>
            Godkänn {u.modelId}
          </Button>
          <Button
            variant="outline"
            color="red.9"
            onClick={() => decide.mutate('reject')}
            loading={decide.isPending}
          >
            Avslå
          </Button>
        </Group>
      )}
      {u.status === 'proposed' && !u.mayDecide && (
        <Text size="sm" mt="xs">
          Väntar på beslut av en annan administratör än den som föreslog.
        </Text>
      )}
      {decide.isError && <ToolError title="Beslutet kunde inte sparas" error={decide.error} />}
    </Paper>
  );
}
