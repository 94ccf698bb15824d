/**
 * One settlement run: the placements it could not pay first (issue #9 §2), totals per provider and
 * district, drill-down to each provider's specification, approval by a second person (finance
 * staff or an admin, never the one who started the run: four-eyes, issue #14 §3; a run with
 * refusals only after an explicit, audited confirmation), discarding a draft (audited) and the
 * export (issue #6 step 4).
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, errorMessage, get, post } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { nameLookup, useDistricts, useProviders } from '../hooks.js';
import { formatDate, formatKr, formatKrWhole, formatMonth } from '../../contract/format.js';
import { Link, navigate } from '../router.js';
import { refusedText } from '../settlement.js';
import type { RunDetail, RunDiscarded } from '../../contract/settlement-runs.js';
import { RunStatus } from '../components/RunFilters.js';
import { RefusedList } from './run-refusals.js';
import { BAD, OK } from '../colors.js';
import { Rule } from '../components/Rule.js';

/** The run page. */
export function RunPage({ id }: { id: string }) {
  const { user } = useAuth();
  const qc = useQueryClient();
  const run = useQuery({
    queryKey: ['run', id],
    queryFn: () => get<RunDetail>(`/api/settlement-runs/${encodeURIComponent(id)}`),
  });
  const providerName = nameLookup(useProviders().data);
  const districtName = nameLookup(useDistricts().data);
  const [confirm, setConfirm] = useState(false);
  const [acceptRefusals, setAcceptRefusals] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const close = () => {
    setConfirm(false);
    setAcceptRefusals(false);
  };
  const finance = hasRole(user, 'admin', 'finance');
  // A run with refusals is approved only with `confirmRefusals: true` (issue #9 §2; audited).
  const approve = useMutation({
    mutationFn: (confirmRefusals: boolean) =>
      post<RunDetail>(
        `/api/settlement-runs/${encodeURIComponent(id)}/approve`,
        confirmRefusals ? { confirmRefusals: true } : {},
      ),
    onSuccess: () => {
      close();
      void qc.invalidateQueries();
    },
    onError: close,
  });
  // A draft is discarded with its lines and refusals (audited); approved runs never (issue #14 §3).
  const discard = useMutation({
    mutationFn: () => del<RunDiscarded>(`/api/settlement-runs/${encodeURIComponent(id)}`),
    onSuccess: () => {
      setDiscarding(false);
      void qc.invalidateQueries();
      navigate('/avrakning');
    },
    onError: () => setDiscarding(false),
  });
  // Marks an approved run as handed over to the payment system (docs/api.md: export).
  const exportRun = useMutation({
    mutationFn: () => post<RunDetail>(`/api/settlement-runs/${encodeURIComponent(id)}/export`),
    onSuccess: () => void qc.invalidateQueries(),
  });
  const title = run.data ? `Avräkning ${formatMonth(run.data.month)}` : 'Avräkning';
  return (
    <Page title={title}>
      <Anchor component={Link} href="/avrakning">
        Alla körningar
      </Anchor>
      <QueryState query={run} what="körningen">
        {(r) => (
          <Stack gap="lg">
            {r.refused.length > 0 && <RefusedList run={r} />}
            <Group>
              <Text>
                Körning {r.id}, skapad {formatDate(r.createdAt)}
              </Text>
              <RunStatus status={r.status} />
              {r.approvedAt && <Text>Godkänd {formatDate(r.approvedAt)}</Text>}
            </Group>
            <Text fz="xl" fw={700} data-testid="run-total">
              Summa: {formatKr(r.total)}
            </Text>
            {r.corrections.lines > 0 && (
              <Text>
                Varav rättelser av tidigare månader
                <Rule ids="PAY-9" />: {r.corrections.lines} rader, {formatKr(r.corrections.total)}.
              </Text>
            )}
            {r.status === 'draft' && finance && (
              <Group>
                {r.createdBy === user?.id ? (
                  <Text size="sm" data-testid="four-eyes">
                    Du startade körningen. En annan ekonom eller en administratör granskar och godkänner den.
                  </Text>
                ) : (
                  <>
                    <Button onClick={() => setConfirm(true)} color={OK}>
                      Godkänn avräkningen
                    </Button>
                    <Text size="sm">
                      En godkänd månad ändras aldrig; senare ändringar blir rättelser.
                      <Rule ids="PAY-9" />
                    </Text>
                  </>
                )}
                <Button variant="outline" color={BAD} onClick={() => setDiscarding(true)}>
                  Ta bort utkastet
                </Button>
              </Group>
            )}
            {r.status === 'approved' && finance && (
              <Group>
                <Button variant="default" onClick={() => exportRun.mutate()} loading={exportRun.isPending}>
                  Markera som exporterad till utbetalning
                </Button>
                <Text size="sm">
                  Specifikationerna per utförare laddas ned som CSV eller Excel på utförarens sida.
                </Text>
              </Group>
            )}
            <div role="status" aria-live="polite">
              {exportRun.isSuccess && (
                <Alert color="green" variant="light" title="Exporterad">
                  <Text size="sm">Körningen är markerad som exporterad.</Text>
                </Alert>
              )}
              {approve.isSuccess && (
                <Alert color="green" variant="light" title="Godkänd">
                  <Text size="sm">Avräkningen för {formatMonth(r.month)} är godkänd.</Text>
                </Alert>
              )}
            </div>
            {exportRun.isError && (
              <Alert color="red" role="alert" title="Kunde inte exportera">
                <Text c={BAD} size="sm">
                  {errorMessage(exportRun.error)}
                </Text>
              </Alert>
            )}
            {discard.isError && (
              <Alert color="red" role="alert" title="Kunde inte ta bort utkastet">
                <Text c={BAD} size="sm">
                  {errorMessage(discard.error)}
                </Text>
              </Alert>
            )}
            {approve.isError && (
              <Alert color="red" role="alert" title="Kunde inte godkänna">
                <Text c={BAD} size="sm">
                  {errorMessage(approve.error)}
                </Text>
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <section aria-labelledby="prov-h">
                <Title order={2} id="prov-h" size="h3" mb="xs">
                  Per utförare
                </Title>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Utförare</Table.Th>
                      <Table.Th scope="col" className="num">
                        Summa (hela kr)
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.byProvider.map((p) => (
                      <Table.Tr key={p.providerId}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            href={`/avrakning/${r.id}/utforare/${encodeURIComponent(p.providerId)}`}
                          >
                            {p.name || providerName(p.providerId)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td className="num">{formatKrWhole(p.total)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </section>
              <section aria-labelledby="dist-h">
                <Title order={2} id="dist-h" size="h3" mb="xs">
                  Per stadsdel
                </Title>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Stadsdel</Table.Th>
                      <Table.Th scope="col" className="num">
                        Summa (hela kr)
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.byDistrict.map((d) => (
                      <Table.Tr key={d.districtId}>
                        <Table.Td>{d.name || districtName(d.districtId)}</Table.Td>
                        <Table.Td className="num">{formatKrWhole(d.total)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </section>
            </SimpleGrid>
            <Modal
              opened={discarding}
              onClose={() => setDiscarding(false)}
              title="Ta bort utkastet?"
              centered
            >
              <Stack>
                <Text>
                  Utkastet för {formatMonth(r.month)} (körning {r.id}, {formatKr(r.runTotal)}) tas bort med
                  alla sina rader. Ingenting betalas ut. Borttagningen loggas.
                </Text>
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setDiscarding(false)}>
                    Avbryt
                  </Button>
                  <Button color={BAD} onClick={() => discard.mutate()} loading={discard.isPending}>
                    Ja, ta bort
                  </Button>
                </Group>
              </Stack>
            </Modal>
            <Modal opened={confirm} onClose={close} title="Godkänn avräkningen?" centered>
              <Stack>
                <Text>
                  Du godkänner {formatMonth(r.month)} med summan {formatKr(r.total)}. Efter godkännandet kan
                  körningen inte ändras.
                </Text>
                {r.refusedCount > 0 && (
                  <>
                    <Alert color="orange" variant="light" title={refusedText(r) ?? ''}>
                      <Text size="sm">
                        De betalas inte i den här körningen. När uppgifterna är rättade betalas de som
                        rättelser i en senare körning. Ditt godkännande loggas.
                      </Text>
                    </Alert>
                    <Checkbox
                      label={`Jag har sett att ${refusedText(r)?.replace('kunde inte betalas', 'inte betalas')} och godkänner ändå`}
                      checked={acceptRefusals}
                      onChange={(e) => setAcceptRefusals(e.currentTarget.checked)}
                    />
                  </>
                )}
                <Group justify="flex-end">
                  <Button variant="default" onClick={close}>
                    Avbryt
                  </Button>
                  <Button
                    color={OK}
                    onClick={() => approve.mutate(r.refusedCount > 0)}
                    loading={approve.isPending}
                    disabled={r.refusedCount > 0 && !acceptRefusals}
                  >
                    Ja, godkänn
                  </Button>
                </Group>
              </Stack>
            </Modal>
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
