import { z } from "zod";

import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are kebab-case");

/** POST body: one attempt at an exercise. `attemptKey` makes a retried request count once. */
export const checkRequestSchema = z
  .object({
    courseId: id,
    lessonId: id,
    cellId: id,
    source: z
      .string()
      .min(1, "source is empty")
      .max(DEFAULT_LIMITS.maxSourceBytes, "source is too large (limit maxSourceBytes)"),
    attemptKey: z.string().min(8).max(100),
    /** Guests only: failed attempts counted in the browser (unlocks hints, never the solution). */
    guestFailedAttempts: z.number().int().min(0).max(100).optional(),
  })
  .strict();
