import "server-only";

import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 20 ms here,
 * which is slow for an attacker's GPU but not for a sign-in.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the email is unknown, so a wrong email costs as much time as a wrong
// password and response times do not reveal which accounts exist.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$ByfsuPYiYHsrfiIhhQJT6Q$tkefAAvSYXiS+YxrdSXoZKQJcv3fz6WQzSxg2sKcbRY";

export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  try {
    const ok = await verify(storedHash ?? DUMMY_HASH, password);
    return Boolean(storedHash) && ok;
  } catch {
    return false;
  }
}
