/**
 * The bad rows of a refused upload (400 `import-rows-invalid`): line, column (as the file spells
 * it, with what it holds) and the server's message, which is Swedish at the source
 * (src/server/imports/cell-messages.ts); rule ids go to a rule detail. The import page and the
 * cost survey list their rows with it, so every refused file can be fixed in one go.
 */
import { Table } from '@mantine/core';
import { ApiError } from '../api.js';
import { importColumnLabel } from '../../contract/labels.js';
import { FileColumn } from './FileColumn.js';
import { TextWithRules } from './Rule.js';

/** The rows an upload's error names, as a table; nothing when it names none. */
export function RowProblems({ error, testId }: { error: unknown; testId?: string }) {
  const rows = error instanceof ApiError ? (error.rows ?? []) : [];
  if (rows.length === 0) return null;
  return (
    <Table withTableBorder captionSide="top" data-testid={testId}>
      <caption style={{ textAlign: 'left' }}>Fel per rad ({rows.length})</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Rad</Table.Th>
          <Table.Th scope="col">Kolumn</Table.Th>
          <Table.Th scope="col">Fel</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            <Table.Td>{r.line}</Table.Td>
            <Table.Td>{r.column ? <ColumnName column={r.column} /> : '–'}</Table.Td>
            <Table.Td>
              <TextWithRules text={r.message} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A column as the file spells it (marked, so the Swedish guard reads it as file syntax) and what it holds. */
function ColumnName({ column }: { column: string }) {
  return (
    <>
      {importColumnLabel(column)} <FileColumn name={column} />
    </>
  );
}
