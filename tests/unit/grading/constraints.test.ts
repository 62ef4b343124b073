import { describe, expect, it } from "vitest";

import { circuitDepth, failedConstraints } from "@/lib/grading/constraints";
import { gradeExercise } from "@/lib/grading/grade-exercise";
import { hintsFor, solutionUnlocked } from "@/lib/grading/hints";
import { compile } from "@/lib/quantum/compile";

import { qasm } from "./programs";

const circuit = (qubits: number, body: string, extra = "") => compile(qasm(qubits, body, extra));

describe("constraints", () => {
  it("counts gates after inlining, but not barriers, measurements or a bare gphase", () => {
    const c = circuit(
      2,
      "gate bell a, b { h a; cx a, b; }\nbell q[0], q[1];\nbarrier q;\ngphase(0.5);\nc = measure q;",
      "bit[2] c;\n",
    );
    expect(failedConstraints(c, { maxGates: 2 })).toEqual([]);
    expect(failedConstraints(c, { maxGates: 1 })).toEqual([
      "maxGates: your circuit has 2 gates; at most 1 allowed.",
    ]);
  });

  it("counts a controlled global phase as a gate on its controls", () => {
    // The front end lowers `ctrl @ gphase` to a phase gate; the IR's controlled gphase also counts.
    const loc = { line: 4, column: 1 };
    const c = {
      ...circuit(2, ""),
      ops: [
        {
          kind: "gphase" as const,
          angle: Math.PI,
          controls: [0, 1],
          controlStates: [1, 1] as (0 | 1)[],
          loc,
        },
        { kind: "gphase" as const, angle: 1, controls: [], controlStates: [], loc },
      ],
    };
    expect(failedConstraints(c, { maxGates: 0, allowedGates: ["z"] })).toEqual([
      "allowedGates: your circuit uses gphase (line 4); only z may be used.",
      "maxGates: your circuit has 1 gate; at most 0 allowed.",
    ]);
    expect(circuitDepth(c)).toBe(1);
  });

  it("names gates as written: a user gate by its own name, and each offender once", () => {
    const c = circuit(
      2,
      "gate bell a, b { h a; cx a, b; }\nbell q[0], q[1];\nx q[0];\nx q[1];\ny q[0];",
    );
    expect(failedConstraints(c, { allowedGates: ["bell"] })).toEqual([
      "allowedGates: your circuit uses x (line 6), y (line 8); only bell may be used.",
    ]);
    expect(failedConstraints(c, { allowedGates: ["h", "cx", "x", "y"] })).toEqual([
      "allowedGates: your circuit uses bell (line 5); only h, cx, x, y may be used.",
    ]);
  });

  it("always allows id, which cannot help around a restriction", () => {
    expect(failedConstraints(circuit(1, "id q[0];\nh q[0];"), { allowedGates: ["h"] })).toEqual([]);
  });

  it("measures depth over qubits", () => {
    // h q0 | h q1 in layer 1, cx in 2, x q2 in 1, cx q1,q2 in 3.
    const c = circuit(3, "h q[0];\nh q[1];\nx q[2];\ncx q[0], q[1];\ncx q[1], q[2];");
    expect(circuitDepth(c)).toBe(3);
    expect(failedConstraints(c, { maxDepth: 3 })).toEqual([]);
    expect(failedConstraints(c, { maxDepth: 2 })).toEqual([
      "maxDepth: your circuit has depth 3; at most 2 allowed.",
    ]);
    expect(circuitDepth(circuit(2, "barrier q;\ngphase(1);"))).toBe(0);
  });

  it("requires a least number of uses of a gate, counted after loops unroll", () => {
    // A folded CNOT (cx cx cx) has the unitary of one: only the count tells the fold was kept.
    const folded = circuit(2, "for int i in [0:2] { cx q[0], q[1]; }");
    expect(failedConstraints(folded, { minGateCounts: { cx: 3 } })).toEqual([]);
    expect(
      failedConstraints(circuit(2, "cx q[0], q[1];"), { minGateCounts: { cx: 3, h: 1 } }),
    ).toEqual([
      "minGateCounts: your circuit uses cx 1 time; at least 3 required.",
      "minGateCounts: your circuit uses h 0 times; at least 1 required.",
    ]);
  });

  it("limits qubits and reports every broken constraint", () => {
    const c = circuit(3, "h q[0];\nh q[1];\nh q[2];");
    expect(failedConstraints(c, { maxQubits: 2, maxGates: 2, allowedGates: ["x"] })).toEqual([
      "maxQubits: your circuit declares 3 qubits; at most 2 allowed.",
      "allowedGates: your circuit uses h (line 4); only x may be used.",
      "maxGates: your circuit has 3 gates; at most 2 allowed.",
    ]);
  });

  it("fails an otherwise correct attempt and says which constraint it broke", () => {
    const exercise = {
      check: {
        kind: "unitary" as const,
        reference: qasm(2, "cz q[0], q[1];"),
        minFidelity: 0.99,
      },
      constraints: { allowedGates: ["h", "cx"], maxGates: 3 },
    };
    expect(gradeExercise(exercise, qasm(2, "h q[1];\ncx q[0], q[1];\nh q[1];")).passed).toBe(true);
    const feedback = gradeExercise(exercise, qasm(2, "cz q[0], q[1];"));
    expect(feedback.passed).toBe(false);
    expect(feedback.failedConstraints).toEqual([
      "allowedGates: your circuit uses cz (line 4); only h, cx may be used.",
    ]);
    expect(feedback.message).toBe(
      "Your circuit implements the target operation up to a global phase (process fidelity 1.000 ≥ 0.99); its outputs agree on all 4 computational basis inputs and |++⟩, but your circuit breaks 1 constraint: allowedGates: your circuit uses cz (line 4); only h, cx may be used.",
    );
  });
});

describe("hints and solution", () => {
  const exercise = { hints: ["first", "second", "third"], solutionAfter: 2 };

  it("unlocks one hint per failed attempt", () => {
    expect(hintsFor(exercise, 0)).toEqual([]);
    expect(hintsFor(exercise, 1)).toEqual(["first"]);
    expect(hintsFor(exercise, 2)).toEqual(["first", "second"]);
    expect(hintsFor(exercise, 9)).toEqual(["first", "second", "third"]);
    expect(hintsFor(exercise, -1)).toEqual([]);
  });

  it("unlocks the solution after solutionAfter failed attempts", () => {
    expect(solutionUnlocked(exercise, 1)).toBe(false);
    expect(solutionUnlocked(exercise, 2)).toBe(true);
    expect(solutionUnlocked({ hints: [], solutionAfter: 0 }, 0)).toBe(true);
  });
});
