import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QuantumError } from "@/lib/quantum/errors";
import { blochVector, expectation, parsePauliSum } from "@/lib/quantum/observables";
import { matVec, place, randomVec, textbookGate, type RVec } from "@/tests/support/dense-reference";
import { fromVec } from "./engine";

describe("parsePauliSum", () => {
  it("parses coefficients, signs, products and constants", () => {
    expect(parsePauliSum("0.5*Z0*Z1 - 0.3*X0 + 2").terms).toEqual([
      {
        coeff: 0.5,
        factors: [
          { pauli: "Z", qubit: 0 },
          { pauli: "Z", qubit: 1 },
        ],
      },
      { coeff: -0.3, factors: [{ pauli: "X", qubit: 0 }] },
      { coeff: 2, factors: [] },
    ]);
    expect(parsePauliSum("-Y12").terms).toEqual([
      { coeff: -1, factors: [{ pauli: "Y", qubit: 12 }] },
    ]);
    expect(parsePauliSum("  1e-3 * X1*I0 ").terms).toEqual([
      { coeff: 0.001, factors: [{ pauli: "X", qubit: 1 }] },
    ]);
  });

  const cases: [string, string][] = [
    ["", 'expected a Pauli sum, the observable is empty at column 1 of ""'],
    ["0.5*Q0", 'expected a Pauli factor such as Z0 at column 5 of "0.5*Q0"'],
    ["Z", 'expected a qubit index after "Z" at column 2 of "Z"'],
    ["Z0*X0", 'qubit 0 appears twice in one term at column 4 of "Z0*X0"'],
    ["Z0 Z1", 'expected "+", "-" or "*", found "Z" at column 4 of "Z0 Z1"'],
    ["Z0 +", 'expected a number or a Pauli factor such as Z0 at column 5 of "Z0 +"'],
    ["z0", 'expected a number or a Pauli factor such as Z0 at column 1 of "z0"'],
  ];
  for (const [text, message] of cases) {
    it(`rejects ${JSON.stringify(text)} with an exact message`, () => {
      expect(() => parsePauliSum(text)).toThrow(new QuantumError("observable", message));
    });
  }

  it("never throws anything but QuantumError on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parsePauliSum(text);
        } catch (e) {
          expect(e).toBeInstanceOf(QuantumError);
        }
      }),
    );
  });
});

/** ⟨v|P|v⟩ with P built from dense textbook Pauli matrices. */
function denseExpectation(v: RVec, n: number, factors: { pauli: string; qubit: number }[]): number {
  let w = v;
  for (const f of factors)
    w = matVec(place(textbookGate(f.pauli.toLowerCase(), []), [f.qubit], n), w);
  let s = 0;
  for (let k = 0; k < v.re.length; k++) s += v.re[k] * w.re[k] + v.im[k] * w.im[k];
  return s;
}

describe("expectation values and Bloch vectors", () => {
  it("match dense Pauli matrices on random states", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.nat(),
            fc.uniqueArray(
              fc.record({ pauli: fc.constantFrom("X", "Y", "Z"), qubit: fc.nat({ max: n - 1 }) }),
              {
                selector: (f) => f.qubit,
                maxLength: n,
              },
            ),
          ),
        ),
        ([n, seed, factors]) => {
          const v = randomVec(n, seed);
          const text =
            factors.length === 0
              ? "1"
              : `0.5*${factors.map((f) => `${f.pauli}${f.qubit}`).join("*")}`;
          const expected = factors.length === 0 ? 1 : 0.5 * denseExpectation(v, n, factors);
          expect(expectation(fromVec(n, v), parsePauliSum(text))).toBeCloseTo(expected, 12);
          const b = blochVector(fromVec(n, v), 0);
          expect(b.x).toBeCloseTo(denseExpectation(v, n, [{ pauli: "X", qubit: 0 }]), 12);
          expect(b.y).toBeCloseTo(denseExpectation(v, n, [{ pauli: "Y", qubit: 0 }]), 12);
          expect(b.z).toBeCloseTo(denseExpectation(v, n, [{ pauli: "Z", qubit: 0 }]), 12);
        },
      ),
    );
  });

  it("puts |0⟩, |+⟩ and |+i⟩ on the z, x and y axes", () => {
    const s = Math.SQRT1_2;
    const vec = (re: number[], im: number[]): RVec => ({
      re: Float64Array.from(re),
      im: Float64Array.from(im),
    });
    expect(blochVector(fromVec(1, vec([1, 0], [0, 0])), 0)).toEqual({ x: 0, y: 0, z: 1 });
    const plus = blochVector(fromVec(1, vec([s, s], [0, 0])), 0);
    expect([plus.x, plus.y, plus.z]).toEqual([expect.closeTo(1, 15), 0, expect.closeTo(0, 15)]);
    const plusI = blochVector(fromVec(1, vec([s, 0], [0, s])), 0);
    expect([plusI.x, plusI.y, plusI.z]).toEqual([0, expect.closeTo(1, 15), expect.closeTo(0, 15)]);
  });
});
