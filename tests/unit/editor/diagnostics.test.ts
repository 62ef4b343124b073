import { describe, expect, it } from "vitest";

import { diagnosticsToMarkers, wordRange } from "@/app/_components/editor/diagnostics";

describe("wordRange", () => {
  const line = "rz(θ) q[0];";
  it("finds the word containing the column (1-based, end exclusive)", () => {
    expect(wordRange(line, 1)).toEqual([1, 3]); // rz
    expect(wordRange(line, 2)).toEqual([1, 3]);
    expect(wordRange(line, 4)).toEqual([4, 5]); // θ
    expect(wordRange(line, 7)).toEqual([7, 8]); // q
  });

  it("underlines a single character when the column is on punctuation", () => {
    expect(wordRange(line, 3)).toEqual([3, 4]); // (
    expect(wordRange(line, 11)).toEqual([11, 12]); // ;
  });

  it("takes the last character for a column past the end of the line", () => {
    expect(wordRange("h q", 10)).toEqual([3, 4]);
    expect(wordRange("measure q -> c", 99)).toEqual([14, 15]);
  });

  it("keeps numbers with a decimal point whole", () => {
    expect(wordRange("rx(1.25) q;", 5)).toEqual([4, 8]);
  });

  it("returns an empty range on an empty line", () => {
    expect(wordRange("", 1)).toEqual([1, 1]);
  });
});

describe("diagnosticsToMarkers", () => {
  const lines = ["OPENQASM 3.0;", 'include "stdgates.inc";', "hadamard q[0];"];

  it("underlines the word at line:column when no end column is given", () => {
    expect(
      diagnosticsToMarkers([{ message: 'unknown gate "hadamard"', line: 3, column: 1 }], lines),
    ).toEqual([
      {
        message: 'unknown gate "hadamard"',
        severity: "error",
        startLineNumber: 3,
        startColumn: 1,
        endLineNumber: 3,
        endColumn: 9,
      },
    ]);
  });

  it("keeps an explicit end column and severity", () => {
    const [marker] = diagnosticsToMarkers(
      [{ message: "deprecated", line: 1, column: 1, endColumn: 9, severity: "warning" }],
      lines,
    );
    expect(marker).toMatchObject({ startColumn: 1, endColumn: 9, severity: "warning" });
  });

  it("clamps a line beyond the document to its last line instead of dropping the message", () => {
    const [marker] = diagnosticsToMarkers([{ message: "eof", line: 7, column: 1 }], lines);
    expect(marker).toMatchObject({ startLineNumber: 3, endLineNumber: 3, message: "eof" });
  });

  it("gives no markers for no diagnostics", () => {
    expect(diagnosticsToMarkers([], lines)).toEqual([]);
  });
});
