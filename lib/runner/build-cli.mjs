// @ts-check
/**
 * Bundles the command-line simulator (lib/runner/sim-entry.ts, the engine included) into plain
 * JavaScript under node_modules/.cache/ketbook/cli/, so `npm run sim` starts without a
 * TypeScript transform. Run by `postinstall` (every `npm ci`), by `npm run build` and by
 * lib/runner/sim.cjs when the bundle is missing or older than one of its sources.
 *
 * Code only some runs need (a lesson's Markdown parser and experiment runner) goes into chunks
 * loaded on demand. Each output is then turned from an ES module into a function-wrapped
 * CommonJS script, which run-bundle.cjs compiles with V8's code cache: Node 20 caches no compiled
 * code for ES modules, and esbuild splits code into chunks only as ES modules. Output files are
 * named by their content and written by rename, and the manifest naming the entry is written
 * last, also by rename: runs and builds that overlap (test files in parallel) each see a
 * complete bundle.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI_DIR = path.join(REPO_ROOT, "node_modules", ".cache", "ketbook", "cli");
export const CLI_MANIFEST = path.join(CLI_DIR, "manifest.json");

/** Besides the bundled sources: a changed dependency or build script also means a rebuild. */
const EXTRA_INPUTS = ["package-lock.json", "lib/runner/build-cli.mjs"];

/** Bundles left behind by earlier builds are removed once this old (a run may still load one). */
const STALE_AFTER_MS = 10 * 60_000;

/**
 * @typedef {{ entry: string, builtAt: number, inputs: string[], hashes: Record<string, string> }}
 *   CliManifest
 *   entry: the bundle's file in CLI_DIR; inputs: files (from the repository root) whose change
 *   after builtAt (ms since the epoch) makes the bundle stale; hashes: each output file's text
 *   hashed, the key of its code cache (run-bundle.cjs).
 */

/** @returns {Promise<CliManifest>} */
export async function buildCli() {
  const { build, transform } = await import("esbuild");
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { sim: "lib/runner/sim-entry.ts" },
    outdir: CLI_DIR,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Less text to parse at every start; names are kept so stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    metafile: true,
    logLevel: "warning",
    alias: { "@": REPO_ROOT },
    plugins: [zodEnglishOnly],
  });
  mkdirSync(CLI_DIR, { recursive: true });
  /** @type {Record<string, string>} */
  const hashes = {};
  for (const file of result.outputFiles) {
    const script = await toScript(transform, file.text);
    hashes[path.basename(file.path)] = createHash("sha256")
      .update(script)
      .digest("hex")
      .slice(0, 16);
    writeAtomically(file.path, script);
  }
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint);
  if (!entry) throw new Error("esbuild produced no entry for the command-line simulator");
  /** @type {CliManifest} */
  const manifest = {
    entry: path.basename(entry[0]),
    builtAt,
    inputs: [
      // Dependencies change only with an install (which rebuilds); a plugin's "namespace:"
      // inputs are no files. esbuild names a dependency by its real path, which lies outside
      // the repository when node_modules is a link (a worktree sharing another's install).
      ...Object.keys(result.metafile.inputs).filter(
        (f) => !f.split("/").includes("node_modules") && !f.includes(":"),
      ),
      ...EXTRA_INPUTS,
    ],
    hashes,
  };
  writeAtomically(CLI_MANIFEST, JSON.stringify(manifest));
  removeStaleOutputs(hashes);
  return manifest;
}

/**
 * An output chunk as a script: one parenthesized function expression (V8 compiles it at once, not
 * lazily and again) of CommonJS `exports, require, module`. Imports of other chunks become
 * require("./chunk-….js"), dynamic ones included, and CommonJS dependencies (the YAML parser of
 * experiment specs) get the require of Node built-ins they call. Chunks keep their ES module
 * names, but only run-bundle.cjs loads them.
 * @param {typeof import("esbuild").transform} transform
 * @param {string} code
 */
async function toScript(transform, code) {
  const result = await transform(code, {
    format: "cjs",
    target: "node20",
    // A script has no import(): a lazily loaded chunk is required too.
    supported: { "dynamic-import": false },
    minifyWhitespace: true,
    banner: "(function (exports, require, module) {",
    footer: "})",
  });
  // e.g. import.meta, which a script has not: the chunk would run wrong.
  if (result.warnings.length > 0) {
    throw new Error(`a chunk cannot be a script: ${result.warnings[0].text}`);
  }
  return result.code;
}

/**
 * zod ships its messages in forty languages and exports them all from one module; the engine
 * (noise models) uses only English, the language zod configures itself with. Bundling that one
 * halves zod's share of the text parsed at every start.
 * @type {import("esbuild").Plugin}
 */
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.resolve(args.resolveDir, args.path), namespace: "zod-locales" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * @param {string} file
 * @param {string | Uint8Array} contents
 */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/** @param {Record<string, string>} hashes the current outputs' */
function removeStaleOutputs(hashes) {
  const now = Date.now();
  for (const name of readdirSync(CLI_DIR)) {
    if (isCurrent(name, hashes)) continue;
    const file = path.join(CLI_DIR, name);
    try {
      if (now - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { force: true });
    } catch {
      // removed by a concurrent build
    }
  }
}

/**
 * Whether a file of CLI_DIR belongs to the current build: the manifest, an output or a code cache
 * of an output's current text ("CHUNK.js.HASH.v8-….cache", run-bundle.cjs).
 * @param {string} name
 * @param {Record<string, string>} hashes
 */
function isCurrent(name, hashes) {
  if (name === "manifest.json" || name in hashes) return true;
  const output = name.slice(0, name.indexOf(".js.") + ".js".length);
  return output in hashes && name.startsWith(`${output}.${hashes[output]}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const optional = process.argv.includes("--if-possible");
  try {
    const manifest = await buildCli();
    if (!optional) console.log(`command-line simulator bundled at ${CLI_DIR}/${manifest.entry}`);
  } catch (error) {
    // After `npm ci --omit=dev` (no esbuild) an install must not fail: `npm run sim` builds
    // the bundle on first use, and says what is missing then.
    if (!optional) throw error;
    console.warn(
      `note: the command-line simulator was not bundled (${error}); npm run sim will try again`,
    );
  }
}
