"use server";

import { headers } from "next/headers";

import { getDatabase } from "@/db/client";
import { signUpWithPassword } from "@/lib/auth/sign-up";
import { clientAddress } from "@/lib/http/client-key";

import { signUpSchema } from "./schema";

export type SignUpState =
  { ok: true } | { ok: false; message: string; field?: "name" | "email" | "password" };

/**
 * Creates a learner account; the client signs in afterwards. The answer is the same whether or
 * not the email already has an account (see signUpWithPassword).
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
  const outcome = await signUpWithPassword(
    getDatabase().db,
    parsed.data,
    clientAddress(await headers()),
  );
  if (!outcome.ok)
    return { ok: false, message: "Too many new accounts from this address. Try again later." };
  return { ok: true };
}
