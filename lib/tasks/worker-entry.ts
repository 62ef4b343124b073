/**
 * Entry point of a simulation worker thread. Bundled on its own (see lib/runner/build-worker.ts)
 * so the web server can start it with plain `new Worker(file)`, whatever bundler built the app.
 */
import { installWasmKernelsFromDisk } from "@/lib/runner/wasm-kernels";
import { serveTasks } from "@/lib/runner/worker-host";

import { taskHandlers, type Tasks } from "./registry";

// Large states run on the WebAssembly SIMD kernels; without the compiled file (an install that
// could not build it) the TypeScript kernels give the same results, only slower.
if (!installWasmKernelsFromDisk()) {
  console.warn("simulation worker: WebAssembly kernels not built; using the TypeScript kernels");
}
serveTasks<Tasks>(taskHandlers);
