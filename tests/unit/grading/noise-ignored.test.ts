/**
 * Noise a learner names with `#pragma noise` neither passes nor fails a graded circuit: every
 * circuit check judges the ideal circuit exactly, and the feedback says the pragma was left out.
 * An experiment cell takes noise only from its spec, so there the pragma is a located error.
 */
import { describe, expect, it } from "vitest";

import { gradeExercise, noiseIgnored } from "@/lib/grading/grade-exercise";
import { gradeQuiz } from "@/lib/grading/grade-quiz";

import { qasm } from "./programs";
import { allCorrect, quiz } from "./quiz-fixture";

/** Heavy enough that any sampled or noisy grading would see it. */
const NOISE = "#pragma noise depolarizing 0.5\n#pragma noise readout 0.4\n";
const bell = qasm(2, "h q[0];\ncx q[0], q[1];");

describe("grading ignores a learner's noise", () => {
  it("a state check passes a correct noisy circuit and says the noise was left out", () => {
    const feedback = gradeExercise(
      { check: { kind: "state", reference: bell, minFidelity: 0.99 } },
      qasm(2, "h q[0];\ncx q[0], q[1];", NOISE),
    );
    expect(feedback.passed).toBe(true);
    expect(feedback.message).toBe(
      `Your state matches the target up to a global phase (fidelity 1.000 ≥ 0.99). ${noiseIgnored(4)}`,
    );
    expect(noiseIgnored(4)).toBe(
      "Your `#pragma noise` (line 4) is left out of the graded run: the check judges the ideal circuit exactly, without noise.",
    );
  });

  it("a distribution check judges exact probabilities: noise cannot pass a wrong circuit", () => {
    // The target is uniform; a learner's heavy depolarizing noise would push the identity circuit
    // towards it, but the check sees the ideal |00⟩.
    const uniform = { "00": 0.25, "01": 0.25, "10": 0.25, "11": 0.25 };
    const check = { check: { kind: "distribution" as const, target: uniform, maxDistance: 0.1 } };
    const noisy = gradeExercise(
      check,
      qasm(2, "id q[0];\nc = measure q;", `#pragma noise depolarizing 1\nbit[2] c;\n`),
    );
    expect(noisy.passed).toBe(false);
    expect(noisy.distance).toBeCloseTo(0.75, 12);
    expect(noisy.message).toMatch(/left out of the graded run/);
  });

  it("an expectation check and a unitary check judge the ideal circuit", () => {
    const expectation = gradeExercise(
      { check: { kind: "expectation", observable: "Z0", target: -1, tolerance: 0.01 } },
      qasm(1, "x q[0];", NOISE),
    );
    expect(expectation.passed).toBe(true);
    const unitary = gradeExercise(
      { check: { kind: "unitary", reference: qasm(1, "z q[0];"), minFidelity: 0.99 } },
      qasm(1, "z q[0];", NOISE),
    );
    expect(unitary.passed).toBe(true);
    expect(unitary.message).toMatch(/`#pragma noise` \(line 4\) is left out/);
  });

  it("a gradient check on a circuit cell differentiates the ideal circuit", () => {
    const source = `OPENQASM 3.0;\ninclude "stdgates.inc";\n#pragma noise amplitude_damping 0.9\ninput float theta;\nqubit[1] q;\nry(theta) q[0];`;
    const feedback = gradeExercise(
      {
        check: {
          kind: "gradient",
          at: { theta: 0.3 },
          input: "theta",
          observable: "Z0",
          expected: -Math.sin(0.3),
          tolerance: 1e-9,
        },
      },
      source,
    );
    expect(feedback.passed).toBe(true);
    expect(feedback.message).toMatch(/`#pragma noise` \(line 3\) is left out/);
  });

  it("a quiz's circuit question is graded the same way", () => {
    const answer = qasm(1, "x q[0];\nc[0] = measure q[0];", `${NOISE}bit[1] c;\n`);
    const result = gradeQuiz(quiz, { ...allCorrect, "q-circuit": answer }).questions.find(
      (q) => q.id === "q-circuit",
    )!;
    expect(result.correct).toBe(true);
    expect(result.feedback!.message).toMatch(/left out of the graded run/);
  });

  it("an experiment cell's circuit refuses the pragma at its line", () => {
    const cell = `experiment: scan\nobservable: Z0\ngrid: { theta: [0, 1, 3] }\n---\nOPENQASM 3.0;\ninclude "stdgates.inc";\n#pragma noise depolarizing 0.1\ninput float theta;\nqubit[1] q;\nry(theta) q[0];`;
    const feedback = gradeExercise(
      {
        language: "experiment",
        check: {
          kind: "gradient",
          at: { theta: 0.3 },
          input: "theta",
          observable: "Z0",
          expected: 0,
          tolerance: 0.1,
        },
      },
      cell,
    );
    expect(feedback.passed).toBe(false);
    expect(feedback.compileError).toEqual({
      line: 7,
      column: 1,
      message:
        "`#pragma noise` cannot be used here: exact expectation values and gradients are computed for the ideal circuit (an experiment cell takes its noise from the spec's `noise` field)",
    });
  });
});
