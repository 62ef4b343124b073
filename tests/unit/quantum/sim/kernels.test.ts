/**
 * The specialised kernels and fusion paths, each checked against the dense reference from random
 * states (|0…0⟩ would only exercise one column): uncontrolled single-qubit kernels on every
 * target (the low targets 0 and 1 have their own unrolled loops), phases on one or two fixed
 * bits, and merged diagonal tables.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import { gateMatrix } from "@/lib/quantum/gates";
import type { GateOp, GlobalPhaseOp } from "@/lib/quantum/ir";
import { fusePlans, type FusionOptions } from "@/lib/quantum/fusion";
import { finalState } from "@/lib/quantum/simulate";
import { planGate, runPlan, type Plan } from "@/lib/quantum/statevector";
import { randomVec, referenceState, vecDistance } from "@/tests/support/dense-reference";
import { gateOp, unitaryCircuit } from "./build";
import { fromVec, toVec } from "./engine";

const loc = { line: 1, column: 1 };

const gate = gateOp;

const circuitOf = unitaryCircuit;

/** Runs `plans` on a random state and returns the distance to the reference result. */
function distance(n: number, ops: (GateOp | GlobalPhaseOp)[], plans: Plan[], seed: number) {
  const initial = randomVec(n, seed);
  const state = fromVec(n, initial);
  for (const plan of plans) runPlan(state, plan);
  return vecDistance(toVec(state), referenceState(circuitOf(n, ops), initial));
}

function qft(n: number): GateOp[] {
  const out: GateOp[] = [];
  for (let j = n - 1; j >= 0; j--) {
    out.push(gate("h", [j]));
    for (let m = j - 1; m >= 0; m--) out.push(gate("cp", [m, j], [Math.PI / 2 ** (j - m)]));
  }
  return out;
}

describe("uncontrolled single-qubit kernels", () => {
  const singles = GATE_CATALOG.filter((g) => g.qubits === 1);

  it("every one-qubit gate on every target (0, 1 and higher) equals the reference", () => {
    let seed = 1;
    for (const n of [1, 2, 3, 5]) {
      for (const sig of singles) {
        const params = sig.params.map((_, j) => 0.37 + 1.1 * j);
        for (let t = 0; t < n; t++) {
          const op = gate(sig.name, [t], params);
          expect(distance(n, [op], [planGate(n, op)], seed++), `${sig.name} on ${t}`).toBeLessThan(
            1e-12,
          );
        }
      }
    }
  });

  it("plans h, rx, rz, x and p onto the real, general, diagonal, swap and phase kernels", () => {
    const kinds = ["h", "rx", "rz", "x", "p"].map(
      (name) => planGate(4, gate(name, [1], name === "h" || name === "x" ? [] : [0.4])).kind,
    );
    expect(kinds).toEqual(["real1Free", "general1Free", "diag1Free", "swap1Free", "phase"]);
  });

  it("a `unitary` with a real or complex 2×2 matrix on targets 0 and 1 equals the reference", () => {
    for (const [name, params] of [
      ["ry", [0.9]],
      ["u", [0.3, 1.2, -0.7]],
    ] as const) {
      for (const t of [0, 1, 2]) {
        const op: GateOp = { ...gate("unitary", [t]), matrix: gateMatrix(name, [...params]) };
        expect(distance(4, [op], [planGate(4, op)], 7 + t)).toBeLessThan(1e-12);
      }
    }
  });
});

describe("phases on one or two fixed bits", () => {
  it("cp and cz on every ordered pair, with plain and negated controls, equal the reference", () => {
    const n = 5;
    let seed = 100;
    for (let c = 0; c < n; c++) {
      for (let t = 0; t < n; t++) {
        if (c === t) continue;
        for (const op of [
          gate("cp", [c, t], [0.7]),
          gate("cz", [c, t]),
          gate("p", [t], [1.3], [c], [0]),
          gate("s", [t], [], [c], [1]),
        ]) {
          expect(distance(n, [op], [planGate(n, op)], seed++), `${op.name} ${c},${t}`).toBeLessThan(
            1e-12,
          );
        }
      }
    }
  });
});

