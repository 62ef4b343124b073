import { describe, expect, it } from "vitest";

import { moleculeHamiltonian } from "@/lib/qml/data/chemistry/molecules";
import type { ExperimentProgress } from "@/lib/qml/experiments/result";
import { runExperiment } from "@/lib/qml/experiments/run";
import { ExperimentSpecError } from "@/lib/qml/experiments/spec";
import { ExperimentLimitError } from "@/lib/qml/experiments/tracker";
import { experimentTask } from "@/lib/tasks/experiment-task";

const weights = (n: number, prefix = "w") =>
  Array.from({ length: n }, (_, i) => `input float ${prefix}${i};`).join(" ");

/** The parity classifier of PennyLane's tutorial: 4 qubits, 2 layers of Rot + CNOT ring. */
const PARITY_CIRCUIT = `OPENQASM 3.0;
include "stdgates.inc";
input float x0; input float x1; input float x2; input float x3;
${weights(24)}
qubit[4] q;
rx(x0) q[0]; rx(x1) q[1]; rx(x2) q[2]; rx(x3) q[3];
${[0, 1]
  .map(
    (layer) =>
      [0, 1, 2, 3]
        .map((k) => {
          const w = layer * 12 + k * 3;
          return `rz(w${w}) q[${k}]; ry(w${w + 1}) q[${k}]; rz(w${w + 2}) q[${k}];`;
        })
        .join("\n") + "\ncx q[0], q[1]; cx q[1], q[2]; cx q[2], q[3]; cx q[3], q[0];",
  )
  .join("\n")}`;

const PARITY_SPEC = `experiment: train
data: { set: parity, bits: 4, test: 0.25, seed: 1, scale: [0, 3.141592653589793] }
features: [x0, x1, x2, x3]
weights: w
bias: true
init: { seed: 2, scale: 0.5 }
observable: Z0
loss: square
optimizer: { kind: nesterov, stepSize: 0.3, momentum: 0.9 }
steps: 60
gradient: adjoint`;

const cell = (spec: string, circuit: string) => `${spec}\n---\n${circuit}`;

function specError(text: string): ExperimentSpecError {
  try {
    runExperiment(text);
  } catch (error) {
    if (error instanceof ExperimentSpecError) return error;
    throw error;
  }
  throw new Error("expected an ExperimentSpecError");
}

