import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * A small content root for grading tests, written to a temporary folder:
 * - `tiny-course/tiny-lesson` (skills basics and measurement): exercise `make-one` (prepare |1⟩),
 *   exercise `broken-check` (a unitary check whose reference measures mid-circuit: it loads, but
 *   grading it fails on our side), and a two-question quiz (`pick` answer b, `flip` true);
 * - `tiny-course/faulty-lesson`: a quiz whose circuit question has the same broken check;
 * - `tiny-course/broken-lesson`: a quiz file that is not valid YAML (line 3);
 * - `tiny-course/plain-lesson`: no check files at all.
 */
export const GRADING_COURSE = "tiny-course";

const lesson = (id: string, body: string) => `---
id: ${id}
title: ${id}
summary: A lesson for grading tests.
minutes: 10
skills: [basics, measurement]
objectives:
  - Learn one thing.
---

Intro.

## The Born rule

Text.

### Try it

${body}
`;

const qasm = (id: string, body: string) =>
  "```qasm {#" + id + '}\nOPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\n' + body + "```\n";

const BROKEN_CHECK = `kind: unitary
      reference: |
        OPENQASM 3.0;
        include "stdgates.inc";
        qubit[1] q;
        bit[1] c;
        c[0] = measure q[0];
        x q[0];
      minFidelity: 0.99`;

const EXERCISES = `exercises:
  - cell: make-one
    skills: [basics]
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
    hints:
      - Flip it.
      - With x.
    solutionAfter: 2
    solution: Use \`x\`.
  - cell: broken-check
    skills: [basics]
    title: Broken
    goal: Anything.
    check:
      ${BROKEN_CHECK}
    hints: []
    solutionAfter: 1
    solution: None.
`;

const QUIZ = `id: tiny-quiz
skills: [measurement]
passMark: 1
questions:
  - id: pick
    type: single
    prompt: Pick b.
    options: [{ id: a, text: A }, { id: b, text: B }]
    answer: b
    explanation: Because b.
    section: the-born-rule
  - id: flip
    type: truefalse
    prompt: True?
    answer: true
    explanation: Because true.
    section: try-it
`;

const FAULTY_QUIZ = `id: faulty-quiz
skills: [basics]
questions:
  - id: circuit
    type: circuit
    prompt: Anything.
    starter: |
      OPENQASM 3.0;
      qubit[1] q;
    check:
      ${BROKEN_CHECK}
    explanation: None.
    section: try-it
`;

/** Writes the content root and returns its path (set it as KETBOOK_CONTENT_DIR). */
export async function writeGradingContent(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "ketbook-grading-service-"));
  const dir = path.join(root, "courses", "tiny");
  await mkdir(path.join(root, "roadmap"), { recursive: true });
  await mkdir(dir, { recursive: true });
  const skill = (id: string) =>
    `  - id: ${id}\n    name: ${id}\n    area: foundations\n    description: ${id}.\n    prerequisites: []\n`;
  await writeFile(
    path.join(root, "roadmap", "skills.yaml"),
    `skills:\n${skill("basics")}${skill("measurement")}`,
  );
  const files: Record<string, string> = {
    "course.yaml": `id: ${GRADING_COURSE}\ntitle: Tiny\nsummary: A tiny course.\nlevel: beginner\nlessons:\n  - 01-tiny\n  - 02-faulty\n  - 03-broken\n  - 04-plain\n`,
    "01-tiny.md": lesson(
      "tiny-lesson",
      `${qasm("demo", "h q[0];\n")}\n${qasm("make-one exercise", "")}\n${qasm("broken-check exercise", "")}`,
    ),
    "01-tiny.exercises.yaml": EXERCISES,
    "01-tiny.quiz.yaml": QUIZ,
    "02-faulty.md": lesson("faulty-lesson", qasm("faulty-demo", "h q[0];\n")),
    "02-faulty.quiz.yaml": FAULTY_QUIZ,
    "03-broken.md": lesson("broken-lesson", qasm("broken-demo", "h q[0];\n")),
    "03-broken.quiz.yaml": "id: broken-quiz\nquestions:\n  - id: [unclosed\n",
    "04-plain.md": lesson("plain-lesson", qasm("plain-demo", "h q[0];\n")),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return root;
}
