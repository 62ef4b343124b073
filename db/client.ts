import "server-only";

import { mkdirSync } from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";

import { acquireDataDirLock, embeddedDatabaseDir } from "./data-dir-lock.mjs";
import * as schema from "./schema";

export { DatabaseInUseError } from "./data-dir-lock.mjs";

/** The one database type every query takes, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly driver: "postgres" | "pglite";
  close(): Promise<void>;
}

/**
 * A real Postgres when `url` is given (DATABASE_URL in production); otherwise embedded PGlite,
 * persisted under `pgliteDir`, or in memory when that is "memory://". A persisted folder is
 * locked for this process until `close()` (PGlite is single-process: see data-dir-lock.mjs);
 * throws DatabaseInUseError when another live process has it.
 */
export function openDatabase(options: { url?: string; pgliteDir?: string }): DatabaseHandle {
  if (options.url) {
    const sqlClient = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(sqlClient, { schema }) as unknown as Database;
    return {
      db,
      driver: "postgres",
      close: () => {
        closedDatabases.add(db);
        return sqlClient.end({ timeout: 5 });
      },
    };
  }
  const dir = options.pgliteDir ?? embeddedDatabaseDir();
  if (dir.startsWith("memory://")) return pgliteHandle(new PGlite(dir));
  const lock = acquireDataDirLock(dir);
  try {
    mkdirSync(dir, { recursive: true });
    return pgliteHandle(new PGlite(dir), lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function pgliteHandle(client: PGlite, release?: () => void): DatabaseHandle {
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    async close() {
      closedDatabases.add(db);
      try {
        await client.close();
      } finally {
        release?.();
      }
    },
  };
}

// One handle per process, kept on globalThis so Next's dev-mode module reloads reuse it
// (an embedded database directory can only be opened once).
const closedDatabases = new WeakSet<Database>();

/** Whether `db`'s handle has been closed (background work on it stops). */
export function isDatabaseClosed(db: Database): boolean {
  return closedDatabases.has(db);
}

const globalForDb = globalThis as unknown as { ketbookDb?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  globalForDb.ketbookDb ??= openDatabase({ url: process.env.DATABASE_URL });
  return globalForDb.ketbookDb;
}

/** Closes the process's database, if it was opened (at shutdown). */
export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.ketbookDb;
  globalForDb.ketbookDb = undefined;
  await handle?.close();
}

/** Makes `handle` the process's database (tests run route handlers against a test database). */
export function installDatabase(handle: DatabaseHandle): void {
  globalForDb.ketbookDb = handle;
}
