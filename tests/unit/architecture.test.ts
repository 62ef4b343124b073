import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * The import rules of the architecture guide that a path-based lint rule cannot express:
 * a client component is identified by its "use client" directive, not by where it lives.
 */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Imports that reach the bundle: `import type` is erased at compile time, so it is allowed. */
const importsOf = (text: string) =>
  [...text.matchAll(/^\s*import\s(?!type\s)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);

describe("import boundaries", () => {
  it("client components import neither the database, the runner, the tasks nor the grader", async () => {
    const offenders: string[] = [];
    for (const file of [...(await sourceFiles("app")), ...(await sourceFiles("lib"))]) {
      const text = await readFile(file, "utf8");
      if (!/^\s*["']use client["']/.test(text)) continue;
      for (const specifier of importsOf(text)) {
        if (
          /(^|\/)(db|runner|grading|tasks)(\/|$)|^@\/db|^@\/lib\/(runner|grading|tasks)|^server-only$|^node:/.test(
            specifier,
          )
        ) {
          offenders.push(`${file} imports ${specifier}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("server-side data modules declare themselves server-only", async () => {
    const files = [
      ...(await sourceFiles("db/queries")),
      "db/client.ts",
      "lib/notebook/file-repository.ts",
    ];
    const missing: string[] = [];
    for (const file of files) {
      if (!(await readFile(file, "utf8")).includes('import "server-only"')) missing.push(file);
    }
    expect(missing).toEqual([]);
  });

  it("only the task service reaches the simulation pool, so every use of it is rate limited", async () => {
    const offenders: string[] = [];
    for (const file of await appCodeFiles()) {
      const text = await readFile(file, "utf8");
      for (const target of valueImportsOf(file, text)) {
        if (POOL_MODULES.includes(target) && !mayBuildThePool(file)) {
          offenders.push(`${file} imports ${target}`);
        }
        if (
          target === TASK_SERVICE &&
          POOL_ACCESSORS.test(text) &&
          !(file in MAY_HOLD_THE_POOL_INSTANCE)
        ) {
          offenders.push(`${file} takes the pool instance from ${target}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** What builds the pool: the pool itself and the file of the worker threads it starts. */
const POOL_MODULES = ["lib/runner/pool", "lib/runner/worker-file"];
/** The one module that holds the pool and runs tasks in it behind the rate limit (runTask). */
const TASK_SERVICE = "lib/tasks/service";
const POOL_ACCESSORS = /\b(getSimulationPool|existingSimulationPool)\b/;
/**
 * The few modules that may take the pool instance itself, and why: none of them runs a task.
 * A route that ran one through the instance would skip the rate limit; it calls runTask instead.
 */
const MAY_HOLD_THE_POOL_INSTANCE: Record<string, string> = {
  "lib/tasks/service.ts": "holds the pool",
  "lib/http/app-lifecycle.ts": "starts the pool at boot and drains it at shutdown",
  "app/api/health/route.ts": "reports whether the pool is alive",
};

const mayBuildThePool = (file: string) =>
  file.startsWith("lib/runner/") || file === `${TASK_SERVICE}.ts`;

/** Everything the app runs (tests excluded): app/, lib/, db/ and the root modules Next loads. */
async function appCodeFiles(): Promise<string[]> {
  const files: string[] = ["proxy.ts", "instrumentation.ts"];
  for (const dir of ["app", "lib", "db"]) {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    for (const e of entries) {
      if (e.isFile() && /\.(ts|tsx|mts|mjs|js)$/.test(e.name) && !e.name.endsWith(".d.mts")) {
        files.push(path.join(e.parentPath, e.name));
      }
    }
  }
  return files;
}

/**
 * The repository paths (without extension) that `file` imports at run time: static imports and
 * re-exports that are not `type`-only, and dynamic `import()`s, with `@/` and relative
 * specifiers resolved.
 */
function valueImportsOf(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*import\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*export\s+(?!type\s)(?:\*|\{)[^'";]*?\sfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
  return specifiers.map((specifier) => {
    const resolved = specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.posix.join(path.posix.dirname(file.split(path.sep).join("/")), specifier)
        : specifier;
    return resolved.replace(/\.(ts|tsx|mts|mjs|js)$/, "");
  });
}
