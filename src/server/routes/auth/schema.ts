/** Shapes of the sign-in routes (docs/api.md). */
import { z } from 'zod';

/** `{ username, password }`. */
export const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** The signed-in user as the web app sees it. */
export const userView = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: z.enum(['case_officer', 'assessor', 'provider', 'analyst', 'admin']),
  districtId: z.string().nullable(),
  providerId: z.string().nullable(),
});

/** `{ user, csrfToken }`: what sign-in and /me return. */
export const sessionResponse = z.object({ user: userView, csrfToken: z.string() });
