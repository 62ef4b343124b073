"use server";

import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { HandleTakenError, saveProfileSettings } from "@/db/queries/roadmap";
import { getCurrentUser } from "@/lib/auth/guards";
import { getRoadmapContent } from "@/lib/roadmap/service";

import { profileSettingsSchema } from "./schema";

/** Saves the skill report settings; problems come back to the page as a message in the URL. */
export async function saveProfileAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/me/settings");
  const parsed = profileSettingsSchema.safeParse({
    handle: formData.get("handle") ?? "",
    isPublic: formData.get("isPublic") === "on",
    shownSkills: formData.getAll("shownSkills").map(String),
  });
  const back = (params: Record<string, string>) =>
    redirect(`/me/settings?${new URLSearchParams(params).toString()}`);
  if (!parsed.success) back({ error: parsed.error.issues[0].message });
  const { handle, isPublic, shownSkills } = parsed.data!;
  if (isPublic && handle === "") back({ error: "Choose a handle to make your profile public." });
  const known = new Set((await getRoadmapContent()).skills.map((s) => s.id));
  const unknown = shownSkills.find((id) => !known.has(id));
  if (unknown) back({ error: `Unknown skill "${unknown}".` });
  try {
    await saveProfileSettings(getDatabase().db, user.id, {
      handle: handle === "" ? null : handle,
      isPublic,
      shownSkills,
    });
  } catch (error) {
    if (error instanceof HandleTakenError) back({ error: "That handle is taken. Try another." });
    throw error;
  }
  back({ saved: "1" });
}
