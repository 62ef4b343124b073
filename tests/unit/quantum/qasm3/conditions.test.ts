/**
 * Conditions over measured bits: `!=`, `<`, `&&`, `||`, `!`, casts, `else` on several bits,
 * `else if` and nested `if`. Each op under a condition is emitted once per disjoint case, so the
 * tests check both the conditions produced and what a simulation does with them.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import type { Circuit } from "@/lib/quantum/ir";
import { simulate } from "@/lib/quantum/simulate";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

/**
 * Prepares c (2 bits) as `value` by flipping and measuring, then runs `body`, which may flip
 * qubit r (measured into `out`): the counts say whether the body's `x r` ran.
 */
function ran(value: number, body: string): boolean {
  const flips = [0, 1].filter((i) => (value >> i) & 1).map((i) => `x q[${i}];`);
  const source = `${HEAD}qubit[2] q;\nqubit r;\n${flips.join("\n")}\nbit[2] c = measure q;\n${body}\nbit out = measure r;`;
  const counts = simulate(compile(source), { shots: 4, seed: 3 }).counts ?? {};
  const keys = Object.keys(counts);
  expect(keys).toHaveLength(1);
  return keys[0].startsWith("1");
}

const table = (body: string) => [0, 1, 2, 3].map((v) => ran(v, body));

describe("conditions on several bits", () => {
  it("`!=`, `<`, `<=`, `>`, `>=` compare the register as an unsigned integer", () => {
    expect(table("if (c != 2) x r;")).toEqual([true, true, false, true]);
    expect(table("if (c < 2) x r;")).toEqual([true, true, false, false]);
    expect(table("if (c <= 2) x r;")).toEqual([true, true, true, false]);
    expect(table("if (c > 0) x r;")).toEqual([false, true, true, true]);
    expect(table("if (2 <= c) x r;")).toEqual([false, false, true, true]);
    expect(table("if (int[2](c) == 3) x r;")).toEqual([false, false, false, true]);
  });

  it("`&&`, `||` and `!` combine conditions", () => {
    expect(table("if (c[0] == 1 && c[1] == 0) x r;")).toEqual([false, true, false, false]);
    expect(table("if (c[0] || c[1]) x r;")).toEqual([false, true, true, true]);
    expect(table("if (!(c == 1 || c == 2)) x r;")).toEqual([true, false, false, true]);
  });

  it("`else` runs when a multi-bit condition fails, and `else if` chains", () => {
    expect(table("if (c == 2) { } else { x r; }")).toEqual([true, true, false, true]);
    const chain = "if (c == 0) { } else if (c == 1) { x r; } else if (c == 3) { x r; } else { }";
    expect(table(chain)).toEqual([false, true, false, true]);
  });

  it("nests `if` inside `if`", () => {
    expect(table("if (c[1]) { if (!c[0]) x r; }")).toEqual([false, false, true, false]);
  });

  it("emits one op per disjoint case, labelled with the bits", () => {
    const circuit: Circuit = compile(`${HEAD}qubit q;\nbit[3] c;\nif (c != 5) x q;`);
    const conditions = circuit.ops.map((op) => op.condition);
    expect(conditions).toEqual([
      { clbits: [0], value: 0, label: "c[0]" },
      { clbits: [0, 1], value: 3, label: "c[0],c[1]" },
      { clbits: [0, 1, 2], value: 1, label: "c" },
    ]);
  });

  it("evaluates parts that read no bits when the program compiles", () => {
    const circuit = compile(
      `${HEAD}qubit[3] q;\nfor int i in [0:2] { if (i != 1 && i < 5) x q[i]; }`,
    );
    expect(circuit.ops).toMatchObject([{ qubits: [0] }, { qubits: [2] }]);
    expect(circuit.ops.every((op) => op.condition === undefined)).toBe(true);
  });
});

describe("located errors for conditions", () => {
  it("names what is wrong, where", () => {
    expect(failure(`${HEAD}qubit q;\nbit[2] c;\nif (c) x q;`)).toBe(
      "unsupported 5:5: `c` has 2 bits, so it cannot be a condition on its own; compare it: `c == 1` or `c != 0`",
    );
    expect(failure(`${HEAD}qubit q;\nbit[2] c;\nif (c != 4) x q;`)).toBe(
      "semantic 5:10: `c` has 2 bits, so it can never equal 4 (0..3)",
    );
    expect(failure(`${HEAD}qubit q;\nbit[2] c;\nif (c + 1 == 2) x q;`)).toBe(
      "unsupported 5:11: a condition can compare bits with an integer known when the program compiles, not with other bits",
    );
    expect(failure(`${HEAD}qubit q;\nbit[2] c;\nif (c[0] & c[1]) x q;`)).toBe(
      "unsupported 5:10: this condition is not supported; compare bits with an integer (`c == 3`, `c[0] != 1`, `c < 2`) and combine with `!`, `&&`, `||`",
    );
  });

  it("reads a condition once when its branch measures into the bits it reads", () => {
    // c is 1; the `then` branch measures it back to 0, and the `else` branch must still not run
    // (testing c again per op would run `x r`).
    const source = `${HEAD}qubit q;\nqubit r;\nbit c;\nbit d;\nx q;\nc = measure q;\nif (c) { reset q; c = measure q; } else { x r; }\nd = measure r;`;
    const circuit = compile(source);
    expect(circuit.hiddenClbits).toBe(1);
    expect(simulate(circuit, { shots: 50, seed: 2 }).counts).toEqual({ "0 0": 50 });
  });
});
