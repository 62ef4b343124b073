"use server";

import { headers } from "next/headers";

import { getDatabase } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { createUser, EmailTakenError } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";

import { signUpSchema } from "./schema";

export type SignUpState =
  | { ok: true; email: string }
  | { ok: false; message: string; field?: "name" | "email" | "password" };

/** Sign-ups allowed per client address per hour (a bot creating accounts is slowed down). */
const SIGN_UPS_PER_HOUR = Number(process.env.KETBOOK_SIGNUP_RATE_LIMIT ?? 20);

/**
 * Creates a learner account. Open to anyone (it is the way in), so it is rate limited per
 * address; the password is stored only as an argon2id hash. The client signs in afterwards.
 */
export async function signUp(input: {
  name: string;
  email: string;
  password: string;
}): Promise<SignUpState> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: issue.message,
      field: issue.path[0] as "name" | "email" | "password",
    };
  }
  const db = getDatabase().db;
  const address = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
  const limit = await hitRateLimit(db, `signup:${address}`, SIGN_UPS_PER_HOUR, 3600);
  if (!limit.allowed)
    return { ok: false, message: "Too many new accounts from this address. Try again later." };
  try {
    const user = await createUser(db, {
      ...parsed.data,
      passwordHash: await hashPassword(parsed.data.password),
    });
    return { ok: true, email: user.email };
  } catch (error) {
    if (error instanceof EmailTakenError)
      return { ok: false, message: error.message, field: "email" };
    throw error;
  }
}
