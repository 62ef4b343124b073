import { describe, expect, it } from "vitest";

import { blankComments, scanRegisters } from "@/app/_components/editor/qasm-registers";

describe("scanRegisters", () => {
  it("finds OpenQASM 2 and 3 declarations with sizes, kinds and lines", () => {
    const source = [
      "OPENQASM 3.0;",
      "qubit[3] data;",
      "qreg anc[2];",
      "bit[3] c;",
      "creg flags[1];",
      "qubit single;",
      "bit b = 1;",
    ].join("\n");
    expect(scanRegisters(source)).toEqual([
      { name: "data", size: 3, kind: "qubit", declaration: "qubit[3] data", line: 2 },
      { name: "anc", size: 2, kind: "qubit", declaration: "qreg anc[2]", line: 3 },
      { name: "c", size: 3, kind: "bit", declaration: "bit[3] c", line: 4 },
      { name: "flags", size: 1, kind: "bit", declaration: "creg flags[1]", line: 5 },
      { name: "single", size: 1, kind: "qubit", declaration: "qubit single", line: 6 },
      { name: "b", size: 1, kind: "bit", declaration: "bit b", line: 7 },
    ]);
  });

  it("reports a size given by a constant as unknown (null)", () => {
    expect(scanRegisters("const int n = 4;\nqubit[n] q;")).toEqual([
      { name: "q", size: null, kind: "qubit", declaration: "qubit[n] q", line: 2 },
    ]);
  });

  it("ignores comments, subroutine parameters, half-typed lines and repeats", () => {
    const source = [
      "// qubit[9] commented;",
      "/* qreg hidden[2];",
      "   still a comment */ qubit[2] q;",
      "def f(qubit a, bit b) -> bit { return measure a; }",
      "qubit[4] unfinished",
      "qubit[2] q;",
    ].join("\n");
    expect(scanRegisters(source).map((r) => [r.name, r.line])).toEqual([["q", 3]]);
  });

  it("accepts Greek and underscore names", () => {
    expect(scanRegisters("qubit[1] ψ_0;").map((r) => r.name)).toEqual(["ψ_0"]);
  });
});

describe("blankComments", () => {
  it("keeps offsets and newlines, and leaves // inside strings alone", () => {
    const source = 'include "a//b.inc"; // note\n/* x\ny */ h q;';
    const blanked = blankComments(source);
    expect(blanked).toHaveLength(source.length);
    expect(blanked).toBe('include "a//b.inc";        \n    \n     h q;');
  });
});
