import { describe, expect, it } from "vitest";

import { gradeExercise, type Gradable } from "@/lib/grading/grade-exercise";
import { cachedReferenceRuns } from "@/lib/grading/reference-runs";
import { checkSchema } from "@/lib/grading/schemas";
import { moleculeHamiltonian } from "@/lib/qml/data/chemistry/molecules";
import { runExperiment } from "@/lib/qml/experiments/run";

/**
 * Experiment checks on real, small experiments (Iris, H2, a six-node ring): each kind passes and
 * fails for the right reason, the fields a check fixes really replace the learner's, and every
 * mistake is located in the learner's own cell.
 */

const cell = (spec: string, circuit: string) => `${spec}\n---\n${circuit}`;

const IRIS_DATA =
  "{ set: iris, classes: [versicolor, virginica], featureSubset: [2, 3], test: 0.3, seed: 7, scale: [0, 3.14159] }";

const irisSpec = (steps: number, data = IRIS_DATA) => `experiment: train
data: ${data}
features: [x0, x1]
weights: w
bias: true
init: { seed: 1, scale: 0.5 }
optimizer: { kind: adam, stepSize: 0.1 }
steps: ${steps}
batch: 16`;

const IRIS_CIRCUIT = `OPENQASM 3.0;
include "stdgates.inc";
input float x0; input float x1;
input float w0; input float w1; input float w2; input float w3;
qubit[2] q;
ry(x0) q[0]; ry(x1) q[1];
ry(w0) q[0]; ry(w1) q[1]; rz(w2) q[0]; rz(w3) q[1];
cx q[1], q[0];`;

const exercise = (check: Record<string, unknown>, language?: "qasm" | "experiment"): Gradable => ({
  check: checkSchema.parse(check),
  ...(language ? { language } : {}),
});

const accuracy = (extra: Record<string, unknown> = {}) =>
  exercise({
    kind: "accuracy",
    reference: cell(irisSpec(40), IRIS_CIRCUIT),
    data: {
      set: "iris",
      classes: ["versicolor", "virginica"],
      featureSubset: [2, 3],
      test: 0.3,
      seed: 7,
    },
    seed: 11,
    minTestAccuracy: 0.9,
    ...extra,
  });

