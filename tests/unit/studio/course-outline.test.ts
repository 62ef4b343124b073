import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { courseFileSchema } from "@/lib/notebook/schemas";
import { parseYaml } from "@/lib/notebook/yaml-file";
import {
  moveLesson,
  newLessonStem,
  newLessonText,
  readOutline,
  withOutline,
} from "@/lib/studio/course-outline";
import { lessonFrontMatterSchema } from "@/lib/notebook/schemas";

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

  it("starts a new lesson with front matter the loader accepts", () => {
    const text = newLessonText("my-course", "02-kernels", 'Kernels: a "first" look');
    const front = text.split("---")[1];
    const parsed = parseYaml(front, "02-kernels.md", lessonFrontMatterSchema);
    expect(parsed).toMatchObject({ id: "my-course-kernels", title: 'Kernels: a "first" look' });
  });
});
