/**
 * The case officer reports changed needs (ASMT-4, issue #10 §2 and §10): for one of the client's
 * current placements, with the reason, which opens a reassessment case for the assessment office
 * (POST /api/assessments). The server refuses another district's client and a missing reason.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../api.js';
import { QueryState } from '../components/QueryState.js';
import { Rule } from '../components/Rule.js';
import { Link } from '../router.js';
import { formatDate } from '../../contract/format.js';
import { serviceLabel } from '../../contract/labels.js';
import type { ClientDetail } from '../../contract/clients.js';

/** The form for one client's current placements with levels. */
function Form({ clientId, placements }: { clientId: string; placements: ClientDetail['placements'] }) {
  const qc = useQueryClient();
  const [placementId, setPlacementId] = useState<string | null>(
    placements[0] ? String(placements[0].id) : null,
  );
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const raise = useMutation({
    mutationFn: () =>
      post<{ id: number }>('/api/assessments', {
        placementId: Number(placementId),
        kind: 'reassessment',
        reason: reason.trim(),
      }),
    onSuccess: () => {
      setReason('');
      void qc.invalidateQueries({ queryKey: ['client', clientId, 'assessments'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!placementId) return setProblem('Välj placering.');
    if (!reason.trim()) return setProblem('Skriv vad som har förändrats.');
    setProblem(null);
    raise.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="changed-needs-h">
      <Stack gap="sm">
        <Title order={2} id="changed-needs-h" size="h3">
          Anmäl förändrade behov
          <Rule ids="ASMT-4" />
        </Title>
        <Text size="sm">
          Bedömningsenheten öppnar ett ärende om ny bedömning. Nivån gäller tills den nya är beslutad.
        </Text>
        <Select
          label="Placering"
          name="placementId"
          data={placements.map((p) => ({
            value: String(p.id),
            label: `${serviceLabel(p.service)}${p.unitName ? `, ${p.unitName}` : ''} från ${formatDate(p.start)}`,
          }))}
          value={placementId}
          onChange={setPlacementId}
          required
        />
        <Textarea
          label="Vad har förändrats?"
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <div>
          <Button type="submit" loading={raise.isPending}>
            Anmäl förändrade behov
          </Button>
        </div>
        {(problem || raise.isError) && (
          <Alert color="red" role="alert" title="Anmälan kunde inte skickas">
            {problem ?? errorMessage(raise.error)}
          </Alert>
        )}
        {raise.isSuccess && !problem && (
          <Alert color="green" role="status" title="Anmälan är skickad">
            Ärendet är öppnat: <Link href={`/bedomningar/${raise.data.id}`}>ärende {raise.data.id}</Link>.
          </Alert>
        )}
      </Stack>
    </form>
  );
}

/** Changed needs for the client's current placements with levels (none: nothing is shown). */
export function ChangedNeedsForm({ clientId }: { clientId: string }) {
  const client = useQuery({
    queryKey: ['client', clientId],
    queryFn: () => get<ClientDetail>(`/api/clients/${encodeURIComponent(clientId)}`),
  });
  return (
    <QueryState query={client} what="klientens placeringar">
      {(c) => {
        const current = c.placements.filter((p) => !p.end && p.levels.length > 0);
        return current.length === 0 ? null : (
          <Paper withBorder p="md">
            <Form clientId={clientId} placements={current} />
          </Paper>
        );
      }}
    </QueryState>
  );
}
