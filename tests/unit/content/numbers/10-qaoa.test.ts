import { describe, expect, it } from "vitest";

import { runLessonCell } from "@/lib/notebook/run-lesson-cell";
import { getGraph } from "@/lib/qml/data/maxcut";
import type { ExperimentResult } from "@/lib/qml/experiments/result";
import { runExperiment } from "@/lib/qml/experiments/run";
import type { SimulationResult } from "@/lib/quantum/result";

import { circuitCell, experimentCell, lessonText } from "../../../support/course-cells";

/** The numbers the QAOA lesson states about its cells' outputs. */
const STEM = "10-qaoa";

function editedCircuit(cellId: string, edits: readonly [string, string][]): SimulationResult {
  let text = lessonText(STEM);
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const run = runLessonCell(text, cellId, { seed: 1 });
  if (run.kind !== "circuit") throw new Error(`${cellId} is an experiment cell`);
  return run.result;
}

/** Cut size of a bitstring (Qiskit order: the rightmost character is qubit 0) on a graph. */
function cutOf(bits: string, edges: readonly (readonly [number, number, number])[]): number {
  const bit = (i: number) => bits[bits.length - 1 - i];
  return edges.reduce((n, [i, j, w]) => n + (bit(i) !== bit(j) ? w : 0), 0);
}

/**
 * The lesson's QAOA recipe for MaxCut on a bundled graph with p layers: the spec of its
 * `qaoa-regular-*` cells, H on every qubit, then per layer an rzz(2γ) per edge and rx(2β) on all.
 */
function qaoaCell(graphId: string, layers: number): string {
  const graph = getGraph(graphId);
  const inputs = Array.from({ length: 2 * layers }, (_, k) => `input float a${k};`).join(" ");
  const body = Array.from({ length: layers }, (_, l) =>
    [
      ...graph.edges.map(([i, j]) => `rzz(2*a${2 * l}) q[${i}], q[${j}];`),
      `rx(2*a${2 * l + 1}) q;`,
    ].join("\n"),
  ).join("\n");
  return `experiment: minimise
hamiltonian: { maxcut: ${graphId} }
weights: a
init: { seed: 1, scale: 0.3 }
optimizer: { kind: adam, stepSize: 0.05 }
steps: 80
---
OPENQASM 3.0;
include "stdgates.inc";
gate rzz(theta) a, b {
  cx a, b;
  rz(theta) b;
  cx a, b;
}
${inputs}
qubit[${graph.nodes}] q;
h q;
${body}`;
}

/** The lines of a cell, comments and blank lines dropped, an rzz's two qubits in ascending order. */
const gates = (text: string) =>
  text
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => line !== "")
    .map((line) =>
      line.replace(/q\[(\d+)\], q\[(\d+)\]/, (_, a: string, b: string) =>
        Number(a) < Number(b) ? `q[${a}], q[${b}]` : `q[${b}], q[${a}]`,
      ),
    );

