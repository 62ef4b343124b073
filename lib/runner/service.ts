import "server-only";

import { DEFAULT_LIMITS } from "@/lib/quantum/limits";

import { SimulationPool } from "./pool";
import { WORKER_BUNDLE } from "./worker-file";

/** Settings of the simulation service, from the environment with safe defaults. */
export const runnerSettings = {
  deadlineMs: Number(process.env.KETBOOK_SIM_DEADLINE_MS ?? DEFAULT_LIMITS.deadlineMs),
  workers: process.env.KETBOOK_SIM_WORKERS ? Number(process.env.KETBOOK_SIM_WORKERS) : undefined,
  maxQueue: process.env.KETBOOK_SIM_QUEUE ? Number(process.env.KETBOOK_SIM_QUEUE) : undefined,
};

// One pool per process (it owns this machine's cores); kept on globalThis across dev reloads.
const globalForPool = globalThis as unknown as { ketbookPool?: SimulationPool };

export function getSimulationPool(): SimulationPool {
  globalForPool.ketbookPool ??= new SimulationPool({
    workerFile: WORKER_BUNDLE,
    size: runnerSettings.workers,
    maxQueue: runnerSettings.maxQueue,
    // The engine stops itself at the deadline between operations; the pool's hard stop comes a
    // little later, for the rare single operation that outlasts it.
    deadlineMs: runnerSettings.deadlineMs + 1_000,
  });
  return globalForPool.ketbookPool;
}
