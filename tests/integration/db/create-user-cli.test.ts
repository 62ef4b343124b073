import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, describe, expect, it } from "vitest";

import { openDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MESSAGES } from "@/lib/auth/password-rules";

/**
 * `npm run user:create` holds a password to the same policy as sign-up, run as the real command
 * (node with tsx, as package.json runs it) on a fresh embedded database of its own.
 */
const run = promisify(execFile);
const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** A fresh KETBOOK_DATA_DIR and its embedded database folder. */
async function dataDir(): Promise<{ root: string; pglite: string }> {
  const root = await mkdtemp(path.join(tmpdir(), "ketbook-user-create-"));
  roots.push(root);
  return { root, pglite: path.join(root, "pglite") };
}

/** Runs `npm run user:create -- …args` on `root`; its exit code and output. */
async function userCreate(root: string, args: string[]) {
  return run(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "lib/auth/create-user-cli.ts", ...args],
    { env: { ...process.env, KETBOOK_DATA_DIR: root, DATABASE_URL: "" } },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failure: { code: number; stdout: string; stderr: string }) => failure,
  );
}

describe("npm run user:create --password", () => {
  it.each([
    ["1234567890", PASSWORD_MESSAGES.common],
    ["Password123", PASSWORD_MESSAGES.common],
    [" ".repeat(10), PASSWORD_MESSAGES.blank],
    ["a".repeat(12), PASSWORD_MESSAGES.repeated],
    ["short", PASSWORD_MESSAGES["too-short"]],
  ])(
    "refuses %j with the sign-up policy's message, before it opens the database",
    async (password, message) => {
      const { root, pglite } = await dataDir();
      const outcome = await userCreate(root, [
        "--email",
        "admin@example.test",
        "--role",
        "admin",
        "--password",
        password,
      ]);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(`error: --password is refused: ${message}`);
      expect(outcome.stdout).not.toContain("created");
      expect(existsSync(path.join(pglite, "PG_VERSION"))).toBe(false); // nothing was written
    },
  );

  it("creates the user with a password that passes the policy, and that password signs in", async () => {
    const { root, pglite } = await dataDir();
    const password = "violet-otter-harbour-42";
    const outcome = await userCreate(root, [
      "--email",
      "admin@example.test",
      "--role",
      "admin",
      "--password",
      password,
    ]);
    expect(outcome).toMatchObject({ code: 0, stderr: "" });
    expect(outcome.stdout).toContain("created admin@example.test with the role admin");

    const handle = openDatabase({ pgliteDir: pglite });
    try {
      const user = await findUserByEmail(handle.db, "admin@example.test");
      expect(user?.role).toBe("admin");
      expect(await verifyPassword(user!.passwordHash!, password)).toBe(true);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
