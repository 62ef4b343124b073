/**
 * `#pragma noise` in exported code: OpenQASM 3 keeps the pragmas (and reads back to the same
 * model), OpenQASM 2 keeps them as comments, Qiskit builds a qiskit_aer noise model and runs
 * with it, PennyLane, Cirq and Braket say in a comment that the noise is not exported. Python
 * is checked with `python3 -m py_compile` only (no libraries are installed).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { compile } from "@/lib/quantum/compile";
import { exportCircuit, type ExportFormat } from "@/lib/quantum/export";

const scratch = mkdtempSync(join(tmpdir(), "ketbook-noise-export-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function compilePython(name: string, code: string): string {
  const file = join(scratch, `${name}.py`);
  writeFileSync(file, code);
  const run = spawnSync("python3", ["-m", "py_compile", file], { encoding: "utf8" });
  return run.status === 0 ? "" : run.stderr || `exit ${run.status}`;
}

const NOISY_BELL = compile(`OPENQASM 3.0;
include "stdgates.inc";
#pragma noise depolarizing 0.01
#pragma noise cx depolarizing 0.02
#pragma noise amplitude_damping 0.005
#pragma noise readout 0.02
#pragma noise readout q[1] 0.1 0.05
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;`);

const PRAGMAS = [
  "#pragma noise depolarizing 0.01",
  "#pragma noise amplitude_damping 0.005",
  "#pragma noise cx depolarizing 0.02",
  "#pragma noise readout 0.02",
  "#pragma noise readout q[1] 0.1 0.05",
];

describe("noise in OpenQASM exports", () => {
  it("OpenQASM 3 keeps the pragmas, and they read back to the same model", () => {
    const code = exportCircuit(NOISY_BELL, "qasm3");
    expect(code).toBe(
      [
        "OPENQASM 3.0;",
        'include "stdgates.inc";',
        "qubit[2] q;",
        "bit[2] c;",
        ...PRAGMAS,
        "h q[0];",
        "cx q[0], q[1];",
        "c[0] = measure q[0];",
        "c[1] = measure q[1];",
        "",
      ].join("\n"),
    );
    expect(compile(code).noise?.model).toEqual(NOISY_BELL.noise?.model);
  });

  it("OpenQASM 2 has no pragmas: the lines stay as comments", () => {
    const code = exportCircuit(NOISY_BELL, "qasm2");
    expect(code).toContain(
      [
        "creg c[2];",
        "// noise (OpenQASM 2 has no pragmas; Ketbook reads these lines without `// `):",
        ...PRAGMAS.map((line) => `// ${line}`),
        "h q[0];",
      ].join("\n"),
    );
    expect(compile(code).noise).toBeUndefined();
  });
});

describe("noise in Python exports", () => {
  it("Qiskit builds a qiskit_aer noise model and runs with it", () => {
    const code = exportCircuit(NOISY_BELL, "qiskit");
    expect(code).toContain("from qiskit_aer.noise import (");
    expect(code).toContain(
      [
        "noise_model = NoiseModel()",
        'noise_model.add_all_qubit_quantum_error(after_gate(1, depolarizing=0.01, amplitude_damping=0.005), ["h"])',
        'noise_model.add_all_qubit_quantum_error(after_gate(2, depolarizing=0.02), ["cx"])',
        "noise_model.add_all_qubit_readout_error(readout(0.02, 0.02))",
        "noise_model.add_readout_error(readout(0.1, 0.05), [1])",
      ].join("\n"),
    );
    expect(code).toContain("sim = AerSimulator(noise_model=noise_model)");
    expect(compilePython("qiskit-noisy-bell", code)).toBe("");
  });

  it("Qiskit: an unmeasured noisy circuit gives its density matrix; modified gates are named in a comment", () => {
    const circuit = compile(
      `OPENQASM 3.0;\ninclude "stdgates.inc";\n#pragma noise u1, p phase_damping 0.1\n#pragma noise h depolarizing 0.1\nqubit[2] q;\nctrl @ h q[0], q[1];\nu1(0.3) q[0];\np(0.3) q[1];`,
    );
    const code = exportCircuit(circuit, "qiskit");
    expect(code).toContain('sim = AerSimulator(method="density_matrix", noise_model=noise_model)');
    expect(code).toContain("qc.save_density_matrix()");
    expect(code).toContain(
      'noise_model.add_all_qubit_quantum_error(after_gate(1, phase_damping=0.1), ["p"])',
    );
    expect(code).toContain(
      "# Not exported: noise after `ctrl @ h` (line 6); qiskit_aer attaches noise by instruction name, and these have none Ketbook can predict.",
    );
    expect(compilePython("qiskit-noisy-unmeasured", code)).toBe("");
  });

  it.each(["pennylane", "cirq", "braket"] as const)(
    "%s says the noise is not exported, and still compiles",
    (format: ExportFormat) => {
      const code = exportCircuit(NOISY_BELL, format);
      const name = { pennylane: "PennyLane", cirq: "Cirq", braket: "Braket" }[
        format as "pennylane" | "cirq" | "braket"
      ];
      expect(code).toContain(
        `# Noise is not exported to ${name}: this script simulates the ideal circuit.\n# The circuit's #pragma noise: depolarizing 1 % and amplitude damping 0.5 % after every gate; after cx instead: depolarizing 2 %; readout 2 %; readout of qubit 1: 10 % (0→1), 5 % (1→0).`,
      );
      expect(compilePython(`${format}-noisy-bell`, code)).toBe("");
    },
  );

  it("a noiseless circuit's exports mention no noise", () => {
    const ideal = compile(
      `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;`,
    );
    for (const format of ["qasm2", "qasm3", "qiskit", "pennylane", "cirq", "braket"] as const) {
      expect(exportCircuit(ideal, format)).not.toMatch(/noise/i);
    }
  });
});
