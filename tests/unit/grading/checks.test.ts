import { describe, expect, it } from "vitest";

import { gradeExercise } from "@/lib/grading/grade-exercise";
import { CheckDefinitionError } from "@/lib/grading/programs";

import { qasm } from "./programs";

const bell = qasm(2, "h q[0];\ncx q[0], q[1];");
const stateCheck = { check: { kind: "state" as const, reference: bell, minFidelity: 0.99 } };

describe("state checks", () => {
  it("explains a wrong state with its fidelity and both states' amplitudes", () => {
    // h alone gives (|00⟩ + |01⟩)/√2; its overlap with the Bell state is 1/2, fidelity 1/4.
    const feedback = gradeExercise(stateCheck, qasm(2, "h q[0];"));
    expect(feedback).toMatchObject({
      passed: false,
      kind: "state",
      equivalence: "global phase ignored",
      threshold: 0.99,
      message:
        "Your state is not the target state (fidelity 0.250 < 0.99, global phase ignored); compare the two side by side below.",
      failedConstraints: [],
    });
    expect(feedback.fidelity).toBeCloseTo(0.25, 12);
    const s = Math.SQRT1_2;
    const rows = feedback.comparison!.rows.map((r) => [r.basis, r.learner, r.target]);
    expect(feedback.comparison!.values).toBe("amplitudes");
    expect(rows.map((r) => r[0])).toEqual(["00", "01", "10", "11"]);
    const expected = [
      [s, s],
      [s, 0],
      [0, 0],
      [0, s],
    ];
    rows.forEach(([, learner, target], k) => {
      expect((learner as number[])[0]).toBeCloseTo(expected[k][0], 12);
      expect((target as number[])[0]).toBeCloseTo(expected[k][1], 12);
    });
  });

  it("shows a globally rotated state with the target's own phase", () => {
    const feedback = gradeExercise(stateCheck, qasm(2, "h q[0];\ncx q[0], q[1];\ngphase(2.1);"));
    expect(feedback.passed).toBe(true);
    expect(feedback.message).toBe(
      "Your state matches the target up to a global phase (fidelity 1.000 ≥ 0.99).",
    );
    for (const row of feedback.comparison!.rows) {
      const [lr, li] = row.learner as [number, number];
      const [tr, ti] = row.target as [number, number];
      expect(lr).toBeCloseTo(tr, 12);
      expect(li).toBeCloseTo(ti, 12);
    }
  });

  it("refuses a mid-circuit measurement with the line that does it", () => {
    const source = qasm(2, "h q[0];\nc[0] = measure q[0];\ncx q[0], q[1];", "bit[1] c;\n");
    expect(gradeExercise(stateCheck, source)).toMatchObject({
      passed: false,
      message:
        "This exercise wants a unitary preparation of a state, but line 6 measures in the middle of the circuit (its qubit or its result is used afterwards); measure only at the end, or not at all.",
    });
  });

  it("refuses a reset after use and classical control", () => {
    const reset = qasm(2, "h q[0];\nreset q[0];\nh q[0];\ncx q[0], q[1];");
    expect(gradeExercise(stateCheck, reset).message).toContain(
      "line 5 resets a qubit after it was used",
    );
    // A condition on a bit nothing measured yet: the first obstacle is the condition itself.
    const controlled = qasm(2, "h q[0];\nif (c[1]) { x q[1]; }\ncx q[0], q[1];", "bit[2] c;\n");
    expect(gradeExercise(stateCheck, controlled).message).toContain(
      "line 6 depends on a measurement result (classical control)",
    );
  });

  it("a reset of a fresh qubit is harmless", () => {
    expect(gradeExercise(stateCheck, qasm(2, "reset q;\nh q[0];\ncx q[0], q[1];")).passed).toBe(
      true,
    );
  });

  it("says so when the qubit counts differ", () => {
    expect(gradeExercise(stateCheck, qasm(3, "h q[0];\ncx q[0], q[1];")).message).toBe(
      "Your circuit has 3 qubits but the target state is on 2 qubits: declare exactly 2 so the states can be compared.",
    );
  });

  it("compares states up to the threshold, inclusively", () => {
    // ry(θ) against |0⟩: fidelity cos²(θ/2); θ = 2·arccos(√0.99) sits exactly on 0.99.
    const zero = { check: { kind: "state" as const, reference: qasm(1, ""), minFidelity: 0.99 } };
    expect(gradeExercise(zero, qasm(1, "ry(2*arccos(sqrt(0.99))) q[0];")).passed).toBe(true);
    const below = gradeExercise(zero, qasm(1, "ry(2*arccos(sqrt(0.9899))) q[0];"));
    expect(below.passed).toBe(false);
    expect(below.message).toContain("fidelity 0.9899 < 0.99");
  });

  it("shows probabilities instead of amplitudes above four qubits", () => {
    const ghz = qasm(5, "h q[0];\ncx q[0], q[1];\ncx q[1], q[2];\ncx q[2], q[3];\ncx q[3], q[4];");
    const feedback = gradeExercise(
      { check: { kind: "state", reference: ghz, minFidelity: 0.99 } },
      qasm(5, "x q;"),
    );
    expect(feedback.fidelity).toBeCloseTo(0.5, 12);
    expect(feedback.comparison).toEqual({
      values: "probabilities",
      over: "qubits",
      rows: [
        { basis: "00000", learner: 0, target: expect.closeTo(0.5, 12) },
        { basis: "11111", learner: 1, target: expect.closeTo(0.5, 12) },
      ],
      truncated: false,
    });
  });
});

