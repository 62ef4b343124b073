/**
 * Names that are also properties of every JavaScript object (`toString`, `constructor`,
 * `__proto__`, `hasOwnProperty`, `valueOf`) are ordinary OpenQASM identifiers: they can name
 * gates, registers, parameters, inputs, constants and loop variables, an undeclared one gets the
 * usual located error, and exported programs keep them.
 */
import { describe, expect, it } from "vitest";
import { compile, type CompileOptions } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import { exportQasm2, exportQasm3, exportQiskit } from "@/lib/quantum/export";
import type { Circuit } from "@/lib/quantum/ir";
import { finalState } from "@/lib/quantum/simulate";

const NAMES = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"] as const;

/** `code LINE:COL: message` of the error compile() throws. */
function failure(source: string, options?: CompileOptions): string {
  try {
    compile(source, options);
  } catch (e) {
    if (!(e instanceof QuantumError)) throw e;
    return `${e.code} ${e.loc?.line}:${e.loc?.column}: ${e.message}`;
  }
  throw new Error("expected compile() to throw");
}

/** Params with `name` as an own property, even for `__proto__` (a literal would set the prototype). */
const bound = (name: string, value: number) => ({ params: Object.fromEntries([[name, value]]) });

describe.each(NAMES)("`%s`", (name) => {
  it("names a gate, a gate parameter and a qubit argument", () => {
    const source = [
      "OPENQASM 3.0;",
      "qubit[2] q;",
      `gate ${name}(${name}) a, b { U(${name}, 0, 0) a; CX a, b; }`,
      `gate g ${name} { U(0, 0, 1) ${name}; }`,
      `${name}(0.5) q[1], q[0];`,
      "g q[0];",
    ].join("\n");
    expect(compile(source).ops).toMatchObject([
      { kind: "gate", name: "U", params: [0.5, 0, 0], qubits: [1], definedIn: name },
      { kind: "gate", name: "CX", params: [], qubits: [1, 0], definedIn: name },
      { kind: "gate", name: "U", params: [0, 0, 1], qubits: [0], definedIn: "g" },
    ]);
  });

  it("names qubit and bit registers", () => {
    const source = [
      "OPENQASM 3.0;",
      `qubit[2] ${name};`,
      `bit[2] ${name}_bits;`,
      `U(1, 0, 0) ${name}[1];`,
      `${name}_bits = measure ${name};`,
      `if (${name}_bits[1]) U(0, 0, 1) ${name}[0];`,
    ].join("\n");
    const circuit = compile(source);
    expect(circuit.qregs).toEqual([{ name, size: 2, offset: 0 }]);
    expect(circuit.ops.map((op) => op.kind)).toEqual(["gate", "measure", "measure", "gate"]);
    expect(circuit.ops[3].condition).toEqual({ clbits: [1], value: 1, label: `${name}_bits[1]` });
    const creg = compile(`OPENQASM 2.0;\nqreg q[1];\ncreg ${name}[1];\nmeasure q -> ${name};`);
    expect(creg.cregs).toEqual([{ name, size: 1, offset: 0 }]);
  });

  it("names an input, a constant and a loop variable", () => {
    const input = `OPENQASM 3.0;\ninput float ${name};\nqubit q;\nU(${name}, 0, 0) q;`;
    expect(compile(input, bound(name, 0.25)).ops).toMatchObject([{ params: [0.25, 0, 0] }]);
    expect(failure(input)).toBe(`unbound-input 2:13: input \`${name}\` has no value`);
    const constant = `OPENQASM 3.0;\nconst float ${name} = 2;\nqubit q;\nU(${name} * 2, 0, 0) q;`;
    expect(compile(constant).ops).toMatchObject([{ params: [4, 0, 0] }]);
    const loop = `OPENQASM 3.0;\nqubit q;\nfor int ${name} in [1:2] { U(${name}, 0, 0) q; }`;
    expect(compile(loop).ops).toMatchObject([{ params: [1, 0, 0] }, { params: [2, 0, 0] }]);
  });

  it("is an unknown gate, name or register when nothing declares it", () => {
    expect(failure(`OPENQASM 3.0;\nqubit q;\n${name} q;`)).toBe(
      `semantic 3:1: unknown gate \`${name}\``,
    );
    expect(failure(`OPENQASM 3.0;\nqubit q;\nU(${name}, 0, 0) q;`)).toBe(
      `semantic 3:3: unknown name \`${name}\``,
    );
    expect(failure(`OPENQASM 3.0;\nqubit q;\nU(0, 0, 0) ${name};`)).toBe(
      `semantic 3:12: unknown register \`${name}\``,
    );
    expect(failure(`OPENQASM 3.0;\nqubit q;\ngate g a { ${name} a; }`)).toBe(
      `semantic 3:12: unknown gate \`${name}\``,
    );
    expect(failure(`OPENQASM 3.0;\nqubit q;\nU(${name}(1), 0, 0) q;`)).toBe(
      `semantic 3:3: unknown function \`${name}\``,
    );
    expect(failure(`OPENQASM 3.0;\ninclude "${name}";`)).toBe(
      `unsupported 2:1: cannot include "${name}": only "qelib1.inc" and "stdgates.inc" are available`,
    );
  });

  it("is suggested for a near miss", () => {
    const typo = `${name}x`;
    expect(failure(`OPENQASM 3.0;\nqubit q;\ngate ${name} a { U(0, 0, 0) a; }\n${typo} q;`)).toBe(
      `semantic 4:1: unknown gate \`${typo}\`; did you mean \`${name}\`?`,
    );
    expect(failure(`OPENQASM 3.0;\nqubit ${name};\nU(0, 0, 0) ${typo};`)).toBe(
      `semantic 3:12: unknown register \`${typo}\`; did you mean \`${name}\`?`,
    );
    expect(failure(`OPENQASM 3.0;\nconst int ${name} = 1;\nqubit q;\nU(${typo}, 0, 0) q;`)).toBe(
      `semantic 4:3: unknown name \`${typo}\`; did you mean \`${name}\`?`,
    );
  });
});

describe("exporters", () => {
  const source = [
    "OPENQASM 3.0;",
    'include "stdgates.inc";',
    "qubit[2] __proto__;",
    "bit[2] toString;",
    "gate constructor(valueOf) a, hasOwnProperty { ry(valueOf) a; cx a, hasOwnProperty; }",
    "constructor(0.7) __proto__[0], __proto__[1];",
    "inv @ constructor(0.2) __proto__[1], __proto__[0];",
  ].join("\n");

  function distance(a: Circuit, b: Circuit): number {
    const x = finalState(a).amps;
    const y = finalState(b).amps;
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
    return worst;
  }

  it.each([
    ["OpenQASM 2", exportQasm2],
    ["OpenQASM 3", exportQasm3],
  ])(
    "%s round-trips a gate named `constructor` on registers named like Object members",
    (_, exporter) => {
      const circuit = compile(source);
      expect(circuit.ops[0]).toMatchObject({ name: "ry", definedIn: "constructor" });
      const text = exporter(circuit);
      expect(text).toContain("__proto__");
      const back = compile(text);
      expect(back.qregs).toEqual(circuit.qregs);
      expect(back.cregs).toEqual(circuit.cregs);
      expect(distance(circuit, back)).toBeLessThan(1e-12);
    },
  );

  it("Qiskit keeps the register names as Python variables", () => {
    const text = exportQiskit(compile(source));
    expect(text).toContain('__proto__ = QuantumRegister(2, "__proto__")');
    expect(text).toContain('toString = ClassicalRegister(2, "toString")');
    expect(text).not.toContain("[native code]");
  });
});
