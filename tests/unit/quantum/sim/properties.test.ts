/** Property tests on random circuits: engine vs reference, unitarity, sampling, fusion. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjoint, controlled } from "@/lib/quantum/complex-matrix";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import { gateMatrix } from "@/lib/quantum/gates";
import type { Circuit, GateOp, GlobalPhaseOp, Op } from "@/lib/quantum/ir";
import { finalState, simulate } from "@/lib/quantum/simulate";
import { fusePlans } from "@/lib/quantum/fusion";
import { normSquared, planGate, runPlan } from "@/lib/quantum/statevector";
import { randomVec, referenceState, vecDistance } from "@/tests/support/dense-reference";
import { fromVec, probabilitiesOf, toVec } from "./engine";

const loc = { line: 1, column: 1 };

/** A random gate (catalog or `unitary`) or global phase on n qubits, with random extra controls. */
function arbitraryOp(n: number): fc.Arbitrary<GateOp | GlobalPhaseOp> {
  const fitting = GATE_CATALOG.filter((g) => g.qubits <= n);
  const angle = fc.double({ min: -2 * Math.PI, max: 2 * Math.PI, noNaN: true });
  const gate = fc
    .record({
      sig: fc.constantFrom(...fitting),
      order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      params: fc.array(angle, { minLength: 4, maxLength: 4 }),
      extra: fc.nat({ max: 2 }),
      states: fc.array(fc.constantFrom<0 | 1>(0, 1), { minLength: 2, maxLength: 2 }),
      asUnitary: fc.boolean(),
    })
    .map(({ sig, order, params, extra, states, asUnitary }): GateOp => {
      const qubits = order.slice(0, sig.qubits);
      const nControls = Math.min(extra, n - sig.qubits);
      const controls = order.slice(sig.qubits, sig.qubits + nControls);
      const p = params.slice(0, sig.params.length);
      const base = {
        kind: "gate" as const,
        qubits,
        controls,
        controlStates: states.slice(0, nControls),
        loc,
      };
      // Some gates travel as explicit matrices, exercising the `unitary` path and the k-qubit kernels.
      return asUnitary
        ? { ...base, name: "unitary", params: [], matrix: gateMatrix(sig.name, p) }
        : { ...base, name: sig.name, params: p };
    });
  const gphase = fc
    .record({
      angle,
      order: fc.shuffledSubarray([...Array(n).keys()], { maxLength: Math.min(n, 2) }),
      states: fc.array(fc.constantFrom<0 | 1>(0, 1), { minLength: 2, maxLength: 2 }),
    })
    .map(({ angle: a, order, states }): GlobalPhaseOp => ({
      kind: "gphase",
      angle: a,
      controls: order,
      controlStates: states.slice(0, order.length),
      loc,
    }));
  return fc.oneof({ arbitrary: gate, weight: 9 }, { arbitrary: gphase, weight: 1 });
}

function arbitraryCircuit(
  minQubits: number,
  maxQubits: number,
  maxOps: number,
): fc.Arbitrary<Circuit> {
  return fc.integer({ min: minQubits, max: maxQubits }).chain((n) =>
    fc.array(arbitraryOp(n), { maxLength: maxOps }).map((ops): Circuit => ({
      version: "3.0",
      numQubits: n,
      numClbits: n,
      qregs: [{ name: "q", size: n, offset: 0 }],
      cregs: [{ name: "c", size: n, offset: 0 }],
      ops,
      inputs: [],
      expectations: [],
    })),
  );
}

/** The inverse of one op, as an explicit matrix (or the opposite phase). */
function inverse(op: Op): Op {
  if (op.kind === "gphase") return { ...op, angle: -op.angle };
  if (op.kind !== "gate") throw new Error("only unitary ops are inverted");
  const m = op.name === "unitary" ? op.matrix! : gateMatrix(op.name, op.params);
  return { ...op, name: "unitary", params: [], matrix: adjoint(m) };
}

