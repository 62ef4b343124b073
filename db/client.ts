import "server-only";

import { mkdirSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";

import * as schema from "./schema";

/** The one database type every query takes, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly driver: "postgres" | "pglite";
  close(): Promise<void>;
}

/** Where the embedded database keeps its files: KETBOOK_DATA_DIR, or .data/ in the app folder. */
export function dataDir(): string {
  return process.env.KETBOOK_DATA_DIR ?? path.join(process.cwd(), ".data");
}

/**
 * A real Postgres when `url` is given (DATABASE_URL in production); otherwise embedded PGlite,
 * persisted under `pgliteDir`, or in memory when that is "memory://".
 */
export function openDatabase(options: { url?: string; pgliteDir?: string }): DatabaseHandle {
  if (options.url) {
    const sqlClient = postgres(options.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(sqlClient, { schema }) as unknown as Database,
      driver: "postgres",
      close: () => sqlClient.end({ timeout: 5 }),
    };
  }
  const dir = options.pgliteDir ?? path.join(dataDir(), "pglite");
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    driver: "pglite",
    close: () => client.close(),
  };
}

// One handle per process, kept on globalThis so Next's dev-mode module reloads reuse it
// (an embedded database directory can only be opened once).
const globalForDb = globalThis as unknown as { ketbookDb?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  globalForDb.ketbookDb ??= openDatabase({ url: process.env.DATABASE_URL });
  return globalForDb.ketbookDb;
}

/** Makes `handle` the process's database (tests run route handlers against a test database). */
export function installDatabase(handle: DatabaseHandle): void {
  globalForDb.ketbookDb = handle;
}
