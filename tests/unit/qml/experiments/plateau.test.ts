/**
 * Barren plateaus measured on the real simulator: known variances, the decay of a global cost's
 * gradient with width, determinism, and the limits.
 */
import { describe, expect, it } from "vitest";

import { fitDecay } from "@/lib/qml/experiments/plateau";
import { runExperiment } from "@/lib/qml/experiments/run";
import { ExperimentSpecError } from "@/lib/qml/experiments/spec";
import { ExperimentLimitError } from "@/lib/qml/experiments/tracker";

const cell = (spec: string, circuit: string) => `${spec}\n---\n${circuit}`;

/** A hardware-efficient ansatz on n qubits: `layers` of RY on every qubit, then a CZ ladder. */
function hea(n: number, layers: number): string {
  const inputs = Array.from({ length: n * layers }, (_, i) => `input float w${i};`).join(" ");
  const body = Array.from({ length: layers }, (_, l) => {
    const ry = Array.from({ length: n }, (_, q) => `ry(w${l * n + q}) q[${q}];`).join(" ");
    const cz = Array.from({ length: n - 1 }, (_, q) => `cz q[${q}], q[${q + 1}];`).join(" ");
    return `${ry}\n${cz}`;
  }).join("\n");
  return `OPENQASM 3.0;\ninclude "stdgates.inc";\n${inputs}\nqubit[${n}] q;\n${body}`;
}

function specError(text: string): ExperimentSpecError {
  try {
    runExperiment(text);
  } catch (error) {
    if (error instanceof ExperimentSpecError) return error;
    throw error;
  }
  throw new Error("expected an ExperimentSpecError");
}

