// @ts-check
/**
 * `npm run sim`: starts the bundled command-line simulator (lib/runner/build-cli.mjs), plain
 * JavaScript, no TypeScript transform, compiled with V8's code cache (run-bundle.mjs). Rebuilds
 * the bundle first when it is missing or older than one of its sources, so an edited engine is
 * never run stale. Kept tiny: it runs at every start, before anything else is loaded.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { runBundle } from "./run-bundle.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = path.join(root, "node_modules", ".cache", "ketbook", "cli");

/** The manifest of an up-to-date bundle, or null. */
function freshManifest() {
  try {
    /** @type {import("./build-cli.mjs").CliManifest} */
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    // A bundle of ES modules from before the code cache: its chunks are no scripts.
    if (!manifest.hashes) return null;
    for (const input of manifest.inputs) {
      // Concatenated, not path.join: root ends with a separator and esbuild writes the inputs
      // normalized, and joining (normalizing) them costs more than the stats themselves.
      const stat = statSync(root + input, { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs > manifest.builtAt) return null;
    }
    return manifest;
  } catch {
    return null;
  }
}

// The bundle finds the WebAssembly kernels from here, whatever the working directory.
process.env.KETBOOK_WASM_FILE ??= path.join(
  root,
  "node_modules",
  ".cache",
  "ketbook",
  "wasm",
  "kernels.wasm",
);

const manifest = freshManifest() ?? (await (await import("./build-cli.mjs")).buildCli());
runBundle(dir + path.sep, manifest);
