import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import {
  assertCourseTree,
  courseTreeFiles,
  CourseTreeError,
  MAX_COURSE_BYTES,
  MAX_COURSE_FILE_BYTES,
  MAX_COURSE_FILES,
  readCourseDirectory,
} from "@/lib/studio/course-tree";

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function directory(files: Record<string, string | Buffer>): string {
  scratch = mkdtempSync(path.join(tmpdir(), "ketbook-tree-"));
  for (const [name, content] of Object.entries(files))
    writeFileSync(path.join(scratch, name), content);
  return scratch;
}

describe("readCourseDirectory", () => {
  it("reads every file by name, sorted, skipping .DS_Store", async () => {
    const dir = directory({ "course.yaml": "id: c\n", "01-a.md": "A\n", ".DS_Store": "\0" });
    const tree = await readCourseDirectory(dir);
    expect([...tree]).toEqual([
      ["01-a.md", "A\n"],
      ["course.yaml", "id: c\n"],
    ]);
  });

  it("refuses folders, links, bad names and text that is not UTF-8", async () => {
    const dir = directory({ "course.yaml": "id: c\n" });
    mkdirSync(path.join(dir, "images"));
    await expect(readCourseDirectory(dir)).rejects.toThrow(/"images" is not a regular file/);
    rmSync(path.join(dir, "images"), { recursive: true });

    symlinkSync(path.join(dir, "course.yaml"), path.join(dir, "link.yaml"));
    await expect(readCourseDirectory(dir)).rejects.toThrow(/"link.yaml" is not a regular file/);
    rmSync(path.join(dir, "link.yaml"));

    writeFileSync(path.join(dir, "Notes.md"), "x");
    await expect(readCourseDirectory(dir)).rejects.toThrow(
      /"Notes.md" is not a valid course file name/,
    );
    rmSync(path.join(dir, "Notes.md"));

    writeFileSync(path.join(dir, "01-a.md"), Buffer.from([0xc3, 0x28]));
    await expect(readCourseDirectory(dir)).rejects.toThrow(/"01-a.md" is not UTF-8 text/);
  });

  it("refuses a file over the per-file limit", async () => {
    const dir = directory({ "big.md": "a".repeat(MAX_COURSE_FILE_BYTES + 1) });
    await expect(readCourseDirectory(dir)).rejects.toThrow(CourseTreeError);
    await expect(readCourseDirectory(dir)).rejects.toThrow(/at most 512 KiB/);
  });
});

describe("assertCourseTree", () => {
  it("names the limit that is broken", () => {
    const many = new Map(Array.from({ length: MAX_COURSE_FILES + 1 }, (_, i) => [`f${i}.md`, ""]));
    expect(() => assertCourseTree(many)).toThrow(/a course may hold at most 200/);
    // Multi-byte text is counted in UTF-8 bytes, not characters.
    const wide = new Map([["a.md", "é".repeat(MAX_COURSE_FILE_BYTES / 2 + 1)]]);
    expect(() => assertCourseTree(wide)).toThrow(/"a.md" is 524290 bytes/);
    const fileCount = MAX_COURSE_BYTES / MAX_COURSE_FILE_BYTES + 1;
    const heavy = new Map(
      Array.from({ length: fileCount }, (_, i) => [`f${i}.md`, "a".repeat(MAX_COURSE_FILE_BYTES)]),
    );
    expect(() => assertCourseTree(heavy)).toThrow(/add up to more than 8 MiB/);
    expect(() => assertCourseTree(new Map([["../x.md", ""]]))).toThrow(/is in a subdirectory/);
    expect(() => assertCourseTree(new Map([[".hidden", ""]]))).toThrow(
      /not a valid course file name/,
    );
  });
});

describe("courseTreeFiles", () => {
  it("puts the course under courses/<dir>/ beside the skills file", async () => {
    const files = courseTreeFiles(
      new Map([["course.yaml", "id: c\n"]]),
      "my-course",
      "skills: []\n",
    );
    expect(await files.read("roadmap/skills.yaml")).toBe("skills: []\n");
    expect(await files.read("courses/my-course/course.yaml")).toBe("id: c\n");
    expect(await files.list("courses")).toEqual([{ name: "my-course", directory: true }]);
  });

  it("refuses a directory name that is not a plain name", () => {
    expect(() => courseTreeFiles(new Map(), "a/b", "")).toThrow(/course directory name/);
  });
});
