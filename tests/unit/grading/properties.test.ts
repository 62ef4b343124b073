import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { gradeExercise } from "@/lib/grading/grade-exercise";

import { qasm } from "./programs";

/** Random circuits on three qubits from a mix of gates, as OpenQASM statements. */
const ONE = ["h", "x", "y", "z", "s", "t", "sdg", "sx"];
const statement = fc.oneof(
  fc.tuple(fc.constantFrom(...ONE), fc.nat(2)).map(([g, q]) => `${g} q[${q}];`),
  fc
    .tuple(
      fc.constantFrom("rx", "ry", "rz", "p"),
      fc.double({ min: -4, max: 4, noNaN: true }),
      fc.nat(2),
    )
    .map(([g, a, q]) => `${g}(${a}) q[${q}];`),
  fc
    .tuple(fc.constantFrom("cx", "cz", "swap", "crz(0.7)"), fc.nat(2), fc.nat(1))
    .map(([g, a, d]) => `${g} q[${a}], q[${(a + 1 + d) % 3}];`),
);
const body = fc.array(statement, { minLength: 1, maxLength: 12 }).map((s) => s.join("\n"));

const kinds = (reference: string) => [
  { check: { kind: "state" as const, reference, minFidelity: 0.999 } },
  { check: { kind: "unitary" as const, reference, minFidelity: 0.999 } },
  { check: { kind: "distribution" as const, reference, maxDistance: 1e-9 } },
];

describe("grading properties on random circuits", () => {
  it("a circuit passes every check against itself with any global phase added", () => {
    fc.assert(
      fc.property(body, fc.double({ min: -7, max: 7, noNaN: true }), (b, phase) => {
        for (const exercise of kinds(qasm(3, b))) {
          const feedback = gradeExercise(exercise, qasm(3, `gphase(${phase});\n${b}`));
          expect(feedback.passed, feedback.message).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a circuit followed by its inverse is the identity", () => {
    fc.assert(
      fc.property(body, (b) => {
        const [, unitary] = kinds(qasm(3, ""));
        const undone = `gate g a, b, c {\n${b
          .replace(/q\[0\]/g, "a")
          .replace(/q\[1\]/g, "b")
          .replace(/q\[2\]/g, "c")}\n}\ng q[0], q[1], q[2];\ninv @ g q[0], q[1], q[2];`;
        const feedback = gradeExercise(unitary, qasm(3, undone));
        expect(feedback.passed, feedback.message).toBe(true);
        expect(feedback.fidelity).toBeCloseTo(1, 9);
      }),
      { numRuns: 60 },
    );
  });

  it("fidelities and distances stay within [0, 1]", () => {
    fc.assert(
      fc.property(body, body, (a, b) => {
        for (const exercise of kinds(qasm(3, a))) {
          const feedback = gradeExercise(exercise, qasm(3, b));
          for (const x of [feedback.fidelity, feedback.distance]) {
            if (x === undefined) continue;
            expect(x).toBeGreaterThanOrEqual(-1e-12);
            expect(x).toBeLessThanOrEqual(1 + 1e-12);
          }
          // The verdict agrees with the number it reports.
          if (feedback.fidelity !== undefined)
            expect(feedback.passed).toBe(feedback.fidelity >= 0.999 - 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });
});
