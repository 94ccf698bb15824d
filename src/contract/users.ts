/** Local accounts, for admins (issue #5 §4, docs/api.md): list, create, change or deactivate. */
import { z } from 'zod';
import { roleSchema, sessionUserView } from './auth.js';
import { districtIdSchema } from './districts.js';
import { textSchema } from './primitives.js';
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

/** GET /api/users. */
export const userList = z.array(userView);

/** Types the web app infers. */
export type UserCreate = z.input<typeof userCreate>;
export type UserPatch = z.input<typeof userPatch>;
export type UserView = z.infer<typeof userView>;
