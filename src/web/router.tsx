/**
 * A small history-based router (no new dependency): the server answers every non-API path with
 * index.html (SPA fallback), so deep links and reloads work. Routes are patterns like
 * `/modeller/:id`; links are real `<a href>` elements so keyboard, middle-click and screen
 * readers behave as on any web page.
 */
import {
  createContext,
  forwardRef,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

/** Path parameters decoded from a matched pattern. */
export type Params = Record<string, string>;

/** Matches `pathname` against `pattern` (`/a/:id`); null when it does not match. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Moves to `to` inside the app (pushState) and re-renders the routes. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current location as `{ pathname, search }`, re-rendering on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  return useMemo(() => {
    const url = new URL(href, 'http://x');
    return { pathname: url.pathname, search: url.searchParams };
  }, [href]);
}

/** One route: a pattern, a page title (for `document.title`) and what to render. */
export interface Route {
  pattern: string;
  render: (params: Params) => ReactNode;
}

const ParamsContext = createContext<Params>({});

/** The params of the route being rendered. */
export function useParams(): Params {
  return useContext(ParamsContext);
}

/** Renders the first route matching the location, or `fallback`. */
export function Routes({ routes, fallback }: { routes: Route[]; fallback: ReactNode }) {
  const { pathname } = useLocation();
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (params) return <ParamsContext.Provider value={params}>{route.render(params)}</ParamsContext.Provider>;
  }
  return <>{fallback}</>;
}

/** Redirects (replacing history) once rendered. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

const isPlainLeftClick = (e: MouseEvent) =>
  e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;

/** An `<a>` that navigates inside the app; usable as Mantine's `component={Link}`. */
export const Link = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }>(
  function Link({ href, onClick, target, ...rest }, ref) {
    return (
      <a
        ref={ref}
        href={href}
        target={target}
        onClick={(e) => {
          onClick?.(e);
          const internal = href.startsWith('/') && !href.startsWith('/api/');
          if (internal && !target && isPlainLeftClick(e)) {
            e.preventDefault();
            navigate(href);
          }
        }}
        {...rest}
      />
    );
  },
);
