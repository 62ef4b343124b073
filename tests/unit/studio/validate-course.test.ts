import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { readCourseDirectory } from "@/lib/studio/course-tree";
import { validateCourseTree, verifyExerciseReferences } from "@/lib/studio/validate-course";

const CONTENT = path.join(process.cwd(), "content");
const skillsText = readFileSync(path.join(CONTENT, "roadmap/skills.yaml"), "utf8");

/** A one-lesson course with one exercise (prepare |1⟩) and a quiz with one circuit question. */
const COURSE_YAML = `id: tiny-course
title: A tiny course
summary: One lesson, one exercise.
level: beginner
lessons:
  - 01-flip
`;

const LESSON = `---
id: tiny-flip
title: Flipping a qubit
summary: The X gate.
minutes: 5
skills: [qubits-superposition]
objectives:
  - Flip a qubit.
---

## Flip

The X gate turns $|0\\rangle$ into $|1\\rangle$.

\`\`\`qasm {#tiny-flip-exercise exercise}
OPENQASM 3.0;
include "stdgates.inc";
qubit[1] q;
// Prepare |1⟩.
\`\`\`
`;

const exercises = (reference: string) => `exercises:
  - cell: tiny-flip-exercise
    skills: [qubits-superposition]
    title: Flip
    goal: Prepare $|1\\rangle$.
    check:
      kind: state
      reference: |
${reference
  .split("\n")
  .map((line) => (line ? `        ${line}` : ""))
  .join("\n")}
      minFidelity: 0.99
    hints: []
    solutionAfter: 1
    solution: Apply \`x q[0];\`.
`;

const FLIP = `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nx q[0];\n`;

const QUIZ = `id: tiny-quiz
skills: [qubits-superposition]
questions:
  - id: tiny-circuit
    type: circuit
    prompt: Prepare |1⟩.
    explanation: X flips.
    section: flip
    starter: |
      OPENQASM 3.0;
      include "stdgates.inc";
      qubit[1] q;
      x q[0];
    check:
      kind: state
      reference: |
        OPENQASM 3.0;
        include "stdgates.inc";
        qubit[1] q;
        x q[0];
      minFidelity: 0.99
`;