describe("random circuits", () => {
  it("engine state equals the dense reference to 1e-10 (≤ 6 qubits)", () => {
    fc.assert(
      fc.property(arbitraryCircuit(1, 6, 25), (circuit) => {
        expect(vecDistance(toVec(finalState(circuit)), referenceState(circuit))).toBeLessThan(
          1e-10,
        );
      }),
      { numRuns: 150 },
    );
  });

  it("from a random initial state, fused and unfused plans both equal the reference", () => {
    // Starting from |0…0⟩ only exercises the first column of a leading fused block.
    fc.assert(
      fc.property(arbitraryCircuit(1, 6, 30), fc.nat(), (circuit, seed) => {
        const n = circuit.numQubits;
        const initial = randomVec(n, seed);
        const expected = referenceState(circuit, initial);
        const ops = circuit.ops as (GateOp | GlobalPhaseOp)[];
        for (const plans of [fusePlans(n, ops), ops.map((op) => planGate(n, op))]) {
          const state = fromVec(n, initial);
          for (const plan of plans) runPlan(state, plan);
          expect(vecDistance(toVec(state), expected)).toBeLessThan(1e-10);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("engine state equals the dense reference on 7 and 8 qubits", () => {
    fc.assert(
      fc.property(arbitraryCircuit(7, 8, 8), (circuit) => {
        expect(vecDistance(toVec(finalState(circuit)), referenceState(circuit))).toBeLessThan(
          1e-10,
        );
      }),
      { numRuns: 8 },
    );
  });

  it("preserves the norm", () => {
    fc.assert(
      fc.property(arbitraryCircuit(1, 8, 40), (circuit) => {
        expect(Math.abs(normSquared(finalState(circuit)) - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  it("returns to |0…0⟩ after the inverse circuit", () => {
    fc.assert(
      fc.property(arbitraryCircuit(1, 8, 30), (circuit) => {
        const roundTrip = {
          ...circuit,
          ops: [...circuit.ops, ...[...circuit.ops].reverse().map(inverse)],
        };
        const v = toVec(finalState(roundTrip));
        expect(Math.hypot(v.re[0] - 1, v.im[0])).toBeLessThan(1e-10);
      }),
    );
  });

  it("gives the same state with fusion on and off (1e-12)", () => {
    fc.assert(
      fc.property(arbitraryCircuit(2, 8, 60), (circuit) => {
        const fused = toVec(finalState(circuit, { fusion: true }));
        const plain = toVec(finalState(circuit, { fusion: false }));
        expect(vecDistance(fused, plain)).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it("samples counts within 5σ of the probabilities, and the same seed gives the same counts", () => {
    fc.assert(
      fc.property(arbitraryCircuit(1, 5, 15), fc.nat({ max: 2 ** 32 - 1 }), (circuit, seed) => {
        const n = circuit.numQubits;
        const measured: Circuit = {
          ...circuit,
          ops: [
            ...circuit.ops,
            ...[...Array(n).keys()].map((q): Op => ({ kind: "measure", qubit: q, clbit: q, loc })),
          ],
        };
        const shots = 2000;
        const r = simulate(measured, { shots, seed });
        const p = probabilitiesOf(toVec(finalState(circuit)));
        p.forEach((pk, k) => {
          const seen = r.counts![k.toString(2).padStart(n, "0")] ?? 0;
          // A certain outcome can round to pk = 1 + 2e-16; clamp so σ stays a number.
          const sigma = Math.sqrt(Math.max(0, shots * pk * (1 - pk)));
          expect(Math.abs(seen - shots * pk)).toBeLessThanOrEqual(5 * sigma + 1e-9);
        });
        expect(simulate(measured, { shots, seed }).counts).toEqual(r.counts);
      }),
      { numRuns: 60 },
    );
  });
});

describe("controlled and negated-control application", () => {
  it("a negctrl gate acts exactly when the control reads 0", () => {
    const op = (state: 0 | 1): GateOp => ({
      kind: "gate",
      name: "x",
      params: [],
      qubits: [1],
      controls: [0],
      controlStates: [state],
      loc,
    });
    const circuit = (ops: Op[]): Circuit => ({
      version: "3.0",
      numQubits: 2,
      numClbits: 0,
      qregs: [],
      cregs: [],
      ops,
      inputs: [],
      expectations: [],
    });
    expect(toVec(finalState(circuit([op(0)]))).re[2]).toBe(1); // |00⟩ → |10⟩ (qubit 1 flipped)
    expect(toVec(finalState(circuit([op(1)]))).re[0]).toBe(1); // control reads 0: nothing happens
  });

  it("the matrix form of a controlled gate matches controlled() of its target", () => {
    const m = controlled(gateMatrix("h", []), 1, [0]);
    expect(m.re[0 * 4 + 0]).toBeCloseTo(Math.SQRT1_2, 15); // control 0 = bit 0 reads 0 → H on bit 1
    expect(m.re[1 * 4 + 1]).toBe(1);
  });
});