const zCheck = {
  check: { kind: "unitary" as const, reference: qasm(1, "z q[0];"), minFidelity: 0.99 },
};

describe("unitary checks", () => {
  it("names the inputs it tried", () => {
    const cz = {
      check: { kind: "unitary" as const, reference: qasm(2, "cz q[0], q[1];"), minFidelity: 0.99 },
    };
    const feedback = gradeExercise(cz, qasm(2, "h q[1];\ncx q[0], q[1];\nh q[1];"));
    expect(feedback).toMatchObject({
      passed: true,
      equivalence: "process fidelity up to global phase",
      inputsTried: ["|00⟩", "|01⟩", "|10⟩", "|11⟩", "|++⟩"],
      message:
        "Your circuit implements the target operation up to a global phase (process fidelity 1.000 ≥ 0.99); its outputs agree on all 4 computational basis inputs and |++⟩.",
    });
  });

  it("shows the first basis input whose output differs, with both outputs", () => {
    // x against z: on |0⟩, z gives |0⟩ and x gives |1⟩.
    const feedback = gradeExercise(zCheck, qasm(1, "x q[0];"));
    expect(feedback.passed).toBe(false);
    expect(feedback.fidelity).toBeCloseTo(0, 12);
    expect(feedback.message).toBe(
      "Your circuit is not the target operation (process fidelity 0.000 < 0.99, global phase ignored): on input |0⟩ your output differs from the target's; both outputs are shown below.",
    );
    expect(feedback.counterexample).toEqual({
      input: "|0⟩",
      fidelity: 0,
      outputs: {
        values: "amplitudes",
        over: "qubits",
        rows: [
          { basis: "0", learner: [0, 0], target: [1, 0] },
          { basis: "1", learner: [1, 0], target: [0, 0] },
        ],
        truncated: false,
      },
    });
  });

  it("catches relative phases between basis inputs with |+…+⟩", () => {
    // id against z: every basis output agrees up to its own phase; |+⟩ → |+⟩ versus |−⟩.
    const feedback = gradeExercise(zCheck, qasm(1, "id q[0];"));
    expect(feedback.message).toBe(
      "Your circuit is not the target operation (process fidelity 0.000 < 0.99, global phase ignored): every basis input gives the right output up to a phase, but on |+⟩ the outputs differ, so the relative phases between inputs are wrong; both outputs are shown below.",
    );
    expect(feedback.counterexample!.input).toBe("|+⟩");
  });

  it("computes the process fidelity |Tr(U†V)|²/d²", () => {
    // U = cz, V = id: Tr(cz) = 1 + 1 + 1 − 1 = 2, so F = 4/16.
    const cz = {
      check: { kind: "unitary" as const, reference: qasm(2, "cz q[0], q[1];"), minFidelity: 0.99 },
    };
    const feedback = gradeExercise(cz, qasm(2, "id q[0];"));
    expect(feedback.fidelity).toBeCloseTo(0.25, 12);
    expect(feedback.counterexample!.input).toBe("|++⟩");
  });

  it("refuses mid-circuit measurement and a different width", () => {
    const mid = qasm(1, "c[0] = measure q[0];\nz q[0];", "bit[1] c;\n");
    expect(gradeExercise(zCheck, mid).message).toBe(
      "This exercise asks for a unitary operation, but line 5 measures in the middle of the circuit (its qubit or its result is used afterwards); measure only at the end, or not at all.",
    );
    expect(gradeExercise(zCheck, qasm(2, "z q[0];")).message).toBe(
      "Your circuit has 2 qubits but the target operation acts on 1 qubit: declare exactly 1 so the two can be compared.",
    );
  });

  it("treats a reference wider than ten qubits as a broken check", () => {
    const wide = {
      check: { kind: "unitary" as const, reference: qasm(11, "x q[0];"), minFidelity: 0.99 },
    };
    expect(() => gradeExercise(wide, qasm(11, "x q[0];"))).toThrow(CheckDefinitionError);
  });
});

