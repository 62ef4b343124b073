"use server";

import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { requireRole } from "@/lib/auth/guards";

import { changeRoleForm } from "./change-role";

/** Changes a user's role; the outcome comes back to the page as a code in the URL. */
export async function changeRoleAction(formData: FormData): Promise<void> {
  const actor = await requireRole("admin");
  const outcome = await changeRoleForm(getDatabase().db, actor, {
    userId: formData.get("userId"),
    role: formData.get("role"),
  });
  const back = new URLSearchParams({ done: outcome });
  const query = formData.get("q");
  if (typeof query === "string" && query) back.set("q", query);
  redirect(`/admin?${back}`);
}
