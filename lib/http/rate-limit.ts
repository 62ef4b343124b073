import "server-only";

import { getDatabase } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";

import { clientKey } from "./client-key";

/** Over a rate limit (429); `handle()` answers with Retry-After. */
export class RateLimitedError extends Error {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

/** Requests per client per minute for the compute routes (run, check, export), shared by all nodes. */
export const COMPUTE_RATE_PER_MINUTE = Number(process.env.KETBOOK_RUN_RATE_LIMIT ?? 120);

/**
 * Counts this request against the client's per-minute allowance for `bucket` (in Postgres, so
 * the limit holds across app nodes) and throws RateLimitedError past it.
 */
export async function enforceRateLimit(
  request: Request,
  bucket: string,
  what: string,
  userId?: string,
  perMinute = COMPUTE_RATE_PER_MINUTE,
): Promise<void> {
  const decision = await hitRateLimit(
    getDatabase().db,
    `${bucket}:${clientKey(request, userId)}`,
    perMinute,
    60,
  );
  if (!decision.allowed) {
    throw new RateLimitedError(
      `Too many ${what}: at most ${perMinute} per minute. Try again in ${decision.retryAfterSeconds} s.`,
      decision.retryAfterSeconds,
    );
  }
}
