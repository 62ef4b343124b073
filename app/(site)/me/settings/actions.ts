"use server";

import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { getRoadmapContent } from "@/lib/roadmap/service";

import { saveProfileForm } from "./save";

/** Saves the skill report settings; the outcome comes back to the page as a code in the URL. */
export async function saveProfileAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/me/settings");
  const known = new Set((await getRoadmapContent()).skills.map((s) => s.id));
  const outcome = await saveProfileForm(
    getDatabase().db,
    user.id,
    {
      handle: formData.get("handle") ?? "",
      isPublic: formData.get("isPublic") === "on",
      shownSkills: formData.getAll("shownSkills").map(String),
    },
    known,
  );
  redirect(outcome === "saved" ? "/me/settings?saved=1" : `/me/settings?error=${outcome}`);
}
