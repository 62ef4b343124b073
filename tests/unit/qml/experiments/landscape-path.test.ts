/**
 * A minimisation's landscape and path: the path is the optimiser's own iterates, its values the
 * model's expectation there, the landscape a direct evaluation, and bad axes located errors.
 */
import { describe, expect, it } from "vitest";

import { compileParametric, expectations } from "@/lib/quantum/diff";
import { runExperiment } from "@/lib/qml/experiments/run";
import { ExperimentSpecError } from "@/lib/qml/experiments/spec";

const cell = (spec: string, circuit: string) => `${spec}\n---\n${circuit}`;

/** p = 1 QAOA on the 4-ring: γ = a0, β = a1. */
const QAOA = `OPENQASM 3.0;
include "stdgates.inc";
input float a0; input float a1;
qubit[4] q;
h q;
cx q[0], q[1]; rz(a0) q[1]; cx q[0], q[1]; cx q[1], q[2]; rz(a0) q[2]; cx q[1], q[2];
cx q[2], q[3]; rz(a0) q[3]; cx q[2], q[3]; cx q[0], q[3]; rz(a0) q[3]; cx q[0], q[3];
rx(2*a1) q;`;

const SPEC = `experiment: minimise
hamiltonian: { maxcut: ring-4 }
weights: a
init: { value: 0.4 }
optimizer: { kind: adam, stepSize: 0.05 }
steps: 12
landscape: { a0: [0, 3.14159, 9], a1: [0, 1.5708, 7] }`;

function specError(text: string): ExperimentSpecError {
  try {
    runExperiment(text);
  } catch (error) {
    if (error instanceof ExperimentSpecError) return error;
    throw error;
  }
  throw new Error("expected an ExperimentSpecError");
}

describe("minimise with a landscape", () => {
  it("records the optimiser's path step by step, without changing its run", () => {
    const withMap = runExperiment(cell(SPEC, QAOA));
    const without = runExperiment(cell(SPEC.split("\nlandscape")[0], QAOA));
    expect(withMap.history.map((h) => h.loss)).toEqual(without.history.map((h) => h.loss));
    const path = withMap.landscape!.path!;
    expect(path.map((p) => p.step)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(path[0].at).toEqual([0.4, 0.4]);
    expect(path.at(-1)!.at).toEqual(without.parameters!.map((p) => p.value));
    // Gradient steps evaluate at their input: step k+1's value is the cost at path point k.
    path
      .slice(0, -1)
      .forEach((point, k) => expect(point.value).toBeCloseTo(withMap.history[k].loss!, 12));
    expect(path.at(-1)!.value).toBeCloseTo(withMap.metrics.value, 12);
    // And every point's value is the model's expectation there.
    const pc = compileParametric(QAOA);
    const h = "0.5*Z0*Z1 + 0.5*Z1*Z2 + 0.5*Z2*Z3 + 0.5*Z0*Z3 - 2";
    for (const point of path) {
      const [direct] = expectations(pc, { a0: point.at[0], a1: point.at[1] }, [h]);
      expect(point.value).toBeCloseTo(direct, 12);
    }
  });

  it("is deterministic for a seed, also with SPSA's random directions", () => {
    const spsa = SPEC.replace("kind: adam, stepSize: 0.05", "kind: spsa, a: 0.2, c: 0.1");
    const a = runExperiment(cell(spsa, QAOA));
    const b = runExperiment(cell(spsa, QAOA));
    expect(b.landscape!.path).toEqual(a.landscape!.path);
    expect(b.landscape!.values).toEqual(a.landscape!.values);
  });

  it("evaluates the landscape exactly at its grid points, other weights at their start", () => {
    const circuit = `OPENQASM 3.0;\ninclude "stdgates.inc";\ninput float t0; input float t1; input float t2;\nqubit[2] q;\nry(t0) q[0]; ry(t1) q[1]; cx q[0], q[1]; rx(t2) q[1];`;
    const spec = `experiment: minimise
observable: Z0*Z1 + 0.5*X1
weights: t
init: { seed: 3, scale: 1 }
optimizer: { kind: gd, stepSize: 0.1 }
steps: 5
landscape: { t1: [-1, 2, 4] }`;
    const result = runExperiment(cell(spec, circuit));
    const landscape = result.landscape!;
    const start = Object.fromEntries(landscape.held!.map((w) => [w.name, w.value]));
    expect(Object.keys(start)).toEqual(["t0", "t2"]);
    const pc = compileParametric(circuit);
    (landscape.values as number[]).forEach((value, i) => {
      const [direct] = expectations(pc, { ...start, t1: -1 + i }, ["Z0*Z1 + 0.5*X1"]);
      expect(value).toBeCloseTo(direct, 12);
    });
    expect(landscape.path).toHaveLength(6);
    expect(result.trace.join(" ")).toMatch(/other weights held at their start values \(t0 = /);
  });

  it("counts the landscape and the path against the evaluation budget", () => {
    const plain = runExperiment(cell(SPEC.split("\nlandscape")[0], QAOA)).history.at(-1)!.circuits;
    expect(plain).toBeLessThan(300);
    expect(() => runExperiment(cell(SPEC, QAOA), { maxEvaluations: plain + 40 })).toThrow(
      /maxEvaluations/,
    );
  });

  it("locates bad axes: not a minimised weight, too many, with sweep, undeclared", () => {
    expect(specError(cell(SPEC.replace("a1: [0", "gamma: [0"), QAOA))).toMatchObject({
      line: 7,
      column: 35, // the key `gamma` itself
      message: expect.stringMatching(/axes are weights being minimised \(a0, a1, …\); `gamma`/),
    });
    expect(
      specError(cell(SPEC.replace("a1: [0, 1.5708, 7] }", "a1: [0, 1, 2], a2: [0, 1, 2] }"), QAOA)),
    ).toMatchObject({ line: 7, message: expect.stringMatching(/one or two .* not 3/) });
    const sweep = `experiment: minimise
hamiltonian: { molecule: h2, bondLength: 0.735 }
weights: a
optimizer: { kind: adam, stepSize: 0.1 }
steps: 3
sweep: { bondLength: [0.5, 1, 2] }
landscape: { a0: [0, 1, 3] }`;
    expect(specError(cell(sweep, QAOA))).toMatchObject({
      line: 7,
      message: expect.stringMatching(/cannot be combined with `sweep`/),
    });
    expect(specError(cell(SPEC.replace("a1: [0", "a7: [0"), QAOA))).toMatchObject({
      line: 7,
      message: expect.stringMatching(/declares no weight `a7`/),
    });
    expect(
      specError(cell(SPEC.replace("[0, 3.14159, 9]", "[0, 3.14159, 400]"), QAOA)),
    ).toMatchObject({ line: 7, message: expect.stringMatching(/maxGrid = 2500/) });
  });
});
