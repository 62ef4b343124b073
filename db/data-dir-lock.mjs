// @ts-check
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, linkSync } from "node:fs";
import path from "node:path";

/**
 * One process per embedded database folder. PGlite is a single-process Postgres: a second process
 * opening the same folder neither sees the first one's writes (a user created by the CLI stays
 * invisible to a running server) nor coordinates with it, and may corrupt the files. So whoever
 * opens the folder (the server, db:migrate, user:create) first takes `<folder>.lock`, holding the
 * owner's pid; a lock whose process is gone (killed, crashed, machine restarted) is stale and
 * taken over. With DATABASE_URL (a real Postgres) there is nothing to lock.
 *
 * Plain JavaScript (typed by data-dir-lock.d.mts) because the server edge takes the lock too,
 * before Next starts, and runs without a TypeScript transform.
 */

export class DatabaseInUseError extends Error {
  /**
   * @param {string} dir the folder, as shown to the user
   * @param {number} pid the process holding it
   * @param {string} holder what that process said it was
   */
  constructor(dir, pid, holder) {
    super(
      `the embedded database in ${dir} is in use by process ${pid} (${holder}); stop it first, or use DATABASE_URL`,
    );
    this.name = "DatabaseInUseError";
    this.dir = dir;
    this.pid = pid;
  }
}

/** @typedef {{ pid: number, started?: string, holder: string }} LockOwner */
/** @typedef {{ count: number, file: string }} HeldLock */

// Locks this process holds, shared by every copy of this module in the process (the edge's, and
// the ones Next bundles), so the server and its own database client do not lock each other out.
const REGISTRY = Symbol.for("ketbook.dataDirLocks");

/** @returns {Map<string, HeldLock>} */
function held() {
  const holder = /** @type {Record<symbol, Map<string, HeldLock> | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  if (!holder[REGISTRY]) {
    holder[REGISTRY] = new Map();
    // A process that exits without closing (an uncaught error, process.exit) still lets go.
    process.once("exit", () => {
      for (const lock of holder[REGISTRY]?.values() ?? []) removeIfOurs(lock.file);
    });
  }
  return holder[REGISTRY];
}

/** Where the embedded database keeps its files: `<KETBOOK_DATA_DIR or ./.data>/pglite`. */
export function embeddedDatabaseDir() {
  return path.join(process.env.KETBOOK_DATA_DIR ?? path.join(process.cwd(), ".data"), "pglite");
}

/**
 * The lock file of a data folder: beside it, not inside (Postgres owns the folder's contents).
 * @param {string} dir
 */
export function lockFileOf(dir) {
  return `${path.resolve(dir)}.lock`;
}

/**
 * The folder as the user would type it: relative to the working folder when inside it.
 * @param {string} dir
 */
function shown(dir) {
  const relative = path.relative(process.cwd(), path.resolve(dir));
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative)
    ? relative
    : path.resolve(dir);
}

/**
 * When a process started (Linux: clock ticks since boot), so a lock left by a dead process whose
 * pid was later reused is still recognised as stale. Undefined where /proc is not available.
 * @param {number} pid
 * @returns {string | undefined}
 */
function startTimeOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces), which ends with the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/**
 * @param {LockOwner} owner
 * @returns {boolean}
 */
function isAlive(owner) {
  if (owner.pid === process.pid) return false; // not in our registry: an earlier holder of our pid
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EPERM") return false;
  }
  const started = startTimeOf(owner.pid);
  return !(owner.started && started && owner.started !== started);
}

/** What this process is, for the message another process shows. */
function describeSelf() {
  const script = process.env.npm_lifecycle_event;
  if (script === "start" || script === "serve" || script === "dev" || isServerEntry()) {
    return "the Ketbook server";
  }
  if (script) return `npm run ${script}`;
  return path.basename(process.argv[1] ?? "node");
}

function isServerEntry() {
  return /lib[\\/]http[\\/]server\.mjs$/.test(process.argv[1] ?? "");
}

/**
 * @param {string} file
 * @returns {{ text: string, owner: LockOwner | undefined } | undefined} undefined if there is no lock file
 */
function readLock(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(text);
    return { text, owner: Number.isInteger(owner?.pid) ? owner : undefined };
  } catch {
    return { text, owner: undefined }; // half-written or foreign: treated as stale
  }
}

/** @param {string} file */
function removeIfOurs(file) {
  try {
    if (readLock(file)?.owner?.pid === process.pid) unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Takes the lock of a data folder for this process (re-entrant: a second open in the same
 * process counts up), or throws DatabaseInUseError naming the live process that holds it.
 * @param {string} dir
 * @returns {{ release(): void }}
 */
export function acquireDataDirLock(dir) {
  const file = lockFileOf(dir);
  const locks = held();
  const mine = locks.get(file);
  if (mine) {
    mine.count++;
    return releaser(file);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  /** @type {LockOwner} */
  const record = { pid: process.pid, started: startTimeOf(process.pid), holder: describeSelf() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(record) + "\n", { flag: "wx" });
      locks.set(file, { count: 1, file });
      return releaser(file);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    }
    const existing = readLock(file);
    if (!existing) continue; // released meanwhile
    if (existing.owner && isAlive(existing.owner)) {
      throw new DatabaseInUseError(shown(dir), existing.owner.pid, existing.owner.holder);
    }
    breakStaleLock(file, existing.text);
  }
  throw new Error(`could not lock the embedded database in ${shown(dir)} (${file})`);
}

/**
 * Removes a stale lock without removing a fresh one that another process put there meanwhile:
 * move it aside atomically, and put it back if it is not the stale one we read.
 * @param {string} file
 * @param {string} staleText
 */
function breakStaleLock(file, staleText) {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return;
    throw error;
  }
  if (readFileSync(aside, "utf8") !== staleText) {
    try {
      linkSync(aside, file);
    } catch {
      // a third process locked it meanwhile; either way the next attempt sees a live lock
    }
  }
  unlinkSync(aside);
}

/** @param {string} file */
function releaser(file) {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const locks = held();
      const lock = locks.get(file);
      if (!lock || --lock.count > 0) return;
      locks.delete(file);
      removeIfOurs(file);
    },
  };
}
