/** Password hashing for local accounts: argon2id (the @node-rs/argon2 default algorithm). */
import { hash, verify } from '@node-rs/argon2';

/** Hashes a password with argon2id and the library's recommended cost. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */ });
}

/** A fixed hash to verify against when the user does not exist, so timing does not tell. */
const DUMMY =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1rXUVY2vdwW9H9wz0O6rMXs3bqZqFt5TfU0C8MUxX/Y';

/** True when `password` matches `stored`; never throws on a malformed hash. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  try {
    return await verify(stored ?? DUMMY, password);
  } catch {
    return false;
  }
}
