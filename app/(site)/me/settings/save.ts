import "server-only";

import type { Database } from "@/db/client";
import { HandleTakenError, saveProfileSettings } from "@/db/queries/roadmap";

import type { SettingsErrorCode } from "./messages";
import { profileSettingsSchema, RESERVED_HANDLES } from "./schema";

/**
 * Validates and saves a learner's profile settings: "saved", or the code of the problem for the
 * page to explain (see messages.ts). `knownSkills` are the skill ids of the roadmap.
 */
export async function saveProfileForm(
  db: Database,
  userId: string,
  form: { handle: unknown; isPublic: unknown; shownSkills: unknown },
  knownSkills: ReadonlySet<string>,
): Promise<"saved" | SettingsErrorCode> {
  const parsed = profileSettingsSchema.safeParse(form);
  if (!parsed.success) {
    return parsed.error.issues[0].path[0] === "handle" ? "handle-format" : "invalid";
  }
  const { handle, isPublic, shownSkills } = parsed.data;
  if (isPublic && handle === "") return "handle-required";
  if (RESERVED_HANDLES.has(handle)) return "handle-unavailable";
  if (shownSkills.some((id) => !knownSkills.has(id))) return "unknown-skill";
  try {
    await saveProfileSettings(db, userId, {
      handle: handle === "" ? null : handle,
      isPublic,
      shownSkills,
    });
  } catch (error) {
    if (error instanceof HandleTakenError) return "handle-unavailable";
    throw error;
  }
  return "saved";
}
