/**
 * `def` subroutines, inlined at each call: qubit arguments alias the caller's qubits, values
 * are bound in a scope that sees the globals, and `return measure q;` fills the call's bits.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

describe("def", () => {
  it("inlines a call on qubits and angles", () => {
    const source = `${HEAD}const float half = 0.5;\ndef prep(qubit[2] r, angle a) {\n  ry(a * half) r[0];\n  cx r[0], r[1];\n}\nqubit[3] q;\nprep(q[1:2], 1.0);`;
    expect(compile(source).ops).toMatchObject([
      { name: "ry", params: [0.5], qubits: [1], loc: { line: 5, column: 3 } },
      { name: "cx", qubits: [1, 2] },
    ]);
  });

  it("returns a measurement into the caller's bits, as in the syndrome example", () => {
    const source = `${HEAD}def syndrome(qubit[3] d, qubit[2] a) -> bit[2] {\n  cx d[0], a[0];\n  cx d[1], a[0];\n  cx d[1], a[1];\n  cx d[2], a[1];\n  return measure a;\n}\nqubit[3] q;\nqubit[2] anc;\nx q[0];\nbit[2] syn = syndrome(q, anc);\nif (syn == 1) x q[0];\nbit[3] c = measure q;`;
    const counts = simulate(compile(source), { shots: 20, seed: 4 }).counts;
    expect(counts).toEqual({ "000 01": 20 });
  });

  it("may be called inside loops and conditions, and call other subroutines", () => {
    const source = `${HEAD}def flip(qubit a) { x a; }\ndef twice(qubit a) { flip(a); flip(a); }\nqubit[2] q;\nbit c;\nfor int i in [0:1] { flip(q[i]); }\nc = measure q[0];\nif (c) twice(q[1]);`;
    const circuit = compile(source);
    expect(circuit.ops.map((op) => (op.kind === "gate" ? op.qubits[0] : op.kind))).toEqual([
      0,
      1,
      "measure",
      1,
      1,
    ]);
    expect(circuit.ops[4].condition).toEqual({ clbits: [0], value: 1, label: "c" });
  });

  it("gives located errors for misuse", () => {
    const def = `${HEAD}def f(qubit[2] r, float t) -> bit[2] { rx(t) r[0]; return measure r; }\nqubit[3] q;\nbit[2] c;\n`;
    expect(failure(`${def}c = f(q, 1);`)).toBe("semantic 6:7: `r` of `f` takes 2 qubits, got 3");
    expect(failure(`${def}c = f(q[0:1]);`)).toBe(
      "semantic 6:5: subroutine `f` takes 2 arguments, got 1",
    );
    expect(failure(`${def}f(q[0:1], 1);`)).toBe(
      "semantic 6:1: `f` returns a measurement: put it in bits, `c = f(...);`",
    );
    expect(failure(`${def}c = f(1, 1);`)).toBe(
      "semantic 6:7: `r` of `f` takes qubits: pass a register, `q[i]` or a slice",
    );
    expect(failure(`${def}f q[0:1];`)).toBe(
      "semantic 6:3: `f` is a subroutine: pass every argument in parentheses, `f(...)`, without modifiers",
    );
    expect(failure(`${HEAD}def g(qubit a) { return; x a; }`)).toBe(
      "unsupported 3:18: `return` is only supported as the last statement of a subroutine",
    );
    expect(failure(`${HEAD}def g(qubit a) { g(a); }\nqubit q;\ng(q);`)).toBe(
      "unsupported 3:18: recursive subroutines (`g`) are not supported",
    );
    expect(failure(`${HEAD}def h(qubit a) { }`)).toBe(
      "semantic 3:5: `h` is already defined as a gate or subroutine",
    );
    expect(failure(`${HEAD}def g(bool b) { }`)).toBe(
      "unsupported 3:7: subroutine parameters of type `bool` are not supported; use `qubit`, `qubit[n]`, `float`, `angle`, `int` or `uint`",
    );
    expect(failure(`${HEAD}def g(qubit a) { qubit b; }\nqubit q;\ng(q);`)).toBe(
      "semantic 3:18: declaring qubits is only allowed at the top level",
    );
  });
});
