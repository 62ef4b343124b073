/**
 * Starting points for authors: a YAML snippet for every exercise check kind and every quiz
 * question type of lib/grading/schemas.ts, whole new check files, and a new lesson. Each is valid
 * as written (tests/unit/studio/templates.test.ts loads them through the real schemas and
 * cross-checks), so an author edits working examples instead of a blank page.
 *
 * Snippets are list items indented for the `exercises:` / `questions:` list of their file, so
 * one can be pasted at the end of the file as it is.
 */
import type { CheckKind, QuestionType } from "@/lib/grading/schemas";

export interface TemplateContext {
  /** The exercise cell an exercise snippet grades. */
  readonly cellId: string;
  /** A question id the quiz does not use yet. */
  readonly questionId: string;
  /** A ##/### anchor of the lesson, the section a question sends a learner back to. */
  readonly section: string;
  /** Skill ids the exercise or quiz evidences. */
  readonly skills: readonly string[];
}

export interface Template {
  readonly label: string;
  readonly text: string;
}

const BELL_REFERENCE = [
  "OPENQASM 3.0;",
  'include "stdgates.inc";',
  "qubit[2] q;",
  "h q[0];",
  "cx q[0], q[1];",
];

/** `reference: |` followed by the program, indented for an exercise's check block. */
function block(key: string, lines: readonly string[], indent: string): string {
  return `${indent}${key}: |\n${lines.map((line) => `${indent}  ${line}`).join("\n")}`;
}

const CHECK = "      ";

/** An experiment reference: a spec, `---`, then the circuit; the check fixes data and seed. */
const TRAIN_REFERENCE = [
  "experiment: train",
  "data: { set: circles, samples: 80, test: 0.25, seed: 5, scale: [0, 3.14159] }",
  "features: [x0, x1]",
  "weights: w",
  "bias: true",
  "init: { seed: 1, scale: 0.5 }",
  "observable: Z0",
  "loss: square",
  "optimizer: { kind: adam, stepSize: 0.1 }",
  "steps: 40",
  "batch: 16",
  "seed: 3",
  "---",
  "OPENQASM 3.0;",
  'include "stdgates.inc";',
  "input float x0; input float x1;",
  "input float w0; input float w1; input float w2; input float w3;",
  "qubit[2] q;",
  "ry(x0) q[0]; ry(x1) q[1];",
  "ry(w0) q[0]; ry(w1) q[1]; rz(w2) q[0]; rz(w3) q[1];",
  "cx q[1], q[0];",
];

const MINIMISE_CIRCUIT = [
  "---",
  "OPENQASM 3.0;",
  'include "stdgates.inc";',
  "input float t0; input float t1; input float t2; input float t3;",
  "qubit[2] q;",
  "x q[0];",
  "ry(t0) q[0]; ry(t1) q[1];",
  "cx q[0], q[1];",
  "ry(t2) q[0]; ry(t3) q[1];",
];

const ENERGY_REFERENCE = [
  "experiment: minimise",
  "hamiltonian: { molecule: h2, bondLength: 0.735 }",
  "weights: t",
  "init: { seed: 1, scale: 0.1 }",
  "optimizer: { kind: adam, stepSize: 0.1 }",
  "steps: 80",
  "seed: 3",
  ...MINIMISE_CIRCUIT,
];

const RATIO_REFERENCE = [
  "experiment: minimise",
  "hamiltonian: { maxcut: ring-6 }",
  "weights: a",
  "init: { seed: 1, scale: 0.3 }",
  "optimizer: { kind: adam, stepSize: 0.1 }",
  "steps: 60",
  "seed: 3",
  "---",
  "OPENQASM 3.0;",
  'include "stdgates.inc";',
  "gate rzz(theta) a, b {",
  "  cx a, b;",
  "  rz(theta) b;",
  "  cx a, b;",
  "}",
  "input float a0; input float a1;",
  "qubit[6] q;",
  "h q;",
  "rzz(2*a0) q[0], q[1];",
  "rzz(2*a0) q[1], q[2];",
  "rzz(2*a0) q[2], q[3];",
  "rzz(2*a0) q[3], q[4];",
  "rzz(2*a0) q[4], q[5];",
  "rzz(2*a0) q[5], q[0];",
  "rx(2*a1) q;",
];