function tinyCourse(overrides: Record<string, string | undefined> = {}): Map<string, string> {
  const files: Record<string, string | undefined> = {
    "course.yaml": COURSE_YAML,
    "01-flip.md": LESSON,
    "01-flip.exercises.yaml": exercises(FLIP),
    "notes.txt": "kept verbatim, never read",
    ...overrides,
  };
  return new Map(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}

const lineOf = (text: string, needle: string) =>
  text.split("\n").findIndex((line) => line.includes(needle)) + 1;

const validate = (tree: Map<string, string>, expectedCourseId?: string) =>
  validateCourseTree(tree, { dirName: "tiny", skillsText, expectedCourseId });

describe("validateCourseTree", () => {
  it("accepts the built-in course, references verified", async () => {
    const tree = await readCourseDirectory(path.join(CONTENT, "courses/qml-foundations"));
    const started = performance.now();
    const result = await validateCourseTree(tree, {
      dirName: "qml-foundations",
      skillsText,
      expectedCourseId: "qml-foundations",
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(`validated the built-in course with every reference graded in ${seconds} s`);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.library.courses.map((c) => c.id)).toEqual(["qml-foundations"]);
    expect(result.checks).toHaveLength(result.library.courses[0].lessons.length);
    expect(result.checks.flatMap((c) => c.exercises).length).toBeGreaterThan(30);
  }, 240_000);

  it("accepts a small course and returns its library and checks", async () => {
    const result = await validate(tinyCourse(), "tiny-course");
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.checks[0].exercises.map((e) => e.cell)).toEqual(["tiny-flip-exercise"]);
  });

  it("locates a broken lesson in its file", async () => {
    const broken = LESSON.replace("{#tiny-flip-exercise exercise}", "{#Tiny_Flip}");
    expect(await validate(tinyCourse({ "01-flip.md": broken }))).toEqual({
      ok: false,
      problems: [
        {
          file: "01-flip.md",
          line: lineOf(broken, "```qasm"),
          message:
            "a qasm cell needs a stable id: write ```qasm {#cell-id} (or {#cell-id exercise})",
        },
      ],
    });
  });

  it("locates a bad front-matter value on its line", async () => {
    const broken = LESSON.replace("minutes: 5", "minutes: many");
    const result = await validate(tinyCourse({ "01-flip.md": broken }));
    expect(result).toMatchObject({
      ok: false,
      problems: [{ file: "01-flip.md", line: lineOf(broken, "minutes:") }],
    });
  });

  it("names lesson files by their course file name, not their path", async () => {
    const course = COURSE_YAML.replace("  - 01-flip\n", "  - 01-flip\n  - 02-missing\n");
    expect(await validate(tinyCourse({ "course.yaml": course }))).toEqual({
      ok: false,
      problems: [
        {
          file: "course.yaml",
          line: lineOf(course, "02-missing"),
          message: "lesson file 02-missing.md does not exist",
        },
      ],
    });
  });

  it("locates a broken exercise file", async () => {
    const broken = exercises(FLIP).replace("cell: tiny-flip-exercise", "cell: no-such-cell");
    expect(await validate(tinyCourse({ "01-flip.exercises.yaml": broken }))).toEqual({
      ok: false,
      problems: [
        {
          file: "01-flip.exercises.yaml",
          line: lineOf(broken, "cell: no-such-cell"),
          message: 'cell "no-such-cell" is not in 01-flip.md',
        },
      ],
    });
    const unknownKey = exercises(FLIP).replace(
      "minFidelity: 0.99",
      "minFidelity: 0.99\n      fidelity: 1",
    );
    const result = await validate(tinyCourse({ "01-flip.exercises.yaml": unknownKey }));
    expect(result).toMatchObject({ ok: false, problems: [{ file: "01-flip.exercises.yaml" }] });
  });

  it("locates an exercise cell with no exercises file on the cell", async () => {
    const result = await validate(tinyCourse({ "01-flip.exercises.yaml": undefined }));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: "01-flip.md",
          line: lineOf(LESSON, "```qasm"),
          message:
            'exercise cell "tiny-flip-exercise" has no check: 01-flip.exercises.yaml does not exist',
        },
      ],
    });
  });

  it("refuses a course id other than the expected one, on course.yaml's id line", async () => {
    const renamed = `# A comment first\n${COURSE_YAML.replace("id: tiny-course", "id: other-course")}`;
    expect(await validate(tinyCourse({ "course.yaml": renamed }), "tiny-course")).toEqual({
      ok: false,
      problems: [
        {
          file: "course.yaml",
          line: 2,
          message:
            'the course id is "other-course" but this course is "tiny-course": a course keeps its id, since learners\' progress is stored under it',
        },
      ],
    });
  });

  it("refuses a tree with no course.yaml, or a bad file name", async () => {
    expect(await validate(new Map([["01-flip.md", LESSON]]))).toEqual({
      ok: false,
      problems: [{ file: "course.yaml", line: 1, message: "the course has no course.yaml" }],
    });
    const result = await validate(tinyCourse({ "Notes.TXT": "x" }));
    expect(result).toMatchObject({ ok: false, problems: [{ file: "Notes.TXT", line: 1 }] });
  });
});

