import { randomBytes } from "node:crypto";

import postgres from "postgres";

import { type DatabaseHandle, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/**
 * The databases every DB test runs against: embedded PGlite always, and a real Postgres when
 * TEST_DATABASE_URL is set. Each test file gets a brand-new, migrated database (a fresh
 * `CREATE DATABASE` on Postgres), so parallel and repeated runs never see each other's rows.
 */
export interface TestDatabaseKind {
  readonly name: "pglite" | "postgres";
  create(): Promise<DatabaseHandle>;
}

const pglite: TestDatabaseKind = {
  name: "pglite",
  async create() {
    const handle = openDatabase({ pgliteDir: "memory://" });
    await runMigrations(handle);
    return handle;
  },
};

/** A new, empty database on a Postgres server, and how to drop it (closing its connections). */
export async function freshPostgresDatabase(
  serverUrl: string,
): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `ketbook_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

function realPostgres(serverUrl: string): TestDatabaseKind {
  return {
    name: "postgres",
    async create() {
      const database = await freshPostgresDatabase(serverUrl);
      const handle = openDatabase({ url: database.url });
      await runMigrations(handle);
      return {
        ...handle,
        async close() {
          await handle.close();
          await database.drop();
        },
      };
    },
  };
}

export const testDatabases: readonly TestDatabaseKind[] = process.env.TEST_DATABASE_URL
  ? [pglite, realPostgres(process.env.TEST_DATABASE_URL)]
  : [pglite];
