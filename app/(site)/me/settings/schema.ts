import { z } from "zod";

/** Public profile settings. A handle is 3–30 of a-z, 0-9 and inner dashes (it is a URL). */
export const profileSettingsSchema = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^(?:[a-z0-9][a-z0-9-]{1,28}[a-z0-9])?$/,
      "A handle is 3 to 30 letters, digits or dashes, not starting or ending with a dash.",
    ),
  isPublic: z.boolean(),
  shownSkills: z.array(z.string().max(100)).max(200),
});
