/**
 * Bundles the simulation worker (engine included) into one ES module file. Run before
 * `next build` and before the tests: `tsx lib/runner/build-worker.ts`.
 */
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

import { WORKER_BUNDLE } from "./worker-file";

await build({
  entryPoints: [fileURLToPath(new URL("../tasks/worker-entry.ts", import.meta.url))],
  outfile: WORKER_BUNDLE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  alias: { "@": fileURLToPath(new URL("../..", import.meta.url)) },
  // CommonJS dependencies (the YAML parser of experiment specs) call require() for Node
  // built-ins, which an ES module bundle has no binding for; give them one.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
console.log(`simulation worker bundled at ${WORKER_BUNDLE}`);
