import { describe, expect, it } from "vitest";

import {
  BOX_HALF,
  boxSpan,
  classicalRegisters,
  clbitY,
  describeOp,
  diagramGeometry,
  registerOf,
  ROW,
  textWidth,
} from "@/app/_components/outputs/circuit-model";
import { compile } from "@/lib/quantum/compile";
import { layoutCircuit } from "@/lib/quantum/layout";

const layoutOf = (body: string) =>
  layoutCircuit(compile(`OPENQASM 3.0;\ninclude "stdgates.inc";\n${body}`));

const FEATURES = `qubit[3] q;
bit[2] c;
h q[0];
ctrl @ x q[0], q[1];
negctrl @ h q[1], q[2];
swap q[0], q[2];
rz(pi/2) q[1];
barrier q;
c[0] = measure q[0];
if (c[0] == 1) x q[2];
reset q[1];
c[1] = measure q[2];
`;

describe("describeOp", () => {
  it("reads every kind of operation in program order", () => {
    const layout = layoutOf(FEATURES);
    expect(layout.ops.map((op) => describeOp(op, layout))).toEqual([
      "H on q[0]",
      "X on q[1], controlled by q[0]",
      "H on q[2], controlled by q[1] (on |0⟩)",
      "SWAP q[0] and q[2]",
      "RZ(π/2) on q[1]",
      "Barrier on q[0], q[1] and q[2]",
      "Measure q[0] → c[0]",
      "X on q[2], if c[0]==1",
      "Reset q[1] to |0⟩",
      "Measure q[2] → c[1]",
    ]);
  });

  it("names register-qualified wires and several controls", () => {
    const layout = layoutOf("qubit[2] a;\nqubit[1] t;\nccx a[0], a[1], t[0];\n");
    expect(describeOp(layout.ops[0], layout)).toBe("X on t[0], controlled by a[0] and a[1]");
  });
});

describe("classical registers", () => {
  it("groups bits into one double wire per register", () => {
    expect(classicalRegisters(["c[0]", "c[1]", "m[0]"])).toEqual([
      { name: "c", size: 2, offset: 0 },
      { name: "m", size: 1, offset: 2 },
    ]);
    expect(classicalRegisters(["flag"])).toEqual([{ name: "flag", size: 1, offset: 0 }]);
    const regs = classicalRegisters(["c[0]", "c[1]", "m[0]"]);
    expect(registerOf(regs, 1)).toBe(0);
    expect(registerOf(regs, 2)).toBe(1);
    expect(() => registerOf(regs, 3)).toThrow("classical bit 3 is in no register");
  });
});

describe("diagramGeometry", () => {
  it("stacks qubit wires, then classical registers, one row apart", () => {
    const geo = diagramGeometry(layoutOf("qubit[3] q;\nbit[2] c;\nbit[1] m;\nh q[0];\n"));
    expect(geo.qubitY[1] - geo.qubitY[0]).toBe(ROW);
    expect(geo.registers.map((r) => r.name)).toEqual(["c", "m"]);
    expect(geo.registers[0].y - geo.qubitY[2]).toBe(ROW);
    expect(clbitY(geo, 2)).toBe(geo.registers[1].y);
    expect(geo.height).toBeGreaterThan(geo.registers[1].y);
  });

  it("gives every column room for its widest label, left to right", () => {
    const layout = layoutOf(FEATURES);
    const geo = diagramGeometry(layout);
    expect(geo.columnX).toHaveLength(layout.columns);
    for (let i = 1; i < geo.columnX.length; i++) {
      expect(geo.columnX[i] - geo.columnX[i - 1]).toBeCloseTo(
        (geo.columnWidth[i] + geo.columnWidth[i - 1]) / 2,
        9,
      );
    }
    const rz = layout.ops.find((op) => op.label === "RZ(π/2)")!;
    expect(geo.columnWidth[rz.column]).toBeGreaterThan(textWidth("RZ(π/2)") + 18);
    expect(geo.columnX[0] - geo.columnWidth[0] / 2).toBeGreaterThan(geo.wireStart);
    expect(geo.width).toBeGreaterThan(geo.columnX[geo.columnX.length - 1]);
  });

  it("draws one box across a multi-qubit gate", () => {
    const layout = layoutCircuit(
      compile('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\nrzz(0.5) q[0], q[2];\n'),
    );
    const geo = diagramGeometry(layout);
    expect(boxSpan(layout.ops[0], geo.qubitY)).toEqual({
      top: geo.qubitY[0] - BOX_HALF,
      bottom: geo.qubitY[2] + BOX_HALF,
    });
  });

  it("caps very long circuits and says how many operations there were", () => {
    const layout = layoutOf("qubit[1] q;\nfor int i in [1:40] { h q[0]; }\n");
    const geo = diagramGeometry(layout, 10);
    expect(geo.ops).toHaveLength(10);
    expect(geo.totalOps).toBe(40);
    expect(geo.columnX).toHaveLength(10);
  });
});
