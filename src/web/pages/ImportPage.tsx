/**
 * Bulk imports (docs/api.md): placements (case officers, admin) and comparison populations
 * (analysts, admin) from CSV or XLSX. All rows or none: a refused file lists every bad row with
 * its line, column and message, so it can be fixed in one go.
 */
import {
  HOURS_COLUMN,
  PLACEMENT_COLUMNS,
  PLACEMENT_REQUIRED,
  POPULATION_COLUMNS,
} from '../../contract/import-columns.js';
import type { PlacementImportResult, PopulationImportResult } from '../../contract/imports.js';
import { useState, type FormEvent } from 'react';
import { Alert, Button, FileInput, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, upload } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { Page } from '../components/Page.js';
import { FileColumn } from '../components/FileColumn.js';
import { BAD } from '../colors.js';
import { formatNumber } from '../../contract/format.js';
import { importColumnLabel } from '../../contract/labels.js';
import { TableScroll } from '../components/TableScroll.js';
import { RowProblems } from '../components/RowProblems.js';

/** The import page. */
export function ImportPage() {
  const { user } = useAuth();
  return (
    <Page title="Importera">
      {hasRole(user, 'case_officer', 'admin') && (
        <ImportForm<PlacementImportResult>
          id="placements"
          title="Placeringar"
          path="/api/imports/placements"
          required={PLACEMENT_COLUMNS.slice(0, PLACEMENT_REQUIRED)}
          optional={PLACEMENT_COLUMNS.slice(PLACEMENT_REQUIRED)}
          done={(x) =>
            `${formatNumber(x.imported)} placeringar importerades, ${formatNumber(x.clientsCreated)} nya klienter.`
          }
        />
      )}
      {hasRole(user, 'analyst', 'admin') && (
        <ImportForm<PopulationImportResult>
          id="population"
          title="Befolkning för jämförelser"
          path="/api/imports/population"
          required={POPULATION_COLUMNS}
          optional={[HOURS_COLUMN]}
          withName
          done={(x) =>
            `Befolkningen ”${x.name}” med ${formatNumber(x.persons)} personer är sparad och kan väljas i Scenario.`
          }
        />
      )}
    </Page>
  );
}

function ImportForm<R>(props: {
  id: string;
  title: string;
  path: string;
  required: readonly string[];
  optional: readonly string[];
  withName?: boolean;
  done: (result: R) => string;
}) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [fileError, setFileError] = useState<string | undefined>();
  const send = useMutation({
    mutationFn: (f: File) => upload<R>(props.path, f, props.withName ? { name } : {}),
    onSuccess: () => void qc.invalidateQueries(),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setFileError('Välj en CSV- eller XLSX-fil.');
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setFileError('Filen ska vara CSV eller XLSX.');
      return;
    }
    setFileError(undefined);
    send.mutate(file);
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-labelledby={`${props.id}-h`}>
        <Stack gap="sm">
          <Title order={2} size="h3" id={`${props.id}-h`}>
            {props.title}
          </Title>
          <Text size="sm">Alla rader importeras, eller ingen. Filens rubrikrad har kolumnerna:</Text>
          <ColumnTable required={props.required} optional={props.optional} />
          {props.withName && (
            <TextInput
              label="Namn på befolkningen"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
          )}
          <FileInput
            label="Fil (CSV eller XLSX)"
            placeholder="Välj fil"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            error={fileError}
            clearable
            clearButtonProps={{ 'aria-label': 'Ta bort vald fil' }}
            required
          />
          <Group>
            <Button type="submit" loading={send.isPending}>
              Importera
            </Button>
          </Group>
          <div role="status" aria-live="polite">
            {send.isSuccess && (
              <Alert color="green" variant="light" title="Klart">
                <Text size="sm">{props.done(send.data)}</Text>
              </Alert>
            )}
          </div>
          {send.isError && (
            <Alert color="red" role="alert" title="Filen importerades inte">
              <Text c={BAD} size="sm">
                {errorMessage(send.error)}
              </Text>
            </Alert>
          )}
          <RowProblems error={send.error} testId={`${props.id}-row-errors`} />
        </Stack>
      </form>
    </Paper>
  );
}

/** The import file's columns: name in the file, what it holds, required or not. */
function ColumnTable({ required, optional }: { required: readonly string[]; optional: readonly string[] }) {
  return (
    <TableScroll>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Kolumn i filen</Table.Th>
            <Table.Th scope="col">Innehåll</Table.Th>
            <Table.Th scope="col">Krävs</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...required, ...optional].map((c) => (
            <Table.Tr key={c}>
              <Table.Td>
                <FileColumn name={c} />
              </Table.Td>
              <Table.Td>{importColumnLabel(c)}</Table.Td>
              <Table.Td>{required.includes(c) ? 'ja' : 'nej'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
