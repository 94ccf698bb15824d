/**
 * Who is signed in: `/api/auth/me` once at start (401 = nobody), sign-in and sign-out, and the
 * CSRF token handed to api.ts for every state-changing request.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post, setCsrfToken } from './api.js';
import type {
  LoginBody,
  Role,
  SessionResponse as Session,
  SessionUserView as User,
} from '../contract/auth.js';

interface Auth {
  user: User | null;
  loading: boolean;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

async function fetchMe(): Promise<Session | null> {
  try {
    const session = await get<Session>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Provides the session to the whole app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ['me'], queryFn: fetchMe, retry: false, staleTime: Infinity });
  const login = useMutation({
    mutationFn: (creds: LoginBody) => post<Session>('/api/auth/login', creds),
  });
  // Another person's cached data must not survive a change of session; the 'me' query itself is
  // kept (an observer is subscribed to it) and overwritten instead.
  const dropOtherQueries = () => qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  const value: Auth = {
    user: me.data?.user ?? null,
    loading: me.isPending,
    async signIn(username, password) {
      const session = await login.mutateAsync({ username, password });
      setCsrfToken(session.csrfToken);
      // Read /me again: it is the documented source of the token and the full user.
      const fresh = await fetchMe();
      dropOtherQueries();
      qc.setQueryData(['me'], fresh ?? session);
      return (fresh ?? session).user;
    },
    async signOut() {
      try {
        await post('/api/auth/logout');
      } finally {
        setCsrfToken(null);
        dropOtherQueries();
        qc.setQueryData(['me'], null);
      }
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The session; throws outside AuthProvider (a programming error). */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** True when `user` has one of `roles`. */
export function hasRole(user: User | null, ...roles: Role[]): boolean {
  return !!user && roles.includes(user.role);
}
