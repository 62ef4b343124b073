import path from "node:path";

import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";

import type { DatabaseHandle } from "./client";

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

/** Applies every committed migration that has not run yet; safe to call on every start. */
export async function runMigrations(
  handle: DatabaseHandle,
  migrationsFolder = MIGRATIONS_DIR,
): Promise<void> {
  // The two migrators share an implementation but are typed per driver.
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as never, { migrationsFolder });
  }
}
