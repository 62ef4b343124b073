import "server-only";

import { lt, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rateLimitBuckets } from "../schema";

export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly count: number;
  /** Seconds until the current window ends (for Retry-After). */
  readonly retryAfterSeconds: number;
}

/**
 * Counts one request for `key` in the current fixed window and says whether it is within
 * `limit`. One atomic upsert, so concurrent requests on any number of nodes count exactly.
 */
export async function hitRateLimit(
  db: Database,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date = new Date(),
): Promise<RateLimitDecision> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
      set: { count: sql`${rateLimitBuckets.count} + 1` },
    })
    .returning({ count: rateLimitBuckets.count });
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}

/** Deletes windows that ended more than an hour ago. */
export async function pruneRateLimits(db: Database, now: Date = new Date()): Promise<void> {
  await db
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.windowStart, new Date(now.getTime() - 3_600_000)));
}
