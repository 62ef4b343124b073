/**
 * Entry point of a simulation worker thread. Bundled on its own (see lib/runner/build-worker.ts)
 * so the web server can start it with plain `new Worker(file)`, whatever bundler built the app.
 */
import { serveTasks } from "@/lib/runner/worker-host";

import { taskHandlers, type Tasks } from "./registry";

serveTasks<Tasks>(taskHandlers);
