/**
 * Entry point of a simulation worker thread. Bundled on its own (see build-worker.ts) so the
 * web server can start it with plain `new Worker(file)`, whatever bundler built the app.
 */
import { parentPort } from "node:worker_threads";

import { executeJob } from "./execute";
import type { RunJob } from "./job";

if (!parentPort) throw new Error("worker-entry.ts must run in a worker thread");
const port = parentPort;

port.on("message", (message: { id: number; job: RunJob }) => {
  port.postMessage({ id: message.id, outcome: executeJob(message.job) });
});
