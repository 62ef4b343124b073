import { execFileSync } from "node:child_process";

/**
 * Bundles the simulation worker and the command-line simulator once before the suite, as
 * `npm run build` does for the app.
 */
export default function setup(): void {
  execFileSync(process.execPath, ["--import", "tsx", "lib/runner/build-worker.ts"], {
    stdio: "inherit",
  });
  execFileSync(process.execPath, ["lib/runner/build-cli.mjs"], { stdio: "inherit" });
}
