/**
 * Entry point: Mantine (Swedish, AA-contrast theme), TanStack Query and the session around the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Alert,
  Badge,
  Anchor,
  MantineProvider,
  Modal,
  NavLink,
  createTheme,
  type CSSVariablesResolver,
} from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import { App } from './App.js';
import { AuthProvider } from './auth.js';
import { ApiError } from './api.js';

// Shade 8 of blue on white is 4.9:1 (shade 6 would be 3.5:1 and fail WCAG AA for text).
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'sm',
  // No animations for people who ask their system for reduced motion.
  respectReducedMotion: true,
  // Links are underlined so they never depend on colour alone (WCAG 1.4.1, axe link-in-text-block).
  components: {
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // The active menu entry: white on blue.8 (4.9:1) instead of the light tint (below 4.5:1).
    NavLink: NavLink.extend({ defaultProps: { variant: 'filled' } }),
    // Alert titles in near-black: the tinted title colours miss 4.5:1 on the tinted background.
    // Dialogs: a named close button (Esc closes too; focus is trapped and returned by Mantine).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Stäng' } } }),
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-black)' } } }),
    // Status badges are never cut ("BES…", issue #14 §6): they keep their whole word and width.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
  },
});

// Mantine's dimmed grey (gray.6) is 3.3:1 on white; gray.7 reaches 7:1.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors: red.6 is 3.3:1 on white; this red is 6:1 (same as colors.ts BAD).
    '--mantine-color-error': '#b02525',
    // Light buttons and badges: text in shade 9 so it reaches 4.5:1 on the tinted background.
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
  },
  dark: {},
});

// A session that ends while the app is open (expired, signed out elsewhere): any 401 shows the
// sign-in page again instead of a page full of errors.
const onError = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(['me']))
    queryClient.setQueryData(['me'], null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={resolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <App />
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
