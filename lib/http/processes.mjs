// @ts-check
/**
 * Serving HTTP on every core: `KETBOOK_HTTP_PROCESSES` app processes on one port (Node's
 * cluster module hands each new connection to the next process). Every process is a whole app
 * node (server edge, Next, its own simulation pool), as stateless as separate machines would be:
 * sessions, progress and rate limits are shared through Postgres, so several processes need
 * DATABASE_URL (the embedded database is opened by one process only).
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";

/** The IPC message a primary sends its app processes to shut them down gracefully. */
export const SHUTDOWN_MESSAGE = "ketbook:shutdown";

/**
 * How many app processes to run: KETBOOK_HTTP_PROCESSES as a positive whole number, or `auto`
 * for one per core; 1 when unset.
 * @param {Record<string, string | undefined>} env
 * @param {number} [cores]
 * @returns {number}
 */
export function httpProcessCount(env, cores = availableParallelism()) {
  const raw = env.KETBOOK_HTTP_PROCESSES?.trim();
  if (!raw) return 1;
  if (raw === "auto") return Math.max(1, cores);
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(
      `KETBOOK_HTTP_PROCESSES must be a whole number of at least 1 or "auto", not "${raw}"`,
    );
  }
  return count;
}

/**
 * Why `count` processes cannot serve with this environment, or undefined when they can.
 * @param {number} count
 * @param {Record<string, string | undefined>} env
 */
export function processCountProblem(count, env) {
  if (count > 1 && !env.DATABASE_URL) {
    return (
      `KETBOOK_HTTP_PROCESSES=${count} needs DATABASE_URL: the embedded database is opened by ` +
      "one process only, and the processes share sessions, progress and rate limits through Postgres"
    );
  }
  return undefined;
}

/**
 * Simulation threads per app process when KETBOOK_SIM_WORKERS is unset: the cores shared out
 * among the processes, so N processes do not each start a thread per core.
 * @param {number} processes
 * @param {number} [cores]
 */
export function simWorkersPerProcess(processes, cores = availableParallelism()) {
  return Math.max(1, Math.floor(cores / processes));
}

/**
 * The primary process: starts `count` app processes running this same entry file, replaces one
 * that dies, and on SIGTERM/SIGINT asks each to shut down gracefully (the IPC message, so a
 * process that also got the signal from its terminal does not take it as a second one and exit
 * at once), then exits when they all have; a second signal stops them at once.
 * @param {number} count
 * @param {{ log?: (message: string) => void }} [options]
 */
export function runPrimary(count, options = {}) {
  const log = options.log ?? ((message) => console.log(message));
  const env = process.env.KETBOOK_SIM_WORKERS
    ? {}
    : { KETBOOK_SIM_WORKERS: String(simWorkersPerProcess(count)) };
  let stopping = false;
  let failed = false;
  const start = () => cluster.fork(env);
  for (let i = 0; i < count; i++) start();

  cluster.on("exit", (worker, code, signal) => {
    if (code !== 0) failed = true;
    if (!stopping) {
      log(
        `app process ${worker.process.pid} ended (${signal ?? `exit ${code}`}): starting another`,
      );
      start();
      return;
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  });

  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    const workers = Object.values(cluster.workers ?? {});
    if (stopping) {
      log(`${signal} again: stopping ${workers.length} app process(es) now`);
      for (const worker of workers) worker?.process.kill("SIGKILL");
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down ${workers.length} app process(es)`);
    for (const worker of workers) {
      if (worker?.isConnected()) worker.send(SHUTDOWN_MESSAGE);
    }
    if (workers.length === 0) process.exit(0);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  log(
    `Ketbook serving with ${count} app processes (${env.KETBOOK_SIM_WORKERS ?? process.env.KETBOOK_SIM_WORKERS} simulation thread(s) each)`,
  );
}
