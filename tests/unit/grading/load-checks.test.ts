import { mkdtemp, rm, unlink, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadLessonChecks } from "@/lib/grading/load-checks";

/** A one-lesson course written to a temporary content root; each test rewrites a check file. */
let root: string;
const course = "tiny";
const file = (name: string) => path.join(root, "courses", course, name);

const LESSON = `---
id: tiny-lesson
title: Tiny
summary: A tiny lesson.
minutes: 10
skills: [basics]
objectives:
  - Learn one thing.
---

Intro.

## The Born rule

\`\`\`qasm {#demo}
OPENQASM 3.0;
qubit[1] q;
\`\`\`

### Try it

\`\`\`qasm {#make-one exercise}
OPENQASM 3.0;
include "stdgates.inc";
qubit[1] q;
\`\`\`
`;

const EXERCISES = `exercises:
  - cell: make-one
    title: Make a one
    goal: Prepare $|1\\rangle$.
    check:
      kind: state
      reference: |
        OPENQASM 3.0;
        include "stdgates.inc";
        qubit[1] q;
        x q[0];
      minFidelity: 0.99
    constraints:
      maxGates: 1
    hints:
      - Flip it.
    solutionAfter: 2
    solution: Use \`x\`.
    skills: [basics]
`;

const QUIZ = `id: tiny-quiz
questions:
  - id: pick
    type: single
    prompt: Pick b.
    options: [{ id: a, text: A }, { id: b, text: B }]
    answer: b
    explanation: Because.
    section: the-born-rule
  - id: order
    type: ordering
    prompt: Order them.
    items: [{ id: x, text: X }, { id: y, text: Y }]
    answer: [y, x]
    explanation: Because.
    section: try-it
  - id: close
    type: numeric
    prompt: How much?
    answer: { value: 0.5, tolerance: 0.1 }
    explanation: Because.
    section: try-it
skills: [basics]
`;

const load = () => loadLessonChecks(root, course, "01-tiny");
const write = (name: string, text: string) => writeFile(file(name), text);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ketbook-grading-"));
  await mkdir(path.join(root, "roadmap"), { recursive: true });
  await mkdir(path.join(root, "courses", course), { recursive: true });
  await writeFile(
    path.join(root, "roadmap", "skills.yaml"),
    "skills:\n  - id: basics\n    name: Basics\n    area: foundations\n    description: The basics.\n",
  );
  await write(
    "course.yaml",
    "id: tiny-course\ntitle: Tiny\nsummary: A tiny course.\nlevel: beginner\nlessons:\n  - 01-tiny\n",
  );
  await write("01-tiny.md", LESSON);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function withFiles(exercises: string | null, quiz: string | null) {
  for (const [name, text] of [
    ["01-tiny.exercises.yaml", exercises],
    ["01-tiny.quiz.yaml", quiz],
  ] as const) {
    if (text === null) await unlink(file(name)).catch(() => undefined);
    else await write(name, text);
  }
}

const EX = "courses/tiny/01-tiny.exercises.yaml";
const QZ = "courses/tiny/01-tiny.quiz.yaml";

