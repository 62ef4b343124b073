import "server-only";

import { and, eq, sql } from "drizzle-orm";

import type { Database } from "../client";
import { rateLimitBuckets } from "../schema";

/*
 * Two kinds of rows share the rate_limit_buckets table (key, window_start, count):
 * - fixed-window counters: one row per key and window, `count` requests in it;
 * - backoff streaks: one row per key, prefixed "backoff:", `count` consecutive failures and
 *   `window_start` the time of the last one.
 * Both live in Postgres so that limits hold across every app node.
 */

export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly count: number;
  /** Seconds until the current window ends (for Retry-After). */
  readonly retryAfterSeconds: number;
  /** The window this hit was counted in (to refund it with refundRateLimit). */
  readonly windowStart: Date;
}

/**
 * Counts one request for `key` in the current fixed window and says whether it is within
 * `limit`. One atomic upsert, so concurrent requests on any number of nodes count exactly.
 * Now and then it also deletes expired rows (pruneRateLimitsNow), so the table stays small
 * without a scheduler.
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
  await pruneNowAndThen(db, now);
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds, windowStart };
}

/**
 * Takes back one hit that hitRateLimit counted in `windowStart`, for a request that turned out
 * not to count (a sign-in that succeeded, where only failures are limited).
 */
export async function refundRateLimit(db: Database, key: string, windowStart: Date): Promise<void> {
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`greatest(${rateLimitBuckets.count} - 1, 0)` })
    .where(and(eq(rateLimitBuckets.key, key), eq(rateLimitBuckets.windowStart, windowStart)));
}

// ---------------------------------------------------------------------------------------------
// Exponential backoff

export interface BackoffPolicy {
  /** Consecutive failures allowed without any wait (typos happen). */
  readonly freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each further one. */
  readonly baseDelaySeconds: number;
  /** The wait never grows past this. */
  readonly maxDelaySeconds: number;
}

/** How long to wait after the last of `failures` consecutive failures before the next try. */
export function backoffDelaySeconds(failures: number, policy: BackoffPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 52);
  return Math.min(policy.baseDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

export interface BackoffDecision {
  readonly allowed: boolean;
  /** Consecutive failures recorded before this attempt. */
  readonly failures: number;
  /** When refused: seconds until the next attempt is allowed (for Retry-After). */
  readonly retryAfterSeconds: number;
}

const BACKOFF_PREFIX = "backoff:";

/**
 * Asks to make one attempt under `key`'s backoff. Allowed when the wait earned by the streak of
 * failures so far has passed; the attempt is then recorded as a failure straight away (and taken
 * back by clearBackoff when it succeeds), so a burst of parallel attempts cannot all slip through
 * on the same reading. A refused attempt changes nothing: retrying too early does not lengthen
 * the wait.
 *
 * The read-decide-write runs in a transaction holding an advisory lock on the key, so concurrent
 * attempts on any number of nodes are decided one after the other.
 */
export async function claimBackoffAttempt(
  db: Database,
  key: string,
  policy: BackoffPolicy,
  now: Date = new Date(),
): Promise<BackoffDecision> {
  const rowKey = BACKOFF_PREFIX + key;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${rowKey}, 0))`);
    const [row] = await tx
      .select({ failures: rateLimitBuckets.count, lastFailure: rateLimitBuckets.windowStart })
      .from(rateLimitBuckets)
      .where(eq(rateLimitBuckets.key, rowKey));
    const failures = row?.failures ?? 0;
    if (row) {
      const waitMs =
        row.lastFailure.getTime() + backoffDelaySeconds(failures, policy) * 1000 - now.getTime();
      if (waitMs > 0) {
        return { allowed: false, failures, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      }
      await tx
        .update(rateLimitBuckets)
        .set({ count: failures + 1, windowStart: now })
        .where(eq(rateLimitBuckets.key, rowKey));
    } else {
      await tx.insert(rateLimitBuckets).values({ key: rowKey, windowStart: now, count: 1 });
    }
    return { allowed: true, failures, retryAfterSeconds: 0 };
  });
}

/** Ends `key`'s streak of failures (after a success): the next attempt is free again. */
export async function clearBackoff(db: Database, key: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, BACKOFF_PREFIX + key));
}

// ---------------------------------------------------------------------------------------------
// Pruning

/** Fixed windows are at most an hour long: a window that started an hour ago has ended. */
const WINDOW_RETENTION_MS = 3_600_000;
/** A streak of failures is forgotten after a day without a failure. */
const BACKOFF_RETENTION_MS = 24 * 3_600_000;
/** Rows deleted per pruning pass, so one request never pays for a large backlog. */
export const PRUNE_BATCH = 500;
const PRUNE_INTERVAL_MS = 60_000;

/**
 * Deletes at most `batch` expired rows: counters of windows that ended (started over an hour
 * ago) and backoff streaks idle for a day. Returns how many it deleted.
 */
export async function pruneRateLimits(
  db: Database,
  now: Date = new Date(),
  batch: number = PRUNE_BATCH,
): Promise<number> {
  const windowCutoff = new Date(now.getTime() - WINDOW_RETENTION_MS).toISOString();
  const backoffCutoff = new Date(now.getTime() - BACKOFF_RETENTION_MS).toISOString();
  const t = rateLimitBuckets;
  const expired = db
    .select({ key: t.key, windowStart: t.windowStart })
    .from(t)
    .where(
      sql`${t.windowStart} < case when ${t.key} like ${BACKOFF_PREFIX + "%"} then ${backoffCutoff}::timestamptz else ${windowCutoff}::timestamptz end`,
    )
    .limit(batch);
  const deleted = await db
    .delete(t)
    .where(sql`(${t.key}, ${t.windowStart}) in (${expired})`)
    .returning({ key: t.key });
  return deleted.length;
}

// When each database was last pruned by this process. Per-process state is fine here: it only
// spaces out the work, and any node's pass prunes for all of them.
const lastPruned = new WeakMap<Database, number>();

/**
 * Prunes at most once a minute per process and database, on the back of a hit; a full batch
 * means a backlog, so the next hit prunes again at once.
 */
async function pruneNowAndThen(db: Database, now: Date): Promise<void> {
  const last = lastPruned.get(db);
  const at = now.getTime();
  if (last !== undefined && Math.abs(at - last) < PRUNE_INTERVAL_MS) return;
  lastPruned.set(db, at);
  if ((await pruneRateLimits(db, now)) === PRUNE_BATCH) lastPruned.delete(db);
}
