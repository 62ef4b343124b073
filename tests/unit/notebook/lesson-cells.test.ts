import { readFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { findLessonCells, LessonCellError } from "@/lib/notebook/lesson-cells";
import { loadContent } from "@/lib/notebook/load-content";
import { parseLesson } from "@/lib/notebook/parse-lesson";

const FIXTURE = path.join(process.cwd(), "tests/fixtures/lessons/cells.md");
const CONTENT = path.join(process.cwd(), "content");

/** What the page keeps of a cell, to compare the two parsers on. */
const asPageCell = (c: {
  id: string;
  language: string;
  source: string;
  exercise: boolean;
  line: number;
}) => ({
  id: c.id,
  language: c.language,
  source: c.source,
  exercise: c.exercise,
  line: c.line,
});

function cellError(text: string): LessonCellError {
  try {
    findLessonCells(text);
  } catch (error) {
    if (error instanceof LessonCellError) return error;
    throw error;
  }
  throw new Error("expected a LessonCellError");
}

describe("findLessonCells", () => {
  it("finds the fixture lesson's circuit, slider and experiment cells with their fence lines", async () => {
    const cells = findLessonCells(await readFile(FIXTURE, "utf8"));
    expect(cells.map((c) => [c.id, c.language, c.line, c.indent])).toEqual([
      ["bell-pair", "qasm", 13, 0],
      ["tilt", "qasm", 27, 0],
      ["cos-scan", "experiment", 38, 0],
    ]);
    expect(cells[1].source.split("\n")[2]).toBe("input float theta; // @range theta 0 pi pi/3");
  });

  it("agrees with the lesson parser on the fixture lesson and on every shipped lesson", async () => {
    const text = await readFile(FIXTURE, "utf8");
    const parsed = parseLesson(
      { text, file: "cells.md", courseId: "fixture", position: 1, stem: "01-cells" },
      new Set(["qubits-superposition"]),
    );
    const pageCells = parsed.blocks.flatMap((b) => (b.kind === "code" ? [asPageCell(b)] : []));
    expect(findLessonCells(text).map(asPageCell)).toEqual(pageCells);

    const { lessons } = await loadContent(CONTENT);
    expect(lessons.size).toBeGreaterThan(0);
    for (const lesson of lessons.values()) {
      const lessonText = await readFile(path.join(CONTENT, lesson.meta.file), "utf8");
      const expected = lesson.blocks.flatMap((b) => (b.kind === "code" ? [asPageCell(b)] : []));
      expect(findLessonCells(lessonText).map(asPageCell), lesson.meta.file).toEqual(expected);
    }
  }, 120_000); // renders every shipped lesson (KaTeX included), as content.test.ts does

  it("ignores fences in lists and quotes and other languages, as the page does", () => {
    const text = [
      "Some prose.",
      "",
      "- an example in a list:",
      "",
      "  ```qasm {#in-a-list}",
      "  qubit q;",
      "  ```",
      "",
      "> ```qasm {#in-a-quote}",
      "> qubit q;",
      "> ```",
      "",
      "```python",
      "print('not a cell')",
      "```",
      "",
      "   ```qasm {#indented}",
      "   qubit q;",
      "   ```",
    ].join("\n");
    expect(findLessonCells(text).map((c) => [c.id, c.line, c.indent])).toEqual([
      ["indented", 17, 3],
    ]);
  });

  it("stops at a fence without an id, an empty cell or a repeated id, located at its fence", () => {
    expect(cellError("Intro\n\n```qasm\nqubit q;\n```\n")).toMatchObject({
      line: 3,
      column: 1,
      message: "a qasm cell needs a stable id: write ```qasm {#cell-id} (or {#cell-id exercise})",
    });
    expect(cellError("```experiment {#Bad_Id}\nexperiment: scan\n```\n").message).toMatch(
      /an? experiment cell needs a stable id/,
    );
    expect(cellError("```qasm {#a}\n\n```\n")).toMatchObject({
      line: 1,
      message: 'cell "a" is empty',
    });
    expect(
      cellError("```qasm {#a}\nqubit q;\n```\n\n```experiment {#a}\nx: 1\n```\n"),
    ).toMatchObject({ line: 5, message: 'duplicate cell id "a"' });
  });
});
