/**
 * Loading and error states for data from the API, announced politely to screen readers.
 */
import type { ReactNode } from 'react';
import { Alert, Group, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorSentence } from '../api.js';
import { TextWithRules } from './Rule.js';
import { BAD } from '../colors.js';

/** Renders `children(data)` when the query has data; a spinner or an alert otherwise. */
export function QueryState<T>({
  query,
  children,
  what = 'uppgifterna',
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  what?: string;
}) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) return <ErrorAlert title={`Kunde inte hämta ${what}`} error={query.error} />;
  return <>{children(query.data)}</>;
}

/** A spinner with a text for screen readers. */
export function Loading({ what = 'uppgifterna' }: { what?: string }) {
  return (
    <Group gap="xs" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text>Hämtar {what} …</Text>
    </Group>
  );
}

/** A red alert for a failed request, announced at once (role="alert"). */
export function ErrorAlert({ title, error }: { title: string; error: unknown }) {
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      <Text c={BAD}>
        <TextWithRules text={errorSentence(error)} />
      </Text>
    </Alert>
  );
}
