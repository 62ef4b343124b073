import { z } from "zod";

import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

/** Body of POST /api/run: the contract in the architecture guide. */
export const runRequestSchema = z
  .object({
    source: z
      .string({ error: "source must be a string of OpenQASM code" })
      .min(1, "source is empty")
      .refine((s) => new TextEncoder().encode(s).length <= DEFAULT_LIMITS.maxSourceBytes, {
        message: `source is larger than ${DEFAULT_LIMITS.maxSourceBytes / 1024} KB (limit maxSourceBytes)`,
      }),
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
    params: z
      .record(
        z.string().regex(/^[A-Za-z_]\w*$/, "parameter names are identifiers"),
        z.number().finite(),
      )
      .default({}),
  })
  .strict();

export type RunRequest = z.infer<typeof runRequestSchema>;
