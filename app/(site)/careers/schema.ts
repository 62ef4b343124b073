import { z } from "zod";

/** The target-role form: a role id, or "" to clear it, and the page to return to. */
export const targetRoleSchema = z.object({
  roleId: z
    .string()
    .max(100)
    .regex(/^[a-z0-9-]*$/, "unknown role"),
  // Same-site paths only, so the form cannot be used to bounce a learner elsewhere.
  returnTo: z
    .string()
    .max(200)
    .regex(/^\/(?!\/)[\w\-/?=&.]*$/, "bad return path")
    .default("/careers"),
});
