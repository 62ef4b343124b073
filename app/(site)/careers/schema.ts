import { z } from "zod";

import { safeRedirectPath } from "@/lib/auth/callback-url";

/** Where the target-role form goes back to when its `returnTo` is missing or not acceptable. */
export const DEFAULT_RETURN_TO = "/careers";

/** The target-role form: a role id, or "" to clear it, and the page to return to. */
export const targetRoleSchema = z.object({
  roleId: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]*$/, "unknown role"),
  // Same-site paths only (the one rule of lib/auth/callback-url.ts), so the form cannot bounce a
  // learner elsewhere; anything else falls back rather than failing the whole form.
  returnTo: z.unknown().transform((value) => safeRedirectPath(value, DEFAULT_RETURN_TO)),
});

/**
 * What the careers page may say after the target-role form: a known code from the URL maps to
 * its message, anything else to nothing, so the URL cannot put words on the page.
 */
export function careersErrorMessage(code: unknown): string | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  return value === "unknown-role"
    ? "That role is no longer offered. Pick one of the roles below."
    : undefined;
}
