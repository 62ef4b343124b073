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
