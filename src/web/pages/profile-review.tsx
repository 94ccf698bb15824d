/**
 * The admin's review of providers' proposed catalogue profiles (issue #11 §3, FLOW-3): each
 * pending change with the approved and the proposed profile side by side; approve (the profile
 * becomes public) or reject with a reason the provider reads. Both are audited by the API.
 */
import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, post } from '../api.js';
import { ProfileDiff } from '../components/ProfileDiff.js';
import { QueryState } from '../components/QueryState.js';
import { formatDate, formatNumber } from '../../contract/format.js';
import { useListQuery, useListState } from '../components/useListState.js';
import type {
  ProfileChangeDecide,
  ProfileChangeSort,
  ProfileChangeView,
} from '../../contract/profile-changes.js';
import { BAD, OK } from '../colors.js';

/** One pending change with its two decisions. */
function PendingChange({ change }: { change: ProfileChangeView }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      post<ProfileChangeView>(`/api/profile-changes/${change.id}/${decision}`, {
        ...(decision === 'reject' ? { reason } : {}),
      } satisfies ProfileChangeDecide),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['profile-changes'] });
      await qc.invalidateQueries({ queryKey: ['providers'] });
    },
  });
  const headingId = `andring-${change.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} fz="h4" id={headingId}>
          {change.unitName}, {change.providerName}
        </Title>
        <Text size="sm">
          Föreslaget {formatDate(change.proposedAt)}
          {change.proposedBy ? ` av ${change.proposedBy}` : ''}
        </Text>
        <ProfileDiff
          before={change.current}
          after={change.proposed}
          caption={`Förslag för ${change.unitName}`}
        />
        <Group align="flex-end">
          <Button
            onClick={() => decide.mutate('approve')}
            loading={decide.isPending && decide.variables === 'approve'}
          >
            Godkänn förslaget
          </Button>
          <TextInput
            label="Skäl till avslag"
            description="Visas för utföraren"
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(undefined);
            }}
            error={reasonError}
            maxLength={500}
          />
          <Button
            variant="default"
            onClick={() => {
              if (!reason.trim()) setReasonError('Skriv varför förslaget avslås.');
              else decide.mutate('reject');
            }}
          >
            Avslå förslaget
          </Button>
        </Group>
        {decide.isError && (
          <Alert color="red" role="alert" title="Beslutet kunde inte sparas">
            <Text c={BAD} size="sm">
              {errorMessage(decide.error)}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The pending changes, newest first, a page at a time with the true total (issue #14 §1; the page
 * in the address as `forslag-sida`); a status line says when there are none or one was decided.
 */
export function ProfileReview() {
  const list = useListState<ProfileChangeSort>({
    sorts: ['proposed', 'unit'],
    sort: 'proposed',
    dir: 'desc',
    prefix: 'forslag',
  });
  const pending = useListQuery<ProfileChangeView, ProfileChangeSort>(
    '/api/profile-changes',
    { state: 'pending', limit: 20 },
    list,
  );
  return (
    <section aria-labelledby="review-h">
      <Title order={2} size="h3" id="review-h" mb="xs">
        Profiländringar att granska
      </Title>
      <QueryState query={pending} what="profiländringarna">
        {(page) => (
          <Stack gap="sm">
            <Text role="status" c={page.total ? undefined : OK}>
              {page.total === 0
                ? 'Inga förslag väntar på granskning.'
                : page.total === 1
                  ? '1 förslag väntar på granskning.'
                  : `${formatNumber(page.total)} förslag väntar på granskning.${page.items.length < page.total ? ` Visar ${page.items.length} åt gången.` : ''}`}
            </Text>
            {page.items.map((c) => (
              <PendingChange key={c.id} change={c} />
            ))}
            {(page.nextCursor || page.prevCursor) && (
              <Group gap="xs" component="nav" aria-label="Sidor, profiländringar">
                <Button
                  variant="default"
                  onClick={() => list.goTo(page.prevCursor)}
                  disabled={!page.prevCursor}
                >
                  Föregående sida
                </Button>
                <Button
                  variant="default"
                  onClick={() => list.goTo(page.nextCursor)}
                  disabled={!page.nextCursor}
                >
                  Nästa sida
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryState>
    </section>
  );
}
