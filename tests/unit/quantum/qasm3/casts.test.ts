/**
 * Casts (`int[n](c)`, `uint[n](x)`, `bool(x)`) and bits of integer variables (`x[i]`), in
 * conditions on measured bits, on run-time integers and on values known when compiling.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

/** Whether `x r;` under `if (condition)` runs once the 4-bit register c holds `value`. */
function fires(value: number, condition: string, declarations = ""): boolean {
  const flips = [0, 1, 2, 3].filter((i) => (value >> i) & 1).map((i) => `x q[${i}];\n`);
  const source = `${HEAD}qubit[4] q;\nbit[4] c;\nqubit r;\nbit o;\n${declarations}${flips.join("")}c = measure q;\nif (${condition}) x r;\no = measure r;`;
  const counts = simulate(compile(source), { shots: 4, seed: 1 }).counts ?? {};
  const keys = Object.keys(counts);
  expect(keys).toHaveLength(1);
  return keys[0].split(" ")[0] === "1";
}

const table = (condition: string, declarations = "") =>
  Array.from({ length: 16 }, (_, v) => v).filter((v) => fires(v, condition, declarations));

describe("casts of measured bits", () => {
  it("int[4](c) is c's value, c[0] least significant, under every comparison", () => {
    expect(table("int[4](c) == 5")).toEqual([5]);
    expect(table("int[4](c) != 5")).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(table("int[4](c) < 3")).toEqual([0, 1, 2]);
    expect(table("uint[4](c) <= 3")).toEqual([0, 1, 2, 3]);
    expect(table("int[4](c) > 13")).toEqual([14, 15]);
    expect(table("3 >= uint[4](c)")).toEqual([0, 1, 2, 3]);
  });

  it("reads the bits unsigned, as the specification's examples compare int[2](syn) with 3", () => {
    expect(table("int[4](c) == 12")).toEqual([12]);
  });

  it("keeps the low n bits when n is narrower than the register", () => {
    expect(table("int[2](c) == 1")).toEqual([1, 5, 9, 13]);
  });

  it("bool(c) holds when any bit is 1, bool(c[i]) when that bit is", () => {
    expect(table("bool(c)")).toEqual([...Array(15).keys()].map((v) => v + 1));
    expect(table("bool(c[2]) && !bool(c[0])")).toEqual([4, 6, 12, 14]);
  });
});

describe("casts and bits of integer variables", () => {
  it("fold when the value is known when compiling", () => {
    const circuit = compile(
      `${HEAD}qubit q;\nconst int k = 6;\nuint[4] u = 13;\nrx(uint[2](k)) q;\nrx(int[2](k)) q;\nrx(bool(0) + bool(-3)) q;\nfor int i in [0:3] { if (bool(u[i])) rz(i) q; }`,
    );
    expect(circuit.ops.map((op) => (op.kind === "gate" ? [op.name, op.params[0]] : []))).toEqual([
      ["rx", 2],
      ["rx", -2],
      ["rx", 1],
      ["rz", 0],
      ["rz", 2],
      ["rz", 3],
    ]);
    expect(circuit.hiddenClbits).toBeUndefined();
  });

  it("read a run-time variable's bits and wrap it to a cast's width", () => {
    // n = c at run time; n[1] is bit 1 of c, and int[2](n) == -1 when the low bits are 11.
    expect(
      Array.from({ length: 16 }, (_, v) => v).filter((v) => runtime(v, "if (bool(n[1])) x r;")),
    ).toEqual([2, 3, 6, 7, 10, 11, 14, 15]);
    expect(
      Array.from({ length: 16 }, (_, v) => v).filter((v) =>
        runtime(v, "if (int[2](n) == -1) x r;"),
      ),
    ).toEqual([3, 7, 11, 15]);
  });
});

/** Whether `x r` runs after `n = int(c);` makes n a run-time copy of c holding `value`. */
function runtime(value: number, statement: string): boolean {
  const flips = [0, 1, 2, 3].filter((i) => (value >> i) & 1).map((i) => `x q[${i}];\n`);
  const source = `${HEAD}qubit[4] q;\nbit[4] c;\nqubit r;\nbit o;\nint[8] n = 0;\n${flips.join("")}c = measure q;\nn = int(c);\n${statement}\no = measure r;`;
  const counts = simulate(compile(source), { shots: 4, seed: 1 }).counts ?? {};
  return Object.keys(counts)[0].split(" ")[0] === "1";
}

describe("misused casts are located errors", () => {
  const Q = `${HEAD}qubit[4] q;\nbit[4] c;\nuint[4] a_in = 1;\n`;
  it.each([
    [
      "if (integer(c) == 1) x q[0];",
      "semantic 6:5: unknown cast `integer(...)`; bits and integers cast with `int[n](…)`, `uint[n](…)` and `bool(…)`",
    ],
    ["if (bool()) x q[0];", "semantic 6:5: the cast `bool(...)` takes one value, got 0"],
    ["if (bool[2](c)) x q[0];", "semantic 6:10: `bool` has no width: write `bool(...)`"],
    ["if (int[40](c) == 1) x q[0];", "unsupported 6:9: `int[n]` casts have 1 to 32 bits, got 40"],
    ["if (int[0:1](c) == 1) x q[0];", "syntax 6:8: a cast's width is one integer: `int[4](…)`"],
    [
      "if (bool(a_in[4])) x q[0];",
      "semantic 6:15: bit 4 is out of range: `a_in` is a uint[4] (bits 0..3)",
    ],
    [
      "if (a_in[0:1] == 1) x q[0];",
      "unsupported 6:9: slices of integers (`a_in[a:b]`) are not supported; read one bit: `a_in[0]`",
    ],
    ["if (int[4](q) == 1) x q[0];", "semantic 6:12: `q` is a qubit register, not a number"],
    ["if (float(c) == 1) x q[0];", "unsupported 6:5: type casts (`float(...)`) are not supported"],
    [
      "rx(a_in[0]) q[0];",
      "unsupported 6:4: indexing (`a_in[...]`) is not supported in expressions",
    ],
  ])("%s", (statement, message) => {
    expect(failure(`${Q}${statement}`)).toBe(message);
  });
});