const GRADIENT_REFERENCE = [
  "OPENQASM 3.0;",
  'include "stdgates.inc";',
  "input float x;",
  "qubit[1] q;",
  "ry(pi/2) q[0];",
  "ry(x) q[0];",
];

/** The lines of each check kind's `check:` block (indented under it). */
const CHECK_BODIES: Record<CheckKind, { label: string; lines: string }> = {
  state: {
    label: "State check (fidelity with a reference state)",
    lines: [
      `${CHECK}kind: state`,
      block("reference", BELL_REFERENCE, CHECK),
      `${CHECK}minFidelity: 0.99`,
    ].join("\n"),
  },
  unitary: {
    label: "Unitary check (the circuit as a whole)",
    lines: [
      `${CHECK}kind: unitary`,
      block("reference", BELL_REFERENCE, CHECK),
      `${CHECK}minFidelity: 0.99`,
    ].join("\n"),
  },
  distribution: {
    label: "Distribution check (measurement outcomes)",
    lines: [
      `${CHECK}kind: distribution`,
      `${CHECK}target: { "00": 0.5, "11": 0.5 }`,
      `${CHECK}maxDistance: 0.05`,
    ].join("\n"),
  },
  expectation: {
    label: "Expectation check (an observable's value)",
    lines: [
      `${CHECK}kind: expectation`,
      `${CHECK}observable: "Z0*Z1"`,
      `${CHECK}target: 1`,
      `${CHECK}tolerance: 0.05`,
      block("reference", BELL_REFERENCE, CHECK),
    ].join("\n"),
  },
  accuracy: {
    label: "Accuracy check (experiment: a trained classifier)",
    lines: [
      `${CHECK}kind: accuracy`,
      `${CHECK}data: { set: circles, samples: 80, test: 0.25, seed: 5 }`,
      `${CHECK}seed: 3`,
      `${CHECK}minTestAccuracy: 0.9`,
      block("reference", TRAIN_REFERENCE, CHECK),
    ].join("\n"),
  },
  energy: {
    label: "Energy check (experiment: a minimised molecule)",
    lines: [
      `${CHECK}kind: energy`,
      `${CHECK}seed: 3`,
      `${CHECK}tolerance: 0.0016`,
      block("reference", ENERGY_REFERENCE, CHECK),
    ].join("\n"),
  },
  ratio: {
    label: "Ratio check (experiment: a MaxCut approximation ratio)",
    lines: [
      `${CHECK}kind: ratio`,
      `${CHECK}seed: 3`,
      `${CHECK}minRatio: 0.8`,
      block("reference", RATIO_REFERENCE, CHECK),
    ].join("\n"),
  },
  gradient: {
    label: "Gradient check (an exact derivative)",
    lines: [
      `${CHECK}kind: gradient`,
      `${CHECK}at: { x: 0 }`,
      `${CHECK}input: x`,
      `${CHECK}observable: Z0`,
      `${CHECK}expected: -1`,
      `${CHECK}tolerance: 0.05`,
      block("reference", GRADIENT_REFERENCE, CHECK),
    ].join("\n"),
  },
};

export const CHECK_KINDS = Object.keys(CHECK_BODIES) as CheckKind[];

function skillList(skills: readonly string[]): string {
  return `[${skills.join(", ")}]`;
}

