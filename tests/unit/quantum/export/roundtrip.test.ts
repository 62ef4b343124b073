import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { exportQasm2, exportQasm3 } from "@/lib/quantum/export";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import type { Circuit, Op } from "@/lib/quantum/ir";
import { finalState } from "@/lib/quantum/simulate";
import { circuit, gate } from "./build";
import { randomGateOp, randomUnitary, rng } from "./helpers";

/** Largest amplitude difference between the final states (global phase included). */
function stateDistance(a: Circuit, b: Circuit): number {
  const x = finalState(a, { fusion: false }).amps;
  const y = finalState(b, { fusion: false }).amps;
  expect(y.length).toBe(x.length);
  let worst = 0;
  for (let i = 0; i < x.length; i += 2) {
    worst = Math.max(worst, Math.hypot(x[i] - y[i], x[i + 1] - y[i + 1]));
  }
  return worst;
}

const EXPORTERS = [
  ["OpenQASM 2", exportQasm2],
  ["OpenQASM 3", exportQasm3],
] as const;

/** Starts from a state with every amplitude nonzero so no gate acts on zeros only. */
function spread(n: number): Op[] {
  const random = rng(n + 11);
  return Array.from({ length: n }, (_, q) =>
    gate("u3", [q], { params: [1 + random(), random() * 6, random() * 6] }),
  );
}

describe.each(EXPORTERS)("%s round trip: compile(export(c)) has c's state", (_, exporter) => {
  it("every catalog gate, plain and with mixed extra controls", () => {
    const random = rng(17);
    for (const sig of GATE_CATALOG) {
      for (const extra of [0, 1, 2]) {
        const n = sig.qubits + extra + 1;
        const c = circuit([...spread(n), randomGateOp(random, sig, n, extra)], [["q", n]]);
        const back = compile(exporter(c));
        expect(stateDistance(c, back), `${sig.name} + ${extra} controls`).toBeLessThan(1e-9);
      }
    }
  });

  it("global phases and matrices, controlled or not, across two registers", () => {
    const random = rng(5);
    const ops: Op[] = [
      ...spread(4),
      { kind: "gphase", angle: 0.9, controls: [], controlStates: [], loc: { line: 1, column: 1 } },
      {
        kind: "gphase",
        angle: -2,
        controls: [3, 0],
        controlStates: [1, 0],
        loc: { line: 1, column: 1 },
      },
      gate("unitary", [2], { matrix: randomUnitary(random, 1) }),
      gate("unitary", [1, 3], {
        matrix: randomUnitary(random, 2),
        controls: [0],
        controlStates: [0],
      }),
      gate("unitary", [0, 1, 2], { matrix: randomUnitary(random, 3) }),
    ];
    const c = circuit(ops, [
      ["a", 1],
      ["b", 3],
    ]);
    expect(stateDistance(c, compile(exporter(c)))).toBeLessThan(1e-9);
  });

  it("random circuits (fast-check)", () => {
    const catalog = GATE_CATALOG;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.nat(catalog.length - 1), fc.nat(2), fc.integer()), { maxLength: 12 }),
        (n, picks) => {
          const ops: Op[] = [...spread(n)];
          for (const [index, extra, seed] of picks) {
            const sig = catalog[index];
            const controls = Math.min(extra, n - sig.qubits);
            if (controls < 0) continue;
            ops.push(randomGateOp(rng(seed), sig, n, controls));
          }
          const c = circuit(ops, [["q", n]]);
          return stateDistance(c, compile(exporter(c))) < 1e-9;
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("classical parts survive the round trip", () => {
  const at = { line: 1, column: 1 };
  const ops: Op[] = [
    gate("h", [0]),
    { kind: "measure", qubit: 0, clbit: 1, loc: at },
    { kind: "barrier", qubits: [0, 2], loc: at },
    gate("x", [2], { condition: { clbits: [0, 1], value: 2, label: "c" } }),
    { kind: "reset", qubit: 0, loc: at },
    { kind: "measure", qubit: 2, clbit: 2, loc: at },
    gate("z", [1], { condition: { clbits: [2], value: 1, label: "d" } }),
  ];
  const c = circuit(
    ops,
    [["q", 3]],
    [
      ["c", 2],
      ["d", 1],
    ],
  );
  /** What a classical round trip must keep: kinds, operands and conditions, not locations. */
  const shape = (circ: Circuit) =>
    circ.ops.map((op) => ({
      kind: op.kind,
      operands:
        op.kind === "measure"
          ? [op.qubit, op.clbit]
          : op.kind === "reset"
            ? [op.qubit]
            : op.kind === "gphase"
              ? op.controls
              : op.kind === "classical"
                ? op.targets
                : op.qubits,
      name: op.kind === "gate" ? op.name : undefined,
      condition: op.condition ? [op.condition.clbits, op.condition.value] : undefined,
    }));

  it.each(EXPORTERS)("%s", (_, exporter) => {
    const back = compile(exporter(c));
    expect(back.cregs).toEqual(c.cregs);
    expect(back.qregs).toEqual(c.qregs);
    expect(shape(back)).toEqual(shape(c));
  });
});
