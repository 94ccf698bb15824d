/**
 * The application shell: skip link, header, navigation per role, main landmark and footer with the
 * accessibility statement (DOS-lagen), and the route table. Signed-out users see the sign-in page.
 */
import { Suspense, lazy, useEffect, useRef } from 'react';
import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Text, Anchor, Center } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useIsFetching } from '@tanstack/react-query';
import { useAuth } from './auth.js';
import { ROLE_LABELS } from '../contract/labels.js';
import { Link, Redirect, Routes, matchPath, navigate, useLocation, type Route } from './router.js';
import type { Role } from '../contract/auth.js';
import { Loading } from './components/QueryState.js';
import { focusHeading, focusRequest } from './components/Page.js';
import { LoginPage } from './pages/LoginPage.js';
import { StartPage } from './pages/StartPage.js';
import { ModelsPage } from './pages/ModelsPage.js';
import { ModelPage } from './pages/ModelPage.js';
import { ModelComparePage } from './pages/ModelComparePage.js';
import { ClientsPage } from './pages/ClientsPage.js';
import { ClientPage } from './pages/ClientPage.js';
import { NewClientPage } from './pages/NewClientPage.js';
import { PlacementPage } from './pages/PlacementPage.js';
import { PlacementsPage } from './pages/PlacementsPage.js';
import { SettlementPage } from './pages/SettlementPage.js';
import { RunPage } from './pages/RunPage.js';
import { SpecificationPage } from './pages/SpecificationPage.js';
import { ProviderPortalPage } from './pages/ProviderPortalPage.js';
import { AccessibilityPage } from './pages/AccessibilityPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { AllocationPage } from './pages/AllocationPage.js';
import { FinanceExportPage } from './pages/FinanceExportPage.js';
import { AnalysisPage } from './pages/AnalysisPage.js';
import { ModelUpliftPage } from './pages/ModelUpliftPage.js';
import { DecisionPage } from './pages/DecisionPage.js';
import { OffersPage } from './pages/OffersPage.js';
import { ParticipationPage } from './pages/ParticipationPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { AssessmentsPage } from './pages/AssessmentsPage.js';
import { AssessmentPage } from './pages/AssessmentPage.js';
import { AssessmentStatisticsPage } from './pages/AssessmentStatisticsPage.js';
import { ClientAssessmentsPage } from './pages/ClientAssessmentsPage.js';
import { RateApplicationsPage } from './pages/RateApplicationsPage.js';
import { RateApplicationsListPage } from './pages/RateApplicationsListPage.js';
import { ClientMovesPage } from './pages/ClientMovesPage.js';
import { StartupMeasurementPage } from './pages/StartupMeasurementPage.js';
import { TransitionsPage } from './pages/TransitionsPage.js';
import { QuestionnairePage, QuestionnairesPage } from './pages/QuestionnairesPage.js';
import { CATALOGUE_PATH, CatalogPublicPage } from './pages/CatalogPublicPage.js';
import { CatalogComparePage } from './pages/CatalogComparePage.js';
import { ProvidersPage } from './pages/ProvidersPage.js';
import { ProviderPage } from './pages/ProviderPage.js';
import { UnitPage } from './pages/UnitPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { AuditLogPage } from './pages/AuditLogPage.js';

// The scenario page carries the charts (recharts): loaded only when opened, keeping the first load small.
const ScenarioPage = lazy(() => import('./pages/ScenarioPage.js').then((m) => ({ default: m.ScenarioPage })));

interface NavItem {
  href: string;
  label: string;
  roles: Role[] | 'all';
}

