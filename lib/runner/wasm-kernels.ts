/**
 * Loads the compiled WebAssembly kernels (lib/runner/build-wasm.mjs) from disk and installs them
 * as the engine's kernel backend: the file access the engine itself must not do. Used by the
 * simulation worker, the command-line simulator, the bench and the tests.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import type { KernelBackend } from "@/lib/quantum/kernels/backend";
import {
  createWasmBackend,
  installWasmKernels,
  type WasmBackendOptions,
} from "@/lib/quantum/kernels/wasm-backend";

/**
 * Where build-wasm.mjs writes the module. Bundles (worker, CLI) run from the repository root
 * (the server's and npm's working directory); `KETBOOK_WASM_FILE` overrides it.
 */
export function wasmFile(): string {
  return (
    process.env.KETBOOK_WASM_FILE ??
    path.join(process.cwd(), "node_modules", ".cache", "ketbook", "wasm", "kernels.wasm")
  );
}

/** The compiled module's bytes, or null when it was never built. */
export function readWasmKernels(file = wasmFile()): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** A WebAssembly backend from the compiled file (not installed), or null when it is missing. */
export function loadWasmBackend(options?: WasmBackendOptions): KernelBackend | null {
  const bytes = readWasmKernels();
  return bytes && createWasmBackend(bytes, options);
}

/**
 * Installs the WebAssembly kernels; returns false (the TypeScript kernels stay) when the file is
 * missing, e.g. when the engine runs from source without `npm install`.
 */
export function installWasmKernelsFromDisk(options?: WasmBackendOptions): boolean {
  const bytes = readWasmKernels();
  if (!bytes) return false;
  installWasmKernels(bytes, options);
  return true;
}
