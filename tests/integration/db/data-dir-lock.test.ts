import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, afterEach, describe, expect, it } from "vitest";

import { DatabaseInUseError, openDatabase } from "@/db/client";
import { acquireDataDirLock, lockFileOf } from "@/db/data-dir-lock.mjs";

/**
 * One process per embedded database folder, checked with real processes: a holder process takes
 * the lock the way the server does, and this process, the CLIs and a second server must refuse.
 */
const run = promisify(execFile);
const roots: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** A fresh KETBOOK_DATA_DIR and its embedded database folder. */
async function dataDir(): Promise<{ root: string; pglite: string }> {
  const root = await mkdtemp(path.join(tmpdir(), "ketbook-lock-"));
  roots.push(root);
  return { root, pglite: path.join(root, "pglite") };
}

/** Another process holding the folder's lock, as the server does; resolves once it holds it. */
function holdLock(dir: string, exitAfterLocking = false): Promise<ChildProcess> {
  const lockModule = path.resolve("db/data-dir-lock.mjs");
  const script = `
    const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
    acquireDataDirLock(${JSON.stringify(dir)});
    console.log("locked");
    ${exitAfterLocking ? "" : "setInterval(() => {}, 1000);"}
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, npm_lifecycle_event: "start" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve(child);
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!exitAfterLocking) reject(new Error(`lock holder exited early (${code})`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.on("exit", () => resolve()),
  );

describe("the embedded database folder is locked to one process", () => {
  it("refuses to open a folder another live process holds, naming the folder and the process", async () => {
    const { pglite } = await dataDir();
    const holder = await holdLock(pglite);
    let error: unknown;
    try {
      openDatabase({ pgliteDir: pglite });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toBe(
      `the embedded database in ${pglite} is in use by process ${holder.pid} (the Ketbook server); stop it first, or use DATABASE_URL`,
    );
    // The holder's lock is untouched.
    expect(JSON.parse(await readFile(lockFileOf(pglite), "utf8")).pid).toBe(holder.pid);
  });

  it("makes user:create, db:migrate and a second server refuse with that message and exit 1", async () => {
    const { root, pglite } = await dataDir();
    const holder = await holdLock(pglite);
    const env = { ...process.env, KETBOOK_DATA_DIR: root, DATABASE_URL: "" };
    const commands: [string, string[]][] = [
      [
        "user:create",
        [
          "--import",
          "tsx",
          "--conditions=react-server",
          "lib/auth/create-user-cli.ts",
          "--email",
          "x@example.test",
        ],
      ],
      ["db:migrate", ["--import", "tsx", "--conditions=react-server", "db/migrate-cli.ts"]],
      ["server", ["lib/http/server.mjs"]],
    ];
    for (const [name, args] of commands) {
      const outcome = await run(process.execPath, args, { env: { ...env, PORT: "0" } }).then(
        () => ({ code: 0, stderr: "" }),
        (failure: { code: number; stderr: string }) => failure,
      );
      expect(outcome.code, name).toBe(1);
      expect(outcome.stderr, name).toContain(
        `is in use by process ${holder.pid} (the Ketbook server); stop it first, or use DATABASE_URL`,
      );
    }
    expect(existsSync(path.join(pglite, "PG_VERSION"))).toBe(false); // nobody opened it
  });

  it("takes over a stale lock whose process died without releasing it", async () => {
    const { pglite } = await dataDir();
    const holder = await holdLock(pglite);
    holder.kill("SIGKILL"); // no chance to clean up
    await exited(holder);
    expect(JSON.parse(await readFile(lockFileOf(pglite), "utf8")).pid).toBe(holder.pid);

    const lock = acquireDataDirLock(pglite);
    expect(JSON.parse(await readFile(lockFileOf(pglite), "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockFileOf(pglite))).toBe(false);
  });

  it("treats a live pid that started after the lock was written as a reused pid, so stale", async () => {
    const { pglite } = await dataDir();
    const other = await holdLock(path.join(pglite, "unrelated"));
    await writeFile(
      lockFileOf(pglite),
      JSON.stringify({ pid: other.pid, started: "1", holder: "the Ketbook server" }),
    );
    const lock = acquireDataDirLock(pglite);
    expect(JSON.parse(await readFile(lockFileOf(pglite), "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("is released when the holding process exits normally", async () => {
    const { pglite } = await dataDir();
    const holder = await holdLock(pglite, true);
    await exited(holder);
    expect(existsSync(lockFileOf(pglite))).toBe(false);
  });

  it("is shared within one process: the server's lock lets its own database client open", async () => {
    const { pglite } = await dataDir();
    const serverLock = acquireDataDirLock(pglite);
    const handle = openDatabase({ pgliteDir: pglite });
    await handle.close();
    expect(existsSync(lockFileOf(pglite))).toBe(true); // still the server's
    serverLock.release();
    expect(existsSync(lockFileOf(pglite))).toBe(false);
  });
});
