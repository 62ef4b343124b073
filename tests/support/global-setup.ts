import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";

import { wasmFile } from "@/lib/runner/wasm-kernels";

/**
 * Bundles the simulation worker and the command-line simulator once before the suite, as
 * `npm run build` does for the app, and compiles the WebAssembly kernels when they are missing
 * or older than their source (the backend tests need them: they never skip, and must not test
 * a stale module).
 */
export default function setup(): void {
  const built = statSync(wasmFile(), { throwIfNoEntry: false });
  const source = statSync("lib/quantum/wasm/assembly/index.ts");
  if (!built || built.mtimeMs < source.mtimeMs) {
    execFileSync(process.execPath, ["lib/runner/build-wasm.mjs"], { stdio: "inherit" });
  }
  execFileSync(process.execPath, ["--import", "tsx", "lib/runner/build-worker.ts"], {
    stdio: "inherit",
  });
  execFileSync(process.execPath, ["lib/runner/build-cli.mjs"], { stdio: "inherit" });
}
