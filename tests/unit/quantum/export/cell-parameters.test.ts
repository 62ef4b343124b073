import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { compile } from "@/lib/quantum/compile";
import { compileParametric } from "@/lib/quantum/diff/parametric";
import {
  exportBraket,
  exportCirq,
  exportPennyLane,
  exportQasm3,
  exportQiskit,
} from "@/lib/quantum/export";
import { simulate } from "@/lib/quantum/simulate";
import { exportCode } from "@/lib/tasks/export-code";

const SLIDERS = `OPENQASM 3.0;
include "stdgates.inc";
input float theta;
input float q_angle;
qubit[2] q;
bit[2] c;
ry(theta) q[0];
rz(2 * theta - q_angle / 2) q[1];
rx(sin(theta) + sqrt(q_angle)) q[0];
rx(pi / 2) q[1];
gphase(-theta);
cx q[0], q[1];
c = measure q;
`;

const params = { theta: 0.7, q_angle: 1.25 };

function pyCompiles(code: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), "ketbook-export-"));
  try {
    writeFileSync(path.join(dir, "cell.py"), code);
    execFileSync("python3", ["-m", "py_compile", path.join(dir, "cell.py")], { stdio: "pipe" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("Qiskit export of a cell with inputs", () => {
  it("writes inputs as Parameters, expressions over them, and binds the given values", () => {
    const code = exportQiskit(compileParametric(SLIDERS, { params, ignoreNoise: true }).template);
    expect(code).toContain("from qiskit.circuit import Parameter");
    expect(code).toContain('theta = Parameter("theta")');
    expect(code).toContain('q_angle = Parameter("q_angle")');
    expect(code).toContain("qc.ry(theta, q[0])");
    expect(code).toContain("qc.rz(((2 * theta) - (q_angle / 2)), q[1])");
    expect(code).toContain("qc.rx((theta.sin() + (q_angle ** 0.5)), q[0])");
    expect(code).toContain("qc.rx(pi/2, q[1])");
    expect(code).toContain("qc.global_phase += (-theta)");
    expect(code).toContain("circuit = qc.assign_parameters({theta: 0.7, q_angle: 1.25})");
    expect(code).toContain("transpile(circuit, sim)");
    expect(code).not.toContain("inputs bound at export");
    pyCompiles(code);
  });

  it("writes numbers, as before, for a circuit compiled with its inputs bound", () => {
    const code = exportQiskit(compile(SLIDERS, { params }));
    expect(code).not.toContain("Parameter");
    expect(code).toContain("# inputs bound at export: theta = 0.7, q_angle = 1.25");
    expect(code).toContain("qc.ry(0.7, q[0])");
    pyCompiles(code);
  });
});

describe("PennyLane export of a cell with inputs", () => {
  it("makes the inputs the QNode's arguments, defaulting to the given values", () => {
    const code = exportPennyLane(
      compileParametric(SLIDERS, { params, ignoreNoise: true }).template,
    );
    expect(code).toContain("def circuit(theta=0.7, q_angle=1.25):");
    expect(code).toContain("qml.RY(theta, wires=0)");
    expect(code).toContain("qml.RZ(((2 * theta) - (q_angle / 2)), wires=1)");
    expect(code).toContain("qml.RX((np.sin(theta) + np.sqrt(q_angle)), wires=0)");
    expect(code).toContain("import numpy as np");
    expect(code).toContain("qml.GlobalPhase(-(-theta))");
    expect(code).toContain("print(circuit())");
    expect(code).not.toContain("inputs bound at export");
    pyCompiles(code);
  });

  it("writes numbers and an empty signature for a circuit compiled with its inputs bound", () => {
    const code = exportPennyLane(compile(SLIDERS, { params }));
    expect(code).toContain("def circuit():");
    expect(code).toContain("# inputs bound at export: theta = 0.7, q_angle = 1.25");
    expect(code).toContain("qml.RY(0.7, wires=0)");
    pyCompiles(code);
  });
});

/** Arithmetic only: what a Braket FreeParameter expression can hold. */
const ARITHMETIC = `OPENQASM 3.0;
include "stdgates.inc";
input float theta;
input float phi;
qubit[2] q;
bit[2] c;
ry(theta) q[0];
rz(2 * theta - phi / 2) q[1];
cx q[0], q[1];
c = measure q;
`;

describe("Braket export of a cell with inputs", () => {
  const values = { theta: 0.7, phi: 1.25 };

  it("writes inputs as FreeParameters and binds their values when it runs", () => {
    const code = exportBraket(compileParametric(ARITHMETIC, { params: values }).template);
    expect(code).toContain("from braket.circuits import Circuit, FreeParameter");
    expect(code).toContain('theta = FreeParameter("theta")');
    expect(code).toContain('inputs = {"theta": 0.7, "phi": 1.25}');
    expect(code).toContain("circuit.ry(0, theta)");
    expect(code).toContain("circuit.rz(1, ((2 * theta) - (phi / 2)))");
    expect(code).toContain("LocalSimulator().run(circuit, shots=1024, inputs=inputs)");
    pyCompiles(code);
  });

  it("refuses a function of an input, which a FreeParameter cannot hold, naming it", () => {
    expect(() =>
      exportBraket(compileParametric(SLIDERS, { params, ignoreNoise: true }).template),
    ).toThrow(/Braket export: `sin` of an input/);
  });
});

describe("Cirq export of a cell with inputs", () => {
  it("writes inputs as sympy Symbols, functions in sympy, and resolves them when it runs", () => {
    const noPhase = SLIDERS.replace("gphase(-theta);\n", "");
    const code = exportCirq(compileParametric(noPhase, { params, ignoreNoise: true }).template);
    expect(code).toContain('theta = sympy.Symbol("theta")');
    expect(code).toContain('resolver = cirq.ParamResolver({"theta": 0.7, "q_angle": 1.25})');
    expect(code).toMatch(/cirq\.ry\(theta\)\.on\(/);
    expect(code).toMatch(
      /cirq\.rx\(\(sympy\.sin\(theta\) \+ sympy\.sqrt\(q_angle_?\d*\)\)\)\.on\(/,
    );
    expect(code).toContain("run(circuit, param_resolver=resolver, repetitions=1024)");
    pyCompiles(code);
  });

  it("refuses a global phase of an input, which Cirq's phase operation cannot hold", () => {
    expect(() =>
      exportCirq(compileParametric(SLIDERS, { params, ignoreNoise: true }).template),
    ).toThrow(/Cirq export: a global phase that depends on an input/);
  });
});

describe("OpenQASM 3 export of a cell with inputs", () => {
  it("declares the inputs and keeps the expressions, so the export is a cell with sliders again", () => {
    const code = exportQasm3(compileParametric(SLIDERS, { params, ignoreNoise: true }).template);
    expect(code).toContain("input float theta;");
    expect(code).toContain("input float q_angle;");
    expect(code).toContain("// inputs, exported at theta = 0.7, q_angle = 1.25");
    expect(code).toContain("rx((sin(theta) + sqrt(q_angle))) q[0];");
    // Read back by the engine at other slider values, it behaves as the original cell does.
    for (const values of [params, { theta: -1.1, q_angle: 0.3 }]) {
      const original = simulate(compile(SLIDERS, { params: values }), { shots: 0 });
      const exported = simulate(compile(code, { params: values }), { shots: 0 });
      for (const [bits, p] of Object.entries(original.probabilities)) {
        expect(exported.probabilities[bits] ?? 0).toBeCloseTo(p, 12);
      }
    }
  });

  it("refuses ln of an input (OpenQASM 3 spells it log), so the export task binds the values", () => {
    const withLn = SLIDERS.replace("sqrt(q_angle)", "ln(q_angle)");
    expect(() =>
      exportQasm3(compileParametric(withLn, { params, ignoreNoise: true }).template),
    ).toThrow(/OpenQASM 3 export: `ln` of an input/);
    const outcome = exportCode({ source: withLn, format: "qasm3", params });
    expect(outcome.ok && outcome.value).toContain("// inputs bound at export: theta = 0.7");
  });
});

describe("a cell's per-cell export (the export task)", () => {
  it("keeps slider inputs as parameters in Qiskit and PennyLane, numbers elsewhere", () => {
    const exported = (format: "qiskit" | "pennylane" | "cirq") => {
      const outcome = exportCode({ source: SLIDERS, format, params });
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.value;
    };
    expect(exported("qiskit")).toContain('theta = Parameter("theta")');
    expect(exported("pennylane")).toContain("def circuit(theta=0.7, q_angle=1.25):");
    // Braket cannot hold sin(theta) in a FreeParameter: the cell still exports, with numbers.
    const braket = exportCode({ source: SLIDERS, format: "braket", params });
    expect(braket.ok && braket.value).toContain("# inputs bound at export: theta = 0.7");
    expect(exported("cirq")).toContain("# inputs bound at export: theta = 0.7, q_angle = 1.25");
  });

  it("keeps a cell's own noise model, with its inputs bound, rather than drop it", () => {
    const noisy = SLIDERS.replace("qubit[2] q;", "qubit[2] q;\n#pragma noise depolarizing 0.01");
    const outcome = exportCode({ source: noisy, format: "qiskit", params });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value).toContain("noise_model");
    expect(outcome.value).toContain("qc.ry(0.7, q[0])");
  });
});
