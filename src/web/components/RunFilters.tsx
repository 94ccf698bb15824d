/**
 * The settlement runs' list state and filters, shared by Avräkning and Ekonomiexport (issue #14
 * §1): month (`?manad=`) and status (`?status=`, Swedish words) in the address with the sort and
 * page; the month field follows the list once its text is a whole month or empty.
 */
import { useEffect, useState } from 'react';
import { Badge, Group, Select, TextInput } from '@mantine/core';
import { capitalise } from '../../contract/format.js';
import { runStatusLabel } from '../../contract/labels.js';
import type { RunSort, RunView } from '../../contract/settlement-runs.js';
import { isMonth } from '../../domain/patterns.js';
import { OK } from '../colors.js';
import { monthError } from '../validate.js';
import { useListState, type ListState } from './useListState.js';

type RunStatusId = RunView['status'];

/** A run's status as a badge with text (never colour alone). */
export function RunStatus({ status }: { status: RunStatusId }) {
  const color = status === 'approved' || status === 'exported' ? OK : 'dark';
  return (
    <Badge variant="outline" color={color}>
      {runStatusLabel(status)}
    </Badge>
  );
}

/** The list state of runs with the month and status the address holds (unknown words: none). */
export function useRunList<S extends RunStatusId>(statusWords: Readonly<Record<string, S>>) {
  const list = useListState<RunSort>({ sorts: ['month', 'status'], sort: 'month', dir: 'desc' });
  const monthParam = list.filter('manad');
  const statusWord = list.filter('status');
  return {
    list,
    month: isMonth(monthParam) ? monthParam : '',
    status: Object.hasOwn(statusWords, statusWord) ? statusWords[statusWord] : undefined,
  };
}

/** The month field and the status choice; `allStatuses` is the placeholder when none is chosen. */
export function RunFilters<S extends RunStatusId>({
  list,
  month,
  status,
  statusWords,
  allStatuses,
}: {
  list: ListState<RunSort>;
  month: string;
  status: S | undefined;
  statusWords: Readonly<Record<string, S>>;
  allStatuses: string;
}) {
  const [text, setText] = useState(month);
  useEffect(() => setText(month), [month]);
  const typed = text.trim();
  return (
    <Group align="flex-start" gap="sm" mb="sm" role="search" aria-label="Filtrera körningar">
      <TextInput
        label="Visa månad"
        description="ÅÅÅÅ-MM, tomt för alla"
        value={text}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const m = next.trim();
          if (m !== month && (m === '' || isMonth(m))) list.setFilters({ manad: m });
        }}
        error={typed && !isMonth(typed) && typed.length >= 7 ? monthError(typed) : undefined}
        maw={200}
      />
      <Select
        label="Status"
        placeholder={allStatuses}
        data={Object.entries(statusWords).map(([value, id]) => ({
          value,
          label: capitalise(runStatusLabel(id)),
        }))}
        value={status ? list.filter('status') : null}
        onChange={(v) => list.setFilters({ status: v })}
        clearable
        maw={240}
      />
    </Group>
  );
}
