// @ts-check
/**
 * Run right after the end-to-end server's production build: the build must not have opened the
 * embedded database (a page reading it while prerendering). A build that does fails when a
 * server holds the database, and races with whatever opens it next.
 */
import { existsSync } from "node:fs";
import path from "node:path";

const dir = path.join(process.env.KETBOOK_DATA_DIR ?? ".data", "pglite");
if (existsSync(dir) || existsSync(`${dir}.lock`)) {
  console.error(
    `the production build opened the embedded database in ${dir}: a page read the database while prerendering; call connection() before such a read`,
  );
  process.exit(1);
}
