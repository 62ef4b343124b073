import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { loadContent } from "@/lib/notebook/load-content";
import { ArchiveError, readCourseArchive, writeCourseArchive } from "@/lib/studio/course-archive";
import {
  courseTreeFiles,
  MAX_COURSE_FILE_BYTES,
  MAX_COURSE_FILES,
  readCourseDirectory,
} from "@/lib/studio/course-tree";

import { headers, withCorruptData, withDeclaredSize, withRenamed, zipOf } from "./zip-fixtures";

const CONTENT = path.join(process.cwd(), "content");
const COURSE_DIR = "qml-foundations";
const skillsText = readFileSync(path.join(CONTENT, "roadmap/skills.yaml"), "utf8");
const builtIn = await readCourseDirectory(path.join(CONTENT, "courses", COURSE_DIR));

const course = {
  "course.yaml": "id: tiny\n",
  "01-one.md": "---\nid: one\n---\n",
};

function refusal(bytes: Uint8Array): string {
  try {
    readCourseArchive(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    return (error as Error).message;
  }
  throw new Error("the archive was accepted");
}

describe("the built-in course as a zip", () => {
  const zip = writeCourseArchive(builtIn, COURSE_DIR);
  const imported = readCourseArchive(zip);

  it("holds every file of the directory under one folder, sorted", () => {
    expect(builtIn.size).toBeGreaterThan(50);
    expect(imported.dirName).toBe(COURSE_DIR);
    expect([...imported.tree.keys()]).toEqual([...builtIn.keys()].sort());
  });

  it("comes back byte for byte", () => {
    for (const [name, text] of builtIn) {
      const original = readFileSync(path.join(CONTENT, "courses", COURSE_DIR, name));
      expect(Buffer.from(imported.tree.get(name)!, "utf8").equals(original), name).toBe(true);
      expect(imported.tree.get(name), name).toBe(text);
    }
  });

  it("loads to the same course and lessons as the directory on disk", async () => {
    const fromDisk = await loadContent(CONTENT);
    const fromZip = await loadContent(courseTreeFiles(imported.tree, COURSE_DIR, skillsText));
    expect(fromZip.courses).toHaveLength(1);
    const diskCourse = fromDisk.courses.find((c) => c.id === fromZip.courses[0].id);
    expect(fromZip.courses[0]).toEqual(diskCourse);
    expect(fromZip.lessons.size).toBe(diskCourse!.lessons.length);
    for (const [key, lesson] of fromZip.lessons)
      expect(lesson, key).toEqual(fromDisk.lessons.get(key));
  });

  it("is the same bytes every time, every entry dated 1980-01-01 00:00", () => {
    const again = writeCourseArchive(builtIn, COURSE_DIR);
    expect(Buffer.from(again).equals(Buffer.from(zip))).toBe(true);
    // DOS time and date of each local header (the date packs (year − 1980) << 9 | month << 5 | day).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const entries = headers(zip);
    expect(entries.size).toBe(builtIn.size);
    for (const [name, { central, local }] of entries) {
      expect([view.getUint16(local + 10, true), view.getUint16(local + 12, true)], name).toEqual([
        0, 0x21,
      ]);
      expect(
        [view.getUint16(central + 12, true), view.getUint16(central + 14, true)],
        name,
      ).toEqual([0, 0x21]);
    }
  });

  describe("with the system's unzip", () => {
    const scratch = mkdtempSync(path.join(tmpdir(), "ketbook-archive-"));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it("extracts to the same files (a real zip, not only one fflate can read)", () => {
      writeFileSync(path.join(scratch, "course.zip"), zip);
      execFileSync("unzip", ["-q", "course.zip"], { cwd: scratch });
      for (const name of builtIn.keys()) {
        expect(readFileSync(path.join(scratch, COURSE_DIR, name), "utf8"), name).toBe(
          builtIn.get(name),
        );
      }
    });

    it("and a zip made by the zip command imports", () => {
      execFileSync("zip", ["-q", "-r", "again.zip", COURSE_DIR], { cwd: scratch });
      const again = readCourseArchive(readFileSync(path.join(scratch, "again.zip")));
      expect(again.dirName).toBe(COURSE_DIR);
      expect([...again.tree].sort()).toEqual([...builtIn].sort());
    });
  });
});

describe("reading a course archive", () => {
  it("accepts files at the root, with no folder name", () => {
    const { dirName, tree } = readCourseArchive(zipOf(course));
    expect(dirName).toBeUndefined();
    expect(Object.fromEntries(tree)).toEqual(course);
  });

  it("ignores Finder's __MACOSX/ and .DS_Store entries and folder entries", () => {
    const { dirName, tree } = readCourseArchive(
      zipOf({
        "tiny/": new Uint8Array(0),
        "tiny/course.yaml": course["course.yaml"],
        "tiny/.DS_Store": new Uint8Array([0, 0, 0, 1, 0xff]),
        "tiny/._course.yaml": new Uint8Array([0, 5, 0x16, 0x07]),
        "__MACOSX/tiny/._course.yaml": new Uint8Array([0xff, 0xfe]),
        ".DS_Store": new Uint8Array([0xff]),
      }),
    );
    expect(dirName).toBe("tiny");
    expect([...tree.keys()]).toEqual(["course.yaml"]);
  });

  it("keeps a byte order mark and CRLF line ends as they are", () => {
    const text = "\uFEFFid: tiny\r\n";
    expect(readCourseArchive(zipOf({ "course.yaml": text })).tree.get("course.yaml")).toBe(text);
  });

  it("refuses what is not a zip", () => {
    expect(refusal(new TextEncoder().encode("id: tiny\n".repeat(10)))).toMatch(
      /not a valid zip archive/,
    );
    expect(refusal(new Uint8Array(0))).toMatch(/not a valid zip archive/);
    // A zip cut short: the end record is gone.
    const zip = zipOf(course);
    expect(refusal(zip.subarray(0, zip.length - 10))).toMatch(/not a valid zip archive/);
  });

  it("refuses paths that leave the folder", () => {
    expect(refusal(zipOf({ "../course.yaml": "x" }))).toMatch(/points outside its folder/);
    expect(refusal(zipOf({ "tiny/../../course.yaml": "x" }))).toMatch(/points outside/);
    expect(refusal(zipOf({ "/etc/course.yaml": "x" }))).toMatch(/absolute path/);
    expect(refusal(zipOf({ "C:/course.yaml": "x" }))).toMatch(/absolute path/);
    expect(refusal(zipOf({ "tiny\\..\\course.yaml": "x" }))).toMatch(/uses "\\"/);
  });

  it("refuses nested folders and files spread over several places", () => {
    expect(refusal(zipOf({ "tiny/lessons/01-one.md": "x" }))).toMatch(
      /"tiny\/lessons\/01-one.md" is in a nested folder/,
    );
    expect(refusal(zipOf({ "a/course.yaml": "x", "b/01-one.md": "x" }))).toMatch(
      /more than one place \("a\/", "b\/"\)/,
    );
    expect(refusal(zipOf({ "course.yaml": "x", "b/01-one.md": "x" }))).toMatch(
      /more than one place/,
    );
  });

  it("refuses file and folder names outside the format", () => {
    expect(refusal(zipOf({ "tiny/Course.YAML": "x" }))).toMatch(/not a valid course file name/);
    expect(refusal(zipOf({ "My Course/course.yaml": "x" }))).toMatch(/the course folder:/);
  });

  it("refuses text that is not UTF-8", () => {
    expect(refusal(zipOf({ "tiny/01-one.md": new Uint8Array([0x68, 0xe9, 0x20, 0x80]) }))).toMatch(
      /"tiny\/01-one.md" is not UTF-8 text/,
    );
  });

  it("refuses too many files", () => {
    const files = Object.fromEntries(
      Array.from({ length: MAX_COURSE_FILES + 1 }, (_, i) => [`c/f${i}.md`, "x"]),
    );
    expect(refusal(zipOf(files))).toMatch(
      new RegExp(`${MAX_COURSE_FILES + 1} files; a course may hold at most ${MAX_COURSE_FILES}`),
    );
  });

  it("refuses an entry that declares more than the per-file limit", () => {
    const big = new Uint8Array(MAX_COURSE_FILE_BYTES + 1).fill(0x61);
    expect(refusal(zipOf({ "c/big.md": big }))).toMatch(
      new RegExp(
        `"big.md" is ${MAX_COURSE_FILE_BYTES + 1} bytes; a course file may be at most 512 KiB`,
      ),
    );
  });

  it("refuses a course whose declared sizes add up past the total limit", () => {
    // Twenty files just under the per-file limit: each is fine, together 10 MiB.
    const almost = new Uint8Array(MAX_COURSE_FILE_BYTES).fill(0x61);
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`c/f${i}.md`, almost]));
    expect(refusal(zipOf(files))).toMatch(/add up to more than 8 MiB/);
  });

  it("stops a zip bomb: an entry that inflates past the size it declares", () => {
    // 16 MiB of one byte deflates to a few KiB; the headers claim 100 bytes.
    const bomb = zipOf({ "c/01-one.md": new Uint8Array(16 * 1024 * 1024).fill(0x61) });
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    expect(refusal(withDeclaredSize(bomb, "c/01-one.md", 100))).toMatch(
      /inflates to more than the 100 bytes the archive declares/,
    );
    // Stopped at the first chunk past the lie, not after inflating 16 MiB.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses an entry shorter than it declares, and a damaged one", () => {
    const zip = zipOf({ "c/course.yaml": "id: tiny\n" }, 0);
    expect(refusal(withDeclaredSize(zip, "c/course.yaml", 50))).toMatch(
      /holds 9 bytes but the archive declares 50/,
    );
    expect(refusal(withCorruptData(zip, "c/course.yaml"))).toMatch(/checksum does not match/);
  });

  it("refuses a name that is in the archive twice", () => {
    const zip = zipOf({ "c/course.yaml": "a", "c/course.yamx": "b" });
    expect(refusal(withRenamed(zip, "c/course.yamx", "c/course.yaml"))).toMatch(
      /"c\/course.yaml" is in the archive twice/,
    );
  });

  it("refuses an empty archive", () => {
    expect(refusal(zipOf({}))).toMatch(/holds no files/);
  });
});

describe("writing a course archive", () => {
  it("refuses a folder name outside the format", () => {
    expect(() => writeCourseArchive(new Map(Object.entries(course)), "../up")).toThrow(
      /course directory name/,
    );
  });
});
