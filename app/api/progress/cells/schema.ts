import { z } from "zod";

import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are kebab-case");

export const cellQuerySchema = z.object({ courseId: id, lessonId: id });

/** PUT body: the latest code of some cells of one lesson, with when each was edited. */
export const saveCellsSchema = z
  .object({
    courseId: id,
    lessonId: id,
    cells: z
      .array(
        z
          .object({
            cellId: id,
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
