import { z } from "zod";

import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

/** POST body: the learner's current code per cell id, to export their edited notebook. */
export const notebookDownloadSchema = z
  .object({
    sources: z.record(
      z.string(),
      z
        .string()
        .max(
          DEFAULT_LIMITS.maxSourceBytes,
          `a cell is larger than ${DEFAULT_LIMITS.maxSourceBytes / 1024} KB`,
        ),
    ),
  })
  .strict();
