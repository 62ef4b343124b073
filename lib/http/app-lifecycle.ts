import "server-only";

import { closeDatabase } from "@/db/client";
import { existingSimulationPool, getSimulationPool } from "@/lib/tasks/service";

import { shutdownGraceMs } from "./edge.mjs";
import { flushRateLimits } from "./rate-limit";
import { onShutdown, shutdownStartedAt } from "./shutdown.mjs";

/**
 * The app's side of start-up and shutdown, called from instrumentation.ts once the database is
 * ready. The simulation pool starts with the process (a missing worker bundle shows at start, not
 * at the first run, and /api/health reports the pool from the start); at shutdown, after the
 * server edge has let in-flight requests finish, tasks still running get what is left of the
 * shutdown grace, then the pool and the database are closed.
 */
export function startAppServices(): void {
  getSimulationPool();
  onShutdown("simulation pool and database", closeAppServices);
}

async function closeAppServices(): Promise<void> {
  const pool = existingSimulationPool();
  if (pool) {
    // One rule for the whole shutdown (shutdownGraceMs, which covers the longest task deadline,
    // experiments' included), counted from the signal: the edge's wait for requests and this
    // wait for tasks share it, so an orchestrator's stop timeout of the grace covers both.
    const started = shutdownStartedAt() ?? Date.now();
    const remaining = Math.max(0, started + shutdownGraceMs(process.env) - Date.now());
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      pool.drained(),
      new Promise((resolve) => (timer = setTimeout(resolve, remaining))),
    ]);
    clearTimeout(timer);
    await pool.close();
  }
  try {
    await flushRateLimits();
  } finally {
    await closeDatabase();
  }
}