/** One entry of an exercises file's `exercises:` list, grading cell `cellId` with `kind`. */
export function exerciseTemplate(kind: CheckKind, context: TemplateContext): Template {
  const body = CHECK_BODIES[kind];
  const text = [
    `  - cell: ${context.cellId}`,
    `    title: A short title for the exercise`,
    `    goal: >-`,
    `      Say what the learner must build, and what the check compares.`,
    `    skills: ${skillList(context.skills)}`,
    `    check:`,
    body.lines,
    `    hints:`,
    `      - A first nudge that names the idea, not the answer.`,
    `      - A second, more specific hint.`,
    `    solutionAfter: 2`,
    `    solution: |`,
    `      Explain the answer, with the worked code in a fence.`,
  ].join("\n");
  return { label: body.label, text: text + "\n" };
}

const OPTIONS = [
  "    options:",
  "      - id: a",
  "        text: The first option",
  "      - id: b",
  "        text: The second option",
  "      - id: c",
  "        text: The third option",
].join("\n");

const ANSWERS: Record<QuestionType, { label: string; lines: string }> = {
  single: { label: "Single choice", lines: `${OPTIONS}\n    answer: a` },
  multiple: { label: "Multiple choice", lines: `${OPTIONS}\n    answer: [a, c]` },
  truefalse: { label: "True or false", lines: "    answer: false" },
  numeric: { label: "Numeric answer", lines: "    answer: { value: 0.5, tolerance: 0.005 }" },
  text: { label: "Short text answer", lines: '    answer: ["born rule", "the born rule"]' },
  ordering: {
    label: "Put in order",
    lines: [
      "    items:",
      "      - id: prepare",
      "        text: Prepare the qubits",
      "      - id: entangle",
      "        text: Apply the gates",
      "      - id: measure",
      "        text: Measure",
      "    answer: [prepare, entangle, measure]",
    ].join("\n"),
  },
  circuit: {
    label: "Circuit to build (graded by a check)",
    lines: [
      "    starter: |",
      "      OPENQASM 3.0;",
      '      include "stdgates.inc";',
      "      qubit[1] q;",
      "      bit[1] c;",
      "      c[0] = measure q[0];",
      '    check: { kind: distribution, target: { "1": 1.0 }, maxDistance: 0.05 }',
    ].join("\n"),
  },
};

export const QUESTION_TYPES = Object.keys(ANSWERS) as QuestionType[];

/** One entry of a quiz file's `questions:` list. */
export function questionTemplate(type: QuestionType, context: TemplateContext): Template {
  const answer = ANSWERS[type];
  const text = [
    `  - id: ${context.questionId}`,
    `    type: ${type}`,
    `    prompt: Ask one clear question about this lesson.`,
    answer.lines,
    `    explanation: Say why the answer is right, and what the usual wrong answer misses.`,
    `    section: ${context.section}`,
  ].join("\n");
  return { label: answer.label, text: text + "\n" };
}

/** A whole `NN-slug.exercises.yaml` with one state-check exercise. */
export function newExercisesFile(context: TemplateContext): string {
  return `exercises:\n${exerciseTemplate("state", context).text}`;
}

/** A whole `NN-slug.quiz.yaml` with one single-choice question. */
export function newQuizFile(quizId: string, context: TemplateContext): string {
  return [
    `id: ${quizId}`,
    `skills: ${skillList(context.skills)}`,
    `passMark: 0.7`,
    `questions:`,
    questionTemplate("single", context).text,
  ].join("\n");
}

/** A new lesson `NN-slug.md`: front matter, a section, prose and one runnable cell. */
export function newLessonText(lesson: {
  id: string;
  title: string;
  skills: readonly string[];
  cellId: string;
}): string {
  return `---
id: ${lesson.id}
title: ${lesson.title}
summary: One or two sentences on what the learner will be able to do.
minutes: 15
skills: ${skillList(lesson.skills)}
objectives:
  - Something the learner can do after this lesson.
---

Start with why this matters, in a few sentences.

## First steps

Explain one idea, then let the learner run it. Math works inline, $|\\psi\\rangle$, and in blocks.

\`\`\`qasm {#${lesson.cellId}}
OPENQASM 3.0;
include "stdgates.inc";
qubit[1] q;
h q[0];
\`\`\`
`;
}