describe("distribution checks", () => {
  const target = {
    check: { kind: "distribution" as const, target: { "00": 0.5, "11": 0.5 }, maxDistance: 0.05 },
  };

  it("reports the total variation distance over the measured bits", () => {
    // h on q[0] only: P(00) = P(01) = 1/2 → TVD = ½(|½−½| + |½−0| + |0−½|) = ½.
    const feedback = gradeExercise(target, qasm(2, "h q[0];\nc = measure q;", "bit[2] c;\n"));
    expect(feedback).toMatchObject({
      passed: false,
      equivalence: "total variation distance of exact probabilities",
      message:
        "Your outcome probabilities are too far from the target (total variation distance 0.500 > 0.05, computed exactly over your measured classical bits); compare them below.",
    });
    expect(feedback.distance).toBeCloseTo(0.5, 12);
    expect(feedback.comparison).toEqual({
      values: "probabilities",
      over: "classical bits",
      rows: [
        { basis: "00", learner: expect.closeTo(0.5, 12), target: 0.5 },
        { basis: "01", learner: expect.closeTo(0.5, 12), target: 0 },
        { basis: "11", learner: 0, target: 0.5 },
      ],
      truncated: false,
    });
  });

  it("uses the classical bits, in Qiskit order, when the circuit measures", () => {
    // x on q[0], measured into c[1]: the outcome string is c[1]c[0] = "10".
    const one = { check: { kind: "distribution" as const, target: { "10": 1 }, maxDistance: 0 } };
    expect(gradeExercise(one, qasm(2, "x q[0];\nc[1] = measure q[0];", "bit[2] c;\n")).passed).toBe(
      true,
    );
    expect(gradeExercise(one, qasm(2, "x q[0];\nc[0] = measure q[0];", "bit[2] c;\n")).passed).toBe(
      false,
    );
  });

  it("handles mid-circuit measurement and classical control exactly", () => {
    // Measure q[0] (½/½), copy the result to q[1] with a conditional x, measure q[1].
    const source = qasm(
      2,
      "h q[0];\nc[0] = measure q[0];\nif (c[0] == 1) { x q[1]; }\nc[1] = measure q[1];",
      "bit[2] c;\n",
    );
    const feedback = gradeExercise(target, source);
    expect(feedback.passed).toBe(true);
    expect(feedback.distance).toBeCloseTo(0, 12);
  });

  it("says when the outcome widths differ", () => {
    expect(gradeExercise(target, qasm(3, "h q[0];\ncx q[0], q[1];")).message).toBe(
      "The target's outcomes have 2 bits but your circuit measures nothing, so its outcomes are its 3 qubits; measure the right qubits into a register of 2 bits.",
    );
    expect(gradeExercise(target, qasm(2, "c[0] = measure q[0];", "bit[1] c;\n")).message).toBe(
      "The target's outcomes have 2 bits but your circuit has 1 classical bit; measure the right qubits into a register of 2 bits.",
    );
  });

  it("keeps the distance edge inclusive", () => {
    // ry(π/2): P(0) = P(1) = ½ against {0: 0.75, 1: 0.25}: TVD = 0.25 exactly.
    const edge = (maxDistance: number) => ({
      check: { kind: "distribution" as const, target: { "0": 0.75, "1": 0.25 }, maxDistance },
    });
    expect(gradeExercise(edge(0.25), qasm(1, "ry(pi/2) q[0];")).passed).toBe(true);
    expect(gradeExercise(edge(0.2499), qasm(1, "ry(pi/2) q[0];")).passed).toBe(false);
  });
});

