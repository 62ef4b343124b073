/**
 * Every QASMBench "small" program compiles. Four of them (hhl_n10, vqe_uccsd_n4/n6/n8) end with
 * measurements into registers `q` and `c` that they never declare; for those the test checks the
 * exact error, and that the rest of the program compiles once those lines are dropped.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";

import { QASMBENCH_SMALL } from "../../../support/shared-dir";

const DIR = QASMBENCH_SMALL;
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".qasm"))
  .sort();

/** hhl_n10 is 3.3 MB and unrolls to about 190 000 operations. */
const limits = { maxSourceBytes: 8 * 1024 * 1024, maxOperations: 1_000_000 };

const BROKEN: Readonly<Record<string, string>> = {
  "hhl_n10.qasm": "unknown register `q`; did you mean `q0`?",
  "vqe_uccsd_n4.qasm": "unknown register `q`",
  "vqe_uccsd_n6.qasm": "unknown register `q`",
  "vqe_uccsd_n8.qasm": "unknown register `q`",
};

function qubitsDeclared(source: string): number {
  let total = 0;
  for (const m of source.matchAll(/^\s*qreg\s+\w+\[(\d+)\]/gm)) total += Number(m[1]);
  return total;
}

describe("QASMBench small programs", () => {
  it("finds the programs", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files.filter((f) => !(f in BROKEN)))("%s compiles", (file) => {
    const source = readFileSync(join(DIR, file), "utf8");
    const circuit = compile(source, { limits });
    expect(circuit.version).toBe("2.0");
    expect(circuit.numQubits).toBe(qubitsDeclared(source));
    const measures = source.match(/^\s*measure\b/gm)?.length ?? 0;
    expect(circuit.ops.filter((op) => op.kind === "measure").length).toBeGreaterThanOrEqual(
      measures,
    );
  });

  it.each(Object.keys(BROKEN))(
    "%s measures into undeclared registers, and compiles without those lines",
    (file) => {
      const source = readFileSync(join(DIR, file), "utf8");
      const firstBad = source.split("\n").findIndex((line) => /^measure q\[/.test(line)) + 1;
      let error: unknown;
      try {
        compile(source, { limits });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(QuantumError);
      const e = error as QuantumError;
      expect([e.message, e.loc]).toEqual([BROKEN[file], { line: firstBad, column: 9 }]);
      const fixed = source.replace(/^measure q\[\d+\] -> c\[\d+\];$/gm, "");
      expect(compile(fixed, { limits }).numQubits).toBe(qubitsDeclared(source));
    },
    30_000,
  );
});
