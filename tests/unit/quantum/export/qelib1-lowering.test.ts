import { describe, expect, it } from "vitest";
import { QuantumError } from "@/lib/quantum/errors";
import { qelib1Gates } from "@/lib/quantum/export/qasm2";
import { GATE_CATALOG, GATES_BY_NAME } from "@/lib/quantum/gate-catalog";
import type { GateOp, GlobalPhaseOp, Op } from "@/lib/quantum/ir";
import { circuit, gate } from "./build";
import { maxDiff, randomGateOp, randomUnitary, rng, unitaryOf } from "./helpers";

/** The op rewritten into qelib1 gates, as IR ops again (so the simulator can run them). */
function lowered(op: GateOp | GlobalPhaseOp, n: number): Op[] {
  return qelib1Gates(circuit([op], [["q", n]]), op).map((g) =>
    gate(g.name, [...g.qubits], { params: [...g.params] }),
  );
}

const QASM2_NAMES = new Set(GATE_CATALOG.filter((g) => g.source !== "stdgates").map((g) => g.name));

function expectSameUnitary(op: GateOp | GlobalPhaseOp, n: number): void {
  const gates = lowered(op, n);
  for (const g of gates) {
    expect(g.kind === "gate" && QASM2_NAMES.has(g.name), `${JSON.stringify(g)}`).toBe(true);
  }
  expect(maxDiff(unitaryOf(gates, n), unitaryOf([op], n))).toBeLessThan(1e-9);
}

function captureError(run: () => unknown): QuantumError {
  try {
    run();
  } catch (error) {
    if (error instanceof QuantumError) return error;
    throw error;
  }
  throw new Error("expected a QuantumError");
}

describe("OpenQASM 2 lowering of modifiers (exact, global phase included)", () => {
  for (const sig of GATE_CATALOG) {
    it(`${sig.name} with 0 to 3 extra controls and negctrls`, () => {
      const random = rng(sig.name.length * 7919 + sig.qubits);
      for (let extra = 0; extra <= 3; extra++) {
        const n = sig.qubits + extra;
        expectSameUnitary(randomGateOp(random, sig, n, extra), n);
      }
    });
  }

  it("keeps an uncontrolled gate as itself, renaming only the OpenQASM 3 spellings", () => {
    const c = circuit([], [["q", 2]]);
    expect(qelib1Gates(c, gate("cu", [0, 1], { params: [1, 2, 3, 4] }))).toEqual([
      { name: "cu", params: [1, 2, 3, 4], qubits: [0, 1] },
    ]);
    expect(qelib1Gates(c, gate("cphase", [1, 0], { params: [0.5] }))).toEqual([
      { name: "cp", params: [0.5], qubits: [1, 0] },
    ]);
  });

  it("uses the matching controlled gate where qelib1 has one", () => {
    const c = circuit([], [["q", 5]]);
    const names = (op: GateOp) => qelib1Gates(c, op).map((g) => g.name);
    expect(names(gate("x", [4], { controls: [0, 1] }))).toEqual(["ccx"]);
    expect(names(gate("cx", [0, 4], { controls: [1, 2, 3] }))).toEqual(["c4x"]);
    expect(names(gate("z", [1], { controls: [0] }))).toEqual(["cz"]);
    expect(names(gate("p", [1], { params: [0.3], controls: [0] }))).toEqual(["cp"]);
    expect(names(gate("swap", [1, 2], { controls: [0] }))).toEqual(["cswap"]);
    expect(names(gate("x", [1], { controls: [0], controlStates: [0] }))).toEqual(["x", "cx", "x"]);
  });

  it("writes a global phase with phase gates, controlled or not", () => {
    for (const controls of [[], [1], [2, 0], [0, 1, 2]]) {
      const op: GlobalPhaseOp = {
        kind: "gphase",
        angle: 0.7,
        controls,
        controlStates: controls.map((_, i) => (i % 2) as 0 | 1),
        loc: { line: 1, column: 1 },
      };
      expectSameUnitary(op, 3);
    }
  });

  it("decomposes `unitary` ops on 1 to 3 qubits, with controls", () => {
    const random = rng(42);
    for (const [k, extra] of [
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
      [3, 0],
    ]) {
      const op = gate(
        "unitary",
        Array.from({ length: k }, (_, i) => extra + i),
        {
          matrix: randomUnitary(random, k),
          controls: Array.from({ length: extra }, (_, i) => i),
          controlStates: Array.from({ length: extra }, (_, i) => (i === 0 ? 0 : 1)),
        },
      );
      expectSameUnitary(op, k + extra);
    }
  });

  it("refuses what has no exact form, naming the construct and its location", () => {
    const op: GlobalPhaseOp = {
      kind: "gphase",
      angle: 1,
      controls: [],
      controlStates: [],
      loc: { line: 4, column: 2 },
    };
    const empty = circuit([], []);
    const error = captureError(() => qelib1Gates(empty, op));
    expect(error.code).toBe("unsupported");
    expect(error.format("x.qasm")).toBe(
      "x.qasm:4:2: error: OpenQASM 2 export: a global phase with no qubits",
    );
  });

  it("only names gates of qelib1.inc", () => {
    expect(QASM2_NAMES.has("cphase")).toBe(false);
    expect(GATES_BY_NAME.get("cu")?.source).toBe("both");
  });
});
