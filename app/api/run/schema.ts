import { z } from "zod";

import { paramValues, qasmSource } from "@/lib/http/schemas";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

/** The largest body POST /api/run reads: the source size limit plus room for the JSON around it. */
export const RUN_BODY_MAX_BYTES = DEFAULT_LIMITS.maxSourceBytes + 16 * 1024;

/** Body of POST /api/run: the contract in the architecture guide. */
export const runRequestSchema = z
  .object({
    source: qasmSource,
    shots: z
      .number({ error: "shots must be a number" })
      .int("shots must be a whole number")
      .min(1, "shots must be at least 1")
      .max(
        DEFAULT_LIMITS.maxShots,
        `shots must be at most ${DEFAULT_LIMITS.maxShots} (limit maxShots)`,
      )
      .default(1024),
    seed: z
      .number({ error: "seed must be a number" })
      .int("seed must be a whole number")
      .min(0, "seed must be 0 or more")
      .max(2 ** 32 - 1, "seed must be below 2^32")
      .optional(),
    params: paramValues,
  })
  .strict();

export type RunRequest = z.infer<typeof runRequestSchema>;
