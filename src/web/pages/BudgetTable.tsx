/**
 * Budget against outcome as a table (issue #12 §2): per district and month the allocation, the
 * approved runs' cost, the difference and its causes; social psychiatry and travel costs apart.
 */
import { Table, Text } from '@mantine/core';
import type { z } from 'zod';
import type { budgetOutcome } from '../../contract/budget.js';
import { formatKr, formatKrSigned, formatMonth } from '../../contract/format.js';
import { SUPPRESSED_LABEL } from '../../domain/statistics/suppress.js';
import { TableScroll } from '../components/TableScroll.js';
import { nameLookup, useDistricts } from '../hooks.js';

const CAUSES = [
  ['days', 'Dagar och personer'],
  ['levels', 'Nivåer'],
  ['basis', 'Peng mot schablon'],
  ['regimeMix', 'Regiform'],
  ['individual', 'Individuella belopp'],
  ['other', 'Övrigt'],
] as const;

/** The table. */
export function BudgetTable({ budget }: { budget: z.infer<typeof budgetOutcome> }) {
  const districtName = nameLookup(useDistricts().data);
  const kr = (n: number | null, signed = false) =>
    n === null ? SUPPRESSED_LABEL : signed ? formatKrSigned(n) : formatKr(n);
  return (
    <>
      <Text size="sm">
        Fördelning för LSS-boende från{' '}
        {budget.reconciliations.length === 0
          ? 'avstämningarna – ingen ännu'
          : `${budget.reconciliations.length === 1 ? 'avstämning' : 'avstämningarna'} ${budget.reconciliations
              .map((r) => `${r.id} (${r.takenOn})`)
              .join(', ')}`}
        ; utfall från godkända körningar. Skillnaden delas upp i orsaker som tillsammans blir hela skillnaden.
      </Text>
      <TableScroll label="Budget mot utfall">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Stadsdel</Table.Th>
              <Table.Th scope="col">Månad</Table.Th>
              <Table.Th scope="col">Fördelning</Table.Th>
              <Table.Th scope="col">Utfall</Table.Th>
              <Table.Th scope="col">Skillnad</Table.Th>
              {CAUSES.map(([k, label]) => (
                <Table.Th scope="col" key={k}>
                  {label}
                </Table.Th>
              ))}
              <Table.Th scope="col">Socialpsykiatri</Table.Th>
              <Table.Th scope="col">Resor</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {budget.rows.map((r) => (
              <Table.Tr key={`${r.districtId}|${r.month}`}>
                <Table.Td>{districtName(r.districtId)}</Table.Td>
                <Table.Td>{formatMonth(r.month)}</Table.Td>
                <Table.Td>{kr(r.allocation)}</Table.Td>
                <Table.Td>{kr(r.outcome)}</Table.Td>
                <Table.Td>{kr(r.difference, true)}</Table.Td>
                {CAUSES.map(([k]) => (
                  <Table.Td key={k}>{r.causes ? formatKrSigned(r.causes[k]) : SUPPRESSED_LABEL}</Table.Td>
                ))}
                <Table.Td>{kr(r.socialPsychiatry)}</Table.Td>
                <Table.Td>{formatKr(r.travel)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </>
  );
}
