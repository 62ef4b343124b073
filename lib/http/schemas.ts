import { z } from "zod";

import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

/** Course, lesson, cell and question ids: kebab-case, as content validation requires. */
export const contentId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are kebab-case");

/** OpenQASM source in a request body, within the engine's size limit (counted in bytes). */
export const qasmSource = z
  .string({ error: "source must be a string of OpenQASM code" })
  .min(1, "source is empty")
  .refine((s) => new TextEncoder().encode(s).length <= DEFAULT_LIMITS.maxSourceBytes, {
    message: `source is larger than ${DEFAULT_LIMITS.maxSourceBytes / 1024} KB (limit maxSourceBytes)`,
  });

/** Circuit parameter values by input name. */
export const paramValues = z
  .record(
    z.string().regex(/^[A-Za-z_]\w*$/, "parameter names are identifiers"),
    z.number().finite(),
  )
  .default({});

/** A client-chosen key that makes a retried submission count once. */
export const attemptKey = z.string().min(8).max(100);
