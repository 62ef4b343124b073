import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, expect, it } from "vitest";

import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createUser, findUserByEmail } from "@/db/queries/users";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

it("the embedded database creates its data folder on first start and keeps data across restarts", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "ketbook-data-"));
  dirs.push(root);
  const dataDir = path.join(root, "pglite");

  const first = openDatabase({ pgliteDir: dataDir });
  await runMigrations(first);
  await createUser(first.db, { email: "kept@example.test", name: "Kept", passwordHash: null });
  await first.close();
  expect(await readdir(dataDir)).toContain("PG_VERSION");

  // A restart: open the same folder again; migrations are already applied and data is there.
  const second = openDatabase({ pgliteDir: dataDir });
  await runMigrations(second);
  expect((await findUserByEmail(second.db, "kept@example.test"))?.name).toBe("Kept");
  await second.close();
});
