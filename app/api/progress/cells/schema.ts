import { z } from "zod";

import { contentId } from "@/lib/http/schemas";

import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

/** PUT body: the latest code of some cells of one lesson, with when each was edited. */
export const saveCellsSchema = z
  .object({
    courseId: contentId,
    lessonId: contentId,
    cells: z
      .array(
        z
          .object({
            cellId: contentId,
            source: z
              .string()
              .max(
                DEFAULT_LIMITS.maxSourceBytes,
                `a cell is larger than ${DEFAULT_LIMITS.maxSourceBytes / 1024} KB`,
              ),
            editedAt: z.number().int().positive(),
          })
          .strict(),
      )
      .max(200, "at most 200 cells per save"),
  })
  .strict();
