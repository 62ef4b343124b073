import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { rateLimitBuckets } from "../schema";
import { hitRateLimit, type RateLimitDecision } from "./rate-limits";

/**
 * A fixed-window rate limit counted in this process's memory, with the database as the shared
 * total. Same windows, same rows and same decisions as hitRateLimit, but only the first hit of a
 * key in a window waits for the database (it is counted there directly, which also reads what
 * the other nodes counted so far); later hits are decided in memory against
 *
 *     the key's total as of this node's last flush + the hits this node counted since,
 *
 * and added to the database in one statement per flush (the caller flushes periodically).
 *
 * Tolerance: a node does not see the other nodes' hits of the last flush interval. So across a
 * cluster a client gets at most `limit` plus the hits it made on the other nodes in one flush
 * interval before a refusal; on a single node the count is exact. Refused hits count too, as in
 * hitRateLimit.
 */
export class LocalRateCounter {
  private readonly entries = new Map<string, Entry>();
  private flushing: Promise<void> | undefined;

  constructor(private readonly db: Database) {}

  async hit(
    key: string,
    limit: number,
    windowSeconds: number,
    now: Date = new Date(),
  ): Promise<RateLimitDecision> {
    const windowMs = windowSeconds * 1000;
    const windowStartMs = Math.floor(now.getTime() / windowMs) * windowMs;
    const id = `${windowStartMs}:${key}`;
    const known = this.entries.get(id);
    if (!known) {
      const decision = await hitRateLimit(this.db, key, limit, windowSeconds, now);
      // Concurrent first hits each went to the database; the highest count read is the newest.
      const entry = this.entries.get(id);
      if (entry) entry.total = Math.max(entry.total, decision.count);
      else {
        this.entries.set(id, {
          key,
          windowStart: decision.windowStart,
          windowEndMs: windowStartMs + windowMs,
          total: decision.count,
          pending: 0,
        });
      }
      return decision;
    }
    known.pending++;
    const count = known.total + known.pending;
    return {
      allowed: count <= limit,
      count,
      retryAfterSeconds: Math.max(1, Math.ceil((known.windowEndMs - now.getTime()) / 1000)),
      windowStart: known.windowStart,
    };
  }

  /**
   * Adds the hits counted since the last flush to the database (one upsert for all keys of open
   * windows) and reads back each key's total, which includes the other nodes' flushed hits. Windows that have
   * ended are forgotten once flushed. Hits that could not be written stay pending for the next
   * flush.
   */
  flush(now: Date = new Date()): Promise<void> {
    this.flushing ??= this.flushOnce(now).finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async flushOnce(now: Date): Promise<void> {
    // Keys of windows still open are read back even without new hits here, to learn of the
    // other nodes' hits (adding 0).
    const batch = [...this.entries.values()].filter(
      (entry) => entry.pending > 0 || entry.windowEndMs > now.getTime(),
    );
    const counts = batch.map((entry) => entry.pending);
    for (const entry of batch) entry.pending = 0;
    try {
      if (batch.length > 0) {
        const rows = await this.db
          .insert(rateLimitBuckets)
          .values(batch.map(({ key, windowStart }, i) => ({ key, windowStart, count: counts[i] })))
          .onConflictDoUpdate({
            target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
            set: { count: sql`${rateLimitBuckets.count} + excluded.count` },
          })
          .returning({
            key: rateLimitBuckets.key,
            windowStart: rateLimitBuckets.windowStart,
            count: rateLimitBuckets.count,
          });
        for (const row of rows) {
          const entry = this.entries.get(`${row.windowStart.getTime()}:${row.key}`);
          if (entry) entry.total = row.count;
        }
      }
    } catch (error) {
      batch.forEach((entry, i) => (entry.pending += counts[i]));
      throw error;
    }
    for (const [id, entry] of this.entries) {
      if (entry.windowEndMs <= now.getTime() && entry.pending === 0) this.entries.delete(id);
    }
  }

  /** Keys (per window) this node is counting; for tests. */
  get size(): number {
    return this.entries.size;
  }
}

interface Entry {
  readonly key: string;
  readonly windowStart: Date;
  readonly windowEndMs: number;
  /** The key's count in the database as of this node's last write or read of it. */
  total: number;
  /** Hits counted here since, not yet in the database. */
  pending: number;
}
