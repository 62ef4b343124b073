import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { courseFileSchema } from "@/lib/notebook/schemas";
import { parseYaml } from "@/lib/notebook/yaml-file";
import { moveLesson, newLessonStem, readOutline, withOutline } from "@/lib/studio/course-outline";

const BUILT_IN = readFileSync(
  path.join(process.cwd(), "content/courses/qml-foundations/course.yaml"),
  "utf8",
);

describe("course outline edits", () => {
  it("reads the built-in course.yaml", () => {
    const outline = readOutline(BUILT_IN);
    expect(outline.title).toBe("Quantum Machine Learning Foundations");
    expect(outline.lessons[0]).toBe("01-qubits");
  });

  it("changes nothing when nothing is asked, comments included", () => {
    expect(withOutline(BUILT_IN, {})).toBe(BUILT_IN);
  });

  it("reorders lessons and renames the course, keeping the comment and a valid file", () => {
    const { lessons } = readOutline(BUILT_IN);
    const reordered = moveLesson(lessons, 0, 2);
    const text = withOutline(BUILT_IN, { lessons: reordered, title: "QML: the basics" });
    expect(text.split("\n")[0]).toBe(BUILT_IN.split("\n")[0]);
    const parsed = parseYaml(text, "course.yaml", courseFileSchema);
    expect(parsed.title).toBe("QML: the basics");
    expect(parsed.lessons.slice(0, 3)).toEqual([lessons[1], lessons[2], lessons[0]]);
    expect([...parsed.lessons].sort()).toEqual([...lessons].sort());
  });

  it("adds and drops lessons", () => {
    const text = "id: c\ntitle: C\nsummary: s\nlevel: beginner\nlessons:\n  - 01-a\n  - 02-b\n";
    expect(readOutline(withOutline(text, { lessons: ["02-b", "03-c"] })).lessons).toEqual([
      "02-b",
      "03-c",
    ]);
  });

  it("moves stay inside the list", () => {
    expect(moveLesson(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveLesson(["a", "b"], 1, 2)).toEqual(["a", "b"]);
  });

  it("names new lessons after the last number, with a free slug", () => {
    expect(newLessonStem(["01-welcome", "02-kernels"], "Kernels!")).toBe("03-kernels-2");
    expect(newLessonStem([], "Ünïcode & Friends")).toBe("01-unicode-friends");
    expect(newLessonStem(["01-a"], "???")).toBe("02-lesson");
  });
});

describe("renaming in place", () => {
  it("changes only the id line of the built-in course.yaml", () => {
    const renamed = withOutline(BUILT_IN, { id: "my-copy" });
    expect(renamed).toBe(BUILT_IN.replace("id: qml-foundations", "id: my-copy"));
  });

  it("quotes a title that needs it and keeps the folded summary as written", () => {
    const renamed = withOutline(BUILT_IN, { title: "QML: the basics # 2" });
    expect(readOutline(renamed).title).toBe("QML: the basics # 2");
    expect(renamed.split("\n").filter((l, i) => l !== BUILT_IN.split("\n")[i])).toHaveLength(1);
  });
});
