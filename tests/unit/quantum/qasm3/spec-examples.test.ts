/**
 * The OpenQASM 3 specification's example programs that use the features Ketbook implements
 * (tests/fixtures/openqasm-examples, adapted where their headers say) compile, run, and give
 * the outcome the example states.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";

const ROOT = join(process.cwd(), "tests/fixtures/openqasm-examples");
const run = (name: string, shots = 200) => {
  const circuit = compile(readFileSync(join(ROOT, name), "utf8"));
  return { circuit, result: simulate(circuit, { shots, seed: 7 }) };
};

/** Counts summed over the register `register` (its bits as a string). */
function marginal(counts: Record<string, number>, index: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(counts)) {
    const part = key.split(" ")[index];
    out[part] = (out[part] ?? 0) + n;
  }
  return out;
}

describe("OpenQASM 3 specification examples", () => {
  it("teleport.qasm teleports U(0.3, 0.2, 0.1)|0>: c2 reads 1 with probability sin²(0.15)", () => {
    const { result } = run("teleport.qasm", 4000);
    const c2 = marginal(result.counts ?? {}, 0);
    expect((c2["1"] ?? 0) / 4000).toBeCloseTo(Math.sin(0.15) ** 2, 1);
  });

  it("inverseqft2.qasm reads 0000 after H on every qubit (the inverse QFT of |+…+>)", () => {
    const { result } = run("inverseqft2.qasm");
    expect(result.counts).toEqual({ "0 0 0 0": 200 });
  });

  it("inverseqft1.qasm reads 0000: H on every qubit, then the inverse QFT, with int[4](c) tests", () => {
    const { result } = run("inverseqft1.qasm");
    expect(result.counts).toEqual({ "0000": 200 });
  });

  it("adder.qasm adds 1 + 15 in a ripple-carry adder: ans reads 10000 (16)", () => {
    const { circuit, result } = run("adder.qasm");
    expect(result.counts).toEqual({ "10000": 200 });
    // The inputs are known when compiling: `if (bool(a_in[i]))` folds to an unconditional x.
    expect(circuit.ops.filter((op) => op.kind === "gate" && op.condition !== undefined)).toEqual(
      [],
    );
  });

  it("alignment.qasm runs, noting that its delays and stretch are ignored", () => {
    const { circuit, result } = run("alignment.qasm");
    expect(circuit.ops.map((op) => op.kind)).toEqual(["barrier", "gate", "gate", "barrier"]);
    expect(result.notes?.map((n) => n.split(" ")[0])).toEqual(["`stretch`", "`delay`"]);
  });

  it("qec.qasm corrects the inserted error: c reads 000", () => {
    const { result } = run("qec.qasm");
    expect(marginal(result.counts ?? {}, 1)).toEqual({ "000": 200 });
  });

  it("rus.qasm repeats until success: output always reads 0", () => {
    const { circuit, result } = run("rus.qasm", 1000);
    // Keys are `flags output`: the loop only ends with flags 00, and then output is 0.
    expect(result.counts).toEqual({ "00 0": 1000 });
    // The loop's condition lives in a hidden latch, never in counts or registers.
    expect(circuit.numClbits).toBe(3);
    expect(circuit.hiddenClbits).toBe(1);
    expect(circuit.cregs.map((r) => r.name)).toEqual(["output", "flags"]);
  });

  it("rus.qasm without its loop leaves output 1 sometimes: the loop is what fixes it", () => {
    const source = readFileSync(join(ROOT, "rus.qasm"), "utf8").replace(
      /while\(int\[2\]\(flags\) != 0\) \{\n  flags = segment\(ancilla, psi\);\n\}\n/,
      "",
    );
    expect(source).not.toContain("while");
    const counts = simulate(compile(source), { shots: 1000, seed: 7 }).counts ?? {};
    expect(marginal(counts, 0)["00"]).toBeLessThan(1000);
    expect(marginal(counts, 1)["1"]).toBeGreaterThan(0);
  });

  it("rus.qasm needs a second attempt in about 3/8 of the shots", () => {
    // A marker bit set inside the loop body: 1 exactly when the first attempt failed.
    const source = readFileSync(join(ROOT, "rus.qasm"), "utf8")
      .replace("bit output;", "bit output;\nqubit m;\nbit retried;")
      .replace(
        "  flags = segment(ancilla, psi);\n}",
        "  flags = segment(ancilla, psi);\n  reset m;\n  x m;\n  retried = measure m;\n}",
      );
    const counts = simulate(compile(source), { shots: 2000, seed: 11 }).counts ?? {};
    // Keys are `flags retried output`.
    const retried = marginal(counts, 1)["1"] ?? 0;
    expect(retried / 2000).toBeGreaterThan(0.3);
    expect(retried / 2000).toBeLessThan(0.45);
    expect(marginal(counts, 2)).toEqual({ "0": 2000 });
  });
});
