import { describe, expect, it } from "vitest";
import { QuantumError } from "@/lib/quantum/errors";
import { EXPORT_FORMATS, exportCircuit, type ExportFormat } from "@/lib/quantum/export";
import { formatAngle, formatNumber } from "@/lib/quantum/export/format";
import { GATE_CATALOG } from "@/lib/quantum/gate-catalog";
import type { Circuit, GlobalPhaseOp, Op } from "@/lib/quantum/ir";
import { circuit, gate, measure } from "./build";
import { randomGateOp, randomUnitary, rng } from "./helpers";

const bell = circuit(
  [gate("h", [0]), gate("cx", [0, 1]), measure(0, 0), measure(1, 1)],
  [["q", 2]],
  [["c", 2]],
);

function errorOf(run: () => unknown): QuantumError {
  try {
    run();
  } catch (error) {
    if (error instanceof QuantumError) return error;
    throw error;
  }
  throw new Error("expected a QuantumError");
}

describe("number and angle formatting", () => {
  it("writes exact multiples of π symbolically and other numbers so they read back exactly", () => {
    expect(formatAngle(Math.PI / 2)).toBe("pi/2");
    expect(formatAngle((-3 * Math.PI) / 4)).toBe("-3*pi/4");
    expect(formatAngle(2 * Math.PI)).toBe("2*pi");
    expect(formatAngle(Math.PI / 3, "np.pi")).toBe("np.pi/3");
    expect(formatAngle(0)).toBe("0");
    expect(formatAngle(0.1)).toBe("0.1");
    expect(formatNumber(1e-7)).toBe("1.0e-7");
    expect(formatNumber(-0)).toBe("0");
    expect(Number(formatNumber(0.1 + 0.2))).toBe(0.1 + 0.2);
  });
});

describe("exact output on a Bell circuit", () => {
  it("OpenQASM 2", () => {
    expect(exportCircuit(bell, "qasm2")).toBe(
      [
        "OPENQASM 2.0;",
        'include "qelib1.inc";',
        "qreg q[2];",
        "creg c[2];",
        "h q[0];",
        "cx q[0],q[1];",
        "measure q[0] -> c[0];",
        "measure q[1] -> c[1];",
        "",
      ].join("\n"),
    );
  });

  it("OpenQASM 3", () => {
    expect(exportCircuit(bell, "qasm3")).toBe(
      [
        "OPENQASM 3.0;",
        'include "stdgates.inc";',
        "qubit[2] q;",
        "bit[2] c;",
        "h q[0];",
        "cx q[0], q[1];",
        "c[0] = measure q[0];",
        "c[1] = measure q[1];",
        "",
      ].join("\n"),
    );
  });

  it("Qiskit builds the registers by name and runs on AerSimulator", () => {
    const code = exportCircuit(bell, "qiskit");
    expect(code).toContain(
      'q = QuantumRegister(2, "q")\nc = ClassicalRegister(2, "c")\nqc = QuantumCircuit(q, c)',
    );
    expect(code).toContain(
      "qc.h(q[0])\nqc.cx(q[0], q[1])\nqc.measure(q[0], c[0])\nqc.measure(q[1], c[1])",
    );
    expect(code).toContain("AerSimulator()");
  });

  it("PennyLane measures mid-circuit values and counts them, highest bit first", () => {
    const code = exportCircuit(bell, "pennylane");
    expect(code).toContain('dev = qml.device("default.qubit", wires=2)');
    expect(code).toContain(
      "    qml.Hadamard(wires=0)\n    qml.CNOT(wires=[0, 1])\n    c_0 = qml.measure(wires=0)\n    c_1 = qml.measure(wires=1)\n    return qml.counts(op=[c_1, c_0])",
    );
  });

  it("Cirq uses line qubits and one measurement key per bit", () => {
    const code = exportCircuit(bell, "cirq");
    expect(code).toContain("qubits = cirq.LineQubit.range(2)\nq = qubits[0:2]");
    expect(code).toContain('circuit.append(cirq.measure(q[1], key="c_1"))');
    expect(code).toContain('keys = ["c_1", "c_0"]');
  });

  it("Braket uses its own method names and maps measured qubits to bits", () => {
    const code = exportCircuit(bell, "braket");
    expect(code).toContain("circuit = Circuit()\ncircuit.h(0)\ncircuit.cnot(0, 1)");
    expect(code).toContain("clbit_qubit = {0: 0, 1: 1}");
  });
});