describe("loadLessonChecks", () => {
  it("loads exercises with their starter code and the quiz with its default pass mark", async () => {
    await withFiles(EXERCISES, QUIZ);
    const checks = await load();
    expect(checks.exercises).toHaveLength(1);
    expect(checks.exercises[0]).toMatchObject({
      cell: "make-one",
      check: { kind: "state", minFidelity: 0.99 },
      constraints: { maxGates: 1 },
      starter: 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;',
    });
    expect(checks.quiz).toMatchObject({ id: "tiny-quiz", passMark: 0.7 });
    expect(checks.quiz!.questions.map((q) => q.id)).toEqual(["pick", "order", "close"]);
    expect(checks).toMatchObject({ exercisesFile: EX, quizFile: QZ });
  });

  it("reports an exercise naming an unknown skill at its line", async () => {
    await withFiles(EXERCISES.replace("skills: [basics]", "skills: [basics, entanglment]"), QUIZ);
    await expect(load()).rejects.toThrow(
      `${EX}:19: unknown skill "entanglment" (not in roadmap/skills.yaml)`,
    );
  });

  it("reports a quiz naming an unknown skill at its line", async () => {
    await withFiles(EXERCISES, QUIZ.replace("skills: [basics]", "skills:\n  - basics\n  - nope"));
    await expect(load()).rejects.toThrow(
      `${QZ}:25: unknown skill "nope" (not in roadmap/skills.yaml)`,
    );
  });

  it("reports an exercise or quiz without skills at its line", async () => {
    await withFiles(EXERCISES.replace("    skills: [basics]\n", ""), QUIZ);
    await expect(load()).rejects.toThrow(`${EX}:2: exercises.0.skills`);
    await withFiles(EXERCISES, QUIZ.replace("skills: [basics]\n", ""));
    await expect(load()).rejects.toThrow(`${QZ}:1: skills`);
  });

  it("refuses a skill that is not assessed here (it has `elsewhere`)", async () => {
    await writeFile(
      path.join(root, "roadmap", "skills.yaml"),
      "skills:\n  - id: basics\n    name: Basics\n    area: foundations\n    description: The basics.\n    elsewhere: Learn it elsewhere.\n",
    );
    try {
      await withFiles(EXERCISES, QUIZ);
      await expect(load()).rejects.toThrow(`${EX}:19: skill "basics" is not assessed here`);
    } finally {
      await writeFile(
        path.join(root, "roadmap", "skills.yaml"),
        "skills:\n  - id: basics\n    name: Basics\n    area: foundations\n    description: The basics.\n",
      );
    }
  });

  it("requires an exercises file when the lesson has exercise cells", async () => {
    await withFiles(null, QUIZ);
    await expect(load()).rejects.toThrow(
      `courses/tiny/01-tiny.md:22: exercise cell "make-one" has no check: ${EX} does not exist`,
    );
  });

  it("accepts a lesson without a quiz", async () => {
    await withFiles(EXERCISES, null);
    const checks = await load();
    expect(checks.quiz).toBeUndefined();
  });

  it.each([
    [
      "an unknown key",
      ["minFidelity: 0.99", "minFidelity: 0.99\n      color: red"],
      `${EX}:6: exercises.0.check: Unrecognized key: "color"`,
    ],
    [
      "a missing key",
      ["minFidelity: 0.99", "minFidelty: 0.99"],
      `${EX}:6: exercises.0.check.minFidelity: Invalid input: expected number, received undefined`,
    ],
    [
      "a cell that is not in the lesson",
      ["cell: make-one", "cell: make-two"],
      `${EX}:2: cell "make-two" is not in courses/tiny/01-tiny.md`,
    ],
    [
      "a cell that is not an exercise cell",
      ["cell: make-one", "cell: demo"],
      `${EX}:2: cell "demo" is not an exercise cell: write \`\`\`qasm {#demo exercise} in courses/tiny/01-tiny.md`,
    ],
    [
      "a reference that does not compile",
      ["x q[0];", "xx q[0];"],
      `${EX}:7: the check's reference program does not compile: reference:4:1: error: unknown gate \`xx\``,
    ],
    [
      "a distribution check with a state check's key",
      ["kind: state", 'kind: distribution\n      target: { "1": 1 }\n      maxDistance: 0.1'],
      `${EX}:6: exercises.0.check: Unrecognized key: "minFidelity"`,
    ],
    [
      "a fidelity above 1",
      ["minFidelity: 0.99", "minFidelity: 1.5"],
      `${EX}:12: exercises.0.check.minFidelity: Too big: expected number to be <=1`,
    ],
  ])("reports %s with its line", async (_, [from, to], message) => {
    await withFiles(EXERCISES.replace(from, to), QUIZ);
    const error = await load().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message.startsWith(message), error?.message).toBe(true);
  });

  it("requires exactly one of reference and target in a distribution check", async () => {
    const both = EXERCISES.replace(
      "kind: state",
      'kind: distribution\n      target: { "1": 1 }',
    ).replace("minFidelity: 0.99", "maxDistance: 0.1");
    await withFiles(both, QUIZ);
    await expect(load()).rejects.toThrow(
      `${EX}:6: exercises.0.check: a distribution check needs exactly one of \`reference\` and \`target\``,
    );
  });

  it("checks distribution targets", async () => {
    const distribution = EXERCISES.replace(
      /reference: \|[\s\S]*minFidelity: 0.99/,
      'target: { "0": 0.5, "11": 0.4 }\n      maxDistance: 0.05',
    ).replace("kind: state", "kind: distribution");
    await withFiles(distribution, QUIZ);
    await expect(load()).rejects.toThrow(
      `${EX}:7: exercises.0.check.target.11: outcome "11" has a different number of bits than "0"`,
    );
    await withFiles(distribution.replace('"11": 0.4', '"1": 0.4'), QUIZ);
    await expect(load()).rejects.toThrow(
      `${EX}:7: exercises.0.check.target: the target probabilities add up to 0.9, not 1`,
    );
    await withFiles(distribution.replace('"11": 0.4', '"1": 0.5'), QUIZ);
    await expect(load()).resolves.toBeDefined();
  });

  it.each([
    [
      "a section that is not a heading anchor",
      ["section: the-born-rule", "section: born-rule"],
      `${QZ}:9: section "born-rule" is not a ## or ### heading anchor of courses/tiny/01-tiny.md (anchors: the-born-rule, try-it)`,
    ],
    [
      "a duplicate question id",
      ["id: order", "id: pick"],
      `${QZ}:10: duplicate question id "pick"`,
    ],
    [
      "an answer that is not an option",
      ["answer: b", "answer: c"],
      `${QZ}:7: answer "c" is not an option id (a, b)`,
    ],
    [
      "a duplicate option id",
      ["{ id: b, text: B }", "{ id: a, text: B }"],
      `${QZ}:6: duplicate option id "a"`,
    ],
    [
      "an ordering answer that is not a permutation",
      ["answer: [y, x]", "answer: [y, y]"],
      `${QZ}:14: the answer must list every item id exactly once (x, y)`,
    ],
    [
      "a negative tolerance",
      ["tolerance: 0.1", "tolerance: -0.1"],
      `${QZ}:20: questions.2.answer.tolerance: Too small: expected number to be >=0`,
    ],
    [
      "an unknown question type",
      ["type: single", "type: choice"],
      `${QZ}:4: questions.0.type: Invalid discriminator value. Expected 'single' | 'multiple' | 'truefalse' | 'numeric' | 'text' | 'ordering' | 'circuit'`,
    ],
  ])("reports %s with its line", async (_, [from, to], message) => {
    await withFiles(EXERCISES, QUIZ.replace(from, to));
    await expect(load()).rejects.toThrow(message);
  });

  it("reports a lesson that does not exist", async () => {
    await expect(loadLessonChecks(root, course, "02-none")).rejects.toThrow(
      "courses/tiny/02-none.md:1: no lesson 02-none in the course in courses/tiny",
    );
  });
});
