/**
 * Product-state tracking in the run from |0…0⟩ (lib/quantum/kernels/lazy-qubits.ts): qubits
 * kept as their own 2-vectors while that is exact, basis-state controls and diagonal operands
 * resolved, qubits left in a basis state folded into a scale and index flips at the end. Every
 * circuit is checked amplitude by amplitude against the independent dense reference.
 */
import { describe, expect, it } from "vitest";
import type { GateOp, GlobalPhaseOp } from "@/lib/quantum/ir";
import { lazyLayout } from "@/lib/quantum/kernels/lazy-qubits";
import { unitaryPlans } from "@/lib/quantum/program";
import { finalState } from "@/lib/quantum/simulate";
import { StateVector } from "@/lib/quantum/statevector";
import { runPlans } from "@/lib/quantum/trajectory";
import { referenceState, testRandom, vecDistance } from "@/tests/support/dense-reference";
import { gateOp, unitaryCircuit } from "./build";
import { toVec } from "./engine";

const loc = { line: 1, column: 1 };
type UnitaryOp = GateOp | GlobalPhaseOp;

const gate = gateOp;

const gphase = (angle: number, controls: number[] = [], states?: (0 | 1)[]): GlobalPhaseOp => ({
  kind: "gphase",
  angle,
  controls,
  controlStates: states ?? controls.map(() => 1),
  loc,
});

const circuitOf = unitaryCircuit;

/** Largest amplitude difference to the reference, fused and unfused (the larger of the two). */
function error(n: number, ops: UnitaryOp[]): number {
  const c = circuitOf(n, ops);
  const want = referenceState(c);
  return Math.max(
    vecDistance(toVec(finalState(c)), want),
    vecDistance(toVec(finalState(c, { fusion: false })), want),
  );
}

function qft(n: number): GateOp[] {
  const out: GateOp[] = [];
  for (let j = n - 1; j >= 0; j--) {
    out.push(gate("h", [j]));
    for (let m = j - 1; m >= 0; m--) out.push(gate("cp", [m, j], [Math.PI / 2 ** (j - m)]));
  }
  for (let i = 0; i < Math.floor(n / 2); i++) out.push(gate("swap", [i, n - 1 - i]));
  return out;
}

const hAll = (n: number): GateOp[] => [...Array(n).keys()].map((q) => gate("h", [q]));

/**
 * A seeded random circuit that keeps many qubits in |0⟩, |1⟩ or |±⟩ for a while (x, h, z, s
 * are frequent) and mixes every kind of op the tracking distinguishes: one-qubit gates,
 * diagonal gates on 1–3 qubits, controlled non-diagonal gates, `ctrl @`/`negctrl @` modifiers,
 * controlled global phases, swaps and "unitary" matrices.
 */
function mixedCircuit(n: number, seed: number, length: number): UnitaryOp[] {
  const rand = testRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const angle = (): number => pick([Math.PI / 2, Math.PI / 4, -0.7, (rand() - 0.5) * 6]);
  const qubits = (k: number): number[] => [...Array(n).keys()].sort(() => rand() - 0.5).slice(0, k);
  const modifiers = (free: number[]): [number[], (0 | 1)[]] => {
    if (free.length === 0 || rand() < 0.7) return [[], []];
    return [[free[0]], [rand() < 0.5 ? 0 : 1]];
  };
  const ops: UnitaryOp[] = [];
  for (let i = 0; i < length; i++) {
    const r = rand();
    if (r < 0.35 || n === 1) {
      const [q, ...free] = qubits(Math.min(n, 2));
      const name = pick(["x", "h", "z", "s", "t", "h", "x", "sx", "ry", "rz", "rx", "p", "y"]);
      const params = ["ry", "rz", "rx", "p"].includes(name) ? [angle()] : [];
      ops.push(gate(name, [q], params, ...modifiers(free)));
    } else if (r < 0.6) {
      const [a, b, ...free] = qubits(Math.min(n, 3));
      const name = pick(["cz", "cp", "crz", "rzz"]);
      ops.push(gate(name, [a, b], name === "cz" ? [] : [angle()], ...modifiers(free)));
    } else if (r < 0.8) {
      const [a, b, ...free] = qubits(Math.min(n, 3));
      const name = pick(["cx", "ch", "cry", "swap", "cy"]);
      ops.push(gate(name, [a, b], name === "cry" ? [angle()] : [], ...modifiers(free)));
    } else if (r < 0.87 && n >= 3) {
      const name = pick(["ccx", "cswap"]);
      ops.push(gate(name, qubits(3)));
    } else if (r < 0.93) {
      const controls = qubits(Math.min(n, Math.floor(rand() * 3)));
      ops.push(
        gphase(
          angle(),
          controls,
          controls.map(() => (rand() < 0.5 ? 0 : 1)),
        ),
      );
    } else {
      // A diagonal "unitary" on two qubits, or a one-qubit non-diagonal one.
      const [a, b] = qubits(2);
      const t = angle();
      ops.push(
        n >= 2 && rand() < 0.5
          ? {
              ...gate("unitary", [a, b]),
              matrix: diagonal([0, t, -t, 2 * t]),
            }
          : {
              ...gate("unitary", [a]),
              matrix: {
                dim: 2,
                re: Float64Array.of(Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)),
                im: Float64Array.of(0, 0, 0, 0),
              },
            },
      );
    }
  }
  return ops;
}

