/**
 * The worker side of the pool: receives task messages and answers with the handler's result.
 * A handler's own failures should be values in its output (bad code is not a crash); anything
 * it throws is reported as "crashed" so the caller gets an error instead of a silent hang.
 */
import { parentPort } from "node:worker_threads";

import type { TaskHandlers, TaskMap, TaskMessage, WorkerMessage } from "./protocol";

export function serveTasks<M extends TaskMap>(handlers: TaskHandlers<M>): void {
  if (!parentPort) throw new Error("serveTasks must run in a worker thread");
  const port = parentPort;
  const send = (message: WorkerMessage) => port.postMessage(message);

  port.on("message", async ({ id, kind, input }: TaskMessage) => {
    const handler = Object.hasOwn(handlers, kind) ? handlers[kind] : undefined;
    if (!handler) {
      send({ id, type: "crashed", message: `unknown task kind "${kind}"` });
      return;
    }
    try {
      const output = await handler(input, {
        progress: (progress) => send({ id, type: "progress", progress }),
      });
      send({ id, type: "done", output });
    } catch (error) {
      console.error(`task ${kind} failed`, error);
      send({ id, type: "crashed", message: (error as Error)?.message ?? String(error) });
    }
  });
}
