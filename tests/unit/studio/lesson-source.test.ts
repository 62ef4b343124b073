import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

import { parseLesson } from "@/lib/notebook/parse-lesson";
import type { CodeCellBlock } from "@/lib/notebook/types";
import {
  addCell,
  cellAtLine,
  cellLines,
  deleteCell,
  duplicateCell,
  freshCellId,
  joinLesson,
  moveCell,
  splitLesson,
} from "@/lib/studio/lesson-source";

const COURSES = path.join(process.cwd(), "content/courses");
const builtInLessons = readdirSync(COURSES).flatMap((course) =>
  readdirSync(path.join(COURSES, course))
    .filter((name) => name.endsWith(".md"))
    .map((name) => ({
      name: `${course}/${name}`,
      text: readFileSync(path.join(COURSES, course, name), "utf8"),
    })),
);

const SKILLS = new Set(
  (
    parseYaml(readFileSync(path.join(process.cwd(), "content/roadmap/skills.yaml"), "utf8")) as {
      skills: { id: string }[];
    }
  ).skills.map((skill) => skill.id),
);

/** The lesson's code cells as the real parser sees them. */
function parsedCells(text: string): CodeCellBlock[] {
  const lesson = parseLesson(
    { text, file: "test.md", courseId: "c", position: 1, stem: "01-demo" },
    SKILLS,
  );
  return lesson.blocks.filter((b): b is CodeCellBlock => b.kind === "code");
}

const LESSON = `---
id: demo
title: Demo
summary: A demo.
minutes: 5
skills: [qubits-superposition]
objectives:
  - Learn.
---

Intro prose.

\`\`\`qasm {#demo-a}
OPENQASM 3.0;
qubit[1] q;
h q[0];
\`\`\`

Middle prose,
two lines.

\`\`\`qasm {#demo-b exercise}
OPENQASM 3.0;
qubit[1] q;
\`\`\`

Closing prose.
`;

describe("splitLesson and joinLesson", () => {
  it("found the built-in lessons", () => {
    expect(builtInLessons.length).toBeGreaterThan(10);
  });

  it.each(builtInLessons)("round-trips $name exactly", ({ text }) => {
    const split = splitLesson(text);
    expect(joinLesson(split)).toBe(text);
    // Its fenced cells are exactly the real parser's cells, in order.
    expect(split.cells.filter((c) => c.kind !== "prose").map((c) => c.id)).toEqual(
      parsedCells(text).map((c) => c.id),
    );
  });

  it.each([
    "",
    "no front matter, just prose",
    "---\nid: x\n---",
    "---\nid: x\n---\n\n\n",
    "   indented code block\n\ntext",
    "```qasm {#a}\nh q;\n```",
    "```qasm {#a}\nh q;\n```\n```qasm {#b}\nx q;\n```\n",
    "text\r\n\r\n```qasm {#a}\r\nh q;\r\n```\r\n",
    "```qasm {#open}\nnever closed\n",
    "```python\nnot a cell\n```\n",
    "- a list\n\n  ```qasm {#nested}\n  h q;\n  ```\n",
  ])("round-trips %j", (text) => {
    expect(joinLesson(splitLesson(text))).toBe(text);
  });

  it("splits front matter, prose and cells with their ids and exercise flags", () => {
    const split = splitLesson(LESSON);
    expect(split.frontMatter.startsWith("---\nid: demo")).toBe(true);
    expect(split.frontMatter.endsWith("---")).toBe(true);
    expect(split.cells.map((c) => [c.kind, c.id, c.exercise])).toEqual([
      ["prose", null, false],
      ["qasm", "demo-a", false],
      ["prose", null, false],
      ["qasm", "demo-b", true],
      ["prose", null, false],
    ]);
    expect(split.cells[2].text).toBe("Middle prose,\ntwo lines.");
    expect(split.cells[1].text).toBe("```qasm {#demo-a}\nOPENQASM 3.0;\nqubit[1] q;\nh q[0];\n```");
  });

  it("leaves a non-cell fence inside prose", () => {
    const split = splitLesson("Intro\n\n```python\nprint(1)\n```\n\nmore\n");
    expect(split.cells).toHaveLength(1);
    expect(split.cells[0].kind).toBe("prose");
  });
});

