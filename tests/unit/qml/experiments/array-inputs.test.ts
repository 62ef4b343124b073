/**
 * Experiment cells bind input arrays by element: `features: ["x[0]", "x[1]"]` and the weights of
 * `input array[float, n] w;` (`w[0]`, `w[1]` …, in index order).
 */
import { describe, expect, it } from "vitest";
import { joinExperiment, parseExperiment } from "@/lib/qml/experiments/spec";
import { weightInputs } from "@/lib/qml/experiments/weights";

const CIRCUIT = `OPENQASM 3.0;
include "stdgates.inc";
input array[float, 2] x;
input array[float, 2] w;
qubit[2] q;
for int i in [0:1] { ry(x[i]) q[i]; ry(w[i]) q[i]; }`;

describe("input arrays in experiment cells", () => {
  it("takes array elements as features (quoted, as YAML needs)", () => {
    const spec = `experiment: train\ndata: { set: parity, bits: 2, test: 0.25 }\nfeatures: [\"x[0]\", \"x[1]\"]\nweights: w\noptimizer: { kind: adam, stepSize: 0.1 }\nsteps: 10`;
    const { spec: parsed } = parseExperiment(joinExperiment(spec, CIRCUIT));
    expect(parsed).toMatchObject({ features: ["x[0]", "x[1]"], weights: "w" });
  });

  it("finds the weights of an array, in index order", () => {
    expect(weightInputs("w", ["x[0]", "w[10]", "w[2]", "w[0]", "wx"])).toEqual([
      "w[0]",
      "w[2]",
      "w[10]",
    ]);
  });
});
