/** Rate models: the list with validity, status and validation warnings (issue #6 step 2). */
import { Alert, Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { useModels } from '../hooks.js';
import { Link } from '../router.js';
import { formatDate } from '../../contract/format.js';
import { modelStatusLabel, serviceLabel } from '../../contract/labels.js';
import { OK, WARN } from '../colors.js';
import { TableScroll } from '../components/TableScroll.js';
import { Rule } from '../components/Rule.js';

/** Swedish name of a model status (the label table's), `–` when the API sends none. */
export const statusLabel = (s: string | undefined) => (s ? modelStatusLabel(s) : '–');

/** The list of rate models. */
export function ModelsPage() {
  const models = useModels();
  return (
    <Page
      title="Ersättningsmodeller"
      actions={
        <Button component={Link} href="/modeller/jamfor" variant="light">
          Jämför två modeller
        </Button>
      }
    >
      <QueryState query={models} what="modellerna">
        {(list) => (
          <TableScroll>
            <Table striped highlightOnHover>
              <caption style={{ textAlign: 'left' }}>
                <Text size="sm" c="dimmed">
                  Varje modell gäller under en period; belopp och poänggränser visas med källa.
                </Text>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Modell</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Gäller från</Table.Th>
                  <Table.Th scope="col">Gäller till</Table.Th>
                  <Table.Th scope="col">Insatser</Table.Th>
                  <Table.Th scope="col">Varningar</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/modeller/${encodeURIComponent(m.id)}`}>
                        {m.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {m.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={m.status === 'decided' ? OK : WARN}>
                        {statusLabel(m.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="date">{formatDate(m.validFrom)}</Table.Td>
                    <Table.Td className="date">{m.validTo ? formatDate(m.validTo) : 'tills vidare'}</Table.Td>
                    <Table.Td>{m.services.map(serviceLabel).join(', ')}</Table.Td>
                    <Table.Td>{m.warnings?.length ? `${m.warnings.length} st` : 'inga'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </QueryState>
      <Alert variant="light" color="blue" title="Om modellerna">
        <Text size="sm">
          Beloppen är de publicerade; privat regi kan vara härledd (moms­kompensation 2,4 %)
          <Rule ids="RATE-3" />. Luckor mellan poängintervall visas som varningar
          <Rule ids="LVL-4" />.
        </Text>
      </Alert>
    </Page>
  );
}
