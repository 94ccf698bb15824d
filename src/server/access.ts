/**
 * Who may call what (issue #5 §4, docs/api.md): each route declares `config.access` (roles, or
 * 'signed-in' / 'public'); one hook enforces it and the CSRF header before any handler runs.
 * Scope rules (own district, own provider) are checked by the helpers below inside handlers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../db/types.js';
import { csrfInvalid, forbidden, outOfScope, unauthenticated } from './errors.js';
import type { SessionUser } from './auth/sessions.js';

/** Who a route admits. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** Every role, for tests and docs. */
export const ROLES: readonly Role[] = ['case_officer', 'assessor', 'provider', 'analyst', 'finance', 'admin'];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    csrfToken: string | null;
    sessionHash: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** onRequest: 401 when a signed-in route has no session, 403 for a wrong role or CSRF token. */
export async function enforceAccess(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const access = request.routeOptions.config?.access;
  if (access === undefined || access === 'public') return;
  if (!request.user) throw unauthenticated();
  if (!SAFE.has(request.method) && request.headers['x-csrf-token'] !== request.csrfToken) throw csrfInvalid();
  if (access !== 'signed-in' && !access.includes(request.user.role)) throw forbidden();
}

/** The signed-in user of a route whose access hook already ran. */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

/** Case officers see their own district only; others pass any district (or all: undefined). */
export function districtScope(user: SessionUser, requested?: string | null): string | undefined {
  if (user.role === 'case_officer') {
    if (requested && requested !== user.districtId)
      throw outOfScope('Handläggare ser bara sin egen stadsdel');
    return user.districtId ?? undefined;
  }
  return requested ?? undefined;
}

/** Providers see their own provider only; others pass any provider (or all: undefined). */
export function providerScope(user: SessionUser, requested?: string | null): string | undefined {
  if (user.role === 'provider') {
    if (requested && requested !== user.providerId) throw outOfScope('Utförare ser bara sina egna enheter');
    return user.providerId ?? undefined;
  }
  return requested ?? undefined;
}