describe(`${STEM}: the numbers the prose states`, () => {
  describe("p = 1 on the ring of four", () => {
    it("the default angles give an expected cut of about 2.05", () => {
      const result = circuitCell(STEM, "qaoa-ring-p1");
      expect(result.expectations[0].value).toBeCloseTo(2.05, 2);
    });

    const best = editedCircuit("qaoa-ring-p1", [
      ["@range gamma 0 pi 0.8", "@range gamma 0 pi 3*pi/8"],
      ["@range beta 0 pi/2 0.3", "@range beta 0 pi/2 pi/8"],
    ]);
    const ring = getGraph("ring-4").edges;

    it("γ = 3π/8, β = π/8 give an expected cut of exactly 3", () => {
      expect(best.expectations[0].value).toBeCloseTo(3, 10);
    });

    it("0101 and 1010 each about 26.6 % (about 272 of 1024 shots)", () => {
      for (const bits of ["0101", "1010"]) {
        expect(best.probabilities[bits]).toBeCloseTo(0.266, 3);
        expect(1024 * best.probabilities[bits]).toBeCloseTo(272, 0);
      }
      expect(best.probabilities["0101"] + best.probabilities["1010"]).toBeCloseTo(0.53, 2);
    });

    it("twelve bitstrings cut 2 edges: four at 7.8 %, the eight single flips at 1.6 %; only 0000 and 1111 cut none, also 1.6 % each", () => {
      const all = Array.from({ length: 16 }, (_, k) => k.toString(2).padStart(4, "0"));
      const byCut = (cut: number) => all.filter((bits) => cutOf(bits, ring) === cut);
      expect(byCut(4)).toEqual(["0101", "1010"]);
      expect(byCut(2)).toHaveLength(12);
      expect(byCut(0)).toEqual(["0000", "1111"]);
      expect(byCut(1)).toEqual([]);
      expect(byCut(3)).toEqual([]);
      const neighbouringOnes = ["0011", "0110", "1001", "1100"];
      for (const bits of neighbouringOnes) expect(best.probabilities[bits]).toBeCloseTo(0.078, 3);
      const singleFlips = byCut(2).filter((bits) => !neighbouringOnes.includes(bits));
      expect(singleFlips).toHaveLength(8);
      for (const bits of singleFlips) {
        const fromAlternating = ["0101", "1010"].some(
          (a) => [...a].filter((c, i) => c !== bits[i]).length === 1,
        );
        expect(fromAlternating).toBe(true);
        expect(best.probabilities[bits]).toBeCloseTo(0.016, 3);
      }
      for (const bits of ["0000", "1111"]) expect(best.probabilities[bits]).toBeCloseTo(0.016, 3);
    });

    it("H_C = Σ Z_iZ_j equals 4 − 2·cut on every bitstring of the ring", () => {
      for (let k = 0; k < 16; k++) {
        const bits = k.toString(2).padStart(4, "0");
        const z = (i: number) => (bits[3 - i] === "0" ? 1 : -1);
        const hc = ring.reduce((sum, [i, j]) => sum + z(i) * z(j), 0);
        expect(hc).toBe(4 - 2 * cutOf(bits, ring));
      }
    });
  });

  it("the optimiser on the ring-4 landscape ends at an expected cut of 3 (ratio 0.75)", () => {
    const result = experimentCell(STEM, "qaoa-landscape-path");
    expect(result.metrics.expectedCut).toBeCloseTo(3, 2);
    expect(result.metrics.ratio).toBeCloseTo(0.75, 3);
  });

  it("two fixed layers give 0101 or 1010 on all but about 3 in a million shots, about half each", () => {
    const result = circuitCell(STEM, "qaoa-ring-p2");
    const solved = result.probabilities["0101"] + result.probabilities["1010"];
    expect(1 - solved).toBeGreaterThan(1e-6);
    expect(1 - solved).toBeLessThan(6e-6);
    expect(result.probabilities["0101"]).toBeCloseTo(0.5, 3);
    expect(result.expectations[0].value).toBeCloseTo(4, 3);
  });

  it("the depth exercise's starter stops at the one-layer ceiling 3/4 on the six-ring", () => {
    expect(experimentCell(STEM, "qaoa-exercise-depth").metrics.ratio).toBeCloseTo(0.75, 3);
  });

  describe("3-regular graphs", () => {
    it("the prism: maximum cut 7; p = 1 ends at an expected cut of about 5.94, ratio 0.848", () => {
      const result = experimentCell(STEM, "qaoa-regular-6");
      expect(result.metrics.maxCut).toBe(7);
      expect(result.metrics.expectedCut).toBeCloseTo(5.94, 2);
      expect(result.metrics.ratio).toBeCloseTo(0.848, 3);
    });

    it("the Wagner graph: maximum cut 10; p = 2 reaches a ratio of 0.925", () => {
      const result = experimentCell(STEM, "qaoa-regular-8");
      expect(result.metrics.maxCut).toBe(10);
      expect(result.metrics.ratio).toBeCloseTo(0.925, 3);
    });

    it("the lesson's cells follow the recipe the table is computed with", () => {
      const cellText = (id: string) => {
        const text = lessonText(STEM);
        const start = text.indexOf(`{#${id}}`);
        return text.slice(text.indexOf("\n", start) + 1, text.indexOf("```", start));
      };
      expect(gates(cellText("qaoa-regular-6"))).toEqual(gates(qaoaCell("3-regular-6", 1)));
      expect(gates(cellText("qaoa-regular-8"))).toEqual(gates(qaoaCell("3-regular-8", 2)));
    });

    const table: [string, number, number, number][] = [
      // graph, maximum cut, p = 1 ratio, p = 2 ratio (the lesson's table, to three decimals)
      ["ring-4", 4, 0.75, 1],
      ["ring-8", 8, 0.75, 0.833],
      ["3-regular-6", 7, 0.848, 0.943],
      ["3-regular-8", 10, 0.831, 0.925],
    ];
    for (const [graph, maxCut, p1, p2] of table) {
      it(`${graph}: maximum cut ${maxCut}, ratio ${p1} with one layer and ${p2} with two`, () => {
        const one: ExperimentResult = runExperiment(qaoaCell(graph, 1));
        const two: ExperimentResult = runExperiment(qaoaCell(graph, 2));
        expect(one.metrics.maxCut).toBe(maxCut);
        expect(one.metrics.ratio).toBeCloseTo(p1, 3);
        expect(two.metrics.ratio).toBeCloseTo(p2, 3);
      });
    }

    it("the Wagner graph with one layer: an expected cut of about 8.31 of 10", () => {
      expect(runExperiment(qaoaCell("3-regular-8", 1)).metrics.expectedCut).toBeCloseTo(8.31, 2);
    });
  });

  describe("the portfolio", () => {
    it("the table's costs: 110 is best at −9, and H_C reproduces every row", () => {
      const f = (x0: number, x1: number, x2: number) =>
        -5 * x0 - 6 * x1 - 4 * x2 + 4 * x0 * x1 + x0 * x2 + x1 * x2 + 3 * (x0 + x1 + x2 - 2) ** 2;
      const table: Record<string, number> = {
        "000": 12, "001": -2, "010": -3, "011": -7, "100": -1, "101": -8, "110": -9, "111": -6,
      };
      for (const [bits, cost] of Object.entries(table)) {
        const [x2, x1, x0] = [...bits].map(Number);
        expect(f(x0, x1, x2)).toBe(cost);
        const [z0, z1, z2] = [x0, x1, x2].map((x) => 1 - 2 * x);
        const hc =
          -3 + 2.75 * z0 + 3.25 * z1 + 3 * z2 + 2.5 * z0 * z1 + 1.75 * z0 * z2 + 1.75 * z1 * z2;
        expect(hc).toBeCloseTo(cost, 10);
      }
    });

    it("the optimiser ends at γ ≈ 0.113, β ≈ −0.425 with ⟨H_C⟩ ≈ −6.84", () => {
      const result = experimentCell(STEM, "qaoa-portfolio-optimise");
      expect(result.metrics.value).toBeCloseTo(-6.84, 2);
      const [gamma, beta] = result.parameters!.map((p) => p.value);
      expect(gamma).toBeCloseTo(0.113, 3);
      expect(beta).toBeCloseTo(-0.425, 3);
      expect(beta + Math.PI).toBeCloseTo(2.717, 3);
    });

    it("no lower energy lies elsewhere in a full period (γ in [0, 2π], β in [0, π])", () => {
      const text = lessonText(STEM);
      const start = text.indexOf("{#qaoa-portfolio-optimise}");
      const cell = text.slice(text.indexOf("\n", start) + 1, text.indexOf("```", start));
      const observable = /^observable: (.*)$/m.exec(cell)![1];
      const circuit = cell.slice(cell.indexOf("---\n") + 4);
      const scan = runExperiment(
        `experiment: scan\nobservable: ${observable}\ngrid: { a0: [0, ${2 * Math.PI}, 60], a1: [0, ${Math.PI}, 40] }\n---\n${circuit}`,
      );
      const optimum = experimentCell(STEM, "qaoa-portfolio-optimise").metrics.value;
      expect(scan.landscape!.minimum.value).toBeGreaterThanOrEqual(optimum - 1e-9);
      expect(scan.landscape!.minimum.value).toBeLessThan(optimum + 0.2);
    });

    it("at the optimum the sliders give ⟨H_C⟩ ≈ −6.84: 110 at 26 %, 101 at 24 %, 011 at 21 %, 70 % valid", () => {
      const result = circuitCell(STEM, "qaoa-portfolio");
      const p = result.probabilities;
      expect(result.expectations[0].value).toBeCloseTo(-6.84, 2);
      expect(p["110"]).toBeCloseTo(0.26, 2);
      expect(p["101"]).toBeCloseTo(0.24, 2);
      expect(p["011"]).toBeCloseTo(0.21, 2);
      expect(p["110"] + p["101"] + p["011"]).toBeCloseTo(0.7, 2);
    });

    it("the second valley near γ = 0.68, β = 1.11 is a local minimum: every nearby point is higher", () => {
      const at = (gamma: number, beta: number) =>
        editedCircuit("qaoa-portfolio", [
          ["@range gamma 0 pi 0.113", `@range gamma 0 pi ${gamma}`],
          ["@range beta 0 pi 2.717", `@range beta 0 pi ${beta}`],
        ]).expectations[0].value;
      const centre = at(0.6755, 1.1108);
      for (const [dg, db] of [
        [0.03, 0],
        [-0.03, 0],
        [0, 0.03],
        [0, -0.03],
      ]) {
        expect(at(0.6755 + dg, 1.1108 + db)).toBeGreaterThan(centre);
      }
      expect(centre).toBeGreaterThan(-6.84 + 0.5);
    });

    it("the second valley, γ = 0.68 and β = 1.11: ⟨H_C⟩ ≈ −6.03, 110 at 21 %, behind 111 and 011 at 27 %", () => {
      const result = editedCircuit("qaoa-portfolio", [
        ["@range gamma 0 pi 0.113", "@range gamma 0 pi 0.68"],
        ["@range beta 0 pi 2.717", "@range beta 0 pi 1.11"],
      ]);
      const p = result.probabilities;
      expect(result.expectations[0].value).toBeCloseTo(-6.03, 2);
      expect(p["110"]).toBeCloseTo(0.21, 2);
      expect(p["111"]).toBeCloseTo(0.275, 2);
      expect(p["011"]).toBeCloseTo(0.275, 2);
      expect(p["110"]).toBeLessThan(Math.min(p["111"], p["011"]));
    });
  });
});
