import "server-only";

import { clientKey } from "@/lib/http/client-key";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { DEFAULT_LIMITS } from "@/lib/quantum/limits";
import { WorkerPool, type RunOptions } from "@/lib/runner/pool";
import { WORKER_BUNDLE } from "@/lib/runner/worker-file";

import type { Tasks } from "./registry";
import { runTinyCircuit } from "./run-circuit";

/** Settings of the simulation service, from the environment with safe defaults. */
export const runnerSettings = {
  deadlineMs: Number(process.env.KETBOOK_SIM_DEADLINE_MS ?? DEFAULT_LIMITS.deadlineMs),
  workers: process.env.KETBOOK_SIM_WORKERS ? Number(process.env.KETBOOK_SIM_WORKERS) : undefined,
  maxQueue: process.env.KETBOOK_SIM_QUEUE ? Number(process.env.KETBOOK_SIM_QUEUE) : undefined,
  /** Training, kernels and scans run longer than one circuit. */
  experimentDeadlineMs: Number(process.env.KETBOOK_EXPERIMENT_DEADLINE_MS ?? 60_000),
  maxQueuedPerClient: process.env.KETBOOK_SIM_QUEUE_PER_CLIENT
    ? Number(process.env.KETBOOK_SIM_QUEUE_PER_CLIENT)
    : undefined,
};

export type SimulationPool = WorkerPool<Tasks>;

// One pool per process (it owns this machine's cores); kept on globalThis across dev reloads.
const globalForPool = globalThis as unknown as { ketbookPool?: SimulationPool };

export function getSimulationPool(): SimulationPool {
  globalForPool.ketbookPool ??= new WorkerPool<Tasks>({
    workerFile: WORKER_BUNDLE,
    size: runnerSettings.workers,
    maxQueue: runnerSettings.maxQueue,
    maxQueuedPerClient: runnerSettings.maxQueuedPerClient,
    // The engine stops itself at the deadline between operations; the pool's hard stop comes a
    // little later, for the rare single operation that outlasts it.
    deadlineMs: runnerSettings.deadlineMs + 1_000,
  });
  return globalForPool.ketbookPool;
}

/** The pool if this process has started one (health checks must not start it). */
export function existingSimulationPool(): SimulationPool | undefined {
  return globalForPool.ketbookPool;
}

/** What each kind of task is called in a rate-limit message, and the bucket it counts in. */
const RATE_LIMITED_AS: Record<keyof Tasks, { bucket: string; what: string }> = {
  run: { bucket: "run", what: "runs" },
  export: { bucket: "export", what: "exports" },
  "notebook-code": { bucket: "ipynb", what: "notebook downloads" },
  grade: { bucket: "grade", what: "checks" },
  quiz: { bucket: "quiz", what: "quiz submissions" },
  experiment: { bucket: "experiment", what: "experiment runs" },
  "experiment-export": { bucket: "export", what: "exports" },
  "verify-course": { bucket: "publish", what: "course checks" },
};

/**
 * Tasks small enough to run on the request's thread, with a bounded cost (see
 * INLINE_RUN_BUDGET): each answers undefined for input it leaves to the pool.
 */
const INLINE_HANDLERS: {
  readonly [K in keyof Tasks]?: (input: Tasks[K]["input"]) => Tasks[K]["output"] | undefined;
} = {
  run: runTinyCircuit,
};

export interface TaskRequest<Progress> extends Omit<RunOptions<Progress>, "client" | "signal"> {
  /**
   * The HTTP request the task serves (its headers and signal are all that is read): its client is
   * rate limited and gets a fair share, and the task is cancelled when it aborts.
   */
  readonly request: Pick<Request, "headers" | "signal">;
  /** The signed-in user, if any: counted by user id rather than by address. */
  readonly userId?: string;
}

/**
 * The one way the web runs a task: counted against the client's per-minute allowance for that
 * kind of task (shared by all nodes), then run in this node's pool under the client's fair share,
 * cancelled when the client goes away; a tiny circuit runs at once on this thread instead. So no
 * route can use the pool (or run a circuit) without a rate limit.
 */
export async function runTask<K extends keyof Tasks>(
  kind: K,
  input: Tasks[K]["input"],
  taskRequest: TaskRequest<Tasks[K]["progress"]>,
): Promise<Tasks[K]["output"]> {
  const { done } = await admitTask(kind, input, taskRequest);
  return done;
}

/**
 * Like runTask, but resolves as soon as the task is accepted (rate limit passed, room in the
 * pool), so a streamed answer can still say 429 or 503 before it starts; `done` settles with the
 * task.
 */
export async function admitTask<K extends keyof Tasks>(
  kind: K,
  input: Tasks[K]["input"],
  { request, userId, ...options }: TaskRequest<Tasks[K]["progress"]>,
): Promise<{ done: Promise<Tasks[K]["output"]> }> {
  const { bucket, what } = RATE_LIMITED_AS[kind];
  await enforceRateLimit(request, bucket, what, userId);
  const inline = INLINE_HANDLERS[kind]?.(input);
  if (inline !== undefined) return { done: Promise.resolve(inline) };
  const pool = getSimulationPool();
  const client = clientKey(request, userId);
  const refused = pool.refusal(client);
  if (refused) throw refused;
  return { done: pool.run(kind, input, { ...options, signal: request.signal, client }) };
}
