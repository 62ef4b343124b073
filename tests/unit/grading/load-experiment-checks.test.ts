import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadLessonChecks } from "@/lib/grading/load-checks";

/**
 * Experiment checks in an exercises file: matched to the language of their cell, their
 * reference parsed and of the right kind, their data tried on the reference — each mistake
 * reported with the file and line to fix.
 */
let root: string;
const file = (name: string) => path.join(root, "courses", "lab", name);
const EX = "courses/lab/01-lab.exercises.yaml";

const SCAN = `experiment: scan
observable: Z0
grid: { theta: [0, 1, 3] }
---
OPENQASM 3.0;
include "stdgates.inc";
input float theta;
qubit[1] q;
ry(theta) q[0];`;

const LESSON = `---
id: lab-lesson
title: Lab
summary: A lesson with an experiment exercise.
minutes: 10
skills: [basics]
objectives:
  - Learn one thing.
---

Intro.

## Experiments

\`\`\`experiment {#train-it exercise}
experiment: train
data: { set: iris, classes: [versicolor, virginica], featureSubset: [2, 3], test: 0.3, seed: 7 }
features: [x0, x1]
weights: w
optimizer: { kind: adam, stepSize: 0.1 }
steps: 2
---
OPENQASM 3.0;
include "stdgates.inc";
input float x0; input float x1; input float w0;
qubit[2] q;
ry(x0) q[0]; ry(x1) q[1]; ry(w0) q[0];
\`\`\`

\`\`\`qasm {#rotate exercise}
OPENQASM 3.0;
include "stdgates.inc";
input float theta;
qubit[1] q;
rx(theta) q[0];
\`\`\`
`;

const indent = (text: string, spaces: number) =>
  text
    .split("\n")
    .map((line) => (line ? " ".repeat(spaces) + line : line))
    .join("\n");

const TRAIN_REFERENCE = `experiment: train
data: { set: iris, classes: [versicolor, virginica], featureSubset: [2, 3], test: 0.3, seed: 7 }
features: [x0, x1]
weights: w
optimizer: { kind: adam, stepSize: 0.1 }
steps: 20
---
OPENQASM 3.0;
include "stdgates.inc";
input float x0; input float x1; input float w0;
qubit[2] q;
ry(x0) q[0]; ry(x1) q[1]; ry(w0) q[0];`;

const exercises = (trainCheck: string, rotateCheck: string) => `exercises:
  - cell: train-it
    title: Train it
    goal: Reach 90 %.
    check:
${indent(trainCheck, 6)}
    hints: []
    solutionAfter: 1
    solution: Train longer.
    skills: [basics]
  - cell: rotate
    title: Rotate
    goal: A gradient.
    check:
${indent(rotateCheck, 6)}
    hints: []
    solutionAfter: 1
    solution: Use ry.
    skills: [basics]
`;

const ACCURACY = `kind: accuracy
seed: 11
minTestAccuracy: 0.9
reference: |
${indent(TRAIN_REFERENCE, 2)}`;

const GRADIENT = `kind: gradient
at: { theta: 0.3 }
input: theta
observable: Z0
expected: -0.2955
tolerance: 0.01`;

const load = async (trainCheck: string, rotateCheck = GRADIENT) => {
  await writeFile(file("01-lab.exercises.yaml"), exercises(trainCheck, rotateCheck));
  return loadLessonChecks(root, "lab", "01-lab");
};

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ketbook-experiment-checks-"));
  await mkdir(path.join(root, "roadmap"), { recursive: true });
  await mkdir(path.join(root, "courses", "lab"), { recursive: true });
  await writeFile(
    path.join(root, "roadmap", "skills.yaml"),
    "skills:\n  - id: basics\n    name: Basics\n    area: foundations\n    description: The basics.\n",
  );
  await writeFile(
    file("course.yaml"),
    "id: lab-course\ntitle: Lab\nsummary: A lab course.\nlevel: beginner\nlessons:\n  - 01-lab\n",
  );
  await writeFile(file("01-lab.md"), LESSON);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("experiment checks in an exercises file", () => {
  it("load with their cell's language", async () => {
    const checks = await load(ACCURACY);
    expect(checks.exercises.map((e) => [e.cell, e.check.kind, e.language])).toEqual([
      ["train-it", "accuracy", "experiment"],
      ["rotate", "gradient", "qasm"],
    ]);
  });

  it.each([
    [
      "an experiment check on a qasm cell",
      [ACCURACY, ACCURACY],
      `${EX}:30: an accuracy check grades an experiment, but cell "rotate" is a qasm cell: write \`\`\`experiment {#rotate exercise}`,
    ],
    [
      "a circuit check on an experiment cell",
      [
        'kind: expectation\nobservable: Z0\ntarget: 1\ntolerance: 0.1\nreference: "OPENQASM 3.0;"',
        GRADIENT,
      ],
      `${EX}:6: an expectation check grades a circuit, but cell "train-it" is an experiment cell (its checks: accuracy, energy, ratio, gradient)`,
    ],
    [
      "an accuracy check whose reference is not a classifier",
      [ACCURACY.replace(/reference: \|[\s\S]*$/, `reference: |\n${indent(SCAN, 2)}`), GRADIENT],
      `${EX}:9: an accuracy check grades a classifier: its reference must be a train or kernel experiment, not scan`,
    ],
    [
      "a reference that is not an experiment cell",
      [ACCURACY.replace("steps: 20", "steps: twenty"), GRADIENT],
      `${EX}:9: the check's reference is not a valid experiment cell (line 6): steps: Invalid input: expected number, received string`,
    ],
    [
      "check data the reference cannot run with",
      [`${ACCURACY}\ndata: { set: iris, tests: 0.3 }`, GRADIENT],
      `${EX}:22: the check's data: data: unknown field \`tests\``,
    ],
    [
      "an energy check whose reference minimises no molecule",
      [
        ACCURACY.replace("kind: accuracy", "kind: energy").replace("minTestAccuracy: 0.9\n", ""),
        GRADIENT,
      ],
      `${EX}:8: an energy check's reference must minimise a \`hamiltonian: { molecule: ... }\``,
    ],
    [
      "a gradient check with no value for its input",
      [ACCURACY, GRADIENT.replace("{ theta: 0.3 }", "{ phi: 0.3 }")],
      `${EX}:31: \`at\` gives no value for the input \`theta\``,
    ],
    [
      "a gradient check whose reference does not compile",
      [ACCURACY, `${GRADIENT}\nreference: "OPENQASM 3.0;\\nqubit q;\\nryy(0.1) q;"`],
      `${EX}:36: the check's reference does not compile (line 3): unknown gate \`ryy\``,
    ],
  ])("reject %s with its line", async (_what, [train, rotate], message) => {
    await expect(load(train, rotate)).rejects.toThrow(message);
  });
});
