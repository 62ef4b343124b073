import { z } from "zod";

import { paramValues, qasmSource } from "@/lib/http/schemas";
import { EXPORT_FORMATS } from "@/lib/quantum/export";

/** Body of POST /api/export: one circuit, translated for another tool. */
export const exportRequestSchema = z
  .object({
    source: qasmSource,
    format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
    params: paramValues,
  })
  .strict();
