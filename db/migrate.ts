import path from "node:path";

import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";

import type { Database, DatabaseHandle } from "./client";

export const MIGRATIONS_DIR = path.join(process.cwd(), "db", "migrations");

/** Any fixed number: the advisory lock every node takes to migrate the shared database. */
const MIGRATION_LOCK_KEY = 0x6b65_7462; // "ketb"

// Migrations of one handle in this process run one after another.
const migrating = new WeakMap<Database, Promise<void>>();

/**
 * Applies every committed migration that has not run yet; safe to call on every start, and from
 * several app nodes starting at once on one database: they take turns (without that, both
 * create the same tables and all but one fail to start), and the later ones find nothing to do.
 */
export function runMigrations(
  handle: DatabaseHandle,
  migrationsFolder = MIGRATIONS_DIR,
): Promise<void> {
  const previous = migrating.get(handle.db) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(() => migrateOnce(handle, migrationsFolder));
  migrating.set(handle.db, run);
  return run;
}

async function migrateOnce(handle: DatabaseHandle, migrationsFolder: string): Promise<void> {
  // The two migrators share an implementation but are typed per driver.
  if (handle.driver === "pglite") {
    // One process owns an embedded database, so the queue above is all the turn-taking needed.
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  // Other nodes wait on the lock, held by this transaction while the migrator works on the
  // pool's other connections, and is released when the transaction ends.
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await migratePostgres(handle.db as never, { migrationsFolder });
  });
}
