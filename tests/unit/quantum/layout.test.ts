import { describe, expect, it } from "vitest";
import type { Op } from "@/lib/quantum/ir";
import { displayAngle, layoutCircuit } from "@/lib/quantum/layout";
import { circuit, gate, measure } from "./export/build";

const at = (line: number) => ({ line, column: 1 });

describe("layoutCircuit", () => {
  it("packs independent gates into the same column and stacks dependent ones", () => {
    const layout = layoutCircuit(
      circuit(
        [
          gate("h", [0]),
          gate("x", [2]),
          gate("cx", [0, 1]),
          gate("z", [2]),
          gate("rz", [1], { params: [Math.PI / 2] }),
        ],
        [["q", 3]],
      ),
    );
    expect(layout.ops.map((o) => [o.label, o.column])).toEqual([
      ["H", 0],
      ["X", 0],
      ["", 1],
      ["Z", 1],
      ["RZ(π/2)", 2],
    ]);
    expect(layout.columns).toBe(3);
    expect(layout.qubitLabels).toEqual(["q[0]", "q[1]", "q[2]"]);
  });

  it("reserves the wires between a gate's qubits (its vertical line crosses them)", () => {
    const layout = layoutCircuit(circuit([gate("cx", [0, 2]), gate("h", [1])], [["q", 3]]));
    expect(layout.ops[1].column).toBe(1);
    expect(layout.ops[0]).toMatchObject({
      minQubit: 0,
      maxQubit: 2,
      controls: [{ qubit: 0, filled: true }],
      targets: [{ qubit: 2, symbol: "plus" }],
    });
  });

  it("draws modifiers as dots (open for negctrl), swaps as ×, other targets as boxes", () => {
    const layout = layoutCircuit(
      circuit(
        [
          gate("ccx", [0, 1, 3], { controls: [2], controlStates: [0] }),
          gate("cswap", [0, 1, 2]),
          gate("cu", [3, 0], { params: [Math.PI, 0, Math.PI, Math.PI / 4] }),
          gate("sxdg", [1]),
          gate("unitary", [1, 2], {
            matrix: { dim: 4, re: new Float64Array(16), im: new Float64Array(16) },
          }),
        ],
        [["q", 4]],
      ),
    );
    expect(layout.ops[0].controls).toEqual([
      { qubit: 2, filled: false },
      { qubit: 0, filled: true },
      { qubit: 1, filled: true },
    ]);
    expect(layout.ops[0].targets).toEqual([{ qubit: 3, symbol: "plus" }]);
    expect(layout.ops[1].targets).toEqual([
      { qubit: 1, symbol: "swap" },
      { qubit: 2, symbol: "swap" },
    ]);
    expect(layout.ops[2].label).toBe("U(π, 0, π, π/4)");
    expect(layout.ops[3].label).toBe("√X†");
    expect(layout.ops[4]).toMatchObject({
      label: "U",
      targets: [
        { qubit: 1, symbol: "box" },
        { qubit: 2, symbol: "box" },
      ],
    });
  });

  it("runs measurements and conditions down to the classical bits they use", () => {
    const ops: Op[] = [
      gate("h", [0]),
      measure(0, 1),
      gate("x", [2]),
      gate("x", [1], { condition: { clbits: [0, 1], value: 2, label: "c" } }),
      { ...gate("h", [2]), loc: at(9) },
    ];
    const layout = layoutCircuit(circuit(ops, [["q", 3]], [["c", 2]]));
    // The measurement's double line crosses q[1] and q[2], so x q[2] waits for it.
    expect(layout.ops.map((o) => o.column)).toEqual([0, 1, 2, 3, 4]);
    expect(layout.ops[1]).toMatchObject({
      measure: { qubit: 0, clbit: 1 },
      targets: [{ qubit: 0, symbol: "meter" }],
    });
    expect(layout.ops[3].condition).toEqual({ label: "c", value: 2, clbits: [0, 1] });
    expect(layout.ops[4].loc).toEqual(at(9));
    expect(layout.clbitLabels).toEqual(["c[0]", "c[1]"]);
  });

  it("spans barriers over their qubits and puts a global phase after everything before it", () => {
    const layout = layoutCircuit(
      circuit(
        [
          gate("h", [0]),
          gate("h", [0]),
          { kind: "barrier", qubits: [1, 2], loc: at(3) },
          { kind: "gphase", angle: -Math.PI, controls: [], controlStates: [], loc: at(4) },
          { kind: "reset", qubit: 2, loc: at(5) },
        ],
        [["q", 3]],
      ),
    );
    expect(layout.ops.map((o) => [o.kind, o.column, o.label])).toEqual([
      ["gate", 0, "H"],
      ["gate", 1, "H"],
      ["barrier", 0, ""],
      ["gphase", 2, "gphase(-π)"],
      ["reset", 1, "|0⟩"],
    ]);
  });

  it("pretty-prints angles as multiples of π where exact", () => {
    expect(displayAngle(Math.PI / 2)).toBe("π/2");
    expect(displayAngle((3 * Math.PI) / 4)).toBe("3π/4");
    expect(displayAngle(-Math.PI)).toBe("-π");
    expect(displayAngle(2 * Math.PI)).toBe("2π");
    expect(displayAngle(0.123456)).toBe("0.1235");
    expect(displayAngle(0)).toBe("0");
  });
});
