import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { hitRateLimit, pruneRateLimits } from "@/db/queries/rate-limits";

import { testDatabases } from "../../support/databases";

describe.each(testDatabases)("rate limits on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("allows `limit` hits per window, then refuses with the time to the window's end", async () => {
    const now = new Date("2026-01-01T00:00:15Z");
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await hitRateLimit(handle.db, "ip:a", 3, 60, now));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3].retryAfterSeconds).toBe(45);
    // A new window starts afresh; another client has its own count.
    expect(
      (await hitRateLimit(handle.db, "ip:a", 3, 60, new Date("2026-01-01T00:01:00Z"))).allowed,
    ).toBe(true);
    expect((await hitRateLimit(handle.db, "ip:b", 3, 60, now)).count).toBe(1);
  });

  it("counts concurrent hits exactly (one atomic upsert each)", async () => {
    const now = new Date("2026-01-02T00:00:00Z");
    const decisions = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(handle.db, "ip:burst", 10, 60, now)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.map((d) => d.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it("prunes windows older than an hour", async () => {
    await pruneRateLimits(handle.db, new Date("2026-01-03T00:00:00Z"));
    const fresh = await hitRateLimit(handle.db, "ip:a", 3, 60, new Date("2026-01-01T00:00:20Z"));
    expect(fresh.count).toBe(1);
  });
});