describe("train", () => {
  it("learns 4-bit parity to 100 % on held-out data, beside baselines that cannot", () => {
    const progress: ExperimentProgress[] = [];
    // A clock that moves 10 ms a reading, so the throttled reports do not depend on CPU speed.
    let clock = 0;
    const result = runExperiment(cell(PARITY_SPEC, PARITY_CIRCUIT), {
      onProgress: (p) => progress.push(p),
      now: () => (clock += 10),
    });
    expect(result.history).toHaveLength(60);
    expect(result.history[0].loss!).toBeGreaterThan(0.5);
    expect(result.metrics.loss).toBeLessThan(0.01);
    expect(result.metrics.trainAccuracy).toBe(1);
    expect(result.metrics.testAccuracy).toBe(1);
    expect(result.dataset).toMatchObject({ id: "parity", train: 12, test: 4 });
    expect(result.parameters).toHaveLength(25); // 24 weights and the bias
    expect(
      result.baselines!.find((b) => b.name === "logistic regression")!.testAccuracy,
    ).toBeLessThan(1);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)!.circuits).toBeGreaterThan(progress[0].circuits);
  });

  it("is deterministic for a seed, and the seed matters", () => {
    const text = cell(PARITY_SPEC.replace("steps: 60", "steps: 5"), PARITY_CIRCUIT);
    const a = runExperiment(text);
    const b = runExperiment(text);
    expect(b.history.map((h) => h.loss)).toEqual(a.history.map((h) => h.loss));
    const other = runExperiment(text, { seed: 99 });
    expect(other.history.map((h) => h.loss)).not.toEqual(a.history.map((h) => h.loss));
  });

  it("trains on shots with parameter-shift gradients, and refuses adjoint with shots where it is written", () => {
    const shots = cell(
      PARITY_SPEC.replace("steps: 60", "steps: 3").replace(
        "gradient: adjoint",
        "gradient: parameter-shift\nshots: 200",
      ),
      PARITY_CIRCUIT,
    );
    const result = runExperiment(shots);
    expect(result.history.at(-1)!.shots).toBeGreaterThan(0);
    const error = specError(
      cell(PARITY_SPEC.replace("steps: 60", "steps: 3\nshots: 200"), PARITY_CIRCUIT),
    );
    expect(error.message).toMatch(/adjoint differentiation reads the exact state/);
    expect(error.line).toBe(12); // gradient: adjoint
  });

  it("draws a decision boundary for two features (moons)", () => {
    const spec = `experiment: train
data: { set: moons, samples: 40, noise: 0.1, test: 0.25, seed: 3, scale: [-1.5, 1.5] }
features: [x0, x1]
weights: w
init: { seed: 1, scale: 0.3 }
optimizer: { kind: adam, stepSize: 0.1 }
steps: 5`;
    const circuit = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float x0; input float x1; ${weights(4)}\nqubit[2] q;\nry(x0) q[0]; ry(x1) q[1]; cx q[0], q[1]; ry(w0) q[0]; ry(w1) q[1]; cx q[0], q[1]; ry(w2) q[0]; ry(w3) q[1];`;
    const result = runExperiment(cell(spec, circuit));
    expect(result.decision!.values).toHaveLength(result.decision!.ys.length);
    expect(result.decision!.points).toHaveLength(40);
    expect(result.dataset!.features).toHaveLength(2);
  });

  it("locates mistakes that only show against the circuit or the data", () => {
    expect(
      specError(cell(PARITY_SPEC.replace("[x0, x1, x2, x3]", "[x0, x1, x2, y3]"), PARITY_CIRCUIT)),
    ).toMatchObject({
      line: 3,
      message: expect.stringMatching(/no `input float y3;`/),
    });
    expect(
      specError(cell(PARITY_SPEC.replace("weights: w", "weights: theta"), PARITY_CIRCUIT)),
    ).toMatchObject({
      line: 4,
      message: expect.stringMatching(/no weights named theta0/),
    });
    expect(
      specError(cell(PARITY_SPEC.replace("set: parity", "set: mnist"), PARITY_CIRCUIT)),
    ).toMatchObject({
      line: 2,
      message: expect.stringMatching(/no data set "mnist"/),
    });
  });

  it("stops at the evaluation budget with a message naming the limit", () => {
    expect(() => runExperiment(cell(PARITY_SPEC, PARITY_CIRCUIT), { maxEvaluations: 100 })).toThrow(
      ExperimentLimitError,
    );
  });
});

describe("kernel", () => {
  it("fits a quantum-kernel SVM on the ad hoc data set, with a unit-diagonal PSD Gram matrix", () => {
    const spec = `experiment: kernel
data: { set: ad-hoc, samples: 30, test: 0.3, seed: 5 }
features: [x0, x1]
C: 1
baseline: [rbf-svm]`;
    // The ZZ feature map of Havlíček et al., depth 2.
    const layer = `h q[0]; h q[1]; rz(2*x0) q[0]; rz(2*x1) q[1]; cx q[0], q[1]; rz(2*(pi - x0)*(pi - x1)) q[1]; cx q[0], q[1];`;
    const circuit = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float x0; input float x1;\nqubit[2] q;\n${layer}\n${layer}`;
    const result = runExperiment(cell(spec, circuit));
    const { matrix, spectrum } = result.kernel!;
    expect(matrix.length).toBe(result.dataset!.train);
    matrix.forEach((row, i) => {
      expect(row[i]).toBeCloseTo(1, 12);
      row.forEach((v, j) => expect(v).toBeCloseTo(matrix[j][i], 12));
    });
    expect(Math.min(...spectrum)).toBeGreaterThan(-1e-9);
    expect(result.metrics.trainAccuracy).toBeGreaterThan(0.9);
    expect(result.metrics.testAccuracy).toBeGreaterThan(0.7);
    expect(result.baselines).toHaveLength(1);
  });
});

