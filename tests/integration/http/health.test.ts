import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { markShuttingDown } from "@/lib/http/shutdown.mjs";
import { getSimulationPool } from "@/lib/tasks/service";
import { testDatabases } from "@/tests/support/databases";

import { GET } from "@/app/api/health/route";

/**
 * /api/health against the real databases and the real simulation pool (one per process, so the
 * cases run in file order: before it starts, running, shutting down). The shutdown flag is
 * process-wide and never cleared: a node that began shutting down stays unhealthy.
 */
async function health(): Promise<{ status: number; cache: string | null; body: unknown }> {
  const response = await GET();
  return {
    status: response.status,
    cache: response.headers.get("cache-control"),
    body: await response.json(),
  };
}

// One embedded database for the cases around the pool's lifetime (creating one is slow).
let lifetimeDb: DatabaseHandle;
beforeAll(async () => {
  lifetimeDb = await testDatabases[0].create();
});
afterAll(async () => {
  await getSimulationPool().close();
  await lifetimeDb.close();
});

describe("GET /api/health before the simulation pool started", () => {
  it("is 503 naming the pool (the server starts it with the process)", async () => {
    installDatabase(lifetimeDb);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toEqual({ status: "unavailable", database: "ok", pool: "not running" });
  });
});

describe.each(testDatabases)("GET /api/health on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle);
  });

  it("is 200 with the pool's numbers when the database answers and the pool runs", async () => {
    const pool = getSimulationPool();
    const { status, cache, body } = await health();
    expect(status).toBe(200);
    expect(cache).toBe("no-store");
    const size = pool.stats().size;
    expect(size).toBeGreaterThan(0);
    expect(body).toEqual({ status: "ok", database: "ok", pool: { size, busy: 0, queued: 0 } });
  });

  it("is 503 naming the database when it no longer answers", async () => {
    await handle.close();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "unavailable", database: "unreachable" });
    expect((body as { pool: unknown }).pool).toMatchObject({ busy: 0, queued: 0 });
  });
});

describe("GET /api/health while shutting down", () => {
  it("is 503 so load balancers stop sending traffic, though the parts still work", async () => {
    installDatabase(lifetimeDb);
    getSimulationPool();
    markShuttingDown();
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "unavailable", database: "ok", shuttingDown: true });
  });
});
