import { z } from "zod";

import { qasmSource } from "@/lib/http/schemas";
import { EXPERIMENT_EXPORT_FORMATS } from "@/lib/qml/export";

/** Body of POST /api/experiments/export: one experiment cell, as a script for a library. */
export const experimentExportSchema = z
  .object({
    source: qasmSource,
    format: z.enum(EXPERIMENT_EXPORT_FORMATS, {
      error: `format must be one of ${EXPERIMENT_EXPORT_FORMATS.join(", ")}`,
    }),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .strict();
