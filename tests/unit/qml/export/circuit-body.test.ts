import { describe, expect, it } from "vitest";

import { circuitBody, expectationCircuit } from "@/lib/qml/export/circuit-body";
import { pennylaneCall, qiskitCall } from "@/lib/qml/export/expression";
import { compileParametric } from "@/lib/quantum/diff";

const SOURCE = `OPENQASM 3.0;
include "stdgates.inc";
input float x0; input float x1; input float w0;
qubit[2] x;
h x[0];
ctrl @ ry(w0/2) x[0], x[1];
negctrl @ rz(x1) x[1], x[0];
gphase(x0);
u3(w0, sin(x1), -x0) x[1];
cu(x0, 0, pi/2, w0) x[0], x[1];
inv @ rz(x0) x[0];
rx(0.3) x[0];`;

const body = (library: "pennylane" | "qiskit") => {
  const { template } = compileParametric(SOURCE);
  return circuitBody(
    expectationCircuit(template),
    library,
    {
      symbol: (i) => (i < 2 ? `x[${i}]` : `w[${i - 2}]`),
      call: library === "pennylane" ? pennylaneCall : qiskitCall,
    },
    ["x", "w"],
  );
};

describe("circuit bodies with symbolic angles, through the per-circuit exporters", () => {
  it("PennyLane: controls, phases and inverses keep their input expressions", () => {
    expect(body("pennylane").lines).toEqual([
      "qml.Hadamard(wires=0)",
      "qml.ctrl(qml.RY(w[0] / 2, wires=1), control=0)",
      "qml.ctrl(qml.RZ(x[1], wires=0), control=1, control_values=[0])",
      "qml.GlobalPhase(-x[0])  # PennyLane's GlobalPhase(φ) is e^(-iφ)",
      "qml.U3(w[0], qml.math.sin(x[1]), -x[0], wires=1)",
      "qml.ctrl(qml.U3(x[0], 0, pi/2, wires=1), control=0)",
      "qml.PhaseShift(w[0], wires=0)",
      "qml.RZ(-x[0], wires=0)",
      "qml.RX(0.3, wires=0)",
    ]);
  });

  it("Qiskit: the same, with a register renamed away from the script's own `x`", () => {
    const { lines, declarations, libraryImports } = body("qiskit");
    expect(declarations).toEqual([
      'x_reg = QuantumRegister(2, "x_reg")',
      "qc = QuantumCircuit(x_reg)",
    ]);
    expect(libraryImports).toEqual(["RYGate", "RZGate"]);
    expect(lines).toEqual([
      "qc.h(x_reg[0])",
      "qc.append(RYGate(w[0] / 2).control(1), [x_reg[0], x_reg[1]])",
      "qc.append(RZGate(x[1]).control(1, ctrl_state=0), [x_reg[1], x_reg[0]])",
      "qc.global_phase += x[0]",
      "qc.u(w[0], x[1].sin(), -x[0], x_reg[1])",
      "qc.cu(x[0], 0, pi/2, w[0], x_reg[0], x_reg[1])",
      "qc.rz(-x[0], x_reg[0])",
      "qc.rx(0.3, x_reg[0])",
    ]);
  });
});
