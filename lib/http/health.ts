import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/db/client";
import type { PoolStats } from "@/lib/runner/pool";

import { isShuttingDown } from "./shutdown.mjs";

/**
 * What /api/health reports: whether this node can serve (its database answers, its simulation
 * pool runs, it is not shutting down), for load balancers and monitors. Only states, never error
 * text: the endpoint is public.
 */
export interface HealthReport {
  readonly status: "ok" | "unavailable";
  readonly database: "ok" | "unreachable";
  readonly pool: Pick<PoolStats, "size" | "busy" | "queued"> | "not running";
  readonly shuttingDown?: true;
}

/** A database that takes longer than this to answer `select 1` counts as unreachable. */
export const DATABASE_CHECK_TIMEOUT_MS = 3_000;

async function databaseAnswers(database: () => Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), DATABASE_CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([database().execute(sql`select 1`), timeout]);
    return true;
  } catch (error) {
    console.error("health check: the database did not answer", error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** `database` opens (or returns) the node's database: opening can fail too. */
export async function checkHealth(
  database: () => Database,
  pool: { stats(): PoolStats } | undefined,
): Promise<HealthReport> {
  const databaseState = (await databaseAnswers(database)) ? "ok" : "unreachable";
  const stats = pool?.stats();
  const poolState = stats && stats.size > 0 ? stats : undefined;
  const shuttingDown = isShuttingDown();
  return {
    status: databaseState === "ok" && poolState && !shuttingDown ? "ok" : "unavailable",
    database: databaseState,
    pool: poolState
      ? { size: poolState.size, busy: poolState.busy, queued: poolState.queued }
      : "not running",
    ...(shuttingDown ? { shuttingDown: true as const } : {}),
  };
}
