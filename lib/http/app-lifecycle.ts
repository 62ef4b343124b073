import "server-only";

import { closeDatabase } from "@/db/client";
import { existingSimulationPool, getSimulationPool, runnerSettings } from "@/lib/tasks/service";

import { onShutdown } from "./shutdown.mjs";

/**
 * The app's side of start-up and shutdown, called from instrumentation.ts once the database is
 * ready. The simulation pool starts with the process (a missing worker bundle shows at start, not
 * at the first run, and /api/health reports the pool from the start); at shutdown, after the
 * server edge has let in-flight requests finish, tasks still running get until their deadline,
 * then the pool and the database are closed.
 */
export function startAppServices(): void {
  getSimulationPool();
  onShutdown("simulation pool and database", closeAppServices);
}

async function closeAppServices(): Promise<void> {
  const pool = existingSimulationPool();
  if (pool) {
    // The pool's hard stop is a second after the engine's deadline; a task still running then
    // has already been stopped.
    const deadline = runnerSettings.deadlineMs + 1_500;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      pool.drained(),
      new Promise((resolve) => (timer = setTimeout(resolve, deadline))),
    ]);
    clearTimeout(timer);
    await pool.close();
  }
  await closeDatabase();
}
