import { z } from "zod";

import { contentId, qasmSource } from "@/lib/http/schemas";

/** Body of POST /api/experiments/run: one experiment cell's text (spec, `---`, circuit). */
export const experimentRequestSchema = z
  .object({
    source: qasmSource,
    seed: z
      .number({ error: "seed must be a number" })
      .int("seed must be a whole number")
      .min(0, "seed must be 0 or more")
      .max(2 ** 32 - 1, "seed must be below 2^32")
      .optional(),
    /** Where the cell lives: a signed-in learner's result is kept with it. */
    cell: z
      .object({ courseId: contentId, lessonId: contentId, cellId: contentId })
      .strict()
      .optional(),
  })
  .strict();
