/**
 * Local accounts, for admins (issue #5 §4, issue #14 §4, docs/api.md): list (paged, filtered by
 * name, role and whether active), create, change role and scope, reset the password, deactivate.
 */
import { z } from 'zod';
import { roleSchema, sessionUserView } from './auth.js';
import { districtIdSchema } from './districts.js';
import { listQuery, listResponse, textSchema } from './primitives.js';
import { providerIdSchema } from './providers.js';

const password = textSchema(200, 10);
const name = z.string().trim().pipe(textSchema(200, 1));

/** POST /api/users. */
export const userCreate = z.object({
  username: z
    .string()
    .max(50, 'must have at most 50 characters')
    .regex(/^[a-z0-9._-]{2,50}$/, 'lower-case letters, digits, . _ - (2–50)'),
  name,
  role: roleSchema,
  districtId: districtIdSchema.nullable().optional(),
  providerId: providerIdSchema.nullable().optional(),
  password,
});

/** PATCH /api/users/:id (a deactivated user, changed role or password ends their sessions). */
export const userPatch = z.object({
  name: name.optional(),
  role: roleSchema.optional(),
  districtId: districtIdSchema.nullable().optional(),
  providerId: providerIdSchema.nullable().optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});

/** An account (never its password hash): the signed-in user's fields and whether it is active. */
export const userView = sessionUserView.extend({ active: z.boolean() });

/** The sort fields of the account list. */
export const USER_SORTS = { username: 'text', name: 'text' } as const;

/**
 * GET /api/users query: `q` a part of the user name or name, `role`, `active` (`true`/`false`);
 * sorted by user name or name, paged by cursor (issue #14 §1).
 */
export const userQuery = listQuery(
  { sorts: USER_SORTS, sort: 'username' },
  {
    q: textSchema(100).optional(),
    role: roleSchema.optional(),
    active: z.enum(['true', 'false']).optional(),
  },
);

/** GET /api/users: one page, the true total and the neighbouring pages' cursors. */
export const userList = listResponse(userView);

/** Types the web app infers. */
export type UserCreate = z.input<typeof userCreate>;
export type UserPatch = z.input<typeof userPatch>;
export type UserView = z.infer<typeof userView>;
export type UserList = z.infer<typeof userList>;
