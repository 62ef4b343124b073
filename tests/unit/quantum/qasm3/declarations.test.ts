/**
 * OpenQASM 3 declarations: bits initialised by a measurement, `input angle`, register slices.
 * Each feature with the located error its misuse gets.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

describe("bit declarations with an initialiser", () => {
  it("`bit[2] c = measure q;` declares the bits and measures into them", () => {
    const circuit = compile(`${HEAD}qubit[2] q;\nx q[1];\nbit[2] c = measure q;`);
    expect(circuit.cregs).toEqual([{ name: "c", size: 2, offset: 0 }]);
    expect(circuit.ops.slice(1)).toMatchObject([
      { kind: "measure", qubit: 0, clbit: 0, loc: { line: 5, column: 12 } },
      { kind: "measure", qubit: 1, clbit: 1 },
    ]);
    expect(simulate(circuit, { shots: 10, seed: 1 }).counts).toEqual({ "10": 10 });
  });

  it("accepts 0 and a string of zeros, the value bits start with", () => {
    expect(compile(`${HEAD}qubit q;\nbit[2] c = "00";\nbit d = 0;\nh q;`).cregs).toHaveLength(2);
  });

  it("gives located errors for a size mismatch and other initial values", () => {
    expect(failure(`${HEAD}qubit[3] q;\nbit[2] c = measure q;`)).toBe(
      "semantic 4:8: `measure` needs one bit per qubit: q has 3 qubits but c has 2 bits",
    );
    expect(failure(`${HEAD}bit[2] c = "11";`)).toBe(
      "unsupported 3:12: a `bit` can only be initialised with `measure ...`, a subroutine call or 0 (bits start at 0); declare `c` and measure into it",
    );
  });
});

describe("input angle", () => {
  it("is a parameter like `input float`", () => {
    const circuit = compile(`${HEAD}input angle[32] θ;\nqubit q;\nrz(θ / 2) q;`, {
      params: { θ: 1 },
    });
    expect(circuit.inputs).toEqual([{ name: "θ", value: 1 }]);
    expect(circuit.ops).toMatchObject([{ name: "rz", params: [0.5] }]);
  });

  it("must be bound, at the name", () => {
    expect(failure(`${HEAD}input angle θ;`)).toBe("unbound-input 3:13: input `θ` has no value");
  });
});

describe("register slices", () => {
  const ops = (source: string) =>
    compile(`${HEAD}qubit[6] q;\n${source}`).ops.map((op) => (op.kind === "gate" ? op.qubits : []));

  it("`q[a:b]` is inclusive, `q[a:s:b]` steps, and either end may be left out", () => {
    expect(ops("h q[0:2];")).toEqual([[0], [1], [2]]);
    expect(ops("x q[0:2:5];")).toEqual([[0], [2], [4]]);
    expect(ops("x q[4:];")).toEqual([[4], [5]]);
    expect(ops("x q[:1];")).toEqual([[0], [1]]);
    expect(ops("x q[5:-2:0];")).toEqual([[5], [3], [1]]);
    expect(ops("x q[{4, 1}];")).toEqual([[4], [1]]);
  });

  it("broadcasts against registers and slices of the same size", () => {
    expect(ops("qubit[3] r;\ncx q[3:5], r;")).toEqual([
      [3, 6],
      [4, 7],
      [5, 8],
    ]);
    expect(failure(`${HEAD}qubit[6] q;\ncx q[0:1], q[2:4];`)).toBe(
      "semantic 4:12: cannot apply `cx` to registers of different sizes: q has 2 qubits, q has 3",
    );
  });

  it("measures and conditions on slices of bits", () => {
    const circuit = compile(`${HEAD}qubit[4] q;\nbit[4] c;\nx q[2];\nc[1:2] = measure q[1:2];`);
    expect(circuit.ops.slice(1)).toMatchObject([
      { kind: "measure", qubit: 1, clbit: 1 },
      { kind: "measure", qubit: 2, clbit: 2 },
    ]);
  });

  it("gives located errors for bounds out of range, a zero step and an empty slice", () => {
    expect(failure(`${HEAD}qubit[3] q;\nh q[1:3];`)).toBe(
      "semantic 4:7: q[3] is out of range: qubit[3] q has 3 qubits (0..2)",
    );
    expect(failure(`${HEAD}qubit[3] q;\nh q[0:0:2];`)).toBe(
      "semantic 4:7: a slice step cannot be 0",
    );
    expect(failure(`${HEAD}qubit[3] q;\nh q[2:1];`)).toBe(
      "semantic 4:4: this slice of `q` selects no qubits",
    );
    expect(failure(`${HEAD}qubit q;\nh q[0:1];`)).toBe(
      "semantic 4:4: `q` is a single qubit, not a register: write `q`, not `q[...]`",
    );
  });
});
