import { z } from "zod";

import { attemptKey, contentId, qasmSource } from "@/lib/http/schemas";

/** POST body: one attempt at an exercise. `attemptKey` makes a retried request count once. */
export const checkRequestSchema = z
  .object({
    courseId: contentId,
    lessonId: contentId,
    cellId: contentId,
    source: qasmSource,
    attemptKey,
    /** Guests only: failed attempts counted in the browser (unlocks hints, never the solution). */
    guestFailedAttempts: z.number().int().min(0).max(100).optional(),
  })
  .strict();