/** The menu; each entry is shown to the roles that can use it (docs/api.md "who"). */
export const NAV: NavItem[] = [
  { href: '/', label: 'Start', roles: 'all' },
  { href: '/modeller', label: 'Ersättningsmodeller', roles: 'all' },
  { href: '/klienter', label: 'Klienter', roles: ['case_officer', 'assessor', 'admin'] },
  { href: '/placeringar', label: 'Placeringar', roles: ['case_officer', 'assessor', 'admin'] },
  { href: '/erbjudanden', label: 'Erbjudanden och tidsfrister', roles: ['case_officer', 'admin'] },
  { href: '/genomforandeplaner', label: 'Genomförandeplaner', roles: ['case_officer', 'admin'] },
  { href: '/deltagande', label: 'Deltagande att följa upp', roles: ['case_officer', 'admin'] },
  { href: '/bedomningar', label: 'Bedömningar', roles: ['assessor', 'case_officer', 'admin'] },
  { href: '/ansokningar', label: 'Ansökningar om ersättning', roles: ['assessor', 'admin'] },
  { href: '/klientflyttar', label: 'Flytt mellan stadsdelar', roles: ['case_officer', 'admin'] },
  {
    href: '/overgang-till-arbete',
    label: 'Övergång till arbete',
    roles: ['case_officer', 'provider', 'admin'],
  },
  { href: '/avrakning', label: 'Avräkning', roles: ['admin', 'finance', 'analyst', 'case_officer'] },
  { href: '/scenario', label: 'Scenario och konsekvens', roles: ['analyst', 'admin'] },
  {
    href: '/fordelning',
    label: 'Resursfördelning',
    roles: ['admin', 'finance', 'analyst', 'case_officer'],
  },
  { href: '/ekonomi', label: 'Ekonomiexport', roles: ['admin', 'finance', 'analyst'] },
  { href: '/analys', label: 'Analysverktyg', roles: ['analyst', 'admin'] },
  { href: '/modeller/prisniva', label: 'Ny prisnivå', roles: ['analyst', 'admin'] },
  { href: '/utforare', label: 'Min verksamhet', roles: ['provider'] },
  { href: '/utforare/fragor', label: 'Frågeformulär', roles: ['provider'] },
  { href: '/import', label: 'Importera', roles: ['case_officer', 'analyst', 'admin'] },
  { href: '/utforarregister', label: 'Utförare och enheter', roles: ['admin'] },
  { href: CATALOGUE_PATH, label: 'Utförarkatalog', roles: 'all' },
  { href: '/anvandare', label: 'Användare', roles: ['admin'] },
  { href: '/logg', label: 'Logg', roles: ['admin'] },
];

/** Pages anyone may open without signing in (the catalogue is public, FLOW-3). */
const PUBLIC_ROUTES: Route[] = [
  { pattern: CATALOGUE_PATH, render: () => <CatalogPublicPage /> },
  { pattern: `${CATALOGUE_PATH}/jamfor`, render: () => <CatalogComparePage /> },
  { pattern: '/tillganglighet', render: () => <AccessibilityPage /> },
];

const routes: Route[] = [
  { pattern: '/', render: () => <StartPage /> },
  { pattern: '/modeller', render: () => <ModelsPage /> },
  { pattern: '/modeller/jamfor', render: () => <ModelComparePage /> },
  { pattern: '/modeller/prisniva', render: () => <ModelUpliftPage /> },
  { pattern: '/modeller/:id', render: (p) => <ModelPage id={p.id ?? ''} /> },
  { pattern: '/klienter', render: () => <ClientsPage /> },
  { pattern: '/klienter/ny', render: () => <NewClientPage /> },
  { pattern: '/klienter/:id', render: (p) => <ClientPage id={p.id ?? ''} /> },
  { pattern: '/placeringar', render: () => <PlacementsPage /> },
  { pattern: '/placeringar/ny', render: () => <Redirect to="/klienter" /> },
  { pattern: '/beslut/:id', render: (p) => <DecisionPage id={p.id ?? ''} /> },
  { pattern: '/erbjudanden', render: () => <OffersPage /> },
  { pattern: '/genomforandeplaner', render: () => <PlansPage /> },
  { pattern: '/deltagande', render: () => <ParticipationPage /> },
  { pattern: '/placeringar/:id', render: (p) => <PlacementPage id={p.id ?? ''} /> },
  { pattern: '/bedomningar', render: () => <AssessmentsPage /> },
  { pattern: '/klienter/:id/bedomningar', render: (p) => <ClientAssessmentsPage id={p.id ?? ''} /> },
  { pattern: '/klienter/:id/ansokningar', render: (p) => <RateApplicationsPage id={p.id ?? ''} /> },
  { pattern: '/ansokningar', render: () => <RateApplicationsListPage /> },
  { pattern: '/klientflyttar', render: () => <ClientMovesPage /> },
  { pattern: '/utforare/fragor', render: () => <QuestionnairesPage /> },
  { pattern: '/utforare/fragor/:id', render: (p) => <QuestionnairePage id={p.id ?? ''} /> },
  { pattern: '/bedomningar/statistik', render: () => <AssessmentStatisticsPage /> },
  { pattern: '/bedomningar/uppstart', render: () => <StartupMeasurementPage /> },
  { pattern: '/overgang-till-arbete', render: () => <TransitionsPage /> },
  { pattern: '/bedomningar/:id', render: (p) => <AssessmentPage id={p.id ?? ''} /> },
  { pattern: '/avrakning', render: () => <SettlementPage /> },
  { pattern: '/avrakning/:id', render: (p) => <RunPage id={p.id ?? ''} /> },
  {
    pattern: '/avrakning/:id/utforare/:providerId',
    render: (p) => <SpecificationPage runId={p.id ?? ''} providerId={p.providerId ?? ''} />,
  },
  {
    pattern: '/scenario',
    render: () => (
      <Suspense fallback={<Loading what="scenariosidan" />}>
        <ScenarioPage />
      </Suspense>
    ),
  },
  { pattern: '/fordelning', render: () => <AllocationPage /> },
  { pattern: '/ekonomi', render: () => <FinanceExportPage /> },
  { pattern: '/analys', render: () => <AnalysisPage /> },
  { pattern: '/utforare', render: () => <ProviderPortalPage /> },
  { pattern: '/import', render: () => <ImportPage /> },
  { pattern: '/utforarregister', render: () => <ProvidersPage /> },
  { pattern: '/utforarregister/:id', render: (p) => <ProviderPage id={p.id ?? ''} /> },
  { pattern: '/enheter/:id', render: (p) => <UnitPage id={p.id ?? ''} /> },
  ...PUBLIC_ROUTES,
  { pattern: '/anvandare', render: () => <UsersPage /> },
  { pattern: '/logg', render: () => <AuditLogPage /> },
  { pattern: '/logga-in', render: () => <Redirect to="/" /> },
  // Aliases the API's dashboard links use.
  { pattern: '/utbetalning', render: () => <Redirect to="/avrakning" /> },
  {
    pattern: '/utbetalning/:id',
    render: (p) => <Redirect to={`/avrakning/${encodeURIComponent(p.id ?? '')}`} />,
  },
];

