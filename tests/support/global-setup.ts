import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

import { wasmFile } from "@/lib/runner/wasm-kernels";

/**
 * Bundles the simulation worker and the command-line simulator once before the suite, as
 * `npm run build` does for the app, and compiles the WebAssembly kernels when they are missing
 * (the backend tests need them: they never skip).
 */
export default function setup(): void {
  if (!existsSync(wasmFile())) {
    execFileSync(process.execPath, ["lib/runner/build-wasm.mjs"], { stdio: "inherit" });
  }
  execFileSync(process.execPath, ["--import", "tsx", "lib/runner/build-worker.ts"], {
    stdio: "inherit",
  });
  execFileSync(process.execPath, ["lib/runner/build-cli.mjs"], { stdio: "inherit" });
}
