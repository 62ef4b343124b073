import path from "node:path";

/** Where the bundled simulation worker lives (a build artefact, git-ignored). */
export const WORKER_BUNDLE =
  process.env.KETBOOK_WORKER_BUNDLE ??
  path.join(process.cwd(), "node_modules", ".cache", "ketbook", "sim-worker.mjs");