describe("verifyExerciseReferences", () => {
  it("flags an exercise whose worked program fails its own check, on the solution", async () => {
    // The worked solution's program uses three qubits where the exercise allows one.
    const file = exercises(FLIP).replace(
      "    hints: []",
      "    constraints:\n      maxQubits: 1\n    hints: []",
    );
    const wide = FLIP.replace("qubit[1] q;", "qubit[3] q;");
    const broken = file.replace(
      "    solution: Apply `x q[0];`.",
      `    solution: |\n${["```qasm", ...wide.trimEnd().split("\n"), "```"].map((l) => `      ${l}`).join("\n")}`,
    );
    const result = await validate(tinyCourse({ "01-flip.exercises.yaml": broken }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      file: "01-flip.exercises.yaml",
      line: lineOf(broken, "solution: |"),
    });
    expect(result.problems[0].message).toMatch(
      /^exercise "tiny-flip-exercise": a program of the worked solution does not pass its own check: .*3 qubits/,
    );
  });

  it("flags an exercise whose starter already passes, on the exercise", async () => {
    const solved = LESSON.replace("// Prepare |1⟩.", "x q[0];");
    const tree = tinyCourse({ "01-flip.md": solved });
    const result = await validateCourseTree(tree, {
      dirName: "tiny",
      skillsText,
      verifyReferences: false,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = tree.get("01-flip.exercises.yaml")!;
    expect(verifyExerciseReferences(result.checks, tree)).toEqual([
      {
        file: "01-flip.exercises.yaml",
        line: lineOf(text, "- cell: tiny-flip-exercise"),
        message:
          'exercise "tiny-flip-exercise": the starter code already passes the check; the learner would have nothing to do',
      },
    ]);
    expect(await validate(tree)).toMatchObject({ ok: false, problems: [{ line: 2 }] });
  });

  it("flags a reference that misses the target, and a starter that does not compile", async () => {
    // ⟨Z0⟩ = 1 is |0⟩, but the reference flips the qubit to ⟨Z0⟩ = −1.
    const file = exercises(FLIP)
      .replace(
        "      minFidelity: 0.99",
        '      observable: "Z0"\n      target: 1\n      tolerance: 0.01',
      )
      .replace("kind: state", "kind: expectation");
    const broken = LESSON.replace("// Prepare |1⟩.", "x q[5];");
    const tree = tinyCourse({ "01-flip.md": broken, "01-flip.exercises.yaml": file });
    const result = await validate(tree);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.file, p.line])).toEqual([
      ["01-flip.exercises.yaml", lineOf(file, "reference: |")],
      ["01-flip.exercises.yaml", lineOf(file, "- cell:")],
    ]);
    expect(result.problems[0].message).toMatch(
      /^exercise "tiny-flip-exercise": the check's reference does not pass its own check: /,
    );
    expect(result.problems[1].message).toMatch(/the starter code does not compile: .*line 4/);
  });

  it("checks a quiz's circuit questions the same way", async () => {
    const tree = tinyCourse({ "01-flip.quiz.yaml": QUIZ });
    const result = await validate(tree);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: "01-flip.quiz.yaml",
          line: lineOf(QUIZ, "- id: tiny-circuit"),
          message:
            'question "tiny-circuit": the starter code already passes the check; the learner would have nothing to do',
        },
      ],
    });
  });

  it("asks for a worked program when an exercise has none", async () => {
    const file = exercises(FLIP)
      .replace(
        / {6}kind: state\n {6}reference: \|\n(?: {8}.*\n)+/,
        '      kind: distribution\n      target: { "1": 1 }\n',
      )
      .replace("minFidelity: 0.99", "maxDistance: 0.01")
      .replace("    hints: []", "    constraints:\n      allowedGates: [x]\n    hints: []");
    const result = await validate(tinyCourse({ "01-flip.exercises.yaml": file }));
    expect(result).toMatchObject({
      ok: false,
      problems: [{ file: "01-flip.exercises.yaml", line: lineOf(file, "kind: distribution") }],
    });
    if (!result.ok) expect(result.problems[0].message).toMatch(/has no worked program to verify/);
  });

  it("stops at its time budget and says which exercise was not verified", async () => {
    const tree = tinyCourse({ "01-flip.quiz.yaml": QUIZ });
    const result = await validateCourseTree(tree, {
      dirName: "tiny",
      skillsText,
      verifyReferences: false,
    });
    if (!result.ok) throw new Error("the course should load");
    // A clock a second further on each time it is read: the exercise is graded, then the
    // budget (1.5 s) is spent before the quiz question.
    let clock = 0;
    const now = () => (clock += 1000) - 1000;
    const problems = verifyExerciseReferences(result.checks, tree, { budgetMs: 1500, now });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: "01-flip.quiz.yaml",
      line: lineOf(QUIZ, "- id: tiny-circuit"),
    });
    expect(problems[0].message).toMatch(
      /^question "tiny-circuit" and the ones after it were not verified: grading the course's checks took more than 1.5 s/,
    );
  });
});
