import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import {
  claimBackoffAttempt,
  hitRateLimit,
  PRUNE_BATCH,
  pruneRateLimits,
} from "@/db/queries/rate-limits";
import { rateLimitBuckets } from "@/db/schema";

import { testDatabases } from "../../support/databases";

const POLICY = { freeFailures: 1, baseDelaySeconds: 1, maxDelaySeconds: 60 };
const HOUR = 3_600_000;

describe.each(testDatabases)("rate-limit pruning on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
  });
  afterAll(async () => {
    await handle?.close();
  });

  const keys = async () =>
    (await handle.db.select({ key: rateLimitBuckets.key }).from(rateLimitBuckets))
      .map((r) => r.key)
      .sort();

  it("hits prune ended windows now and then, and keep failure streaks for a day", async () => {
    const t0 = new Date("2026-06-01T00:00:00Z");
    await hitRateLimit(handle.db, "run:ip:a", 10, 60, t0);
    await hitRateLimit(handle.db, "signup:b", 10, 3600, t0);
    await claimBackoffAttempt(handle.db, "signin:c|d", POLICY, t0);
    expect(await keys()).toEqual(["backoff:signin:c|d", "run:ip:a", "signup:b"]);

    // Two hours on: the windows have ended and go with the next hit; the streak stays.
    await hitRateLimit(handle.db, "run:ip:e", 10, 60, new Date(t0.getTime() + 2 * HOUR));
    expect(await keys()).toEqual(["backoff:signin:c|d", "run:ip:e"]);

    // A day after its last failure, the streak is gone too.
    await hitRateLimit(handle.db, "run:ip:g", 10, 60, new Date(t0.getTime() + 26 * HOUR));
    expect(await keys()).toEqual(["run:ip:g"]);
  });

  it("deletes a bounded batch per pass, so one request never pays for a large backlog", async () => {
    const t0 = new Date("2026-07-01T00:00:00Z");
    const total = PRUNE_BATCH + 120;
    for (let i = 0; i < total; i += 40) {
      await Promise.all(
        Array.from({ length: Math.min(40, total - i) }, (_, j) =>
          hitRateLimit(handle.db, `bulk:${i + j}`, 10, 60, t0),
        ),
      );
    }
    const later = new Date(t0.getTime() + 2 * HOUR);
    expect(await pruneRateLimits(handle.db, later)).toBe(PRUNE_BATCH);
    expect(await pruneRateLimits(handle.db, later)).toBe(120);
    expect(await pruneRateLimits(handle.db, later)).toBe(0);
    expect((await keys()).filter((k) => k.startsWith("bulk:"))).toEqual([]);
  });
});
