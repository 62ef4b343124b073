/**
 * Small-circuit fast paths (cached plans and gate matrices, allocation-free planning) against an
 * independent dense reference on seeded random circuits, and counts for fixed seeds, which are a
 * contract (Qiskit bit order) and must not change with any optimisation.
 */
import { describe, expect, it } from "vitest";
import type { Circuit, GateOp, Op } from "@/lib/quantum/ir";
import { finalState, simulate } from "@/lib/quantum/simulate";
import { referenceState, testRandom, vecDistance } from "@/tests/support/dense-reference";
import { toVec } from "./engine";

const loc = { line: 1, column: 1 };

const gate = (name: string, qubits: number[], params: number[] = []): GateOp => ({
  kind: "gate",
  name,
  params,
  qubits,
  controls: [],
  controlStates: [],
  loc,
});

function circuit(n: number, ops: Op[], numClbits = 0): Circuit {
  return {
    version: "3.0",
    numQubits: n,
    numClbits,
    qregs: [{ name: "q", size: n, offset: 0 }],
    cregs: numClbits > 0 ? [{ name: "c", size: numClbits, offset: 0 }] : [],
    ops,
    inputs: [],
    expectations: [],
  };
}

const ONE = ["h", "x", "y", "z", "s", "t", "sx", "rx", "ry", "rz", "p", "u"] as const;
const TWO = ["cx", "cz", "cp", "swap", "crz", "rzz", "ch"] as const;
const ARITY: Record<string, number> = { rx: 1, ry: 1, rz: 1, p: 1, u: 3, cp: 1, crz: 1, rzz: 1 };

/** A seeded random circuit mixing fixed and parameterised gates, with repeated angles. */
function randomCircuit(n: number, seed: number, length: number): Circuit {
  const rand = testRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const angles = [0.3, -1.1, Math.PI / 4, 2.5];
  const ops: GateOp[] = [];
  for (let i = 0; i < length; i++) {
    const order = [...Array(n).keys()].sort(() => rand() - 0.5);
    const name = n >= 2 && rand() < 0.4 ? pick(TWO) : pick(ONE);
    const params = Array.from({ length: ARITY[name] ?? 0 }, () =>
      rand() < 0.5 ? pick(angles) : (rand() - 0.5) * 8,
    );
    ops.push(gate(name, order.slice(0, TWO.includes(name as never) ? 2 : 1), params));
  }
  return circuit(n, ops);
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

describe("small circuits against the dense reference", () => {
  for (let n = 1; n <= 8; n++) {
    it(`seeded random circuits on ${n} qubit(s), fused and unfused, run twice`, () => {
      for (let seed = 1; seed <= 6; seed++) {
        const c = randomCircuit(n, 100 * n + seed, 12 + 4 * n);
        const want = referenceState(c);
        for (const fusion of [true, false]) {
          // Twice: the second run may hit whatever the first one cached.
          for (let rep = 0; rep < 2; rep++) {
            expect(vecDistance(toVec(finalState(c, { fusion })), want)).toBeLessThan(1e-12);
          }
        }
      }
    });
  }

  it("H on every qubit gives the uniform state exactly", () => {
    for (let n = 1; n <= 8; n++) {
      const s = finalState(
        circuit(
          n,
          [...Array(n).keys()].map((q) => gate("h", [q])),
        ),
      );
      const amp = 2 ** (-n / 2);
      for (let k = 0; k < s.dim; k++) {
        expect(Math.abs(s.amps[2 * k] - amp)).toBeLessThan(1e-12);
        expect(s.amps[2 * k + 1]).toBe(0);
      }
    }
  });

  it("H on all then QFT returns |0…0⟩; QFT of |0…0⟩ is uniform", () => {
    for (let n = 1; n <= 8; n++) {
      const hs = [...Array(n).keys()].map((q) => gate("h", [q]));
      const back = finalState(circuit(n, [...hs, ...qft(n)]));
      expect(Math.abs(back.amps[0] - 1)).toBeLessThan(1e-12);
      for (let k = 1; k < back.dim; k++)
        expect(Math.hypot(...back.amplitude(k))).toBeLessThan(1e-12);
      const uniform = finalState(circuit(n, qft(n)));
      for (let k = 0; k < uniform.dim; k++) {
        expect(Math.abs(uniform.amps[2 * k] - 2 ** (-n / 2))).toBeLessThan(1e-12);
        expect(Math.abs(uniform.amps[2 * k + 1])).toBeLessThan(1e-12);
      }
    }
  });

  it("the same gate with different angles is not confused by caching", () => {
    const c = circuit(2, [
      gate("rx", [0], [0.5]),
      gate("rx", [0], [0.25]),
      gate("cp", [0, 1], [0.7]),
      gate("h", [1]),
      gate("cp", [0, 1], [-0.2]),
      gate("rx", [1], [0.5]),
    ]);
    expect(vecDistance(toVec(finalState(c)), referenceState(c))).toBeLessThan(1e-12);
  });
});

describe("plans cached per circuit", () => {
  it("a re-run returns its own state: changing one result does not change the next", () => {
    const c = randomCircuit(5, 42, 40);
    const want = referenceState(c);
    const first = finalState(c);
    first.amps.fill(0);
    const second = finalState(c);
    expect(second.amps).not.toBe(first.amps);
    expect(vecDistance(toVec(second), want)).toBeLessThan(1e-12);
  });

  it("limits are checked on every run, also when the plan is cached", () => {
    const c = randomCircuit(4, 9, 20);
    finalState(c);
    expect(() => finalState(c, { limits: { maxQubits: 3 } })).toThrow(/maxQubits = 3/);
    expect(() => simulate(c, { shots: 10, limits: { maxOperations: 5 } })).toThrow(
      /maxOperations = 5/,
    );
  });

  it("the same op list on a different register width is planned for that width", () => {
    const ops = [gate("h", [0]), gate("cx", [0, 1])];
    const narrow = finalState(circuit(2, ops));
    const wide = finalState(circuit(3, ops));
    expect(narrow.dim).toBe(4);
    expect(wide.dim).toBe(8);
    expect(wide.amplitude(3)[0]).toBeCloseTo(Math.SQRT1_2, 12);
  });
});

describe("counts for a fixed seed", () => {
  const measured = (n: number, ops: Op[]): Circuit =>
    circuit(
      n,
      [
        ...ops,
        ...[...Array(n).keys()].map((q): Op => ({ kind: "measure", qubit: q, clbit: q, loc })),
      ],
      n,
    );

  it("stay exactly as recorded", () => {
    const cases = {
      bell: measured(2, [gate("h", [0]), gate("cx", [0, 1])]),
      random3: measured(3, randomCircuit(3, 7, 20).ops as Op[]),
      random5: measured(5, randomCircuit(5, 11, 30).ops as Op[]),
      hqft4: measured(4, [...[0, 1, 2, 3].map((q) => gate("h", [q])), ...qft(4)]),
    };
    const got = Object.fromEntries(
      Object.entries(cases).map(([k, c]) => [k, simulate(c, { shots: 64, seed: 2024 }).counts]),
    );
    expect(got).toEqual(COUNTS);
  });
});

/** Recorded before the small-circuit optimisations. */
const COUNTS = {
  bell: { "00": 31, "11": 33 },
  hqft4: { "0000": 64 },
  random3: { "000": 1, "001": 9, "010": 10, "011": 40, "101": 2, "111": 2 },
  random5: {
    "00001": 1,
    "00100": 24,
    "00101": 1,
    "01001": 4,
    "01100": 12,
    "10100": 15,
    "10101": 1,
    "11100": 6,
  },
};
