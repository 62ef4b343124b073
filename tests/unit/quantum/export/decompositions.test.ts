import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adjoint,
  distance,
  eulerAngles,
  matMul,
  singleQubitMatrix,
  sqrtUnitary,
  u3Matrix,
  type Mat2,
} from "@/lib/quantum/export/su2";
import { synthesizeUnitary } from "@/lib/quantum/export/unitary-synthesis";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import { gateMatrix } from "@/lib/quantum/gates";
import type { Matrix } from "@/lib/quantum/ir";
import { gate } from "./build";
import { maxDiff, randomUnitary, rng, unitaryOf } from "./helpers";

const fromMat2 = (m: Mat2): Matrix => ({
  dim: 2,
  re: Float64Array.from(m.map((c) => c[0])),
  im: Float64Array.from(m.map((c) => c[1])),
});
const withPhase = (m: Mat2, gamma: number): Mat2 =>
  matMul(
    [
      [Math.cos(gamma), Math.sin(gamma)],
      [0, 0],
      [0, 0],
      [Math.cos(gamma), Math.sin(gamma)],
    ],
    m,
  );
const I: Mat2 = [
  [1, 0],
  [0, 0],
  [0, 0],
  [1, 0],
];

const angle = fc.double({ min: -7, max: 7, noNaN: true });

describe("2×2 helpers", () => {
  const singles = GATE_CATALOG.filter((g) => g.qubits === 1);

  it("has the simulator's matrix for every single-qubit catalog gate", () => {
    const random = rng(7);
    for (const sig of singles) {
      const params = sig.params.map(() => (random() - 0.5) * 10);
      const ours = singleQubitMatrix(sig.name, params);
      expect(ours, sig.name).not.toBeNull();
      expect(maxDiff(fromMat2(ours!), gateMatrix(sig.name, params)), sig.name).toBeLessThan(1e-14);
    }
    expect(singleQubitMatrix("cx", [])).toBeNull();
  });

  it("eulerAngles rebuilds the matrix, phase included, for catalog gates and random unitaries", () => {
    for (const sig of singles) {
      const m = singleQubitMatrix(
        sig.name,
        sig.params.map(() => 0.3),
      )!;
      const e = eulerAngles(m);
      expect(distance(withPhase(u3Matrix(e.theta, e.phi, e.lambda), e.gamma), m)).toBeLessThan(
        1e-14,
      );
    }
    fc.assert(
      fc.property(angle, angle, angle, angle, (t, p, l, g) => {
        const m = withPhase(u3Matrix(t, p, l), g);
        const e = eulerAngles(m);
        return distance(withPhase(u3Matrix(e.theta, e.phi, e.lambda), e.gamma), m) < 1e-12;
      }),
    );
  });

  it("sqrtUnitary gives a unitary V with V·V = U, also for ±I and X", () => {
    const special: Mat2[] = [
      I,
      withPhase(I, Math.PI),
      singleQubitMatrix("x", [])!,
      singleQubitMatrix("z", [])!,
    ];
    for (const m of special) {
      const v = sqrtUnitary(m);
      expect(distance(matMul(v, v), m)).toBeLessThan(1e-14);
      expect(distance(matMul(v, adjoint(v)), I)).toBeLessThan(1e-14);
    }
    fc.assert(
      fc.property(angle, angle, angle, angle, (t, p, l, g) => {
        const m = withPhase(u3Matrix(t, p, l), g);
        const v = sqrtUnitary(m);
        return distance(matMul(v, v), m) < 1e-12 && distance(matMul(v, adjoint(v)), I) < 1e-12;
      }),
    );
  });
});

describe("two-level unitary synthesis", () => {
  /** The synthesized gates as IR `unitary` ops with their controls. */
  function synthesizedOps(m: Matrix, k: number) {
    return synthesizeUnitary(m, k).map((g) =>
      gate("unitary", [g.target], {
        matrix: fromMat2(g.matrix),
        controls: g.controls.map((c) => c.qubit),
        controlStates: g.controls.map((c) => c.state),
      }),
    );
  }

  it("rebuilds random unitaries on 1 to 4 qubits exactly", () => {
    const random = rng(2024);
    for (const k of [1, 2, 2, 3, 3, 4]) {
      const m = randomUnitary(random, k);
      const qubits = Array.from({ length: k }, (_, i) => i);
      const original = unitaryOf([gate("unitary", qubits, { matrix: m })], k);
      expect(maxDiff(unitaryOf(synthesizedOps(m, k), k), original)).toBeLessThan(1e-12);
    }
  });

  it("rebuilds diagonal and permutation matrices, where most rotations are skipped", () => {
    for (const name of ["cz", "swap", "ccx", "rzz", "cswap"]) {
      const params = name === "rzz" ? [0.4] : [];
      const m = gateMatrix(name, params);
      const k = Math.log2(m.dim);
      const original = unitaryOf(
        [
          gate(
            name,
            Array.from({ length: k }, (_, i) => i),
            { params },
          ),
        ],
        k,
      );
      expect(maxDiff(unitaryOf(synthesizedOps(m, k), k), original), name).toBeLessThan(1e-12);
    }
  });

  it("returns nothing for the identity and controls every other qubit in each gate", () => {
    expect(
      synthesizeUnitary(
        {
          dim: 4,
          re: Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
          im: new Float64Array(16),
        },
        2,
      ),
    ).toEqual([]);
    for (const g of synthesizeUnitary(randomUnitary(rng(5), 3), 3)) {
      expect(g.controls.map((c) => c.qubit).sort()).toEqual(
        [0, 1, 2].filter((q) => q !== g.target),
      );
    }
  });
});
