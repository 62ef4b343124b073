import "server-only";

import type { Database } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { createUser, EmailTakenError } from "@/db/queries/users";

import { hashPassword } from "./password";

/** Sign-ups allowed per client address per hour (a bot creating accounts is slowed down). */
export const SIGN_UPS_PER_HOUR = Number(process.env.KETBOOK_SIGNUP_RATE_LIMIT ?? 20);

export type SignUpOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: "throttled"; readonly retryAfterSeconds: number };

/**
 * Creates a learner account from already-validated input. Open to anyone (it is the way in), so
 * it is rate limited per address; the password is stored only as an argon2id hash.
 *
 * An email that already has an account gets the very same answer as a new one, and costs the
 * same time (the password is hashed before the insert either way), while the existing account is
 * left exactly as it was. Ketbook sends no email, so it cannot do what a product with a mailbox
 * does ("check your email" for both); saying "this email already exists" would let anyone test
 * addresses for accounts. The caller then signs in with the submitted password as for any new
 * account: that works for the account just created, and for an existing one only with its own
 * password, failing otherwise with the same answer as any wrong password. What remains is the
 * inherent signal of any open sign-up without a mailbox (sign-up followed by sign-in succeeds
 * only for a new email), which costs a sign-up and a sign-in per address tested, both rate
 * limited per address.
 */
export async function signUpWithPassword(
  db: Database,
  input: { name: string; email: string; password: string },
  address: string,
  now: Date = new Date(),
): Promise<SignUpOutcome> {
  const limit = await hitRateLimit(db, `signup:${address}`, SIGN_UPS_PER_HOUR, 3600, now);
  if (!limit.allowed) {
    return { ok: false, reason: "throttled", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    await createUser(db, { name: input.name, email: input.email, passwordHash });
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
  }
  return { ok: true };
}
