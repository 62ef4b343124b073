/**
 * The command-line simulator bound to the process: arguments, files, stdin, stdout with
 * back-pressure (a streamed state vector waits for a slow reader instead of piling up in memory)
 * and the exit status. Bundled by lib/runner/build-cli.mjs; started by lib/runner/sim.cjs.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";

import { runCli } from "@/lib/quantum/cli";
import { installWasmKernelsFromDisk } from "@/lib/runner/wasm-kernels";

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

// Said once, on stderr (stdout is the JSON result): results are the same, large states slower.
if (!installWasmKernelsFromDisk()) {
  process.stderr.write(
    "note: WebAssembly kernels not built (npm run build:wasm); using the TypeScript kernels\n",
  );
}

runCli(process.argv.slice(2), {
  stdout: write,
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, "utf8"),
  readStdin: () => readFileSync(0, "utf8"),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // A bug, not a bad program: keep it distinguishable from exit status 1.
    process.stderr.write(`internal error: ${error instanceof Error ? error.stack : error}\n`);
    process.exitCode = 70;
  },
);
