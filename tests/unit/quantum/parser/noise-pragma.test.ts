/**
 * `#pragma noise …` (lib/quantum/qasm/noise-pragma.ts): lowered into `Circuit.noise`, merged
 * across lines, in OpenQASM 2 and 3, with located errors that name what is wrong and what is
 * allowed.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";

const Q2 = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const Q3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

/** `code LINE:COL: message` of the error compile() throws. */
function failure(source: string): string {
  try {
    compile(source);
  } catch (e) {
    if (!(e instanceof QuantumError)) throw e;
    return `${e.code} ${e.loc?.line}:${e.loc?.column}: ${e.message}`;
  }
  throw new Error("expected compile() to throw");
}

describe("#pragma noise lowering", () => {
  it("merges several lines into one model, the brief's example included", () => {
    const circuit = compile(
      [
        "OPENQASM 3.0;",
        'include "stdgates.inc";',
        "#pragma noise depolarizing 0.01            // after every gate",
        "#pragma noise cx depolarizing 0.02",
        "#pragma noise amplitude_damping 0.005",
        "#pragma noise readout 0.02",
        "#pragma noise readout q[3] 0.1 0.05",
        "qubit[4] q;",
        "h q[0];",
      ].join("\n"),
    );
    expect(circuit.noise).toEqual({
      model: {
        gates: {
          "*": { depolarizing: 0.01, amplitude_damping: 0.005 },
          cx: { depolarizing: 0.02 },
        },
        readout: { "*": [0.02, 0.02], "3": [0.1, 0.05] },
      },
      loc: { line: 3, column: 1 },
    });
  });

  it("leaves a program without the pragma noiseless", () => {
    expect(compile(`${Q3}qubit q;\nh q;`).noise).toBeUndefined();
  });

  it("takes gate lists, `*`, whole registers and global indices", () => {
    const circuit = compile(
      `${Q3}qubit[2] a;\nqubit b;\n#pragma noise cx, cz,h phase_damping 0.1\n#pragma noise * amplitude_damping 0\n#pragma noise readout a 0.01\n#pragma noise readout $2 0 1`,
    );
    expect(circuit.noise?.model).toEqual({
      gates: {
        cx: { phase_damping: 0.1 },
        cz: { phase_damping: 0.1 },
        h: { phase_damping: 0.1 },
        "*": { amplitude_damping: 0 },
      },
      readout: { "0": [0.01, 0.01], "1": [0.01, 0.01], "2": [0, 1] },
    });
  });

  it("works in OpenQASM 2, with or without `#`, above or below the declarations", () => {
    const circuit = compile(
      `${Q2}#pragma noise readout q[1] 0.2\nqreg q[2];\npragma noise u3 depolarizing 0.5\nh q[0];`,
    );
    expect(circuit.noise?.model).toEqual({
      gates: { u3: { depolarizing: 0.5 } },
      readout: { "1": [0.2, 0.2] },
    });
    expect(circuit.noise?.loc).toEqual({ line: 3, column: 1 });
  });
});