describe("expectation checks", () => {
  // ⟨Z⟩ of ry(π/3)|0⟩ = cos(π/3) = 1/2.
  const z0 = (target: number, tolerance: number) => ({
    check: { kind: "expectation" as const, observable: "Z0", target, tolerance },
  });

  it("compares the value with the target within the tolerance, inclusively", () => {
    const source = qasm(1, "ry(pi/3) q[0];");
    expect(gradeExercise(z0(0.5, 0), source).passed).toBe(true);
    expect(gradeExercise(z0(0.75, 0.25), source).passed).toBe(true);
    const miss = gradeExercise(z0(0.7501, 0.25), source);
    expect(miss).toMatchObject({
      passed: false,
      equivalence: "expectation value within tolerance",
      threshold: 0.25,
      target: 0.7501,
      message:
        "⟨Z0⟩ of your final state is 0.5000, but the target is 0.7501 ± 0.25 (off by 0.2501).",
    });
    expect(miss.value).toBeCloseTo(0.5, 12);
  });

  it("averages over mid-circuit measurement outcomes", () => {
    // Measuring |+⟩ leaves |0⟩ or |1⟩: ⟨X⟩ = 0, not the 1 of |+⟩ itself.
    const x0 = {
      check: { kind: "expectation" as const, observable: "X0", target: 1, tolerance: 0.05 },
    };
    expect(gradeExercise(x0, qasm(1, "h q[0];")).passed).toBe(true);
    const measured = gradeExercise(
      x0,
      qasm(1, "h q[0];\nc[0] = measure q[0];\nid q[0];", "bit[1] c;\n"),
    );
    expect(measured.passed).toBe(false);
    expect(measured.value).toBeCloseTo(0, 12);
  });

  it("says when the observable needs more qubits than the circuit has", () => {
    const zz = {
      check: { kind: "expectation" as const, observable: "Z0*Z2", target: 1, tolerance: 0.05 },
    };
    expect(gradeExercise(zz, qasm(2, "")).message).toBe(
      "The observable Z0*Z2 acts on qubits up to q[2], but your circuit has 2 qubits; declare at least 3.",
    );
  });

  it("treats an invalid observable as a broken check", () => {
    const bad = {
      check: { kind: "expectation" as const, observable: "Q0", target: 1, tolerance: 0.05 },
    };
    expect(() => gradeExercise(bad, qasm(1, ""))).toThrow(CheckDefinitionError);
  });
});

describe("learner code that does not run", () => {
  it("is a failed attempt with the located compile error", () => {
    const feedback = gradeExercise(stateCheck, qasm(2, "h q[0];\ncx q[0] q[1];"));
    expect(feedback.passed).toBe(false);
    expect(feedback.compileError).toMatchObject({ line: 5 });
    expect(feedback.message).toBe(
      `Your code does not compile (line 5, column ${feedback.compileError!.column}): ${feedback.compileError!.message}${/[.?!]$/.test(feedback.compileError!.message) ? "" : "."}`,
    );
    expect(feedback.fidelity).toBeUndefined();
  });

  it("reads the learner's inputs from the options, and says when one is missing", () => {
    const source = qasm(1, "input float theta;\nry(theta) q[0];");
    const target = {
      check: { kind: "state" as const, reference: qasm(1, "ry(pi/3) q[0];"), minFidelity: 0.99 },
    };
    expect(gradeExercise(target, source, { params: { theta: Math.PI / 3 } }).passed).toBe(true);
    const missing = gradeExercise(target, source);
    expect(missing.passed).toBe(false);
    expect(missing.compileError?.message).toMatch(/theta/);
  });

  it("is a failed attempt when it exceeds a limit", () => {
    const feedback = gradeExercise(stateCheck, qasm(2, "h q[0];\ncx q[0], q[1];"), {
      limits: { maxQubits: 1 },
    });
    expect(feedback.passed).toBe(false);
    expect(feedback.compileError?.message).toMatch(/maxQubits/);
  });

  it("refuses circuits wider than the grading limit unless the caller raises it", () => {
    const wide = {
      check: { kind: "distribution" as const, target: { "0": 1 }, maxDistance: 0.01 },
    };
    const feedback = gradeExercise(wide, qasm(17, "x q[0];"));
    expect(feedback.compileError?.message).toMatch(/17 qubits.*maxQubits = 16/);
    const raised = gradeExercise(wide, qasm(17, "x q[0];"), { limits: { maxQubits: 17 } });
    expect(raised.compileError).toBeUndefined();
  });

  it("is a failed attempt when its measurements branch too much to grade exactly", () => {
    // 16 qubits leave room for 2^22 / 2^16 = 64 branches; seven measured |+⟩ states make 128.
    const measures = Array.from({ length: 7 }, (_, i) => `c[${i}] = measure q[${i}];\nx q[${i}];`);
    const source = qasm(16, `h q;\n${measures.join("\n")}`, "bit[7] c;\n");
    const feedback = gradeExercise(
      { check: { kind: "distribution", target: { "0000000": 1 }, maxDistance: 0.01 } },
      source,
    );
    expect(feedback.passed).toBe(false);
    expect(feedback.message).toBe(
      "Your circuit could not be checked (line 18): the circuit's measurements split it into more than 64 branches, too many to grade exactly.",
    );
  });

  it("a broken reference is the exercise's fault, not the learner's", () => {
    const broken = {
      check: { kind: "state" as const, reference: qasm(1, "hh q[0];"), minFidelity: 0.99 },
    };
    expect(() => gradeExercise(broken, qasm(1, "h q[0];"))).toThrow(
      /the check's reference program does not compile: reference:4:1: error: unknown gate `hh`/,
    );
  });
});
