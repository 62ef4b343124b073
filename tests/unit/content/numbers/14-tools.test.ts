import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { compile } from "@/lib/quantum/compile";
import { exportCircuit } from "@/lib/quantum/export";

import { circuitCell, lessonText } from "../../../support/course-cells";

/** The outcomes the tools lesson states for its cells, and what its exporters do. */
const STEM = "14-tools";

describe(`${STEM}: the numbers the prose states`, () => {
  it.each(["tools-bell-qasm3", "tools-bell-qasm2"])(
    "%s gives about 512 counts each of 00 and 11, nothing else",
    (cellId) => {
      const result = circuitCell(STEM, cellId);
      expect(Object.keys(result.counts!).sort()).toEqual(["00", "11"]);
      expect(result.shots).toBe(1024);
      // Binomial(1024, 1/2): four standard deviations is 64 counts.
      expect(Math.abs(result.counts!["00"] - 512)).toBeLessThan(64);
    },
  );

  it("an X on qubit 1 alone reads 10 in Ketbook's (Qiskit's) order", () => {
    expect(Object.keys(circuitCell(STEM, "tools-bit-order").counts!)).toEqual(["10"]);
  });

  describe("the Braket exporter and the bit-flip code of the noise lesson", () => {
    const cell = findLessonCells(lessonText("12-noise-error-correction")).find(
      (c) => c.id === "qec-bitflip-code",
    )!;
    const circuit = compile(cell.source);

    it("refuses the cell, naming its classical control", () => {
      expect(cell.source).toMatch(/if \(/);
      expect(() => exportCircuit(circuit, "braket")).toThrow(/Amazon Braket export: .*classical control|mid-circuit/);
    });

    it("OpenQASM 3 and Qiskit keep the if", () => {
      expect(exportCircuit(circuit, "qasm3")).toMatch(/if \(/);
      expect(exportCircuit(circuit, "qiskit")).toMatch(/if_test|if /);
    });
  });

  describe("choosing by the task: the feed-forward cell", () => {
    const cell = findLessonCells(lessonText(STEM)).find((c) => c.id === "tools-export-feedforward")!;
    const circuit = compile(cell.source);

    it("reads 00 or 11, about half each", () => {
      const result = circuitCell(STEM, "tools-export-feedforward");
      expect(Object.keys(result.counts!).sort()).toEqual(["00", "11"]);
      expect(Math.abs(result.counts!["00"] - 512)).toBeLessThan(3 * 16);
    });

    it("OpenQASM 3, Qiskit, PennyLane and Cirq keep the if, each in its own construct", () => {
      expect(exportCircuit(circuit, "qasm3")).toMatch(/if \(c\[0\] == 1\)/);
      expect(exportCircuit(circuit, "qiskit")).toContain("qc.if_test(");
      const pennylane = exportCircuit(circuit, "pennylane");
      expect(pennylane).toContain("qml.measure(");
      expect(pennylane).toContain("qml.cond(");
      expect(exportCircuit(circuit, "cirq")).toContain("with_classical_controls(");
    });

    it("OpenQASM 2 refuses a condition on one bit of a register; Braket refuses, naming the if", () => {
      expect(() => exportCircuit(circuit, "qasm2")).toThrow(/whole registers/);
      expect(() => exportCircuit(circuit, "braket")).toThrow(/classical control \(`if \(c\[0\] == 1\)`\)/);
    });
  });
});