describe("scan", () => {
  it("evaluates ⟨Z⟩ = cos θ over a grid and finds its minimum at π", () => {
    const spec = `experiment: scan\nobservable: Z0\ngrid: { theta: [0, 6.283185307179586, 9] }`;
    const circuit = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float theta;\nqubit[1] q;\nry(theta) q[0];`;
    const result = runExperiment(cell(spec, circuit));
    const values = result.landscape!.values as number[];
    values.forEach((v, i) => expect(v).toBeCloseTo(Math.cos((i * 2 * Math.PI) / 8), 10));
    expect(result.landscape!.minimum.at[0]).toBeCloseTo(Math.PI, 10);
    expect(result.history).toHaveLength(9);
  });
});

describe("minimise", () => {
  const ANSATZ = `OPENQASM 3.0;\ninclude "stdgates.inc";\n${weights(4, "t")}\nqubit[2] q;\nx q[0];\nry(t0) q[0]; ry(t1) q[1]; cx q[0], q[1]; ry(t2) q[0]; ry(t3) q[1];`;

  it("reaches chemical accuracy for H2 at 0.735 Å", () => {
    const spec = `experiment: minimise
hamiltonian: { molecule: h2, bondLength: 0.735 }
weights: t
init: { seed: 1, scale: 0.1 }
optimizer: { kind: adam, stepSize: 0.1 }
steps: 150`;
    const result = runExperiment(cell(spec, ANSATZ));
    const exact = moleculeHamiltonian("h2", 0.735, "parity").fciEnergy;
    expect(result.metrics.exactEnergy).toBeCloseTo(exact, 10);
    expect(result.metrics.errorMilliHartree).toBeLessThan(1.6);
    expect(result.metrics.errorMilliHartree).toBeGreaterThan(-1e-6); // variational: never below
  });

  it("sweeps bond lengths into a dissociation curve beside the exact energies", () => {
    const spec = `experiment: minimise
hamiltonian: { molecule: h2, bondLength: 0.735 }
weights: t
optimizer: { kind: adam, stepSize: 0.1 }
steps: 80
sweep: { bondLength: [0.5, 2.0, 4] }`;
    const result = runExperiment(cell(spec, ANSATZ));
    expect(result.curve!.map((p) => p.bondLength)).toEqual([0.5, 1, 1.5, 2]);
    for (const point of result.curve!) {
      expect(point.exact).toBeCloseTo(
        moleculeHamiltonian("h2", point.bondLength, "parity").fciEnergy,
        10,
      );
      expect(point.energy - point.exact).toBeLessThan(0.0016);
    }
  });

  it("optimises QAOA angles on a 4-ring and reports the approximation ratio", () => {
    const spec = `experiment: minimise
hamiltonian: { maxcut: ring-4 }
weights: a
init: { value: 0.4 }
optimizer: { kind: adam, stepSize: 0.05 }
steps: 60`;
    const circuit = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float a0; input float a1;\nqubit[4] q;\nh q;\ncx q[0], q[1]; rz(a0) q[1]; cx q[0], q[1]; cx q[1], q[2]; rz(a0) q[2]; cx q[1], q[2]; cx q[2], q[3]; rz(a0) q[3]; cx q[2], q[3]; cx q[0], q[3]; rz(a0) q[3]; cx q[0], q[3];\nrx(2*a1) q;`;
    const result = runExperiment(cell(spec, circuit));
    // p = 1 QAOA on a ring reaches 3/4 of the maximum cut at its optimal angles.
    expect(result.metrics.ratio).toBeGreaterThan(0.74);
    expect(result.metrics.ratio).toBeLessThanOrEqual(0.75 + 1e-9);
    expect(result.metrics.maxCut).toBe(4);
  });

  it("measures a higher energy under depolarising noise in the Hartree-Fock state", () => {
    const base = `experiment: scan
hamiltonian: { molecule: h2, bondLength: 0.735 }
grid: { t0: [0, 0, 1] }
values: { t1: 0 }
seed: 4`;
    // |01⟩ (qubit 0 set) is the Hartree-Fock state of the parity-mapped Hamiltonian.
    const hartreeFock = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float t0; input float t1;\nqubit[2] q;\nx q[0];\nry(t0) q[0]; ry(t1) q[1];\nid q[0]; id q[1]; id q[0]; id q[1];`;
    const clean = runExperiment(cell(base, hartreeFock)).metrics.minimum;
    const noisy = runExperiment(cell(`${base}\nnoise: { depolarizing: 0.05 }`, hartreeFock)).metrics
      .minimum;
    expect(clean).toBeCloseTo(moleculeHamiltonian("h2", 0.735, "parity").hartreeFockEnergy, 8);
    expect(noisy).toBeGreaterThan(clean + 0.01);
  });
});

describe("the experiment task", () => {
  it("locates circuit errors in the cell, below the spec", () => {
    const text = cell(
      "experiment: scan\nobservable: Z0\ngrid: { theta: [0, 1, 3] }",
      "OPENQASM 3.0;\nqubit q;\nhh q;",
    );
    const outcome = experimentTask({ source: text }, { progress: () => {} });
    expect(outcome).toMatchObject({ ok: false, error: { code: "code", line: 7 } });
  });

  it("answers a spec mistake as a located code error", () => {
    const outcome = experimentTask(
      { source: "experiment: dance\n---\nOPENQASM 3.0;" },
      { progress: () => {} },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: "code", line: 1 } });
  });
});