describe("#pragma noise errors", () => {
  it("asks for a channel and a probability", () => {
    expect(failure(`${Q3}#pragma noise`)).toBe(
      "noise-model 3:9: `#pragma noise` needs a channel and a probability, like `#pragma noise depolarizing 0.01`; channels: depolarizing, amplitude_damping, phase_damping or readout",
    );
    expect(failure(`${Q3}#pragma noise depolarizing`)).toBe(
      "noise-model 3:15: `depolarizing` needs a probability between 0 and 1, like `depolarizing 0.01`",
    );
    expect(failure(`${Q3}#pragma noise cx`)).toBe(
      "noise-model 3:15: expected a noise channel after `cx`: depolarizing, amplitude_damping or phase_damping",
    );
  });

  it("names unknown channels and gates, with a suggestion", () => {
    expect(failure(`${Q3}#pragma noise depolarising 0.1`)).toBe(
      "semantic 3:15: unknown gate or noise channel `depolarising` (write a channel: depolarizing, amplitude_damping, phase_damping or readout, optionally after standard gate names such as `cx` or `*`); did you mean `depolarizing`?",
    );
    expect(failure(`${Q3}#pragma noise cx bitflip 0.1`)).toBe(
      "noise-model 3:18: unknown noise channel `bitflip`; channels: depolarizing, amplitude_damping, phase_damping or readout",
    );
    expect(failure(`${Q3}#pragma noise cnot depolarizing 0.1`)).toBe(
      "semantic 3:15: unknown gate or noise channel `cnot` (write a channel: depolarizing, amplitude_damping, phase_damping or readout, optionally after standard gate names such as `cx` or `*`); did you mean `cx`?",
    );
    expect(failure(`${Q3}#pragma noise gphase depolarizing 0.1`)).toBe(
      "semantic 3:15: a global phase is never noisy: `gphase` takes no noise",
    );
    expect(failure(`${Q3}#pragma noise measure depolarizing 0.1`)).toBe(
      "semantic 3:15: `measure` is not a gate: only gates are noisy (use `readout` for measurement errors)",
    );
    expect(failure(`${Q3}#pragma noise cx readout 0.1`)).toBe(
      "noise-model 3:18: readout errors belong to measurements, not gates: write `#pragma noise readout …` without gate names",
    );
  });

  it("checks probabilities are numbers in [0, 1]", () => {
    expect(failure(`${Q3}#pragma noise depolarizing 1.5`)).toBe(
      "noise-model 3:28: the probability 1.5 is outside [0, 1] (1 % is written 0.01)",
    );
    expect(failure(`${Q3}#pragma noise depolarizing -0.1`)).toBe(
      "noise-model 3:28: the probability -0.1 is outside [0, 1] (1 % is written 0.01)",
    );
    expect(failure(`${Q3}#pragma noise depolarizing 1%`)).toBe(
      "noise-model 3:28: `1%` is not a probability: write a number between 0 and 1, like 0.01",
    );
    expect(failure(`${Q3}#pragma noise readout 0.1 2`)).toBe(
      "noise-model 3:27: the probability 2 is outside [0, 1] (1 % is written 0.01)",
    );
  });

  it("refuses extra words and a second setting of the same thing", () => {
    expect(failure(`${Q3}#pragma noise depolarizing 0.1 0.2`)).toBe(
      "semantic 3:32: unexpected `0.2` after the probability; `#pragma noise` takes one channel per line",
    );
    expect(failure(`${Q3}#pragma noise readout 0.1 0.2 0.3`)).toBe(
      "semantic 3:31: unexpected `0.3` after p(0→1) and p(1→0); `#pragma noise` takes one channel per line",
    );
    expect(
      failure(`${Q3}#pragma noise cx depolarizing 0.1\n#pragma noise h, cx depolarizing 0.2`),
    ).toBe(
      "semantic 4:18: depolarizing noise on `cx` is already set on line 3; set each gate's channel once",
    );
    expect(failure(`${Q3}#pragma noise depolarizing 0.1\n#pragma noise * depolarizing 0.2`)).toBe(
      "semantic 4:15: depolarizing noise on every gate is already set on line 3; set each gate's channel once",
    );
    expect(
      failure(`${Q3}qubit[2] q;\n#pragma noise readout q 0.1\n#pragma noise readout $1 0.2`),
    ).toBe(
      "semantic 5:23: readout error of qubit 1 is already set on line 4; set each qubit's readout once",
    );
  });

  it("resolves readout qubits against the whole program", () => {
    expect(failure(`${Q3}#pragma noise readout q[2] 0.1\nqubit[2] q;`)).toBe(
      "semantic 3:23: q[2] is out of range: qubit[2] q has 2 qubits (0..1)",
    );
    expect(failure(`${Q3}qubit[2] q;\nbit[2] c;\n#pragma noise readout c[0] 0.1`)).toBe(
      "semantic 5:23: `c` is a classical register; expected qubits here",
    );
    expect(failure(`${Q3}qubit[2] qq;\n#pragma noise readout q[0] 0.1`)).toBe(
      "semantic 4:23: unknown register `q`; did you mean `qq`?",
    );
    expect(failure(`${Q3}qubit[2] q;\n#pragma noise readout $2 0.1`)).toBe(
      "semantic 4:23: qubit $2 does not exist: the program has 2 qubits ($0..$1)",
    );
    expect(failure(`${Q3}qubit[2] q;\n#pragma noise readout q[0 0.1`)).toBe(
      "semantic 4:23: `q[0` is neither a qubit nor a probability; write `q[3]`, a register name or `$3` (a qubit's global index)",
    );
  });

  it("is only allowed at the top level", () => {
    expect(
      failure(`${Q3}qubit q;\nbit c;\nif (c == 1) {\n  #pragma noise depolarizing 0.1\n}`),
    ).toBe("semantic 6:3: `#pragma noise` is only allowed at the top level");
  });
});
