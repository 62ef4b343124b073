import path from "node:path";

/**
 * The project's shared folder (peer circuits, seed article) sits beside the repository, in
 * development and in CI alike. KETBOOK_SHARED_DIR overrides it.
 */
export const SHARED_DIR =
  process.env.KETBOOK_SHARED_DIR ?? path.resolve(process.cwd(), "..", "shared");

export const QASMBENCH_SMALL = path.join(SHARED_DIR, "qasmbench", "small");
