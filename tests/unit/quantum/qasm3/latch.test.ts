/**
 * Latches: a `while` (or `if`) whose body measures into the bits its condition reads evaluates
 * the condition once per iteration into a hidden classical bit. Hidden bits never appear in
 * counts, in the diagram's wires, or in exports (which refuse the construct, located).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conditionText, describeOp } from "@/app/_components/outputs/circuit-model";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import { EXPORT_FORMATS, exportCircuit } from "@/lib/quantum/export";
import { layoutCircuit } from "@/lib/quantum/layout";
import { MAX_WHILE_ITERATIONS } from "@/lib/quantum/qasm/lower";
import { simulate } from "@/lib/quantum/simulate";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';
const RUS = readFileSync(join(process.cwd(), "tests/fixtures/openqasm-examples/rus.qasm"), "utf8");
const WHILE_LINE = RUS.split("\n").findIndex((line) => line.startsWith("while")) + 1;

describe("latched loop conditions", () => {
  it("keeps hidden bits after the visible ones and out of every count", () => {
    const circuit = compile(RUS);
    expect(circuit.numClbits).toBe(3);
    expect(circuit.hiddenClbits).toBe(1);
    const latch = circuit.numClbits;
    const classical = circuit.ops.filter((op) => op.kind === "classical");
    expect(classical).toHaveLength(MAX_WHILE_ITERATIONS);
    for (const op of classical) expect(op).toMatchObject({ targets: [latch] });
    const counts = simulate(circuit, { shots: 300, seed: 1 }).counts ?? {};
    for (const key of Object.keys(counts)) expect(key.replace(/ /g, "")).toHaveLength(3);
  });

  it("draws no wire for a hidden bit: latched conditions show the source's condition", () => {
    const circuit = compile(RUS);
    const layout = layoutCircuit(circuit);
    expect(layout.clbitLabels).toEqual(["output[0]", "flags[0]", "flags[1]"]);
    for (const op of layout.ops) {
      for (const bit of op.condition?.clbits ?? []) expect(bit).toBeLessThan(3);
    }
    const latched = layout.ops.find((op) => op.condition?.text !== undefined);
    expect(latched && conditionText(latched.condition!)).toBe("int(flags) != 0");
    const assignment = layout.ops.find((op) => op.kind === "classical");
    expect(assignment?.label).toBe("while (int(flags) != 0)");
    expect(assignment && describeOp(assignment, layout)).toBe(
      "Classical computation while (int(flags) != 0)",
    );
  });

  it.each(EXPORT_FORMATS)("%s export refuses the latch, located at the `while`", (format) => {
    const circuit = compile(RUS);
    let error: unknown;
    try {
      exportCircuit(circuit, format);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuantumError);
    const e = error as QuantumError;
    expect(e.code).toBe("unsupported");
    expect(e.loc).toEqual({ line: WHILE_LINE, column: 1 });
    expect(e.message).toContain("run-time classical computation (`while (int(flags) != 0)`");
  });

  it("still writes plain conditions for a loop that measures last (no latch needed)", () => {
    const source = `${HEAD}qubit q;\nbit b;\nh q;\nb = measure q;\nwhile (b == 0) {\n  h q;\n  b = measure q;\n}`;
    const circuit = compile(source);
    expect(circuit.hiddenClbits).toBeUndefined();
    expect(exportCircuit(circuit, "qasm3")).toContain("if (b == 0)");
  });

  it("latches a loop whose body measures one flag and then acts before the next", () => {
    const source = `${HEAD}qubit q;\nqubit r;\nbit[2] f;\nwhile (f != 3) {\n  h q;\n  f[0] = measure q;\n  h r;\n  f[1] = measure r;\n}\nbit done = measure q;`;
    const circuit = compile(source);
    expect(circuit.hiddenClbits).toBe(1);
    const counts = simulate(circuit, { shots: 200, seed: 4 }).counts ?? {};
    // Keys are `done f`: every shot ends with f = 11 within the bound.
    const finished = Object.entries(counts)
      .filter(([key]) => key.endsWith("11"))
      .reduce((n, [, hits]) => n + hits, 0);
    expect(finished).toBe(200);
  });

  it("still gives located errors for loops that cannot end", () => {
    expect(failure(`${HEAD}qubit q;\nbit b;\nwhile (b == 0) x q;`)).toBe(
      "semantic 5:10: this `while` condition reads bits its body never measures into, so once it holds it holds forever",
    );
    expect(failure(`${HEAD}qubit q;\nwhile (2 > 1) { h q; }`)).toBe(
      `semantic 4:1: this \`while\` loop is still running after ${MAX_WHILE_ITERATIONS} iterations, the bound on \`while\` loops (its condition never changes)`,
    );
  });
});