/** The whole app. */
export function App() {
  const { user, loading, signOut } = useAuth();
  // Screen readers (and the browser tests) learn the page is still loading data: aria-busy on main.
  const fetching = useIsFetching();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const first = useRef(true);
  // After an in-app navigation (not the first load) focus moves to the new page's heading, so
  // keyboard and screen-reader users start at the top of the new content (WCAG 2.4.3).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    focusRequest.pending = true;
    const frame = requestAnimationFrame(() => focusHeading());
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  if (loading) {
    return (
      <Center h="100vh">
        <Loading what="inloggningen" />
      </Center>
    );
  }

  // The accessibility statement and the provider catalogue are public; everything else needs a session.
  const publicPage = PUBLIC_ROUTES.some((r) => matchPath(r.pattern, pathname));
  const items = user ? NAV.filter((n) => n.roles === 'all' || n.roles.includes(user.role)) : [];

  return (
    <>
      <a className="skip-link" href="#main">
        Hoppa till huvudinnehållet
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={user ? { width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              {user && (
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={opened ? 'Stäng menyn' : 'Öppna menyn'}
                />
              )}
              <Anchor component={Link} href="/" fw={700} fz="lg" c="dark.9" underline="never">
                Ersättning
              </Anchor>
              <Text size="sm" c="dimmed" visibleFrom="md">
                LSS och socialpsykiatri, Stockholms stad
              </Text>
            </Group>
            {user && (
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" visibleFrom="xs" data-testid="current-user">
                  {user.name} ({ROLE_LABELS[user.role].title})
                </Text>
                <Button
                  variant="default"
                  size="xs"
                  onClick={async () => {
                    await signOut();
                    navigate('/');
                  }}
                >
                  Logga ut
                </Button>
              </Group>
            )}
          </Group>
        </AppShell.Header>
        {user && (
          <AppShell.Navbar p="xs" aria-label="Huvudmeny">
            {/* An admin's menu is taller than a laptop screen: the menu scrolls on its own. */}
            <AppShell.Section grow component={ScrollArea}>
              {items.map((item) => {
                const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
                return (
                  <NavLink
                    key={item.href}
                    component={Link}
                    href={item.href}
                    label={item.label}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={close}
                  />
                );
              })}
            </AppShell.Section>
          </AppShell.Navbar>
        )}
        <AppShell.Main id="main" tabIndex={-1} aria-busy={fetching > 0 || undefined}>
          {user ? (
            <Routes routes={routes} fallback={<NotFoundPage />} />
          ) : publicPage ? (
            <Routes routes={PUBLIC_ROUTES} fallback={<NotFoundPage />} />
          ) : (
            <LoginPage />
          )}
          <footer style={{ marginTop: '3rem' }}>
            <Text size="sm" c="dimmed">
              <Anchor component={Link} href="/tillganglighet">
                Tillgänglighetsredogörelse
              </Anchor>
              {' · '}Stockholms stad, socialförvaltningen
            </Text>
          </footer>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