function diagonal(phases: number[]): GateOp["matrix"] {
  const dim = phases.length;
  const re = new Float64Array(dim * dim);
  const im = new Float64Array(dim * dim);
  phases.forEach((p, j) => {
    re[j * (dim + 1)] = Math.cos(p);
    im[j * (dim + 1)] = Math.sin(p);
  });
  return { dim, re, im };
}

describe("product-state qubits against the dense reference", () => {
  for (let n = 1; n <= 7; n++) {
    it(`seeded mixed circuits on ${n} qubit(s): every amplitude within 1e-10`, () => {
      for (let seed = 1; seed <= (n <= 5 ? 25 : 12); seed++) {
        expect(error(n, mixedCircuit(n, 1000 * n + seed, 6 + 3 * n))).toBeLessThan(1e-10);
      }
    });
  }

  // Past 8 qubits (beyond the reference) the final reorder reads a second byte-wide index
  // table, sized to the bits left: checked against the engine's plain run on the whole state.
  for (const n of [9, 11]) {
    it(`seeded mixed circuits on ${n} qubits equal a plain run on the whole state`, () => {
      for (let seed = 1; seed <= 6; seed++) {
        const ops = mixedCircuit(n, 1000 * n + seed, 6 + 3 * n);
        const plain = new StateVector(n);
        plain.amps[0] = 1;
        runPlans(plain, unitaryPlans(n, ops, false));
        const lazy = finalState(circuitOf(n, ops));
        expect(vecDistance(toVec(lazy), toVec(plain))).toBeLessThan(1e-10);
      }
    });
  }

  it("H on all then QFT never builds a dense qubit and returns |0…0⟩", () => {
    for (const n of [1, 2, 5, 8]) {
      expect(error(n, [...hAll(n), ...qft(n)])).toBeLessThan(1e-10);
    }
    // Also at a size the reference cannot check: the layout keeps no dense qubit.
    const n = 24;
    const ops = [...hAll(n), ...qft(n)];
    expect(lazyLayout(n, ops).active).toBe(0);
    const s = finalState(circuitOf(n, ops));
    expect(Math.hypot(s.amps[0] - 1, s.amps[1])).toBeLessThan(1e-10);
  });

  it("qubits ending in |1⟩ with phases become index flips and a scale", () => {
    const ops = [
      gate("x", [0]),
      gate("t", [0]),
      gate("h", [2]),
      gate("rz", [2], [0.4]),
      gate("h", [2]),
      gate("y", [3]),
      gate("cp", [0, 3], [0.9]),
      gphase(0.3),
    ];
    const layout = lazyLayout(4, ops);
    expect(layout.active).toBe(1); // only qubit 2 is in superposition at the end
    expect(layout.flips).toBe(0b1001);
    expect(error(4, ops)).toBeLessThan(1e-10);
  });

  it("controls in a basis state are resolved, in superposition they activate the qubit", () => {
    const ops = [
      gate("x", [1]),
      gate("cx", [1, 2]), // control |1⟩: x on product qubit 2
      gate("cx", [0, 3]), // control |0⟩: never
      gate("h", [4], [], [0], [0]), // negctrl on |0⟩: satisfied
      gate("ch", [4, 5]), // control |+⟩: both join the dense state
      gate("cry", [1, 5], [0.8]), // own control |1⟩ resolved, target dense
      gphase(0.5, [4]), // a controlled phase on a dense qubit
    ];
    const layout = lazyLayout(6, ops);
    expect(layout.active).toBe(2);
    expect(error(6, ops)).toBeLessThan(1e-10);
  });

  it("a diagonal gate on one superposed product qubit and a basis one stays a product", () => {
    const ops = [
      gate("h", [0]),
      gate("x", [1]),
      gate("cp", [0, 1], [0.7]), // = p(0.7) on qubit 0
      gate("rzz", [2, 0], [1.3]), // qubit 2 is |0⟩: rz-like phase on qubit 0
      gphase(-0.4, [0], [0]), // phase on the |0⟩ half of qubit 0
      gate("crz", [0, 1], [0.2]), // superposed control, basis target: a diagonal on qubit 0
    ];
    const layout = lazyLayout(3, ops);
    expect(layout.active).toBe(1); // qubit 0 only, activated at the end
    expect(error(3, ops)).toBeLessThan(1e-10);
  });

  it("GHZ, QFT of |0…0⟩ and swaps of product and dense qubits equal the reference", () => {
    const ghz = [gate("h", [0]), ...[0, 1, 2, 3, 4, 5].map((q) => gate("cx", [q, q + 1]))];
    expect(error(7, ghz)).toBeLessThan(1e-10);
    expect(error(6, qft(6))).toBeLessThan(1e-10);
    const swaps = [
      gate("h", [0]),
      gate("cx", [0, 1]),
      gate("x", [2]),
      gate("swap", [1, 2]),
      gate("ry", [3], [0.3]),
      gate("swap", [3, 0]),
      gate("cswap", [2, 3, 4]),
    ];
    expect(error(5, swaps)).toBeLessThan(1e-10);
  });

  it("GHZ keeps one dense qubit: the others are linked to it, even at 24 qubits", () => {
    const ghz = (n: number): GateOp[] => [
      gate("h", [0]),
      ...[...Array(n - 1).keys()].map((q) => gate("cx", [q, q + 1])),
    ];
    expect(error(8, ghz(8))).toBeLessThan(1e-10);
    const layout = lazyLayout(24, ghz(24));
    expect(layout.active).toBe(1);
    expect(layout.links.filter((mask) => mask === 1)).toHaveLength(23);
    const s = finalState(circuitOf(24, ghz(24)));
    const last = s.dim - 1;
    expect(s.amplitude(0)[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(s.amplitude(last)[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(s.amplitude(1)[0]).toBe(0);
  });

  it("parities update with CNOTs and X, cancel back to basis states, and keep phases", () => {
    const ops = [
      gate("h", [0]),
      gate("t", [1]),
      gate("x", [1]), // |1⟩ with a phase
      gate("cx", [0, 1]), // linked: bit 1 = bit 0 ^ 1, the phase moves to the scale
      gate("x", [1]), // constant flips
      gate("h", [2]),
      gate("cx", [2, 3]), // a second dense qubit and its link
      gate("cx", [3, 1]), // bit 1 = bit 0 ^ bit 2
      gate("x", [4], [], [1], [0]), // negctrl from a linked qubit onto |0⟩
      gate("cx", [0, 1]), // bit 1 = bit 2
      gate("cx", [2, 1]), // bit 1 = 0: back to a basis state
      gate("cz", [3, 0]), // a diagonal on linked and dense qubits
    ];
    expect(error(5, ops)).toBeLessThan(1e-10);
    const layout = lazyLayout(5, ops);
    expect(layout.links[1]).toBe(0);
  });

  it("a linked qubit gets its own amplitudes before a gate changes it or its source", () => {
    const cases: GateOp[][] = [
      [gate("h", [0]), gate("cx", [0, 1]), gate("h", [0])], // the source changes
      [gate("h", [0]), gate("cx", [0, 1]), gate("h", [1])], // the linked qubit changes
      [gate("h", [0]), gate("cx", [0, 1]), gate("x", [0]), gate("ry", [1], [0.4])],
      [gate("h", [0]), gate("cx", [0, 1]), gate("ccx", [1, 0, 2]), gate("swap", [1, 2])],
      [gate("h", [0]), gate("cx", [0, 1]), gate("cx", [1, 2]), gate("cry", [2, 0], [0.9])],
    ];
    for (const ops of cases) expect(error(3, ops)).toBeLessThan(1e-10);
  });

  it("seeded circuits of CNOTs, Toffolis, swaps and rotations on 4 qubits equal the reference", () => {
    const rand = testRandom(77);
    const q = (): number => Math.floor(rand() * 4);
    const distinct = (k: number): number[] => {
      const out: number[] = [];
      while (out.length < k) {
        const x = q();
        if (!out.includes(x)) out.push(x);
      }
      return out;
    };
    const makers = [
      () => gate("h", [q()]),
      () => gate("x", [q()]),
      () => gate("cx", distinct(2)),
      () => gate("cx", distinct(2)),
      () => gate("swap", distinct(2)),
      () => gate("ccx", distinct(3)),
      () => gate("cz", distinct(2)),
      () => gate("rz", [q()], [rand() * 6]),
      () => gate("ry", [q()], [rand() * 6]),
      () => {
        const [t, c] = distinct(2);
        return gate("x", [t], [], [c], [0]);
      },
    ];
    for (let k = 0; k < 300; k++) {
      const ops = Array.from({ length: 1 + Math.floor(rand() * 10) }, () =>
        makers[Math.floor(rand() * makers.length)](),
      );
      expect(error(4, ops)).toBeLessThan(1e-10);
    }
  });
});
