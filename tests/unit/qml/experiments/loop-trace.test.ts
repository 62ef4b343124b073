/**
 * The hybrid loop's trace states what each step cost and, for a minimisation, the whole bill:
 * circuits always, shots when the circuit is measured with shots. The counts are the tracker's,
 * so the trace agrees with the history a chart draws.
 */
import { describe, expect, it } from "vitest";

import { runExperiment } from "@/lib/qml/experiments/run";

const ONE_QUBIT = `OPENQASM 3.0;
include "stdgates.inc";
input float w0;
qubit[1] q;
ry(w0) q[0];`;

const minimise = (extra: string) => `experiment: minimise
observable: Z0
weights: w
init: { value: 1.0 }
optimizer: { kind: gd, stepSize: 0.5 }
steps: 4
${extra}
---
${ONE_QUBIT}`;

describe("the trace of a minimisation", () => {
  it("with shots: each step's circuits and shots, then the total including the final estimate", () => {
    const result = runExperiment(minimise("gradient: parameter-shift\nshots: 500\nseed: 2"));
    // parameter shift on one weight: the unshifted circuit and two shifted ones per step
    expect(result.trace[1]).toMatch(/^Step 1: .*\(3 circuits, 1500 shots, \|∇\| = /);
    const last = result.history.at(-1)!;
    expect(last).toMatchObject({ circuits: 12, shots: 6000 });
    // and one more estimate of the final value
    expect(result.trace).toContain("In all: 13 circuit executions and 6500 shots.");
    // the result's summary stays the last line
    expect(result.trace.at(-1)).toMatch(/^final ⟨H⟩ = /);
  });

  it("exact: circuits only, no shots mentioned", () => {
    const result = runExperiment(minimise("gradient: adjoint"));
    expect(result.trace[1]).toMatch(/\(2 circuits, \|∇\| = /);
    expect(result.trace.join("\n")).not.toMatch(/shots/);
    expect(
      result.trace.filter((line) => /^In all: \d+ circuit executions\.$/.test(line)),
    ).toHaveLength(1);
  });
});

describe("the trace of a training run", () => {
  it("names the shots a step took when the model is measured with shots", () => {
    const result = runExperiment(`experiment: train
data: { set: parity, bits: 2, test: 0.25, seed: 1, scale: [0, 3.14159] }
features: [x0, x1]
weights: w
optimizer: { kind: gd, stepSize: 0.1 }
steps: 2
gradient: parameter-shift
shots: 100
---
OPENQASM 3.0;
include "stdgates.inc";
input float x0; input float x1; input float w0; input float w1;
qubit[2] q;
ry(x0) q[0]; ry(x1) q[1]; ry(w0) q[0]; ry(w1) q[1];
cx q[0], q[1];`);
    const step = result.trace[0];
    const [, circuits, shots] =
      /\((\d+) circuits, (\d+) shots, gradients by parameter-shift\)/.exec(step)!;
    expect(Number(shots)).toBe(100 * Number(circuits));
    expect(Number(circuits)).toBeGreaterThan(0);
  });
});
