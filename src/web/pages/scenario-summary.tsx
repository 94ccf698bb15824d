/**
 * The scenario page's summary (SCEN-1, SCEN-2): current and proposed totals, the difference and
 * the cost-neutral factor, recomputed at once as the user edits a level's amount; then the
 * population and the comparison's warnings (Swedish, rule ids as the § detail).
 */
import { Alert, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { formatKrSigned, formatMkr, formatNumber, formatPercent } from '../../contract/format.js';
import { Rule, TextWithRules } from '../components/Rule.js';
import type { CompareResult, WhatIf } from '../scenario.js';

/** The summary cards over the comparison, with the user's edits applied (scenario.ts whatIf). */
export function ScenarioSummary({
  result,
  whatIf: w,
  edited,
}: {
  result: CompareResult;
  whatIf: WhatIf;
  edited: boolean;
}) {
  return (
    <section aria-labelledby="summary-h">
      <Title order={2} id="summary-h" size="h3" mb="xs">
        Sammanfattning{edited ? ' (med dina ändringar)' : ''}
      </Title>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 4 }}
        role="status"
        aria-live="polite"
        data-testid="scenario-summary"
      >
        <Paper withBorder p="sm">
          <Text size="sm">Nuvarande</Text>
          <Text fw={700}>{formatMkr(result.baseline.total)}</Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">Förslag</Text>
          <Text fw={700} data-testid="proposal-total">
            {formatMkr(w.proposal.total)}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">Skillnad</Text>
          <Text fw={700} data-testid="difference">
            {formatKrSigned(w.difference.amount)} ({formatPercent(w.difference.percent)})
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text size="sm">
            Kostnadsneutral faktor
            <Rule ids="SCEN-2" />
          </Text>
          <Text fw={700} data-testid="neutral-factor">
            {w.neutralFactor === null ? '–' : formatNumber(w.neutralFactor, 6)}
          </Text>
        </Paper>
      </SimpleGrid>
      {result.population && (
        <Text size="sm" mt="xs">
          Befolkning: {formatNumber(result.population.persons)} personer ({result.population.origin}).
        </Text>
      )}
      {result.warnings.length > 0 && (
        <Alert color="orange" variant="light" title="Varningar" mt="sm">
          <List size="sm">
            {result.warnings.map((x) => (
              <List.Item key={x}>
                <TextWithRules text={x} />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </section>
  );
}
