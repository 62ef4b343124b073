import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadLessonChecks, type LessonChecks } from "@/lib/grading/load-checks";
import { publicQuiz } from "@/lib/grading/public-quiz";
import { lessonToIpynb, type IpynbJson } from "@/lib/notebook/ipynb";
import { lessonFromIpynb } from "@/lib/notebook/ipynb-import";
import { loadContent, type ContentLibrary } from "@/lib/notebook/load-content";
import { notebookCode } from "@/lib/tasks/export-code";

/**
 * The .ipynb download of every shipped lesson, built as the download route builds it: every
 * cell converts (slider cells included), every code cell is valid Python, each exercise's goal
 * stands above its cell, and the quiz is there without a single answer or explanation; and
 * imported back, each notebook gives the lesson file byte for byte.
 */
const CONTENT = path.join(process.cwd(), "content");
const URL_BASE = "https://ketbook.example/learn/qml-foundations";

let library: ContentLibrary;
const notebooks = new Map<string, { notebook: IpynbJson; checks: LessonChecks }>();
const scratch = mkdtempSync(path.join(tmpdir(), "ketbook-ipynb-"));

beforeAll(async () => {
  library = await loadContent(CONTENT);
  for (const lesson of library.lessons.values()) {
    const [, dir, file] = lesson.meta.file.split(path.sep);
    const checks = await loadLessonChecks(CONTENT, dir, file.replace(/\.md$/, ""), { library });
    const cells = Object.fromEntries(
      lesson.blocks.flatMap((b) =>
        b.kind === "code" ? [[b.id, { source: b.source, language: b.language }]] : [],
      ),
    );
    const translated = notebookCode({ cells });
    const notebook = lessonToIpynb(lesson, {
      toQiskit: (_source, cellId) => translated[cellId],
      url: `${URL_BASE}/${lesson.meta.slug}`,
      exercises: checks.exercises,
      quiz: checks.quiz ? publicQuiz(checks.quiz) : undefined,
    });
    notebooks.set(lesson.meta.slug, { notebook, checks });
  }
}, 240_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const text = (cell: { source: string[] }) => cell.source.join("");

describe("lesson notebooks", () => {
  it("translate every cell, slider cells included, to Python that compiles", () => {
    expect(notebooks.size).toBeGreaterThan(10);
    let sliderCells = 0;
    let refusedForNoise = 0;
    const files: string[] = [];
    for (const [slug, { notebook }] of notebooks) {
      for (const cell of notebook.cells.filter((c) => c.cell_type === "code")) {
        const code = text(cell);
        // The one refusal: an experiment under a noise model (exported scripts simulate without
        // noise). It says so, and still loads the cell's circuit, not its spec.
        if (/could not translate/.test(code)) {
          expect(code, `${slug}/${cell.id}`).toMatch(/noise model .* is not exported/);
          expect(code).toMatch(/qasm3\.loads\("OPENQASM 3\.0;/);
          refusedForNoise++;
        }
        if (code.startsWith("%pip")) continue;
        if (/= Parameter\(/.test(code)) sliderCells++;
        const file = path.join(scratch, `${slug}-${cell.id}.py`);
        writeFileSync(file, code);
        files.push(file);
      }
    }
    // py_compile exits non-zero (naming the file and line) on any syntax error.
    execFileSync("python3", ["-m", "py_compile", ...files], { stdio: "pipe" });
    // The course's slider cells are written with parameters, bound where the script runs them.
    expect(sliderCells).toBeGreaterThan(0);
    expect(refusedForNoise).toBeLessThanOrEqual(1);
  }, 120_000);

  it("bind a slider cell's inputs to its // @range defaults, as parameters", () => {
    const { notebook } = [...notebooks.values()].find(({ notebook }) =>
      notebook.cells.some((c) =>
        /@range/.test(String((c.metadata.ketbook as { openqasm?: string })?.openqasm)),
      ),
    )!;
    const cell = notebook.cells.find((c) =>
      /@range/.test(String((c.metadata.ketbook as { openqasm?: string })?.openqasm)),
    )!;
    const source = (cell.metadata.ketbook as { openqasm: string }).openqasm;
    const [, name, , , value] = /\/\/\s*@range\s+(\w+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(source)!;
    const code = text(cell);
    expect(code).toContain(`${name} = Parameter("${name}")`);
    expect(code).toMatch(new RegExp(`assign_parameters\\(\\{[^}]*${name}: `));
    const bound = new RegExp(`${name}: ([-0-9.e]+)`).exec(code)![1];
    expect(Number(bound)).toBeCloseTo(
      Number(value.replace(/\*?pi/, "")) * (/pi/.test(value) ? Math.PI : 1),
      9,
    );
  });

  it("put each exercise's title and goal above its cell", () => {
    let exercises = 0;
    for (const { notebook, checks } of notebooks.values()) {
      for (const exercise of checks.exercises) {
        const at = notebook.cells.findIndex((c) => c.id === exercise.cell);
        const goal = notebook.cells[at - 1];
        expect(goal.cell_type).toBe("markdown");
        expect(text(goal)).toContain(`### Exercise: ${exercise.title}`);
        expect(text(goal)).toContain(exercise.goal.trim().split("\n")[0]);
        exercises++;
      }
    }
    expect(exercises).toBeGreaterThan(10);
  });

  it("end with the quiz's prompts and options, and none of its answers", () => {
    for (const [slug, { notebook, checks }] of notebooks) {
      if (!checks.quiz) continue;
      const quiz = text(notebook.cells.at(-1)!);
      expect(quiz, slug).toMatch(/^## Check your understanding/);
      for (const question of checks.quiz.questions) {
        expect(quiz).toContain(question.prompt.trim().split("\n")[0]);
        expect(quiz).not.toContain(question.explanation.trim().split("\n")[0]);
      }
      expect(JSON.stringify(notebook)).not.toMatch(/"(answer|explanation|check)"/);
    }
  });

  it("import back to their lesson files, byte for byte", () => {
    expect(notebooks.size).toBe(library.lessons.size);
    for (const [slug, { notebook, checks }] of notebooks) {
      // As a file: what Jupyter would read.
      const json: unknown = JSON.parse(JSON.stringify(notebook, null, 1));
      const { markdown } = lessonFromIpynb(json, { slug, skills: [] });
      const original = readFileSync(path.join(CONTENT, checks.lesson.meta.file), "utf8");
      expect(markdown, checks.lesson.meta.file).toBe(original);
    }
  });
});
