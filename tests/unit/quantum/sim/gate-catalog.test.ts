import { describe, expect, it } from "vitest";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import { isUnitary, maxDistance } from "@/lib/quantum/complex-matrix";
import { QuantumError } from "@/lib/quantum/errors";
import { DEFINED_GATES, gateMatrix, gateSpec } from "@/lib/quantum/gates";
import { applyOp } from "@/lib/quantum/statevector";
import {
  matVec,
  place,
  randomVec,
  textbookGate,
  textbookGateLittleEndian,
  vecDistance,
} from "@/tests/support/dense-reference";
import { fromVec, toVec } from "./engine";

/** Parameter sets chosen to exercise every entry (no angle is a multiple of π/2). */
const PARAM_SETS = [
  [0.3, -1.1, 2.5, 0.7],
  [2.9, 0.4, -0.8, -2.2],
];

function permutations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n, k - 1)) {
    for (let q = 0; q < n; q++) if (!rest.includes(q)) out.push([...rest, q]);
  }
  return out;
}

describe("the gate library", () => {
  it("defines exactly the gates of GATE_CATALOG", () => {
    expect([...DEFINED_GATES].sort()).toEqual(GATE_CATALOG.map((g) => g.name).sort());
  });

  it("rejects unknown gates and wrong parameter counts with QuantumError", () => {
    expect(() => gateMatrix("foo", [])).toThrow(
      new QuantumError("semantic", 'the simulator has no gate named "foo"'),
    );
    expect(() => gateMatrix("rx", [])).toThrow('gate "rx" takes 1 parameter(s), got 0');
    expect(() => gateMatrix("h", [Number.NaN])).toThrow('gate "h" takes 0 parameter(s), got 1');
    expect(() => gateMatrix("rz", [Number.POSITIVE_INFINITY])).toThrow("non-finite parameter");
  });

  it("tags gate kinds so kernels can specialise", () => {
    expect(gateSpec("rz", [0.3]).kind).toBe("diagonal");
    expect(gateSpec("rzz", [0.3]).kind).toBe("diagonal");
    expect(gateSpec("cx", []).kind).toBe("permutation");
    expect(gateSpec("rccx", []).kind).toBe("permutation");
    expect(gateSpec("h", []).kind).toBe("general");
    expect(gateSpec("cswap", []).controls).toBe(1);
    expect(gateSpec("c4x", []).controls).toBe(4);
  });

  for (const sig of GATE_CATALOG) {
    describe(sig.name, () => {
      for (const set of PARAM_SETS) {
        const params = set.slice(0, sig.params.length);
        it(`is unitary and matches the textbook matrix (params ${params.join(", ") || "none"})`, () => {
          const m = gateMatrix(sig.name, params);
          expect(m.dim).toBe(1 << sig.qubits);
          expect(isUnitary(m)).toBe(true);
          const ref = textbookGateLittleEndian(sig.name, params);
          expect(maxDistance(m, ref)).toBeLessThan(1e-12);
        });
      }

      it("applied by the kernels on every operand placement equals the dense reference", () => {
        const params = PARAM_SETS[0].slice(0, sig.params.length);
        const n = Math.max(sig.qubits + 1, 3);
        const g = textbookGate(sig.name, params);
        let seed = 1;
        for (const qubits of permutations(n, sig.qubits)) {
          const initial = randomVec(n, seed++);
          const state = fromVec(n, initial);
          applyOp(state, {
            kind: "gate",
            name: sig.name,
            params,
            qubits,
            controls: [],
            controlStates: [],
            loc: { line: 1, column: 1 },
          });
          const expected = matVec(place(g, qubits, n), initial);
          expect(vecDistance(toVec(state), expected), `on qubits ${qubits.join(",")}`).toBeLessThan(
            1e-12,
          );
        }
      });
    });
  }

  it("has Qiskit's global phase on cu (γ is observable once controlled)", () => {
    const m = gateMatrix("cu", [0, 0, 0, 0.5]);
    // control = operand 0 = bit 0: |11⟩ (index 3) picks up e^{iγ}, |01⟩ (index 1) too
    expect(m.re[3 * 4 + 3]).toBeCloseTo(Math.cos(0.5), 14);
    expect(m.im[3 * 4 + 3]).toBeCloseTo(Math.sin(0.5), 14);
    expect(m.re[1 * 4 + 1]).toBeCloseTo(Math.cos(0.5), 14);
    expect(m.re[0]).toBe(1);
    expect(m.re[2 * 4 + 2]).toBe(1);
  });
});