describe("diagonal fusion", () => {
  const tableCount = (plans: Plan[]): number =>
    plans.filter((p) => p.kind === "diagonalTable").length;

  it("merges a QFT's controlled phases into tables and equals the reference", () => {
    for (const n of [4, 6, 8]) {
      const ops = qft(n);
      const plans = fusePlans(n, ops);
      expect(tableCount(plans)).toBeGreaterThan(0);
      expect(plans.length).toBeLessThan(ops.length);
      expect(distance(n, ops, plans, n)).toBeLessThan(1e-10);
    }
  });

  it("splits a run wider than the table limit into several tables", () => {
    const n = 8;
    const ops = qft(n);
    const options: FusionOptions = { maxDiagonalQubits: 3 };
    const plans = fusePlans(n, ops, options);
    expect(plans.length).toBeGreaterThan(fusePlans(n, ops).length);
    expect(distance(n, ops, plans, 3)).toBeLessThan(1e-10);
  });

  it("leaves the plans alone when merging is turned off", () => {
    const ops = qft(6);
    expect(tableCount(fusePlans(6, ops, { maxDiagonalQubits: 0 }))).toBe(0);
  });

  const angle = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
  /** A random diagonal op: named diagonal gates, negated controls, `unitary` diagonals, gphase. */
  const diagonalOp = (n: number): fc.Arbitrary<GateOp | GlobalPhaseOp> =>
    fc
      .record({
        kind: fc.constantFrom("rz", "p", "t", "sdg", "cp", "cz", "crz", "rzz", "ccz", "diag", "gp"),
        order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        a: angle,
        b: angle,
        negated: fc.boolean(),
      })
      .map(({ kind, order, a, b, negated }): GateOp | GlobalPhaseOp => {
        const [q0, q1, q2] = order;
        switch (kind) {
          case "rz":
          case "p":
            return gate(kind, [q0], [a]);
          case "t":
          case "sdg":
            return negated ? gate(kind, [q0], [], [q1], [0]) : gate(kind, [q0]);
          case "cp":
          case "crz":
          case "rzz":
            return gate(kind, [q0, q1], [a]);
          case "cz":
            return gate(kind, [q0, q1]);
          case "ccz":
            return gate("cz", [q0, q1], [], [q2], [negated ? 0 : 1]);
          case "diag": {
            const re = Float64Array.of(Math.cos(a), 0, 0, Math.cos(b));
            const im = Float64Array.of(Math.sin(a), 0, 0, Math.sin(b));
            return { ...gate("unitary", [q0]), matrix: { dim: 2, re, im } };
          }
          default:
            return {
              kind: "gphase",
              angle: a,
              controls: negated ? [q0] : [],
              controlStates: negated ? [0] : [],
              loc,
            };
        }
      });

  it("random runs of diagonal gates, mixed with h, equal the reference (3 to 8 qubits)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 8 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            ops: fc.array(
              fc.oneof(
                { arbitrary: diagonalOp(n), weight: 6 },
                { arbitrary: fc.nat({ max: n - 1 }).map((q) => gate("h", [q])), weight: 1 },
              ),
              { minLength: 1, maxLength: 40 },
            ),
            maxDiagonalQubits: fc.constantFrom(2, 3, 5, 12),
            seed: fc.nat(),
          }),
        ),
        ({ n, ops, maxDiagonalQubits, seed }) => {
          const plans = fusePlans(n, ops, { maxDiagonalQubits });
          expect(distance(n, ops, plans, seed)).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a diagonal on high qubits only (one phase per row) equals the reference", () => {
    const n = 8;
    const ops = [
      gate("rz", [6], [0.3]),
      gate("t", [6], [], [7], [0]),
      gate("rz", [6], [-1.1]),
      gate("p", [7], [0.5]),
    ];
    // maxQubits 1 keeps the gates out of dense blocks, so they reach the diagonal stage.
    const plans = fusePlans(n, ops, { maxQubits: 1 });
    expect(plans.map((p) => p.kind)).toEqual(["diagonalTable"]);
    expect(distance(n, ops, plans, n)).toBeLessThan(1e-12);
  });

  it("a phase with 15 controls joins a table without building a dense 2^16 matrix", () => {
    const n = 16;
    const controls = [...Array(15).keys()];
    const ops: GateOp[] = [
      gate("rz", [15], [0.4]),
      gate("p", [15], [0.9], controls, [...controls.map(() => 1 as const)]),
      gate("cz", [3, 15]),
      gate("t", [0]),
    ];
    const plans = fusePlans(n, ops, { maxQubits: 1, maxDiagonalQubits: 16 });
    expect(plans.map((p) => p.kind)).toEqual(["diagonalTable"]);
    const initial = randomVec(n, 5);
    const [fused, plain] = [plans, ops.map((op) => planGate(n, op))].map((list) => {
      const state = fromVec(n, initial);
      for (const plan of list) runPlan(state, plan);
      return toVec(state);
    });
    expect(vecDistance(fused, plain)).toBeLessThan(1e-12);
  });

  it("a long run of cz and rz on 8 qubits becomes one table", () => {
    const ops: GateOp[] = [];
    for (let q = 0; q < 8; q++) ops.push(gate("rz", [q], [0.1 * (q + 1)]));
    for (let q = 0; q + 1 < 8; q++) ops.push(gate("cz", [q, q + 1]));
    const plans = fusePlans(8, ops);
    expect(plans.map((p) => p.kind)).toEqual(["diagonalTable"]);
    expect(distance(8, ops, plans, 42)).toBeLessThan(1e-10);
  });
});