describe("modifiers, phases and matrices", () => {
  const ops: Op[] = [
    gate("h", [2], { controls: [0, 1], controlStates: [1, 0] }),
    {
      kind: "gphase",
      angle: Math.PI / 4,
      controls: [],
      controlStates: [],
      loc: { line: 3, column: 1 },
    },
    gate("rzz", [0, 1], { params: [0.25] }),
  ];
  const c = circuit(ops, [["q", 3]]);

  it("OpenQASM 3 writes modifiers and defines gates stdgates.inc lacks", () => {
    const code = exportCircuit(c, "qasm3");
    expect(code).toContain("ctrl @ negctrl @ h q[0], q[1], q[2];");
    expect(code).toContain("gphase(pi/4);");
    expect(code).toContain("gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }");
    expect(code).toContain("rzz(0.25) q[0], q[1];");
  });

  it("Qiskit uses .control with ctrl_state bit i = control i", () => {
    const code = exportCircuit(c, "qiskit");
    expect(code).toContain("qc.append(HGate().control(2, ctrl_state=1), [q[0], q[1], q[2]])");
    expect(code).toContain("qc.global_phase += pi/4");
  });

  it("PennyLane flips the sign of GlobalPhase and gives control values", () => {
    const code = exportCircuit(c, "pennylane");
    expect(code).toContain(
      "qml.ctrl(qml.Hadamard(wires=2), control=[0, 1], control_values=[1, 0])",
    );
    expect(code).toContain("qml.GlobalPhase(-pi/4)");
  });

  it("matrices go to their qubits reversed where the framework is big-endian", () => {
    const m = randomUnitary(rng(3), 2);
    const u = circuit([gate("unitary", [0, 2], { matrix: m })], [["q", 3]]);
    expect(exportCircuit(u, "qiskit")).toContain("])), [q[0], q[2]])");
    expect(exportCircuit(u, "cirq")).toContain(".on(q[2], q[0]))");
    expect(exportCircuit(u, "pennylane")).toContain("wires=[2, 0])");
    expect(exportCircuit(u, "braket")).toContain("targets=[2, 0])");
    expect(exportCircuit(u, "qasm3")).toContain("gate unitary_1 q0, q1 {");
  });
});

