import { z } from "zod";

import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import { EXPORT_FORMATS } from "@/lib/quantum/export";

/** Body of POST /api/export: one circuit, translated for another tool. */
export const exportRequestSchema = z
  .object({
    source: z
      .string({ error: "source must be a string of OpenQASM code" })
      .min(1, "source is empty")
      .refine((s) => new TextEncoder().encode(s).length <= DEFAULT_LIMITS.maxSourceBytes, {
        message: `source is larger than ${DEFAULT_LIMITS.maxSourceBytes / 1024} KB (limit maxSourceBytes)`,
      }),
    format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
    params: z.record(z.string(), z.number().finite()).default({}),
  })
  .strict();
