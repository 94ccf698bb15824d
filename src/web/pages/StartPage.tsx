/**
 * The start page per role (issue #6 step 1): what this person must act on, from /api/dashboard
 * (runs to approve, placements the latest runs could not pay (issue #9 §2), placements without a
 * level, reports missing), overdue assessment cases (issue #10 §2), and shortcuts for the role.
 */
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from '../api.js';
import { hasRole, useAuth } from '../auth.js';
import { ROLE_LABELS } from '../../contract/labels.js';
import { Page } from '../components/Page.js';
import { QueryState } from '../components/QueryState.js';
import { Link } from '../router.js';
import { OverdueAssessments } from './OverdueAssessments.js';
import type { Role } from '../../contract/auth.js';
import type { Dashboard, DashboardItem } from '../../contract/dashboard.js';
import type { PlacementList } from '../../contract/placements.js';

/** A start-page card: the API's items, and one counted here (placements without a level). */
type Todo = Omit<DashboardItem, 'kind'> & { kind: DashboardItem['kind'] | 'placements-without-level' };
import { formatNumber } from '../../contract/format.js';
import { SUPPRESSED_LABEL } from '../../domain/statistics/suppress.js';

const SHORTCUTS: Record<Role, { href: string; label: string }[]> = {
  case_officer: [
    { href: '/klienter', label: 'Sök klient' },
    { href: '/erbjudanden', label: 'Erbjudanden och tidsfrister' },
    { href: '/genomforandeplaner', label: 'Genomförandeplaner' },
    { href: '/avrakning', label: 'Avräkningar för stadsdelen' },
  ],
  assessor: [
    { href: '/bedomningar', label: 'Bedömningar att göra' },
    { href: '/klienter', label: 'Sök klient och sätt nivå' },
    { href: '/modeller', label: 'Ersättningsmodeller' },
  ],
  provider: [
    { href: '/utforare', label: 'Mina enheter, klienter och frånvaro' },
    { href: '/utforare#bestallningar', label: 'Nya beställningar och genomförandeplaner' },
    { href: '/utforare#specifikationer', label: 'Månadsspecifikationer' },
  ],
  analyst: [
    { href: '/scenario', label: 'Jämför modeller på befolkningen' },
    { href: '/modeller', label: 'Ersättningsmodeller' },
    { href: '/avrakning', label: 'Avräkningar' },
  ],
  finance: [
    { href: '/avrakning', label: 'Starta, granska och godkänn avräkning' },
    { href: '/ekonomi', label: 'Ekonomiexport' },
    { href: '/fordelning', label: 'Resursfördelning' },
  ],
  admin: [
    { href: '/avrakning', label: 'Starta och godkänn avräkning' },
    { href: '/klienter', label: 'Klienter och placeringar' },
    { href: '/scenario', label: 'Scenario' },
  ],
};

/** A count, or "färre än 5" when the API suppressed it for an analyst (issue #12 §6). */
const count = (n: number | null): string => (n === null ? SUPPRESSED_LABEL : formatNumber(n));

/** The signed-in start page. */
export function StartPage() {
  const { user } = useAuth();
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => get<Dashboard>('/api/dashboard'),
  });
  const needsLevels = hasRole(user, 'case_officer', 'assessor', 'admin');
  // The server counts the placements without a level (issue #14 §1: the list's true total).
  const placements = useQuery({
    queryKey: ['placements', 'without-level'],
    queryFn: () => get<PlacementList>(withQuery('/api/placements', { level: 'none', limit: 1 })),
    enabled: needsLevels,
  });
  if (!user) return null;
  const withoutLevel = placements.data?.total ?? 0;
  return (
    <Page title="Start">
      <Text>
        Välkommen, {user.name}. Du är inloggad som {ROLE_LABELS[user.role].title.toLowerCase()}.
      </Text>
      <section aria-labelledby="todo-heading">
        <Title order={2} id="todo-heading" mb="sm">
          Att göra
        </Title>
        <QueryState query={dashboard} what="dina uppgifter">
          {(data) => {
            const items: Todo[] = [...data.items];
            // Placements without a level (issue #6 step 1), counted here if the API does not.
            if (needsLevels && placements.data && !items.some((i) => i.kind === 'placements-without-level'))
              items.push({
                kind: 'placements-without-level',
                count: withoutLevel,
                label: 'Placeringar utan nivå',
                href: '/placeringar?visa=utan-niva',
              });
            if (items.length === 0) return <Text>Du har inget som väntar just nu.</Text>;
            return (
              <SimpleGrid
                cols={{ base: 1, sm: 2, lg: 3 }}
                component="ul"
                style={{ listStyle: 'none', padding: 0 }}
              >
                {items.map((item) => (
                  <Card component="li" withBorder key={item.kind} data-testid={`todo-${item.kind}`}>
                    <Text fz={item.count === null ? 24 : 32} fw={700} aria-hidden="true">
                      {count(item.count)}
                    </Text>
                    {item.href ? (
                      <Anchor component={Link} href={item.href} fw={600}>
                        <span className="visually-hidden-count">{count(item.count)} </span>
                        {item.label}
                      </Anchor>
                    ) : (
                      <Text fw={600}>
                        {count(item.count)} {item.label}
                      </Text>
                    )}
                  </Card>
                ))}
              </SimpleGrid>
            );
          }}
        </QueryState>
      </section>
      {hasRole(user, 'assessor', 'case_officer', 'admin') && <OverdueAssessments />}
      <section aria-labelledby="shortcut-heading">
        <Title order={2} id="shortcut-heading" mb="sm">
          Genvägar
        </Title>
        <Stack gap={4} component="ul" style={{ paddingLeft: '1.2rem' }}>
          {SHORTCUTS[user.role]?.map((s) => (
            <li key={s.href}>
              <Anchor component={Link} href={s.href}>
                {s.label}
              </Anchor>
            </li>
          ))}
        </Stack>
      </section>
    </Page>
  );
}
