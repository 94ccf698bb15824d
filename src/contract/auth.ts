/**
 * Sign-in and the signed-in user (issue #5 §4, docs/api.md): the login body, the session answer
 * of `/auth/login` and `/auth/me`, and the roles.
 */
import { z } from 'zod';
import { textSchema } from './primitives.js';

/** The six roles of docs/security.md (finance: issue #14 §3). */
export const ROLE_IDS = ['case_officer', 'assessor', 'provider', 'analyst', 'finance', 'admin'] as const;
/** A role. */
export const roleSchema = z.enum(ROLE_IDS);
/** A role as the web app reads it. */
export type Role = z.infer<typeof roleSchema>;

/** POST /api/auth/login: `{ username, password }`. */
export const loginBody = z.object({
  username: textSchema(100, 1),
  password: textSchema(200, 1),
});

/** The signed-in user as the web app sees it. */
export const sessionUserView = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  districtId: z.string().nullable(),
  providerId: z.string().nullable(),
});

/** `{ user, csrfToken }`: what sign-in and /me return. */
export const sessionResponse = z.object({ user: sessionUserView, csrfToken: z.string() });

/** 204 No Content (sign-out). */
export const noContent = z.null().describe('No content');

/** Types the web app infers. */
export type LoginBody = z.input<typeof loginBody>;
export type SessionUserView = z.infer<typeof sessionUserView>;
export type SessionResponse = z.infer<typeof sessionResponse>;
