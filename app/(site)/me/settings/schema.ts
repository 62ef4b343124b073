import { z } from "zod";

/** Public profile settings. A handle is 3–30 of a-z, 0-9 and inner dashes (it is a URL). */
export const profileSettingsSchema = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?:[a-z0-9][a-z0-9-]{1,28}[a-z0-9])?$/, "handle-format"),
  isPublic: z.boolean(),
  shownSkills: z.array(z.string().max(100)).max(200),
});

/**
 * Handles nobody may claim: they would read as Ketbook speaking (/u/admin, /u/support) or as
 * one of the site's own pages. Refused with the same answer as a handle already in use.
 */
export const RESERVED_HANDLES: ReadonlySet<string> = new Set([
  "admin",
  "administrator",
  "api",
  "help",
  "instructor",
  "ketbook",
  "me",
  "moderator",
  "official",
  "root",
  "security",
  "settings",
  "signin",
  "signup",
  "staff",
  "studio",
  "support",
  "system",
  "team",
  "verify",
]);
