/**
 * `while` loops, bounded: a condition on measured bits is unrolled to MAX_WHILE_ITERATIONS
 * copies under the condition (with a note), one known at compile time runs at most that often.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { MAX_WHILE_ITERATIONS } from "@/lib/quantum/qasm/lower";
import { simulate } from "@/lib/quantum/simulate";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

describe("while", () => {
  it("repeats until a measurement succeeds (repeat-until-success)", () => {
    const source = `${HEAD}qubit q;\nbit b;\nh q;\nb = measure q;\nwhile (b == 0) {\n  h q;\n  b = measure q;\n}`;
    const circuit = compile(source);
    expect(circuit.ops).toHaveLength(2 + 2 * MAX_WHILE_ITERATIONS);
    expect(circuit.ops[2]).toMatchObject({ name: "h", condition: { clbits: [0], value: 0 } });
    expect(circuit.notes?.map((n) => n.message)).toEqual([
      `\`while\` (line 7) reads measured bits, so it is unrolled to ${MAX_WHILE_ITERATIONS} iterations; a shot still looping after that leaves the loop`,
    ]);
    expect(simulate(circuit, { shots: 200, seed: 5 }).counts).toEqual({ "1": 200 });
  });

  it("stops each shot as soon as the condition fails", () => {
    const source = `${HEAD}qubit q;\nqubit[3] t;\nbit b;\nb = measure q;\nwhile (b == 0) { x q; b = measure q; }\nbit[3] seen = measure t;`;
    // q starts in |0>: one iteration flips it and ends the loop; the later copies do nothing.
    expect(simulate(compile(source), { shots: 10, seed: 1 }).counts).toEqual({ "000 1": 10 });
  });

  it("runs a loop whose condition is known when compiling, within the bound", () => {
    expect(compile(`${HEAD}qubit q;\nwhile (false) x q;\nh q;`).ops).toHaveLength(1);
    expect(failure(`${HEAD}qubit q;\nwhile (1 < 2) { x q; }`)).toBe(
      `semantic 4:1: this \`while\` loop is still running after ${MAX_WHILE_ITERATIONS} iterations, the bound on \`while\` loops (its condition never changes)`,
    );
  });

  it("latches the condition when the body measures into it before other statements", () => {
    // Each iteration reads `!b` once into a hidden latch, so `x q` after the measurement still
    // runs in that iteration: q is measured 0 (b = 0), flipped, measured 1, and the loop ends.
    const source = `${HEAD}qubit q;\nbit b;\nwhile (!b) { b = measure q; x q; }\nbit r = measure q;`;
    const circuit = compile(source);
    expect(circuit.hiddenClbits).toBe(1);
    expect(circuit.ops[0]).toMatchObject({ kind: "classical", targets: [2], label: "while (!b)" });
    expect(circuit.ops[1]).toMatchObject({
      kind: "measure",
      condition: { clbits: [2], value: 1, text: "!b" },
    });
    // Keys are `r b`: two iterations (0 then 1), and q ends flipped twice: |0>.
    expect(simulate(circuit, { shots: 50, seed: 3 }).counts).toEqual({ "0 1": 50 });
  });

  it("gives located errors for loops that cannot end or cannot be simulated", () => {
    expect(failure(`${HEAD}qubit q;\nbit b;\nwhile (b == 0) x q;`)).toBe(
      "semantic 5:10: this `while` condition reads bits its body never measures into, so once it holds it holds forever",
    );
    expect(failure(`${HEAD}qubit q;\nwhile (q) x q;`)).toBe(
      "semantic 4:8: `q` is a qubit register, not a number",
    );
  });
});