describe("plateau", () => {
  it("gives Var[∂⟨Z⟩/∂θ] = Var[−sin θ] = 1/2 for one RY, and 2^-k for a product of RYs", () => {
    // ⟨Z⊗…⊗Z⟩ = Π cos θ_i, so ∂/∂θ_0 = −sin θ_0 Π_{i>0} cos θ_i, of variance (1/2)^k.
    const spec = `experiment: plateau\nqubits: [1, 2, 3]\nparameter: w0\nobservable: global\nsamples: 1000\nseed: 5`;
    const result = runExperiment(cell(spec, hea(3, 1).replace(/cz[^\n]*/, "")));
    const [one, two, three] = result.plateau!.points;
    expect(one).toMatchObject({ qubits: 1, observable: "Z0", randomInputs: 1 });
    expect(Math.abs(one.mean)).toBeLessThan(0.07); // E[−sin θ] = 0; its standard error is 0.022
    expect(one.variance).toBeGreaterThan(0.5 - 0.05);
    expect(one.variance).toBeLessThan(0.5 + 0.05);
    expect(two.variance).toBeGreaterThan(0.25 * 0.8);
    expect(two.variance).toBeLessThan(0.25 * 1.2);
    expect(three.variance).toBeGreaterThan(0.125 * 0.75);
    expect(three.variance).toBeLessThan(0.125 * 1.25);
    expect(result.metrics.decayRate).toBeCloseTo(-Math.LN2, 0);
    expect(result.history.map((h) => h.qubits)).toEqual([1, 2, 3]);
  });

  it("shows the global cost's gradient vanishing with width for a hardware-efficient ansatz", () => {
    const spec = `experiment: plateau\nqubits: [2, 4, 6, 8]\nparameter: w0\nsamples: 200\nseed: 1`;
    const progress: string[] = [];
    let clock = 0;
    const result = runExperiment(cell(spec, hea(8, 4)), {
      onProgress: (p) => progress.push(p.phase),
      now: () => (clock += 10),
    });
    const variances = result.plateau!.points.map((p) => p.variance);
    variances.slice(1).forEach((v, i) => expect(v).toBeLessThan(variances[i]));
    expect(result.plateau!.fit!.rate).toBeLessThan(0);
    expect(result.metrics.decayRate).toBe(result.plateau!.fit!.rate);
    expect(result.plateau!.points.map((p) => p.observable)).toEqual([
      "Z0*Z1",
      "Z0*Z1*Z2*Z3",
      "Z0*Z1*Z2*Z3*Z4*Z5",
      "Z0*Z1*Z2*Z3*Z4*Z5*Z6*Z7",
    ]);
    // The cut circuit draws only the inputs its gates still use: 4 layers × k qubits.
    expect(result.plateau!.points.map((p) => p.randomInputs)).toEqual([8, 16, 24, 32]);
    expect(result.history.at(-1)!.circuits).toBe(4 * 200 * 2); // adjoint: 2 circuits a gradient
    expect(progress.some((p) => /6 qubits: parameter set \d+ of 200/.test(p))).toBe(true);
    expect(result.trace[0]).toMatch(/every operation that touches a qubit ≥ k is dropped/);
  });

  it("is deterministic for a seed; each width's draws do not depend on the other widths", () => {
    const spec = `experiment: plateau\nqubits: [2, 3]\nparameter: w1\nobservable: local\nsamples: 50\nseed: 7`;
    const a = runExperiment(cell(spec, hea(3, 2)));
    const b = runExperiment(cell(spec, hea(3, 2)));
    expect(b.plateau).toEqual(a.plateau);
    const alone = runExperiment(cell(spec.replace("[2, 3]", "[3]"), hea(3, 2)));
    expect(alone.plateau!.points[0]).toEqual(a.plateau!.points[1]);
    const other = runExperiment(cell(spec, hea(3, 2)), { seed: 8 });
    expect(other.plateau!.points[0].variance).not.toBe(a.plateau!.points[0].variance);
  });

  it("fits ln Var by least squares", () => {
    const fit = fitDecay([2, 4, 6].map((k) => ({ qubits: k, variance: 3 * Math.exp(-0.5 * k) })));
    expect(fit!.rate).toBeCloseTo(-0.5, 12);
    expect(fit!.intercept).toBeCloseTo(Math.log(3), 12);
    expect(
      fitDecay([
        { qubits: 2, variance: 0.1 },
        { qubits: 3, variance: 0 },
      ]),
    ).toBeUndefined();
  });

  it("enforces its limits with messages naming them, and locates mistakes", () => {
    const base = `experiment: plateau\nqubits: [2, 4]\nparameter: w0\nsamples: 20`;
    expect(specError(cell(base.replace("samples: 20", "samples: 5000"), hea(4, 1)))).toMatchObject({
      line: 4,
      message: expect.stringMatching(/samples is at most 1000 \(limit\)/),
    });
    expect(specError(cell(base.replace("[2, 4]", "[2, 40]"), hea(4, 1)))).toMatchObject({
      line: 2,
      message: expect.stringMatching(/qubits is at most 14 \(limit\)/),
    });
    expect(specError(cell(base.replace("[2, 4]", "[4, 2]"), hea(4, 1)))).toMatchObject({
      line: 2,
      column: 13,
      message: expect.stringMatching(/increasing order/),
    });
    expect(specError(cell(base.replace("[2, 4]", "[2, 6]"), hea(4, 1)))).toMatchObject({
      line: 2,
      message: expect.stringMatching(/the circuit has 4 qubits, so it has no first 6/),
    });
    expect(specError(cell(base.replace("w0", "w3"), hea(4, 1)))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/on the first 2 qubits no gate uses `w3`/),
    });
    expect(specError(cell(base.replace("w0", "v0"), hea(4, 1)))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/no `input float v0;`/),
    });
    expect(specError(cell(`${base}\nobservable: Z0*Z3`, hea(4, 1)))).toMatchObject({
      line: 5,
      message: expect.stringMatching(/smallest being 2 qubits/),
    });
    expect(specError(cell(`${base}\nshots: 100`, hea(4, 1)))).toMatchObject({
      line: 5,
      message: expect.stringMatching(/unknown field `shots`/),
    });
    expect(() => runExperiment(cell(base, hea(4, 1)), { maxEvaluations: 50 })).toThrow(
      ExperimentLimitError,
    );
  });
});
