/**
 * One page of a server-paged list as a table (issue #14 §1): the true total ("1 969 klienter"),
 * header buttons that sort on the server (with `aria-sort`), and previous/next page buttons that
 * follow the server's cursors. Only the rows of one page are in the DOM (at most 200). The state
 * lives in the address (useListState), so reload, bookmarks and the back button keep the view.
 */
import type { ReactNode } from 'react';
import { Button, Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatNumber } from '../../contract/format.js';
import type { ListPage } from '../../contract/primitives.js';
import { ErrorAlert, Loading } from './QueryState.js';
import { TableScroll } from './TableScroll.js';
import type { ListState } from './useListState.js';

/** One column: its header, how a row shows in it, and the sort field its header sorts by. */
export interface Column<T, S extends string> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  sort?: S;
  /** The cells' class: `num` right-aligns figures, `date` keeps a date on one line. */
  className?: string;
}

/** A total with its noun: `1 klient`, `1 969 klienter`. */
export function countText(total: number, noun: { one: string; many: string }): string {
  return `${formatNumber(total)} ${total === 1 ? noun.one : noun.many}`;
}

function SortHeader<S extends string>({
  label,
  sort,
  list,
  className,
}: {
  label: string;
  sort: S;
  list: ListState<S>;
  className?: string | undefined;
}) {
  const active = list.sort === sort;
  const arrow = active ? (list.dir === 'asc' ? '▲' : '▼') : '↕';
  const next = active && list.dir === 'asc' ? 'fallande' : 'stigande';
  return (
    <Table.Th
      scope="col"
      className={className}
      aria-sort={active ? (list.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        onClick={() => list.setSort(sort)}
        fw={700}
        fz="sm"
        aria-label={`${label}, sortera ${next}`}
        style={{ whiteSpace: 'nowrap' }}
      >
        {label}{' '}
        <span aria-hidden="true" style={{ opacity: active ? 1 : 0.5 }}>
          {arrow}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The table of one page, with its total, sort headers and page buttons. */
export function PagedTable<T, S extends string>({
  query,
  list,
  columns,
  rowKey,
  label,
  noun,
  empty,
  testId,
  footer,
}: {
  query: UseQueryResult<ListPage<T>>;
  list: ListState<S>;
  columns: Column<T, S>[];
  rowKey: (row: T) => string | number;
  /** Names the table for screen readers, e.g. "Klienter". */
  label: string;
  noun: { one: string; many: string };
  /** What to say when nothing matches. */
  empty: string;
  testId?: string;
  /** A footer row (e.g. a sum over every row matching, from the server, not over this page). */
  footer?: ReactNode;
}) {
  if (query.isPending) return <Loading what={noun.many} />;
  if (query.isError)
    return (
      <>
        <ErrorAlert title={`Kunde inte hämta ${noun.many}`} error={query.error} />
        {list.cursor && (
          // A bookmarked page can outlive its cursor (another sort, changed data): start over.
          <Button variant="light" onClick={() => list.goTo(null)}>
            Till första sidan
          </Button>
        )}
      </>
    );
  const page = query.data;
  const pager = (
    <Group gap="xs" component="nav" aria-label={`Sidor, ${label.toLowerCase()}`}>
      <Button variant="default" onClick={() => list.goTo(null)} disabled={!page.prevCursor}>
        Första sidan
      </Button>
      <Button variant="default" onClick={() => list.goTo(page.prevCursor)} disabled={!page.prevCursor}>
        Föregående sida
      </Button>
      <Button variant="default" onClick={() => list.goTo(page.nextCursor)} disabled={!page.nextCursor}>
        Nästa sida
      </Button>
    </Group>
  );
  return (
    <>
      <Text role="status" aria-live="polite" data-testid={testId ? `${testId}-total` : undefined}>
        {page.total === 0
          ? empty
          : `${countText(page.total, noun)}.${page.items.length < page.total ? ` Visar ${formatNumber(page.items.length)} åt gången.` : ''}`}
      </Text>
      {page.items.length > 0 && (
        <>
          <TableScroll label={label}>
            <Table striped highlightOnHover data-testid={testId} aria-label={label}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) =>
                    c.sort ? (
                      <SortHeader
                        key={c.key}
                        label={c.header}
                        sort={c.sort}
                        list={list}
                        className={c.className}
                      />
                    ) : (
                      <Table.Th key={c.key} scope="col" className={c.className}>
                        {c.header}
                      </Table.Th>
                    ),
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
                {page.items.map((row) => (
                  <Table.Tr key={rowKey(row)}>
                    {columns.map((c) => (
                      <Table.Td key={c.key} className={c.className}>
                        {c.render(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              {footer && <Table.Tfoot>{footer}</Table.Tfoot>}
            </Table>
          </TableScroll>
          {(page.nextCursor || page.prevCursor) && pager}
        </>
      )}
    </>
  );
}
