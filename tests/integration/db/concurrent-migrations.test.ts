import { describe, expect, it } from "vitest";

import { type DatabaseHandle, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createUser, findUserByEmail } from "@/db/queries/users";

import { freshPostgresDatabase } from "../../support/databases";

/**
 * App nodes started together on one empty database each migrate it at start-up: they must not
 * trip over each other (the second waits for the first and then finds nothing left to do).
 */
// Migrating a fresh database is set-up work, given the time a hook gets (PGlite starts slowly on
// a busy machine).
const MIGRATION_TIMEOUT_MS = 60_000;

const postgresServers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];

async function migratedTogether(handles: readonly DatabaseHandle[]): Promise<void> {
  await Promise.all(handles.map((handle) => runMigrations(handle)));
  await createUser(handles[0].db, { email: "n@example.test", name: "N", passwordHash: null });
  for (const handle of handles) {
    expect((await findUserByEmail(handle.db, "n@example.test"))?.name).toBe("N");
  }
}

it(
  "two migrations of one embedded database at once both succeed",
  async () => {
    const handle = openDatabase({ pgliteDir: "memory://" });
    try {
      await migratedTogether([handle, handle]);
    } finally {
      await handle.close();
    }
  },
  MIGRATION_TIMEOUT_MS,
);

describe.each(postgresServers)("on 'postgres'", (serverUrl) => {
  it(
    "three nodes migrating one empty database at once all start",
    async () => {
      const database = await freshPostgresDatabase(serverUrl);
      const nodes = [1, 2, 3].map(() => openDatabase({ url: database.url }));
      try {
        await migratedTogether(nodes);
      } finally {
        await Promise.all(nodes.map((node) => node.close()));
        await database.drop();
      }
    },
    MIGRATION_TIMEOUT_MS,
  );
});
