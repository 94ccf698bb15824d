/**
 * Assessment cases as a table (issue #10 §2), shared by the office's work lists and the start
 * page's overdue cases: case link, client, service, kind, state and due date in Swedish, with the
 * columns each list adds.
 */
import { Anchor, Badge, Group, Table } from '@mantine/core';
import { TableScroll } from '../components/TableScroll.js';
import { Link } from '../router.js';
import { formatDate } from '../../contract/format.js';
import { ASSESSMENT_KIND_LABELS, ASSESSMENT_STATE_LABELS, serviceLabel } from '../../contract/labels.js';
import type { CaseListItem } from '../../contract/assessments.js';
import { BAD } from '../colors.js';

/**
 * `cases` under `caption`. `due` heads the due-date column; `work`: the work list's columns (a
 * "försenad" badge at the date, the agreed level); otherwise client names link to the client's
 * assessments.
 */
export function CaseTable({
  cases,
  caption,
  due,
  work = false,
}: {
  cases: CaseListItem[];
  caption: string;
  due: string;
  work?: boolean;
}) {
  return (
    <TableScroll>
      <Table striped>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {['Ärende', 'Klient', 'Insats', 'Slag', 'Läge', due, ...(work ? ['Nivå'] : [])].map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} href={`/bedomningar/${c.id}`}>
                  Ärende {c.id}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {work ? (
                  c.clientName
                ) : (
                  <Anchor component={Link} href={`/klienter/${c.clientId}/bedomningar`}>
                    {c.clientName}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{serviceLabel(c.service)}</Table.Td>
              <Table.Td>{ASSESSMENT_KIND_LABELS[c.kind]}</Table.Td>
              <Table.Td>{ASSESSMENT_STATE_LABELS[c.state]}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {formatDate(c.dueDate)}
                  {work && c.overdue && (
                    <Badge color={BAD} variant="outline">
                      försenad
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {work && <Table.Td>{c.agreedLevel ? `Nivå ${c.agreedLevel}` : '–'}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
