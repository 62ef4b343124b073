import { describe, expect, it } from "vitest";

import { specCompletions } from "@/lib/qml/experiments/spec-completions";
import {
  experimentSpecSchema,
  ExperimentSpecError,
  joinExperiment,
  parseExperiment,
  splitExperiment,
} from "@/lib/qml/experiments/spec";
import { SPEC_FIELDS } from "@/lib/qml/experiments/vocabulary";

const CIRCUIT = `OPENQASM 3.0;
include "stdgates.inc";
input float x0;
input float w0;
qubit[1] q;
ry(x0) q[0];
ry(w0) q[0];`;

const TRAIN = `experiment: train
data: { set: parity, bits: 2, test: 0.25 }
features: [x0]
weights: w
optimizer: { kind: adam, stepSize: 0.1 }
steps: 10`;

function errorOf(text: string): ExperimentSpecError {
  try {
    parseExperiment(text);
  } catch (error) {
    if (error instanceof ExperimentSpecError) return error;
    throw error;
  }
  throw new Error("expected an ExperimentSpecError");
}

describe("experiment cells: spec above `---`, circuit below", () => {
  it("splits and joins losslessly, and says where the circuit starts", () => {
    const text = joinExperiment(TRAIN, CIRCUIT);
    const parts = splitExperiment(text);
    expect(parts.spec).toBe(TRAIN);
    expect(parts.circuit).toBe(CIRCUIT);
    expect(text.split("\n")[parts.circuitLine - 1]).toBe("OPENQASM 3.0;");
    expect(joinExperiment(parts.spec, parts.circuit)).toBe(text);
  });

  it("round-trips what a learner types: an empty spec, a trailing blank line", () => {
    for (const spec of ["", "experiment: train\n", "experiment: train\n\n", "a: 1"]) {
      const parts = splitExperiment(joinExperiment(spec, CIRCUIT));
      expect(parts.spec).toBe(spec);
      expect(parts.circuit).toBe(CIRCUIT);
      expect(joinExperiment(spec, CIRCUIT).split("\n")[parts.circuitLine - 1]).toBe(
        "OPENQASM 3.0;",
      );
    }
  });

  it("fills defaults of a valid spec", () => {
    const { spec } = parseExperiment(joinExperiment(TRAIN, CIRCUIT));
    expect(spec).toMatchObject({
      experiment: "train",
      loss: "square",
      gradient: "adjoint",
      shots: "exact",
      seed: 0,
      optimizer: { kind: "adam", stepSize: 0.1, beta1: 0.9 },
    });
  });

  it("asks for the separator when it is missing", () => {
    expect(errorOf(TRAIN).message).toMatch(/a line `---`/);
  });

  it("locates an unknown field on its line", () => {
    const error = errorOf(joinExperiment(`${TRAIN}\nlearningRate: 3`, CIRCUIT));
    expect(error.message).toMatch(/unknown field `learningRate`/);
    expect(error.line).toBe(7);
  });

  it("locates a bad value in a nested field, naming the limit", () => {
    const error = errorOf(joinExperiment(TRAIN.replace("steps: 10", "steps: 100000"), CIRCUIT));
    expect(error.message).toMatch(/steps: steps is at most 500 \(limit\)/);
    expect(error.line).toBe(6);
    const optimizer = errorOf(joinExperiment(TRAIN.replace("adam", "rmsprop"), CIRCUIT));
    expect(optimizer.line).toBe(5);
    expect(optimizer.message).toMatch(/optimizer/);
  });

  it("reports broken YAML with its line and column", () => {
    const error = errorOf(joinExperiment("experiment: train\ndata: { set: parity", CIRCUIT));
    expect(error.message).toMatch(/invalid YAML/);
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it("requires exactly one of observable and hamiltonian for scans", () => {
    const scan = `experiment: scan\ngrid: { w0: [0, 3.14, 5] }\nvalues: { x0: 0 }`;
    expect(errorOf(joinExperiment(scan, CIRCUIT)).message).toMatch(/either `observable`/);
    expect(() => parseExperiment(joinExperiment(`${scan}\nobservable: Z0`, CIRCUIT))).not.toThrow();
  });

  it("refuses a grid over the point limit", () => {
    const scan = `experiment: scan\nobservable: Z0\ngrid: { w0: [0, 1, 100], x0: [0, 1, 100] }`;
    expect(errorOf(joinExperiment(scan, CIRCUIT)).message).toMatch(/maxGrid = 2500/);
  });
});

describe("spec completion", () => {
  it("offers the kind's top-level fields not written yet", () => {
    const text = `experiment: train\nsteps: 3\n`;
    const labels = specCompletions(text, 3, 1).map((c) => c.label);
    expect(labels).toContain("optimizer");
    expect(labels).toContain("features");
    expect(labels).not.toContain("steps");
    expect(labels).not.toContain("grid"); // a scan field
  });

  it("offers allowed words after `field: `, inside flow maps and on indented lines", () => {
    expect(specCompletions("experiment: train\nloss: ", 2, 7).map((c) => c.label)).toEqual([
      "square",
      "hinge",
      "cross-entropy",
    ]);
    expect(
      specCompletions("experiment: train\noptimizer: { kind: ", 2, 20).map((c) => c.label),
    ).toContain("nesterov");
    const nested = specCompletions("experiment: train\ndata:\n  ", 3, 3).map((c) => c.label);
    expect(nested).toContain("set");
    expect(nested).toContain("test");
  });

  it("offers a minimisation's landscape, and a plateau study's fields and observables", () => {
    const minimise = specCompletions("experiment: minimise\n", 2, 1).map((c) => c.label);
    expect(minimise).toContain("landscape");
    const plateau = specCompletions("experiment: plateau\n", 2, 1).map((c) => c.label);
    expect(plateau).toEqual(
      expect.arrayContaining(["qubits", "parameter", "observable", "samples", "values", "seed"]),
    );
    expect(plateau).not.toContain("shots");
    expect(specCompletions("experiment: plateau\nobservable: ", 2, 13).map((c) => c.label)).toEqual(
      ["global", "local"],
    );
    expect(specCompletions("experiment: ", 1, 13).map((c) => c.label)).toContain("plateau");
  });

  it("offers nothing inside the circuit", () => {
    expect(specCompletions("experiment: train\n---\nqubit q;\n", 3, 1)).toEqual([]);
  });

  it("names exactly the fields the schema accepts, for every kind", () => {
    for (const option of experimentSpecSchema.options) {
      const kind = option.shape.experiment.value as keyof typeof SPEC_FIELDS;
      expect(Object.keys(SPEC_FIELDS[kind]).sort()).toEqual(Object.keys(option.shape).sort());
    }
  });
});
