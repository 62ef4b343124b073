// @ts-check
/**
 * `npm run sim`: starts the bundled command-line simulator (lib/runner/build-cli.mjs), plain
 * JavaScript, no TypeScript transform, compiled with V8's code cache (run-bundle.cjs). Rebuilds
 * the bundle first when it is missing or older than one of its sources, so an edited engine is
 * never run stale. Kept tiny: it runs at every start, before anything else is loaded.
 *
 * CommonJS, not an ES module: Node 20 starts an ES module entry through its ES module loader,
 * which loads (and compiles) a dozen internal modules more, ~14 ms of a start of ~165 ms.
 */
const { readFileSync, statSync } = require("node:fs");
const path = require("node:path");

const { runBundle } = require("./run-bundle.cjs");

/** The repository's root, ending with a separator. */
const root = path.join(__dirname, "..", "..", path.sep);
const dir = path.join(root, "node_modules", ".cache", "ketbook", "cli", path.sep);

/** The manifest of an up-to-date bundle, or null. */
function freshManifest() {
  try {
    /** @type {import("./build-cli.mjs").CliManifest} */
    const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, "utf8"));
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

const manifest = freshManifest();
if (manifest) {
  runBundle(dir, manifest);
} else {
  // A failed build rejects: Node prints the error and exits with status 1.
  import("./build-cli.mjs").then(async ({ buildCli }) => runBundle(dir, await buildCli()));
}