describe("accuracy checks", () => {
  it("fail a classifier trained too briefly, naming the threshold, the shortfall and the fixed data", () => {
    const feedback = gradeExercise(accuracy(), cell(irisSpec(5), IRIS_CIRCUIT));
    expect(feedback.passed).toBe(false);
    expect(feedback.kind).toBe("accuracy");
    expect(feedback.threshold).toBe(0.9);
    expect(feedback.message).toContain(
      "Test accuracy 86.7 % on the check's held-out set (30 points); the goal is at least 90 % — 3.3 points short.",
    );
    expect(feedback.message).toContain(
      "Graded on iris (versicolor vs virginica), features 2, 3, split seed 7, 30 % test, seed 11 — your data settings are replaced by these (your feature scaling is kept).",
    );
    const { experiment } = feedback;
    expect(experiment).toMatchObject({ metric: "testAccuracy", goal: 0.9, seed: 11 });
    expect(experiment!.value).toBeCloseTo(26 / 30, 12);
    expect(experiment!.shortfall).toBeCloseTo(100 * (0.9 - 26 / 30), 9);
    // Both curves: the learner's five steps and the reference's forty, on the same data.
    expect(experiment!.learner.history).toHaveLength(5);
    expect(experiment!.reference.history).toHaveLength(40);
    expect(experiment!.learner.history[0].trainAccuracy).toBeDefined();
    expect(experiment!.reference.metrics.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(experiment!.learner.dataset).toEqual(experiment!.reference.dataset);
    expect(experiment!.fixed.map((f) => f.field)).toEqual(["data"]);
    expect(feedback.message).toMatch(/The reference solution reaches 96\.7 %/);
  });

  it("pass once the classifier trains long enough", () => {
    const feedback = gradeExercise(accuracy(), cell(irisSpec(40), IRIS_CIRCUIT));
    expect(feedback.passed).toBe(true);
    expect(feedback.experiment!.shortfall).toBe(0);
    expect(feedback.message).toMatch(/the goal is at least 90 % — reached\./);
  });

  it("grade on the check's data, split and seed whatever the learner's data fields and seed say", () => {
    const honest = gradeExercise(accuracy(), cell(irisSpec(5), IRIS_CIRCUIT));
    // An easier problem (setosa is separable), another split, another test size, another seed.
    const easier =
      "{ set: iris, classes: [setosa, versicolor], featureSubset: [2, 3], test: 0.8, seed: 99, scale: [0, 3.14159] }";
    const tampered = `${irisSpec(5, easier)}\nseed: 5`;
    const own = runExperiment(cell(tampered, IRIS_CIRCUIT));
    expect(own.dataset).toMatchObject({ train: 20, test: 80 });
    expect(own.metrics.testAccuracy).not.toBeCloseTo(honest.experiment!.value, 6);

    const graded = gradeExercise(accuracy(), cell(tampered, IRIS_CIRCUIT));
    expect(graded.passed).toBe(false);
    expect(graded.experiment!.learner.dataset).toMatchObject({ train: 70, test: 30 });
    expect(graded.experiment!.learner.history).toEqual(
      honest.experiment!.learner.history.map((h) => ({ ...h, elapsedMs: expect.any(Number) })),
    );
    expect(graded.experiment!.value).toBe(honest.experiment!.value);
  });

  it("keep the learner's feature scaling unless the check fixes it", () => {
    const wide = "{ set: iris, test: 0.5, seed: 1, scale: [0, 6.28318] }";
    const learner = cell(irisSpec(40, wide), IRIS_CIRCUIT);
    const kept = gradeExercise(accuracy(), learner);
    // Scaled to [0, 2π] both ends of each feature encode alike: the model cannot separate them.
    expect(kept.passed).toBe(false);
    expect(kept.experiment!.value).toBeLessThan(0.8);
    expect(kept.experiment!.fixed[0].value).toContain("scale: [ 0, 6.28318 ]");

    const fixedScale = accuracy({
      data: {
        set: "iris",
        classes: ["versicolor", "virginica"],
        featureSubset: [2, 3],
        test: 0.3,
        seed: 7,
        scale: [0, 3.14159],
      },
    });
    const replaced = gradeExercise(fixedScale, learner);
    expect(replaced.passed).toBe(true);
    expect(replaced.message).not.toContain("your feature scaling is kept");
  });

  it("take the reference's data (without its scaling) when the check names none", () => {
    const check = accuracy();
    const { data: _data, ...rest } = check.check as Record<string, unknown>;
    const feedback = gradeExercise(
      exercise(rest),
      cell(irisSpec(5, "{ set: moons, scale: [0, 1] }"), IRIS_CIRCUIT),
    );
    expect(feedback.experiment!.learner.dataset).toMatchObject({ id: "iris", train: 70, test: 30 });
    expect(feedback.experiment!.fixed[0].value).toContain("scale: [ 0, 1 ]");
  });

  it("locate the learner's mistakes in their own cell, even after fixing a longer data block", () => {
    const blockData = `experiment: train
data:
  set: moons
  samples: 40
  test: 0.25
  seed: 3
  scale: [0, 3.14159]
features: [x0, x9]
weights: w
optimizer: { kind: adam, stepSize: 0.1 }
steps: 5`;
    const missingInput = gradeExercise(accuracy(), cell(blockData, IRIS_CIRCUIT));
    expect(missingInput.passed).toBe(false);
    expect(missingInput.compileError).toMatchObject({ line: 8 });
    expect(missingInput.message).toMatch(
      /^Your experiment does not run \(line 8, column \d+\): .*x9/,
    );

    const typo = gradeExercise(
      accuracy(),
      cell(irisSpec(5).replace("steps: 5", "steps: five"), IRIS_CIRCUIT),
    );
    expect(typo.compileError).toMatchObject({ line: 8, column: 8 });

    const circuit = gradeExercise(
      accuracy(),
      cell(irisSpec(5), IRIS_CIRCUIT.replace("cx q[1]", "cxx q[1]")),
    );
    // Line 8 of the circuit, below nine lines of spec and the `---` line.
    expect(circuit.compileError).toMatchObject({ line: 18, column: 1 });
    expect(circuit.message).toMatch(
      /^Your code does not compile \(line 18, column 1\): unknown gate `cxx`/,
    );
  });

  it("refuse another kind of experiment, and stop a learner's run at the grading budget", () => {
    const kernel = gradeExercise(
      accuracy(),
      cell(
        `experiment: kernel\ndata: ${IRIS_DATA}\nfeatures: [x0, x1]`,
        'OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float x0; input float x1;\nqubit[1] q;\nrx(x0) q[0];\nry(x1) q[0];',
      ),
    );
    expect(kernel.passed).toBe(false);
    expect(kernel.message).toBe(
      "This exercise grades a `train` experiment; your cell says `experiment: kernel`.",
    );

    const budget = gradeExercise(accuracy(), cell(irisSpec(40), IRIS_CIRCUIT), {
      maxEvaluations: 500,
    });
    expect(budget.passed).toBe(false);
    expect(budget.message).toMatch(/could not be graded: .*maxEvaluations = 500/);
  });

  it("run the reference solution once per process", () => {
    const check = accuracy({ seed: 12 });
    const before = cachedReferenceRuns();
    const first = gradeExercise(check, cell(irisSpec(3), IRIS_CIRCUIT));
    expect(cachedReferenceRuns()).toBe(before + 1);
    const second = gradeExercise(check, cell(irisSpec(4), IRIS_CIRCUIT));
    expect(cachedReferenceRuns()).toBe(before + 1);
    // The very same history: the cached run, not a second one that happens to agree.
    expect(second.experiment!.reference.history).toBe(first.experiment!.reference.history);
  });
});

const H2 = `experiment: minimise
hamiltonian: { molecule: h2, bondLength: 0.735 }
weights: t
init: { seed: 1, scale: 0.1 }
optimizer: { kind: adam, stepSize: 0.1 }
steps: 80`;
const PRODUCT = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float t0; input float t1;\nqubit[2] q;\nx q[0];\nry(t0) q[0]; ry(t1) q[1];`;
const ENTANGLED = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float t0; input float t1; input float t2; input float t3;\nqubit[2] q;\nx q[0];\nry(t0) q[0]; ry(t1) q[1]; cx q[0], q[1]; ry(t2) q[0]; ry(t3) q[1];`;

describe("energy checks", () => {
  const check = exercise({ kind: "energy", reference: cell(H2, ENTANGLED), seed: 3 });

  it("default to chemical accuracy", () => {
    expect(check.check).toMatchObject({ kind: "energy", tolerance: 0.0016 });
  });

  it("fail a product-state ansatz by about 20 mHa and pass an entangling one", () => {
    const product = gradeExercise(check, cell(H2, PRODUCT));
    expect(product.passed).toBe(false);
    expect(product.experiment!.value).toBeGreaterThan(19);
    expect(product.message).toMatch(
      /^Final energy -1\.1169\d\d Ha, 20\.3\d\d mHa above the exact -1\.137306 Ha; the goal is within 1\.6 mHa \(chemical accuracy\) — 18\.7\d\d mHa too far\./,
    );
    expect(product.message).toContain(
      "Graded on H₂ at 0.735 Å, seed 3 — your `hamiltonian` and seed are replaced by these.",
    );
    expect(product.experiment!.learner.history.every((h) => h.loss !== undefined)).toBe(true);

    const entangled = gradeExercise(check, cell(H2, ENTANGLED));
    expect(entangled.passed).toBe(true);
    expect(entangled.experiment!.value).toBeLessThan(1.6);
  });

  it("grade on the reference's molecule and bond length, not the learner's", () => {
    const stretched = H2.replace("bondLength: 0.735", "bondLength: 2.5");
    const feedback = gradeExercise(check, cell(stretched, PRODUCT));
    const exact = moleculeHamiltonian("h2", 0.735, "parity").fciEnergy;
    expect(feedback.experiment!.learner.metrics.exactEnergy).toBeCloseTo(exact, 10);
  });

  it("judge the energy exactly: a learner's shots and noise are replaced, so no lucky estimate passes", () => {
    const sampled = `${H2.replace("steps: 80", "steps: 10")}\ngradient: finite-difference\nshots: 200\nnoise: { readout: 0.01 }`;
    const own = runExperiment(cell(sampled, PRODUCT));
    expect(own.history.at(-1)!.shots).toBeGreaterThan(0);
    const feedback = gradeExercise(check, cell(sampled, PRODUCT));
    expect(feedback.experiment!.learner.history.at(-1)!.shots).toBe(0);
    expect(feedback.experiment!.fixed.map((f) => f.field)).toEqual([
      "hamiltonian",
      "shots",
      "noise",
    ]);
    expect(feedback.message).toContain("It is simulated exactly, without your shots or noise.");
    // Exact: never below the exact ground energy (variational), unlike a sampled estimate.
    expect(feedback.experiment!.learner.metrics.errorMilliHartree).toBeGreaterThan(0);
  });

  it("ask for the hamiltonian back when the learner replaced it with an observable", () => {
    const feedback = gradeExercise(
      check,
      cell(
        H2.replace("hamiltonian: { molecule: h2, bondLength: 0.735 }", "observable: Z0 + Z1"),
        PRODUCT,
      ),
    );
    expect(feedback.passed).toBe(false);
    expect(feedback.message).toBe(
      "Your spec has no `hamiltonian`; this exercise is graded with `hamiltonian: { molecule: h2, bondLength: 0.735 }`: put it back.",
    );
  });
});

describe("ratio checks", () => {
  const spec = (graph: string) => `experiment: minimise
hamiltonian: { maxcut: ${graph} }
weights: a
init: { seed: 1, scale: 0.3 }
optimizer: { kind: adam, stepSize: 0.1 }
steps: 60`;
  const ring = [0, 1, 2, 3, 4, 5].map((i) => [i, (i + 1) % 6]);
  const qaoa = (layers: number) => {
    const inputs = Array.from({ length: 2 * layers }, (_, i) => `input float a${i};`).join(" ");
    const body = Array.from({ length: layers }, (_, k) =>
      [
        ...ring.map(
          ([i, j]) => `cx q[${i}], q[${j}]; rz(2*a${2 * k}) q[${j}]; cx q[${i}], q[${j}];`,
        ),
        `rx(2*a${2 * k + 1}) q;`,
      ].join("\n"),
    ).join("\n");
    return `OPENQASM 3.0;\ninclude "stdgates.inc";\n${inputs}\nqubit[6] q;\nh q;\n${body}`;
  };
  const check = exercise({
    kind: "ratio",
    reference: cell(spec("ring-6"), qaoa(2)),
    seed: 3,
    minRatio: 0.8,
  });

  it("fail one QAOA layer on a ring (3/4 at best) and pass two", () => {
    const one = gradeExercise(check, cell(spec("ring-6"), qaoa(1)));
    expect(one.passed).toBe(false);
    expect(one.experiment!.value).toBeCloseTo(0.75, 3);
    expect(one.message).toMatch(
      /^Approximation ratio 0\.750 \(expected cut 4\.50\d of the maximum 6\); the goal is at least 0\.800 — 0\.050 short\./,
    );
    const two = gradeExercise(check, cell(spec("ring-6"), qaoa(2)));
    expect(two.passed).toBe(true);
    expect(two.experiment!.value).toBeGreaterThan(0.8);
  });

  it("grade on the reference's graph whatever graph the learner names", () => {
    // ring-4 would be solved exactly by two layers; the check keeps the six-node ring.
    const feedback = gradeExercise(check, cell(spec("ring-4"), qaoa(1)));
    expect(feedback.experiment!.learner.metrics.maxCut).toBe(6);
    expect(feedback.message).toContain("Graded on MaxCut on ring-6, seed 3");
  });
});

describe("gradient checks", () => {
  const ROTATION = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float theta;\nqubit[1] q;\nry(theta) q[0];`;
  const check = (expected: number, extra: Record<string, unknown> = {}) =>
    exercise({
      kind: "gradient",
      at: { theta: 0.3 },
      input: "theta",
      observable: "Z0",
      expected,
      tolerance: 0.01,
      ...extra,
    });

  it("compare the exact derivative with the expected value, inclusively", () => {
    const d = -Math.sin(0.3);
    const pass = gradeExercise(check(d), ROTATION);
    expect(pass.passed).toBe(true);
    expect(pass.value).toBeCloseTo(d, 12);
    expect(pass.target).toBe(d);
    const edge = gradeExercise(check(d + 0.01), ROTATION);
    expect(edge.passed).toBe(true);
    const fail = gradeExercise(check(-1), ROTATION);
    expect(fail.passed).toBe(false);
    expect(fail.message).toMatch(
      /^∂⟨Z0⟩\/∂theta at theta = 0\.3 is -0\.29\d+ for your circuit; the expected value is -1 ± 0\.01 — 0\.70\d+ away\./,
    );
  });

  it("name a missing input and an input the check has no value for", () => {
    const missing = gradeExercise(check(0), ROTATION.replace(/theta/g, "phi"));
    expect(missing.message).toBe(
      "Your circuit declares no `input float theta;`: the check differentiates by it.",
    );
    const extra = gradeExercise(
      check(0),
      ROTATION.replace("input float theta;", "input float theta; input float w;") + "\nrx(w) q[0];",
    );
    expect(extra.passed).toBe(false);
    expect(extra.message).toBe(
      "The check evaluates your circuit at theta = 0.3, but it also declares 1 input with no value there (w): make it a constant or remove it.",
    );
  });

  it("differentiate the circuit below `---` of an experiment cell, with lines counted in the cell", () => {
    const spec = "experiment: scan\nobservable: Z0\ngrid: { theta: [0, 1, 3] }";
    const experiment = check(-Math.sin(0.3), {});
    const graded = gradeExercise({ ...experiment, language: "experiment" }, cell(spec, ROTATION));
    expect(graded.passed).toBe(true);
    // A mid-circuit measurement has no exact derivative: located on line 9 of the cell.
    const measured = cell(spec, `${ROTATION}\nbit b;\nb = measure q[0];\nx q[0];`);
    const refused = gradeExercise({ ...experiment, language: "experiment" }, measured);
    expect(refused.passed).toBe(false);
    expect(refused.message).toMatch(/^Your circuit could not be differentiated \(line 11\)/);
  });
});
