/** Accounts as JSON (src/contract/users.ts): never the password hash. */
import type { Role } from '../../../db/types.js';

/** An account. */
export function userView(u: {
  id: number;
  username: string;
  name: string;
  role: Role;
  district_id: string | null;
  provider_id: string | null;
  active: boolean;
}) {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    districtId: u.district_id,
    providerId: u.provider_id,
    active: u.active,
  };
}
