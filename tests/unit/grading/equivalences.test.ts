import { describe, expect, it } from "vitest";

import { gradeExercise, type Gradable } from "@/lib/grading/grade-exercise";

import { qasm } from "./programs";

/**
 * Grading must accept whatever is physically equivalent to the reference for the kind of check.
 * The reference prepares, from |00⟩ (by hand): ry(π/3) gives (√3/2)|0⟩ + (1/2)|1⟩ on q[0]; cx
 * copies it, (√3/2)|00⟩ + (1/2)|11⟩; cz flips the sign of |11⟩; swap leaves the state alone.
 * So P(00) = 3/4, P(11) = 1/4 and ⟨X0·X1⟩ = 2·(√3/2)·(−1/2) = −√3/2.
 */
const REFERENCE_BODY = `ry(pi/3) q[0];
cx q[0], q[1];
cz q[0], q[1];
swap q[0], q[1];`;
const reference = qasm(2, REFERENCE_BODY);

const checks: Record<string, Gradable> = {
  state: { check: { kind: "state", reference, minFidelity: 0.99 } },
  unitary: { check: { kind: "unitary", reference, minFidelity: 0.99 } },
  "distribution (reference)": { check: { kind: "distribution", reference, maxDistance: 0.01 } },
  "distribution (target)": {
    check: { kind: "distribution", target: { "00": 0.75, "11": 0.25 }, maxDistance: 0.01 },
  },
  expectation: {
    check: { kind: "expectation", observable: "X0*X1", target: -Math.sqrt(3) / 2, tolerance: 1e-6 },
  },
};

const equivalent: Record<string, string> = {
  "the reference itself": reference,
  "a global phase gphase(0.3)": qasm(2, `${REFERENCE_BODY}\ngphase(0.3);`),
  "z·x·z·x (= −1) in front": qasm(2, `z q[1];\nx q[1];\nz q[1];\nx q[1];\n${REFERENCE_BODY}`),
  "extra identities (id, barrier, h h)": qasm(
    2,
    `id q[0];\nbarrier q;\n${REFERENCE_BODY}\nh q[1];\nh q[1];\nbarrier q[0], q[1];`,
  ),
  "cz built from h-cx-h": qasm(
    2,
    `ry(pi/3) q[0];\ncx q[0], q[1];\nh q[1];\ncx q[0], q[1];\nh q[1];\nswap q[0], q[1];`,
  ),
  "swap built from three cx": qasm(
    2,
    `ry(pi/3) q[0];\ncx q[0], q[1];\ncz q[0], q[1];\ncx q[0], q[1];\ncx q[1], q[0];\ncx q[0], q[1];`,
  ),
  "a user-defined gate and a modifier": qasm(
    2,
    `gate prep(t) a, b { ry(t) a; cx a, b; }\nprep(pi/3) q[0], q[1];\nctrl @ z q[0], q[1];\nswap q[0], q[1];`,
  ),
};

describe("grading accepts equivalent circuits", () => {
  for (const [checkName, exercise] of Object.entries(checks)) {
    for (const [variant, source] of Object.entries(equivalent)) {
      it(`${checkName}: ${variant}`, () => {
        const feedback = gradeExercise(exercise, source);
        expect(feedback.passed, feedback.message).toBe(true);
        expect(feedback.failedConstraints).toEqual([]);
      });
    }
  }

  it("terminal measurements are allowed for every kind of check", () => {
    const measured = qasm(2, `${REFERENCE_BODY}\nc = measure q;`, "bit[2] c;\n");
    for (const exercise of Object.values(checks)) {
      expect(gradeExercise(exercise, measured).passed).toBe(true);
    }
  });

  it("a distribution check ignores relative phases that state, unitary and ⟨X0·X1⟩ see", () => {
    // Without the cz the state is (√3/2)|00⟩ + (1/2)|11⟩: same probabilities, other state.
    const noCz = qasm(2, `ry(pi/3) q[0];\ncx q[0], q[1];\nswap q[0], q[1];`);
    expect(gradeExercise(checks["distribution (target)"], noCz).passed).toBe(true);
    expect(gradeExercise(checks["distribution (reference)"], noCz).passed).toBe(true);
    expect(gradeExercise(checks.state, noCz).passed).toBe(false);
    expect(gradeExercise(checks.unitary, noCz).passed).toBe(false);
    expect(gradeExercise(checks.expectation, noCz).passed).toBe(false);
  });

  it("a state check accepts a different operation that prepares the same state; unitary does not", () => {
    // Dropping the swap: the state is symmetric, so unchanged; the operation is not.
    const noSwap = qasm(2, `ry(pi/3) q[0];\ncx q[0], q[1];\ncz q[0], q[1];`);
    expect(gradeExercise(checks.state, noSwap).passed).toBe(true);
    expect(gradeExercise(checks.unitary, noSwap).passed).toBe(false);
  });
});
