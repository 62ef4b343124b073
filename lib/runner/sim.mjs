// @ts-check
/**
 * `npm run sim`: starts the bundled command-line simulator (lib/runner/build-cli.mjs), plain
 * JavaScript, no TypeScript transform. Rebuilds the bundle first when it is missing or older
 * than one of its sources, so an edited engine is never run stale. Kept tiny: it runs at every
 * start, before anything else is loaded.
 */
import { readFileSync, statSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = path.join(root, "node_modules", ".cache", "ketbook", "cli");

// Node >= 22.1 keeps compiled code between runs; Node 20 has no such cache for ES modules.
/** @type {{ enableCompileCache?: (dir: string) => unknown }} */ (module).enableCompileCache?.(
  path.join(dir, "..", "v8-cli"),
);

/** The manifest of an up-to-date bundle, or null. */
function freshManifest() {
  try {
    /** @type {import("./build-cli.mjs").CliManifest} */
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    for (const input of manifest.inputs) {
      const stat = statSync(path.join(root, input), { throwIfNoEntry: false });
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
await import(pathToFileURL(path.join(dir, manifest.entry)).href);
