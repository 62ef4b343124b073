// @ts-check
/**
 * Compiles the WebAssembly SIMD kernels (lib/quantum/wasm/assembly, AssemblyScript) into
 * node_modules/.cache/ketbook/wasm/kernels.wasm: a build artefact, never committed. Run by
 * `postinstall` (every `npm ci`), `npm run build`, `npm run build:wasm` and the test setup.
 * Written by rename, so a process loading the file never sees half of it.
 *
 * The hosts (simulation worker, command-line simulator, tests, bench) read it with
 * lib/runner/wasm-kernels.ts; the engine itself loads no files.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const WASM_SOURCE = path.join(REPO_ROOT, "lib", "quantum", "wasm", "assembly", "index.ts");
export const WASM_FILE = path.join(
  REPO_ROOT,
  "node_modules",
  ".cache",
  "ketbook",
  "wasm",
  "kernels.wasm",
);

/** @returns {Promise<string>} the written file */
export async function buildWasm() {
  const asc = (await import("assemblyscript/asc")).default;
  /** @type {Uint8Array | null} */
  let binary = null;
  const result = await asc.main(
    [
      path.relative(REPO_ROOT, WASM_SOURCE),
      "--outFile",
      "kernels.wasm",
      // Speed over size; SIMD for the f64x2 kernels.
      "-O3",
      "--enable",
      "simd",
      // No allocator or GC: the kernels only read and write memory the host lays out.
      "--runtime",
      "stub",
      // No bounds assertions or abort import: the module needs no imports at all.
      "--noAssert",
      "--use",
      "abort=",
      "--initialMemory",
      "1",
    ],
    {
      readFile: async (name, baseDir) => {
        try {
          return (await import("node:fs")).readFileSync(
            path.resolve(REPO_ROOT, baseDir, name),
            "utf8",
          );
        } catch {
          return null;
        }
      },
      writeFile: (name, contents) => {
        if (name.endsWith(".wasm") && typeof contents !== "string") binary = contents;
      },
      listFiles: () => [],
    },
  );
  if (result.error)
    throw new Error(`AssemblyScript: ${result.error.message}\n${result.stderr.toString()}`);
  if (!binary) throw new Error("AssemblyScript produced no binary");
  mkdirSync(path.dirname(WASM_FILE), { recursive: true });
  const temporary = `${WASM_FILE}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temporary, binary);
  renameSync(temporary, WASM_FILE);
  return WASM_FILE;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const optional = process.argv.includes("--if-possible");
  try {
    const file = await buildWasm();
    if (!optional) console.log(`WebAssembly kernels compiled to ${file}`);
  } catch (error) {
    // After `npm ci --omit=dev` (no AssemblyScript) an install must not fail: the engine then
    // runs its TypeScript kernels, and the command-line simulator says so.
    if (!optional) throw error;
    console.warn(`note: the WebAssembly kernels were not compiled (${error}); using TypeScript`);
  }
}
