/**
 * The offer table (FLOW-4): each offer with its letter, unit, dates (answer by the third working
 * day, start by the seventh after acceptance), state with any missed deadline, and placement. One
 * decision's handful in a plain table; the office-wide and provider lists page the same columns.
 */
import { Anchor, Badge, Table } from '@mantine/core';
import { formatDate } from '../../contract/format.js';
import { MISSED_DEADLINE_LABELS, offerStateLabel } from '../../contract/labels.js';
import type { OfferSort, OfferView } from '../../contract/offers.js';
import { LetterLink } from '../components/ClientLetters.js';
import type { Column } from '../components/PagedTable.js';
import { TableScroll } from '../components/TableScroll.js';
import { BAD } from '../colors.js';
import { Link } from '../router.js';

/**
 * The offer table's columns (issue #14 §1: the office-wide list pages them with PagedTable);
 * `across` adds the client and decision, for lists over many decisions.
 */
export function offerColumns(across = false): Column<OfferView, OfferSort>[] {
  const columns: (Column<OfferView, OfferSort> | null)[] = [
    {
      key: 'offer',
      header: 'Erbjudande',
      render: (o) => (
        <LetterLink href={`/api/offers/${o.id}/letter.pdf`}>{`Erbjudande nr ${o.id}`}</LetterLink>
      ),
    },
    across
      ? {
          key: 'client',
          header: 'Klient och beslut',
          sort: 'client',
          render: (o) => (
            <Anchor component={Link} href={`/beslut/${o.decisionId}`}>
              {o.clientName}, beslut nr {o.decisionId}
            </Anchor>
          ),
        }
      : null,
    { key: 'unit', header: 'Enhet', render: (o) => o.unitName },
    {
      key: 'offered',
      header: 'Erbjudet',
      sort: 'offered',
      className: 'date',
      render: (o) => formatDate(o.offeredOn),
    },
    {
      key: 'answerBy',
      header: 'Svar senast',
      sort: 'answerBy',
      className: 'date',
      render: (o) => formatDate(o.answerBy),
    },
    {
      key: 'state',
      header: 'Status',
      render: (o) => (
        <>
          {offerStateLabel(o.state)}
          {o.missed && (
            <Badge ml="xs" variant="outline" color={BAD}>
              {MISSED_DEADLINE_LABELS[o.missed]}
            </Badge>
          )}
        </>
      ),
    },
    {
      key: 'startBy',
      header: 'Start senast',
      className: 'date',
      render: (o) => (o.startBy ? formatDate(o.startBy) : '–'),
    },
    {
      key: 'placement',
      header: 'Placering',
      render: (o) =>
        o.placementId !== null ? (
          <Anchor component={Link} href={`/placeringar/${o.placementId}`}>
            Placering nr {o.placementId}
          </Anchor>
        ) : (
          '–'
        ),
    },
  ];
  return columns.filter((c): c is Column<OfferView, OfferSort> => c !== null);
}

/** The offers of one decision (a handful), all in one table. */
export function OfferTable({ offers, across = false }: { offers: OfferView[]; across?: boolean }) {
  const columns = offerColumns(across);
  return (
    <TableScroll>
      <Table striped data-testid="offers">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" className={c.className}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offers.map((o) => (
            <Table.Tr key={o.id} data-offer-id={o.id}>
              {columns.map((c) => (
                <Table.Td key={c.key} className={c.className}>
                  {c.render(o)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
