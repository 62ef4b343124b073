import "server-only";

import { z } from "zod";

import type { Database } from "@/db/client";
import { changeUserRole, type PublicUser } from "@/db/queries/users";
import { USER_ROLES } from "@/db/schema";
import { ForbiddenError } from "@/lib/auth/guards";

import type { RoleChangeOutcome } from "./messages";

const roleChangeSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(USER_ROLES),
});

/**
 * An admin changes another user's role. The actor is checked here as well as in the action, so
 * no caller can skip it. Admins do not change their own role: demoting oneself by a slip of the
 * select would lock the page, and another admin can always do it.
 */
export async function changeRoleForm(
  db: Database,
  actor: PublicUser,
  form: { userId: unknown; role: unknown },
): Promise<RoleChangeOutcome> {
  if (actor.role !== "admin") throw new ForbiddenError("This needs the admin role.");
  const parsed = roleChangeSchema.safeParse(form);
  if (!parsed.success) return "invalid";
  if (parsed.data.userId === actor.id) return "self";
  return changeUserRole(db, parsed.data.userId, parsed.data.role);
}
