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
});