describe("cell operations", () => {
  it("adds each kind of cell with a fresh id, and the result parses", () => {
    for (const kind of ["prose", "qasm", "experiment", "exercise"] as const) {
      const { lesson, index } = addCell(splitLesson(LESSON), 1, kind, "demo");
      expect(index).toBe(2);
      expect(lesson.cells[2].kind).toBe(kind === "exercise" ? "qasm" : kind);
      const text = joinLesson(lesson);
      const ids = parsedCells(text).map((c) => c.id);
      if (kind === "prose") {
        expect(ids).toEqual(["demo-a", "demo-b"]);
      } else {
        expect(ids).toEqual(["demo-a", "demo-cell-1", "demo-b"]);
        expect(parsedCells(text)[1].exercise).toBe(kind === "exercise");
        expect(parsedCells(text)[1].language).toBe(kind === "experiment" ? "experiment" : "qasm");
      }
      // The untouched parts are byte for byte what they were.
      expect(text.startsWith(LESSON.slice(0, LESSON.indexOf("\n\nMiddle")))).toBe(true);
      expect(text).toContain("Middle prose,\ntwo lines.\n\n```qasm {#demo-b exercise}");
      expect(joinLesson(splitLesson(text))).toBe(text);
    }
  });

  it("adds a cell first, right after the front matter, and last", () => {
    const first = joinLesson(addCell(splitLesson(LESSON), -1, "qasm", "demo").lesson);
    expect(first).toContain("---\n\n```qasm {#demo-cell-1}");
    expect(first).toContain("```\n\nIntro prose.");
    const last = joinLesson(addCell(splitLesson(LESSON), 4, "qasm", "demo").lesson);
    expect(
      last.endsWith(
        "Closing prose.\n\n```qasm {#demo-cell-1}\n" +
          'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nh q[0];\n```\n',
      ),
    ).toBe(true);
    expect(parsedCells(last).map((c) => c.id)).toEqual(["demo-a", "demo-b", "demo-cell-1"]);
  });

  it("adds to an empty body", () => {
    const empty = "---\nid: demo\n---\n";
    const text = joinLesson(addCell(splitLesson(empty), -1, "qasm", "demo").lesson);
    expect(text).toMatch(/^---\nid: demo\n---\n\n```qasm \{#demo-cell-1\}\n[\s\S]*\n```\n$/);
  });

  it("never reuses an id that appears anywhere in the lesson", () => {
    const text = LESSON.replace("Intro prose.", "See demo-cell-1 and demo-cell-2.");
    expect(freshCellId(splitLesson(text), "demo")).toBe("demo-cell-3");
  });

  it("moves a cell up and down, keeping the spacing in place", () => {
    const split = splitLesson(LESSON);
    const down = joinLesson(moveCell(split, 1, 1));
    expect(down).toContain("Intro prose.\n\nMiddle prose,\ntwo lines.\n\n```qasm {#demo-a}");
    expect(parsedCells(down).map((c) => c.id)).toEqual(["demo-a", "demo-b"]);
    const up = joinLesson(moveCell(split, 3, -1));
    expect(parsedCells(up).map((c) => c.id)).toEqual(["demo-a", "demo-b"]);
    expect(up).toContain(
      "```\n\n```qasm {#demo-b exercise}\nOPENQASM 3.0;\nqubit[1] q;\n```\n\nMiddle",
    );
    expect(joinLesson(moveCell(moveCell(split, 1, 1), 2, -1))).toBe(LESSON);
    expect(moveCell(split, 0, -1)).toBe(split);
    expect(moveCell(split, 4, 1)).toBe(split);
  });

  it("duplicates a cell with a new id, and prose as it is", () => {
    const split = splitLesson(LESSON);
    const text = joinLesson(duplicateCell(split, 3, "demo"));
    expect(parsedCells(text).map((c) => [c.id, c.exercise])).toEqual([
      ["demo-a", false],
      ["demo-b", true],
      ["demo-cell-1", true],
    ]);
    expect(parsedCells(text)[2].source).toBe(parsedCells(text)[1].source);
    const prose = joinLesson(duplicateCell(split, 0, "demo"));
    expect(prose).toContain("Intro prose.\n\nIntro prose.\n\n```qasm {#demo-a}");
  });

  it("deletes a cell, including the first one", () => {
    const split = splitLesson(LESSON);
    const text = joinLesson(deleteCell(split, 1));
    expect(text).toContain("Intro prose.\n\nMiddle prose,");
    expect(parsedCells(text).map((c) => c.id)).toEqual(["demo-b"]);
    const first = joinLesson(deleteCell(split, 0));
    expect(first).toMatch(/---\n\n```qasm \{#demo-a\}/);
    expect(deleteCell(split, 9)).toBe(split);
  });
});

describe("cellLines and cellAtLine", () => {
  it("locates each cell's lines in the joined text", () => {
    const split = splitLesson(LESSON);
    const lines = LESSON.split("\n");
    const ranges = cellLines(split);
    ranges.forEach((range, index) => {
      const cellLinesText = lines.slice(range.start - 1, range.end).join("\n");
      expect(cellLinesText).toBe(split.cells[index].text);
    });
  });

  it("maps a line to the cell on it or the next one", () => {
    const split = splitLesson(LESSON);
    const ranges = cellLines(split);
    expect(cellAtLine(split, 1)).toBe(0);
    expect(cellAtLine(split, ranges[1].start)).toBe(1);
    expect(cellAtLine(split, ranges[1].end)).toBe(1);
    expect(cellAtLine(split, ranges[1].end + 1)).toBe(2);
    expect(cellAtLine(split, 10_000)).toBe(4);
    expect(cellAtLine(splitLesson("---\nid: x\n---\n"), 3)).toBe(-1);
  });
});
