/**
 * One rate model: per service its levels, point ranges, annual standard amount and amounts per
 * regime, each with its source (RATE-1, PAY-10), and the validator's warnings (LVL-4 gaps).
 */
import { Alert, Anchor, Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { FigureCell } from '../components/FigureCell.js';
import { servicesOf, swedishWarning, type ServiceView } from '../model-view.js';
import { formatDate } from '../../contract/format.js';
import { regimeLabel, unitLabel } from '../../contract/labels.js';
import { Link } from '../router.js';
import type { ModelDetail } from '../../contract/models.js';
import { statusLabel } from './ModelsPage.js';
import { TableScroll } from '../components/TableScroll.js';
import { Rule, SourceText } from '../components/Rule.js';

/** The model page. */
export function ModelPage({ id }: { id: string }) {
  const model = useQuery({
    queryKey: ['model', id],
    queryFn: () => get<ModelDetail>(`/api/models/${encodeURIComponent(id)}`),
  });
  return (
    <Page title={model.data ? model.data.title : 'Ersättningsmodell'}>
      <QueryState query={model} what="modellen">
        {(m) => (
          <Stack gap="lg">
            <Group gap="md">
              <Badge variant="outline" color="dark">
                {statusLabel(m.status)}
              </Badge>
              <Text>
                Gäller {formatDate(m.validFrom)} – {m.validTo ? formatDate(m.validTo) : 'tills vidare'}
                {m.priceYear ? `, ${m.priceYear} års prisnivå` : ''}
              </Text>
              <Anchor component={Link} href={`/modeller/jamfor?a=${encodeURIComponent(m.id)}`}>
                Jämför med en annan modell
              </Anchor>
            </Group>
            {m.source && (
              <Text size="sm">
                Källa: <SourceText source={m.source} />
              </Text>
            )}
            <Warnings warnings={m.warnings} />
            {servicesOf(m).map((s) => (
              <ServiceTable key={s.id} service={s} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0)
    return (
      <Alert color="green" variant="light" title="Validering">
        <Text size="sm">Inga luckor eller överlapp mellan poängintervallen.</Text>
      </Alert>
    );
  return (
    <Alert color="orange" variant="light" title={`Valideringsvarningar (${warnings.length})`}>
      <Text size="sm" mb="xs">
        Poäng i en lucka kan inte klassas till en nivå och måste rättas eller förklaras.
        <Rule ids="LVL-4" />
      </Text>
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={w}>{swedishWarning(w)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ServiceTable({ service: s }: { service: ServiceView }) {
  const headingId = `svc-${s.id}`;
  const hasSchablon = s.levels.some((l) => l.schablon);
  const hasHours = s.levels.some((l) => l.hoursPerMonth);
  // Sources other than the service's own are numbered and listed under the table.
  const notes: string[] = [];
  const note = (source: string) => {
    const i = notes.indexOf(source);
    if (i >= 0) return i + 1;
    notes.push(source);
    return notes.length;
  };
  const all = [
    ...s.levels.flatMap((l) => [l.schablon, ...Object.values(l.rates)]),
    ...Object.values(s.flat ?? {}),
    ...Object.values(s.premises ?? {}),
  ];
  for (const f of all) if (f?.source && f.source !== s.source) note(f.source);
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} size="h3">
        {s.title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Ersättning per {unitLabel(s.unit)}
        {s.source && (
          <>
            {' · källa: '}
            <SourceText source={s.source} />
          </>
        )}
        {s.illustrative && (
          <>
            {' · beloppen är illustrativa'}
            <Rule ids="SVC-3" />
          </>
        )}
      </Text>
      {s.levels.length > 0 ? (
        <TableScroll>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nivå</Table.Th>
                <Table.Th scope="col">Poäng</Table.Th>
                {hasHours && <Table.Th scope="col">Timmar/månad</Table.Th>}
                {hasSchablon && (
                  <Table.Th scope="col" className="num">
                    Schablon kr/år
                  </Table.Th>
                )}
                {s.regimes.map((r) => (
                  <Table.Th scope="col" key={r} className="num">
                    {regimeLabel(r)} kr/{unitLabel(s.unit)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.levels.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Th scope="row">{l.label}</Table.Th>
                  <Table.Td>{l.points}</Table.Td>
                  {hasHours && <Table.Td>{l.hoursPerMonth ?? '–'}</Table.Td>}
                  {hasSchablon && (
                    <Table.Td className="num">
                      <FigureCell f={l.schablon} defaultSource={s.source} note={note} />
                    </Table.Td>
                  )}
                  {s.regimes.map((r) => (
                    <Table.Td key={r} className="num">
                      <FigureCell f={l.rates[r]} defaultSource={s.source} note={note} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : (
        s.flat && (
          <Text>
            Fast belopp:{' '}
            {Object.entries(s.flat).map(([r, f]) => (
              <span key={r}>
                {regimeLabel(r)} <FigureCell f={f} defaultSource={s.source} note={note} />{' '}
              </span>
            ))}
          </Text>
        )
      )}
      {s.premises && (
        <>
          <Text size="sm" mt="xs" fw={500}>
            Lokalschablon
            <Rule ids="RATE-5" />
          </Text>
          <List size="sm">
            {Object.entries(s.premises).map(([r, f]) => (
              <List.Item key={r}>
                {regimeLabel(r)}: <FigureCell f={f} defaultSource={s.source} note={note} />
              </List.Item>
            ))}
          </List>
        </>
      )}
      {notes.length > 0 && (
        <>
          <Text size="xs" mt="xs" fw={600}>
            Källor
          </Text>
          <List type="ordered" size="xs">
            {notes.map((n) => (
              <List.Item key={n}>
                <SourceText source={n} />
              </List.Item>
            ))}
          </List>
        </>
      )}
    </section>
  );
}