describe("lazy qubits: fresh targets and the in-place reorder", () => {
  const fromZero = (n: number, ops: GateOp[]): number =>
    vecDistance(toVec(finalState(circuitOf(n, ops))), referenceState(circuitOf(n, ops)));

  it("a GHZ chain (each cx activates its target) equals the reference", () => {
    const ops = [gate("h", [0]), ...[0, 1, 2, 3, 4].map((q) => gate("cx", [q, q + 1]))];
    expect(fromZero(6, ops)).toBeLessThan(1e-12);
  });

  it("controlled and negated-controlled gates activating a qubit equal the reference", () => {
    const ops = [
      gate("h", [2]),
      gate("ry", [0], [0.8], [2], [1]),
      gate("u", [4], [0.3, 0.2, -1.1], [2, 0], [0, 1]),
      gate("cry", [4, 1], [1.9]),
      gate("x", [5], [], [1], [0]),
    ];
    expect(fromZero(7, ops)).toBeLessThan(1e-12);
  });

  it("swaps, reversed activation order and unused qubits are put back in qubit order", () => {
    const ops = [
      gate("h", [5]),
      gate("rx", [3], [0.7]),
      gate("cx", [5, 0]),
      gate("swap", [0, 6]),
      gate("swap", [3, 1]),
      gate("t", [1]),
      gate("swap", [5, 2]),
      gate("ry", [7], [0.4]),
    ];
    expect(fromZero(8, ops)).toBeLessThan(1e-12);
    // Bit-reversal (the QFT's final swaps) on a random-looking state.
    const rev = [0, 1, 2, 3, 4, 5].map((q) => gate("ry", [q], [0.3 + q]));
    for (let i = 0; i < 3; i++) rev.push(gate("swap", [i, 5 - i]));
    expect(fromZero(6, rev)).toBeLessThan(1e-12);
  });

  it("random one-target gates and swaps from |0…0⟩ equal the reference", () => {
    const names = ["h", "x", "ry", "rz", "swap", "cx", "cp"] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            picks: fc.array(
              fc.record({
                name: fc.constantFrom(...names),
                order: fc.shuffledSubarray([...Array(n).keys()], { minLength: 2, maxLength: 2 }),
                a: fc.double({ min: -3, max: 3, noNaN: true }),
              }),
              { minLength: 1, maxLength: 20 },
            ),
          }),
        ),
        ({ n, picks }) => {
          const ops = picks.map(({ name, order, a }) =>
            name === "swap" || name === "cx"
              ? gate(name, order)
              : name === "cp"
                ? gate(name, order, [a])
                : gate(name, [order[0]], name === "ry" || name === "rz" ? [a] : []),
          );
          expect(fromZero(n, ops)).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 200 },
    );
  });
});
