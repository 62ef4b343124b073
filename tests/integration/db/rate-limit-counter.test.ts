import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { LocalRateCounter } from "@/db/queries/rate-limit-counter";
import { hitRateLimit } from "@/db/queries/rate-limits";

import { testDatabases } from "../../support/databases";

describe.each(testDatabases)("in-memory rate limit counters on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
  });
  afterAll(async () => {
    await handle?.close();
  });

  const now = new Date("2026-02-01T00:00:15Z");

  it("decides like hitRateLimit on one node: `limit` hits per window, then refusals", async () => {
    const node = new LocalRateCounter(handle.db);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await node.hit("one:a", 3, 60, now));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.count)).toEqual([1, 2, 3, 4]);
    expect(decisions[3].retryAfterSeconds).toBe(45);
    // A new window starts from zero.
    const next = new Date("2026-02-01T00:01:00Z");
    expect((await node.hit("one:a", 3, 60, next)).allowed).toBe(true);
  });

  it("writes only the first hit of a window at once, and the rest in one flush", async () => {
    const node = new LocalRateCounter(handle.db);
    for (let i = 0; i < 5; i++) await node.hit("flush:a", 10, 60, now);
    for (let i = 0; i < 2; i++) await node.hit("flush:b", 10, 60, now);
    // Another node's first hit reads the database: only the first hit of each key is there.
    expect((await hitRateLimit(handle.db, "flush:a", 10, 60, now)).count).toBe(2);
    await node.flush(now);
    expect((await hitRateLimit(handle.db, "flush:a", 10, 60, now)).count).toBe(7);
    expect((await hitRateLimit(handle.db, "flush:b", 10, 60, now)).count).toBe(3);
  });

  it("shares the limit across nodes once they have flushed", async () => {
    const node1 = new LocalRateCounter(handle.db);
    const node2 = new LocalRateCounter(handle.db);
    for (let i = 0; i < 3; i++) expect((await node1.hit("two:a", 5, 60, now)).allowed).toBe(true);
    await node1.flush(now);
    // Node 2's first hit reads node 1's three from the database.
    expect((await node2.hit("two:a", 5, 60, now)).count).toBe(4);
    expect((await node2.hit("two:a", 5, 60, now)).allowed).toBe(true);
    expect((await node2.hit("two:a", 5, 60, now)).allowed).toBe(false);
    // Node 1 learns of node 2's hits at its next flush, and refuses too.
    await node2.flush(now);
    await node1.flush(now);
    expect((await node1.hit("two:a", 5, 60, now)).allowed).toBe(false);
  });

  it("lets a client past the limit by at most its hits on other nodes within one flush interval", async () => {
    const node1 = new LocalRateCounter(handle.db);
    const node2 = new LocalRateCounter(handle.db);
    const allowed = async (node: LocalRateCounter, n: number) => {
      let count = 0;
      for (let i = 0; i < n; i++) if ((await node.hit("tol:a", 4, 60, now)).allowed) count++;
      return count;
    };
    // Within one interval neither node sees the other's hits after its first one.
    const admitted = (await allowed(node1, 4)) + (await allowed(node2, 4));
    expect(admitted).toBeGreaterThan(4);
    expect(admitted).toBeLessThanOrEqual(4 + 4);
    // After a flush of both, the cluster refuses everywhere.
    await node1.flush(now);
    await node2.flush(now);
    expect(await allowed(node1, 1)).toBe(0);
    expect(await allowed(node2, 1)).toBe(0);
  });

  it("forgets a window that has ended once its hits are flushed", async () => {
    const node = new LocalRateCounter(handle.db);
    await node.hit("end:a", 10, 60, now);
    await node.hit("end:a", 10, 60, now);
    expect(node.size).toBe(1);
    await node.flush(new Date("2026-02-01T00:01:05Z"));
    expect(node.size).toBe(0);
    expect((await hitRateLimit(handle.db, "end:a", 10, 60, now)).count).toBe(3);
  });
});
