import { describe, expect, it } from "vitest";

import { clusterMisconceptions, type WrongSubmission } from "@/lib/cohorts/misconceptions";
import type { Amplitude, ExerciseFeedback } from "@/lib/grading/feedback";

const base = {
  passed: false,
  kind: "state",
  equivalence: "global phase ignored",
  threshold: 0.99,
  failedConstraints: [],
  message: "Not the target state.",
} as const satisfies Partial<ExerciseFeedback>;

function amplitudes(rows: Record<string, Amplitude>): ExerciseFeedback {
  return {
    ...base,
    comparison: {
      values: "amplitudes",
      over: "qubits",
      truncated: false,
      rows: Object.entries(rows).map(([basis, learner]) => ({ basis, learner, target: [0, 0] })),
    },
  };
}

function probabilities(rows: Record<string, number>): ExerciseFeedback {
  return {
    ...base,
    kind: "distribution",
    equivalence: "total variation distance of exact probabilities",
    comparison: {
      values: "probabilities",
      over: "classical bits",
      truncated: false,
      rows: Object.entries(rows).map(([basis, learner]) => ({ basis, learner, target: null })),
    },
  };
}

let n = 0;
const submission = (
  userId: string,
  source: string,
  feedback: ExerciseFeedback,
): WrongSubmission => ({
  id: `s${++n}`,
  userId,
  source,
  feedback,
  createdAt: new Date(Date.UTC(2026, 11, 1, 0, n)),
});

const r = Math.SQRT1_2;

describe("misconception clusters", () => {
  it("puts states equal up to a global phase together, and apart from other states", () => {
    const clusters = clusterMisconceptions([
      submission("ada", "x q[0]; // long comment", amplitudes({ "0": [0, 0], "1": [1, 0] })),
      submission("bob", "y q[0];", amplitudes({ "0": [0, 0], "1": [0, 1] })), // i|1⟩
      submission("cy", "h q[0];", amplitudes({ "0": [r, 0], "1": [r, 0] })),
      submission("ada", "ry(pi) q[0];", amplitudes({ "0": [0, 0], "1": [-1, 0] })),
    ]);
    expect(clusters.map((c) => [c.count, c.learners])).toEqual([
      [3, 2],
      [1, 1],
    ]);
    expect(clusters[0].representative.source).toBe("y q[0];");
    expect(clusters[0].description).toBe("prepare the same wrong state");
  });

  it("compares distributions by classical fidelity", () => {
    const clusters = clusterMisconceptions([
      submission("ada", "a", probabilities({ "0": 0.5, "1": 0.5 })),
      submission("bob", "b", probabilities({ "0": 0.501, "1": 0.499 })),
      submission("cy", "c", probabilities({ "0": 1 })),
    ]);
    expect(clusters.map((c) => c.count)).toEqual([2, 1]);
    expect(clusters[0].description).toBe("give the same wrong distribution");
  });

  it("groups compile errors by message and broken constraints by the constraint", () => {
    const error = (message: string): ExerciseFeedback => ({
      ...base,
      message: "Your code does not compile.",
      compileError: { message, line: 3 },
    });
    const clusters = clusterMisconceptions([
      submission("ada", "a", error("unknown gate 'hh'")),
      submission("bob", "b", error("unknown gate 'hh'")),
      submission("cy", "c", error("missing ';'")),
      submission("di", "d", { ...base, failedConstraints: ["Use at most 1 qubit."] }),
    ]);
    expect(clusters.map((c) => [c.description, c.count])).toEqual([
      ["does not compile: unknown gate 'hh'", 2],
      ["does not compile: missing ';'", 1],
      ["breaks a constraint: Use at most 1 qubit.", 1],
    ]);
  });
});
