/**
 * Entry point of a simulation worker thread. Bundled on its own (see build-worker.ts) so the
 * web server can start it with plain `new Worker(file)`, whatever bundler built the app.
 */
import { parentPort } from "node:worker_threads";

import { executeWorkerJob } from "./execute";
import type { WorkerJob } from "./job";

if (!parentPort) throw new Error("worker-entry.ts must run in a worker thread");
const port = parentPort;

port.on("message", (message: { id: number; job: WorkerJob }) => {
  port.postMessage({ id: message.id, outcome: executeWorkerJob(message.job) });
});