describe("every exporter handles every catalog gate and op kind", () => {
  const random = rng(99);
  const ops: Op[] = [];
  for (const sig of GATE_CATALOG) {
    for (const extra of [0, 2]) ops.push(randomGateOp(random, sig, 6, extra));
  }
  const phase: GlobalPhaseOp = {
    kind: "gphase",
    angle: 0.3,
    controls: [1, 4],
    controlStates: [0, 1],
    loc: { line: 1, column: 1 },
  };
  ops.push(phase, gate("unitary", [3], { matrix: randomUnitary(random, 1), controls: [0] }));
  ops.push({ kind: "barrier", qubits: [0, 1, 2], loc: { line: 1, column: 1 } });
  ops.push(measure(0, 0), measure(5, 1));
  const everything = circuit(
    ops,
    [
      ["q", 4],
      ["r", 2],
    ],
    [["c", 2]],
  );

  for (const format of EXPORT_FORMATS) {
    it(format, () => {
      const code = exportCircuit(everything, format);
      expect(code).not.toMatch(/undefined|NaN|\[object/);
      expect(code.length).toBeGreaterThan(500);
    });
  }
});

describe("what a target cannot say is refused by name, at the op's location", () => {
  const at = { line: 7, column: 3 };
  const conditioned = (label: string, clbits: number[], value: number): Circuit =>
    circuit(
      [measure(0, 0), { ...gate("x", [1], { condition: { clbits, value, label } }), loc: at }],
      [["q", 2]],
      [["c", 3]],
    );

  const cases: [ExportFormat, Circuit, string][] = [
    [
      "qasm2",
      conditioned("c[1]", [1], 1),
      "p.qasm:7:3: error: OpenQASM 2 export: a condition on part of a classical register (`c[1]`) cannot be written; OpenQASM 2 compares whole registers only",
    ],
    [
      "qasm3",
      conditioned("c", [0, 2], 1),
      "p.qasm:7:3: error: OpenQASM 3 export: a condition on several bits of a register (`c`) cannot be written",
    ],
    [
      "braket",
      conditioned("c", [0, 1, 2], 1),
      "p.qasm:7:3: error: Amazon Braket export: classical control (`if (c == 1)`) is not supported by Braket circuits",
    ],
    [
      "braket",
      circuit([measure(0, 0), { ...gate("h", [0]), loc: at }], [["q", 1]], [["c", 1]]),
      "p.qasm:7:3: error: Amazon Braket export: mid-circuit measurement (an operation on q[0] after measuring it) is not supported by Braket circuits",
    ],
    [
      "braket",
      circuit([{ kind: "reset", qubit: 0, loc: at }], [["q", 1]]),
      "p.qasm:7:3: error: Amazon Braket export: `reset` is not supported by Braket circuits",
    ],
  ];
  for (const [format, c, message] of cases) {
    it(`${format}: ${message.slice(message.indexOf("export:") + 8, message.indexOf("export:") + 48)}…`, () => {
      const error = errorOf(() => exportCircuit(c, format));
      expect(error.code).toBe("unsupported");
      expect(error.format("p.qasm")).toBe(message);
    });
  }

  it("writes the same conditions where the target can: whole register or one bit", () => {
    expect(exportCircuit(conditioned("c", [0, 1, 2], 5), "qasm2")).toContain("if(c==5) x q[1];");
    expect(exportCircuit(conditioned("c[1]", [1], 1), "qasm3")).toContain(
      "if (c[1] == 1) { x q[1]; }",
    );
    expect(exportCircuit(conditioned("c", [0, 1, 2], 5), "qiskit")).toContain(
      "with qc.if_test((c, 5)):\n    qc.x(q[1])",
    );
  });

  it("drops from Cirq and PennyLane conditions the bits never measured (they read 0)", () => {
    const c = conditioned("c", [0, 1, 2], 1);
    expect(exportCircuit(c, "cirq")).toContain('cirq.X.on(q[1]).with_classical_controls("c_0")');
    expect(exportCircuit(c, "pennylane")).toContain(
      "qml.cond(c_0 == 1, lambda: qml.PauliX(wires=1))()",
    );
    const never = conditioned("c", [0, 1, 2], 2);
    expect(exportCircuit(never, "pennylane")).toContain("# skipped: `c` can never hold here");
  });
});

describe("mid-circuit measurement, reset and conditions in the frameworks that run them", () => {
  const at = { line: 2, column: 5 };
  const ops: Op[] = [
    gate("h", [0]),
    measure(0, 0),
    { kind: "reset", qubit: 0, loc: at },
    gate("x", [1], { condition: { clbits: [0], value: 1, label: "c" } }),
    measure(1, 0),
  ];
  const c = circuit(ops, [["q", 2]], [["c", 1]]);

  it("Qiskit", () => {
    expect(exportCircuit(c, "qiskit")).toContain(
      "qc.measure(q[0], c[0])\nqc.reset(q[0])\nwith qc.if_test((c, 1)):\n    qc.x(q[1])\nqc.measure(q[1], c[0])",
    );
  });

  it("PennyLane: the later measurement of a bit replaces the earlier one", () => {
    expect(exportCircuit(c, "pennylane")).toContain(
      [
        "    c_0 = qml.measure(wires=0)",
        "    qml.measure(wires=0, reset=True)  # reset: measure, then return to |0⟩",
        "    qml.cond(c_0 == 1, lambda: qml.PauliX(wires=1))()",
        "    c_0 = qml.measure(wires=1)",
        "    return qml.counts(op=[c_0])",
      ].join("\n"),
    );
  });

  it("Cirq", () => {
    expect(exportCircuit(c, "cirq")).toContain(
      'circuit.append(cirq.reset(q[0]))\ncircuit.append(cirq.X.on(q[1]).with_classical_controls("c_0"))',
    );
  });

  it("PennyLane refuses a conditional reset", () => {
    const conditionalReset = circuit(
      [
        measure(0, 0),
        { kind: "reset", qubit: 1, loc: at, condition: { clbits: [0], value: 1, label: "c" } },
      ],
      [["q", 2]],
      [["c", 1]],
    );
    expect(errorOf(() => exportCircuit(conditionalReset, "pennylane")).format("r.qasm")).toBe(
      "r.qasm:2:5: error: PennyLane export: a conditional reset (`qml.cond` cannot wrap `qml.measure`)",
    );
  });
});
