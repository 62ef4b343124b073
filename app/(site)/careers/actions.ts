"use server";

import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { setTargetRole } from "@/db/queries/roadmap";
import { safeRedirectPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/guards";
import { getRoadmapContent } from "@/lib/roadmap/service";

import { DEFAULT_RETURN_TO, targetRoleSchema } from "./schema";

/** Sets (or clears) the signed-in learner's target role, then goes back to the page it came from. */
export async function setTargetRoleAction(formData: FormData): Promise<void> {
  const parsed = targetRoleSchema.safeParse({
    roleId: formData.get("roleId") ?? "",
    returnTo: formData.get("returnTo") ?? undefined,
  });
  const returnTo = parsed.success
    ? parsed.data.returnTo
    : safeRedirectPath(formData.get("returnTo"), DEFAULT_RETURN_TO);
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  // A role can vanish from roles.yaml while a page that offers it is still open: say so on the
  // careers page rather than failing the request.
  if (!parsed.success) redirect(`${DEFAULT_RETURN_TO}?error=unknown-role`);
  const { roleId } = parsed.data;
  if (roleId !== "") {
    const { roles } = await getRoadmapContent();
    if (!roles.some((r) => r.id === roleId)) redirect(`${DEFAULT_RETURN_TO}?error=unknown-role`);
  }
  await setTargetRole(getDatabase().db, user.id, roleId === "" ? null : roleId);
  redirect(returnTo);
}
