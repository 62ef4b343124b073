import "server-only";

import type { Database } from "@/db/client";
import {
  type BackoffPolicy,
  claimBackoffAttempt,
  clearBackoff,
  hitRateLimit,
  refundRateLimit,
} from "@/db/queries/rate-limits";
import { findUserByEmail, normaliseEmail, type PublicUser } from "@/db/queries/users";

import { verifyPassword } from "./password";

/**
 * How password sign-in is throttled. Guessing is slowed down without ever locking the owner out:
 * - per account *and* address, consecutive failures earn a wait that doubles each time (after a
 *   few free ones), and a success ends the streak. Failures from other addresses never slow the
 *   owner down at their own address;
 * - per address, failed attempts across all accounts are capped per window
 *   (KETBOOK_SIGNIN_RATE_LIMIT), which stops one address from trying many accounts. Successful
 *   sign-ins do not count, so a classroom behind one address can sign in freely.
 */
export const SIGN_IN_LIMITS = {
  failuresPerAddress: Number(process.env.KETBOOK_SIGNIN_RATE_LIMIT ?? 50),
  windowSeconds: 900,
  backoff: { freeFailures: 5, baseDelaySeconds: 1, maxDelaySeconds: 900 } satisfies BackoffPolicy,
} as const;

export type SignInResult =
  | { readonly ok: true; readonly user: Pick<PublicUser, "id" | "email" | "name"> }
  | { readonly ok: false; readonly reason: "invalid" }
  | { readonly ok: false; readonly reason: "throttled"; readonly retryAfterSeconds: number };

/**
 * Checks an email and password from `address` (the client's address as the server edge saw it).
 * An unknown email and a wrong password give the same answer and take the same time; the
 * throttles are keyed by the email as typed, whether or not an account has it.
 */
export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string; address: string },
  now: Date = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  if (!email || !input.password) return { ok: false, reason: "invalid" };

  const addressKey = `signin:ip:${input.address}`;
  const byAddress = await hitRateLimit(
    db,
    addressKey,
    SIGN_IN_LIMITS.failuresPerAddress,
    SIGN_IN_LIMITS.windowSeconds,
    now,
  );
  if (!byAddress.allowed) {
    return { ok: false, reason: "throttled", retryAfterSeconds: byAddress.retryAfterSeconds };
  }
  const accountKey = `signin:${email}|${input.address}`;
  const byAccount = await claimBackoffAttempt(db, accountKey, SIGN_IN_LIMITS.backoff, now);
  if (!byAccount.allowed) {
    // Too early for this account, but not a guess: it does not use up the address's allowance.
    await refundRateLimit(db, addressKey, byAddress.windowStart);
    return { ok: false, reason: "throttled", retryAfterSeconds: byAccount.retryAfterSeconds };
  }

  const user = await findUserByEmail(db, email);
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
    return { ok: false, reason: "invalid" };
  }
  await clearBackoff(db, accountKey);
  await refundRateLimit(db, addressKey, byAddress.windowStart);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
