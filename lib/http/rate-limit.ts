import "server-only";

import { getDatabase, isDatabaseClosed, type Database } from "@/db/client";
import { LocalRateCounter } from "@/db/queries/rate-limit-counter";

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
 * How often each node adds the hits it counted in memory to the database (ms). The limit is
 * global across nodes within the hits a client makes on the other nodes in one interval (see
 * LocalRateCounter).
 */
export const RATE_LIMIT_FLUSH_MS = Number(process.env.KETBOOK_RATE_LIMIT_FLUSH_MS ?? 1000);

// One counter per process and database, kept on globalThis: each route may be bundled with its
// own copy of this module, and the counts must be shared by all of them.
const globalForCounters = globalThis as unknown as {
  ketbookRateCounters?: WeakMap<Database, LocalRateCounter>;
  ketbookRateCounterList?: Set<LocalRateCounter>;
};

function counterFor(db: Database): LocalRateCounter {
  const counters = (globalForCounters.ketbookRateCounters ??= new WeakMap());
  let counter = counters.get(db);
  if (!counter) {
    const created = new LocalRateCounter(db);
    counter = created;
    counters.set(db, created);
    (globalForCounters.ketbookRateCounterList ??= new Set()).add(created);
    const timer = setInterval(() => {
      if (isDatabaseClosed(db)) {
        clearInterval(timer);
        globalForCounters.ketbookRateCounterList?.delete(created);
        return;
      }
      created.flush().catch((error) => console.error("rate limit flush failed", error));
    }, RATE_LIMIT_FLUSH_MS);
    timer.unref();
  }
  return counter;
}

/** Writes every counter's pending hits to the database (at shutdown, before it closes). */
export async function flushRateLimits(): Promise<void> {
  const counters = [...(globalForCounters.ketbookRateCounterList ?? [])];
  await Promise.all(counters.map((counter) => counter.flush()));
}

/**
 * Counts this request against the client's per-minute allowance for `bucket` and throws
 * RateLimitedError past it. Counted in this node's memory and flushed to the database every
 * RATE_LIMIT_FLUSH_MS, so the limit holds across app nodes within that tolerance.
 */
export async function enforceRateLimit(
  request: Pick<Request, "headers">,
  bucket: string,
  what: string,
  userId?: string,
  perMinute = COMPUTE_RATE_PER_MINUTE,
): Promise<void> {
  const decision = await counterFor(getDatabase().db).hit(
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
