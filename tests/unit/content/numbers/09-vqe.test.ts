import { describe, expect, it } from "vitest";

import { findLessonCells } from "@/lib/notebook/lesson-cells";
import { runLessonCell } from "@/lib/notebook/run-lesson-cell";
import { moleculeHamiltonian } from "@/lib/qml/data";
import { fromLabels } from "@/lib/qml/data/pauli";
import { compile } from "@/lib/quantum/compile";
import { expectation } from "@/lib/quantum/observables";
import { finalState } from "@/lib/quantum/simulate";
import type { SimulationResult } from "@/lib/quantum/result";

import { circuitCell, experimentCell, lessonText } from "../../../support/course-cells";

/** The numbers the VQE lesson states about its cells' outputs. */
const STEM = "09-vqe";

/** A circuit cell run after the edit the prose asks for (one text replaced in the lesson). */
function editedCircuit(cellId: string, from: string, to: string): SimulationResult {
  const text = lessonText(STEM);
  expect(text).toContain(from);
  const run = runLessonCell(text.replace(from, to), cellId, { seed: 1 });
  if (run.kind !== "circuit") throw new Error(`${cellId} is an experiment cell`);
  return run.result;
}

const energy = (result: SimulationResult) => result.expectations[0].value;
/** E(θ) = -1.0411 + 0.7958 cos θ + 0.1809 sin θ, the lesson's formula for its Hamiltonian. */
const formula = (theta: number) => -1.0411 + 0.7958 * Math.cos(theta) + 0.1809 * Math.sin(theta);

describe(`${STEM}: the numbers the prose states`, () => {
  describe("energy versus angle", () => {
    const at = (theta: string) =>
      energy(editedCircuit("vqe-energy-scan", "@range theta 0 2*pi 1.0", `@range theta 0 2*pi ${theta}`));

    it("the default θ = 1.0 gives -0.4589 Ha", () => {
      expect(energy(circuitCell(STEM, "vqe-energy-scan"))).toBeCloseTo(-0.4589, 4);
    });

    it.each([
      ["0", 0, -0.2453],
      ["pi/2", Math.PI / 2, -0.8602],
      ["pi", Math.PI, -1.8369],
      ["3.365", 3.365, -1.8572],
      ["3*pi/2", (3 * Math.PI) / 2, -1.222],
    ])("θ = %s gives the table's energy", (text, theta, expected) => {
      const value = at(text);
      expect(value).toBeCloseTo(expected, 4);
      expect(value).toBeCloseTo(formula(theta), 4);
    });

    it("the minimum π + arctan(0.1809/0.7958) ≈ 3.365 holds 98.8 % of |01⟩", () => {
      const theta = Math.PI + Math.atan(0.1809 / 0.7958);
      expect(theta).toBeCloseTo(3.365, 3);
      expect(Math.sin(theta / 2) ** 2).toBeCloseTo(0.988, 3);
      // 0.020 Ha of correlation is about 13 times chemical accuracy.
      expect((-1.8369 - -1.8572) / 0.0016).toBeCloseTo(12.7, 1);
    });
  });

  it("measuring at θ = 3.36 gives about 1012 counts of 01 and 12 of 10, ⟨Z0⟩ ≈ -0.976", () => {
    const result = circuitCell(STEM, "vqe-measure-z");
    expect(result.probabilities["01"]).toBeCloseTo(Math.sin(3.36 / 2) ** 2, 10);
    expect(1024 * result.probabilities["01"]).toBeCloseTo(1012, 0);
    const z0 = result.probabilities["10"] - result.probabilities["01"];
    expect(z0).toBeCloseTo(-0.976, 3);
    const counts = result.counts!;
    expect(counts["01"] + counts["10"]).toBe(1024);
    // Binomial(1024, 0.0118): four standard deviations is about 14 counts.
    expect(Math.abs(counts["10"] - 12)).toBeLessThan(4 * Math.sqrt(1024 * 0.0118));
  });

  describe("the stretched-molecule exercise", () => {
    it("the starter's Hartree–Fock angle π gives -0.9109 Ha, 87 mHa above E₀ = -0.9982", () => {
      const value = energy(circuitCell(STEM, "vqe-ground-state"));
      expect(value).toBeCloseTo(-0.9109, 4);
      expect(1000 * (value - -0.9982)).toBeCloseTo(87, 0);
    });

    it("the rounded coefficients are the bundled H₂ Hamiltonian at 1.5 Å, whose exact energy is -0.9982", () => {
      const h = moleculeHamiltonian("h2", 1.5, "parity");
      const coefficient = Object.fromEntries(h.terms.map((t) => [t.pauli, t.coefficient]));
      expect(coefficient.II).toBeCloseTo(-0.6569, 4);
      expect(coefficient.IZ).toBeCloseTo(0.1291, 4);
      expect(coefficient.ZI).toBeCloseTo(-0.1291, 4);
      expect(coefficient.ZZ).toBeCloseTo(-0.0042, 4);
      expect(coefficient.XX).toBeCloseTo(0.2295, 4);
      expect(h.fciEnergy).toBeCloseTo(-0.9982, 3);
      // The rounded Hamiltonian's own ground energy, in the ansatz's two-state sector.
      const rounded = -0.6569 + 0.0042 - Math.hypot(2 * 0.1291, 0.2295);
      expect(rounded).toBeCloseTo(-0.9982, 4);
    });
  });

  describe("an optimiser in the loop", () => {
    const result = experimentCell(STEM, "vqe-minimise");

    it("starts near -0.49 Ha and ends about 0.2 mHa above the exact -1.137306 Ha, at θ ≈ 3.39", () => {
      expect(result.history[0].loss).toBeCloseTo(-0.49, 2);
      expect(result.metrics.exactEnergy).toBeCloseTo(-1.137306, 6);
      expect(result.metrics.errorMilliHartree).toBeGreaterThan(0.1);
      expect(result.metrics.errorMilliHartree).toBeLessThan(0.3);
      expect(result.parameters![0].value).toBeCloseTo(3.39, 2);
    });

    it("never goes below the exact energy (the variational principle)", () => {
      for (const entry of result.history) {
        expect(entry.loss!).toBeGreaterThan(result.metrics.exactEnergy - 1e-9);
      }
    });

    it("the nuclear repulsion, +0.7200 Ha, separates -1.8572 from -1.1373", () => {
      expect(moleculeHamiltonian("h2", 0.735, "parity").nuclearRepulsion).toBeCloseTo(0.72, 3);
      expect(result.metrics.exactEnergy - 0.72).toBeCloseTo(-1.8573, 3);
    });
  });

  describe("the dissociation curve", () => {
    const result = experimentCell(STEM, "vqe-dissociation");
    const curve = result.curve!;

    it("has twelve points, each within 0.01 mHa of the exact energy", () => {
      expect(curve).toHaveLength(12);
      expect(result.metrics.maxErrorMilliHartree).toBeLessThan(0.01);
    });

    it("is lowest at 0.7 Å (-1.1362 Ha) and reaches -0.936 Ha at 2.5 Å, near two atoms' 2 × -0.4666", () => {
      const lowest = curve.reduce((a, b) => (b.energy < a.energy ? b : a));
      expect(lowest.bondLength).toBeCloseTo(0.7, 10);
      expect(lowest.energy).toBeCloseTo(-1.1362, 4);
      const last = curve[curve.length - 1];
      expect(last.bondLength).toBeCloseTo(2.5, 10);
      expect(last.energy).toBeCloseTo(-0.936, 3);
      expect(Math.abs(last.exact - 2 * -0.4666)).toBeLessThan(0.005);
    });

    it("the optimal angle ends near 4.5 at 2.5 Å", () => {
      expect(result.parameters![0].value).toBeCloseTo(4.5, 1);
    });
  });

  describe("what noise does", () => {
    const result = experimentCell(STEM, "vqe-noise");

    it("ends about 17 mHa above the exact energy, ten times chemical accuracy", () => {
      expect(result.metrics.errorMilliHartree).toBeGreaterThan(15);
      expect(result.metrics.errorMilliHartree).toBeLessThan(19);
      expect(result.metrics.errorMilliHartree / 1.6).toBeGreaterThan(9);
    });

    it("each percent of mixing with the maximally mixed state costs about 8 mHa", () => {
      const h = moleculeHamiltonian("h2", 0.735, "parity");
      // The maximally mixed state's energy is the mean eigenvalue, Tr H / 4: the identity coefficient.
      const mixed = h.terms.find((t) => t.pauli === "II")!.coefficient;
      expect(1000 * 0.01 * (mixed - h.fciEnergy)).toBeCloseTo(8, 0);
    });
  });

  describe("counting the resources: four qubits, measured with shots", () => {
    const CELL = "vqe-resources";
    const result = experimentCell(STEM, CELL);
    const jordanWigner = moleculeHamiltonian("h2", 0.735, "jordan-wigner");
    const measured = jordanWigner.terms.filter((t) => t.pauli !== "IIII");
    const theta = result.parameters![0].value;
    const circuit = findLessonCells(lessonText(STEM))
      .find((c) => c.id === CELL)!
      .source.split("\n---\n")[1];
    const state = finalState(compile(circuit, { params: { t0: theta } }));
    /** Var of the energy estimate with n shots on every term: Σ c² (1 − ⟨P⟩²) / n, terms independent. */
    const variancePerShot = measured.reduce((sum, t) => {
      const p = expectation(state, fromLabels([{ pauli: t.pauli, coefficient: 1 }]));
      return sum + t.coefficient ** 2 * (1 - p * p);
    }, 0);
    const standardError = (shots: number) => Math.sqrt(variancePerShot / shots);

    it("Jordan–Wigner: 4 qubits and 15 Pauli terms instead of 2 and 5, as the output's first line says", () => {
      const parity = moleculeHamiltonian("h2", 0.735, "parity");
      expect([jordanWigner.numQubits, jordanWigner.terms.length]).toEqual([4, 15]);
      expect([parity.numQubits, parity.terms.length]).toEqual([2, 5]);
      expect(result.trace![0]).toContain("(4 qubits, 15 Pauli terms)");
      expect(measured).toHaveLength(14);
    });

    it("the ansatz can reach the exact energy: at its best angle, θ ≈ -0.22, it is the ground state", () => {
      const best = (t: number) =>
        expectation(finalState(compile(circuit, { params: { t0: t } })), jordanWigner.hamiltonian);
      let lowest = Infinity;
      let argmin = 0;
      for (let t = -Math.PI; t <= Math.PI; t += 0.002) {
        const e = best(t);
        if (e < lowest) [lowest, argmin] = [e, t];
      }
      expect(lowest - jordanWigner.fciEnergy).toBeLessThan(1e-6);
      // "the exact optimum is -0.22"
      expect(argmin).toBeCloseTo(-0.22, 2);
      // Hartree–Fock at θ = 0
      expect(best(0)).toBeCloseTo(jordanWigner.hartreeFockEnergy, 10);
    });

    it("finds θ ≈ -0.20 but reports an energy about 6.2 mHa below the exact -1.137306 Ha", () => {
      expect(theta).toBeCloseTo(-0.2, 1);
      expect(result.metrics.exactEnergy).toBeCloseTo(-1.137306, 6);
      expect(result.metrics.errorMilliHartree).toBeCloseTo(-6.2, 1);
      expect(result.trace!.some((line) => /^E = -1\.1435\d\d Ha, 6\.2\d\d mHa below the exact/.test(line))).toBe(true);
    });

    it("with 1000 shots a term the standard error near the optimum is about 3.8 mHa, over twice chemical accuracy", () => {
      expect(1000 * standardError(1000)).toBeCloseTo(3.8, 1);
      expect(standardError(1000) / 0.0016).toBeGreaterThan(2);
      // The reported error is within three standard errors: shot noise, nothing else.
      expect(Math.abs(result.metrics.errorMilliHartree)).toBeLessThan(3 * 1000 * standardError(1000));
    });

    it("other seeds land a few mHa above or below", () => {
      const errors = [0, 2, 3, 4, 5].map((seed) => experimentCell(STEM, CELL, seed).metrics.errorMilliHartree);
      for (const e of errors) expect(Math.abs(e)).toBeLessThan(3 * 1000 * standardError(1000));
      expect(errors.some((e) => e > 0)).toBe(true);
      expect(errors.some((e) => e < 0)).toBe(true);
    });

    it("1.6 mHa takes about 5,500 shots per term, some 78,000 for one energy of 14 terms", () => {
      const shotsPerTerm = variancePerShot / 0.0016 ** 2;
      expect(Math.abs(shotsPerTerm - 5500)).toBeLessThan(250);
      expect(Math.abs(14 * shotsPerTerm - 78_000)).toBeLessThan(1000);
    });

    it("the run spent 2,534 circuit executions and 2,534,000 shots", () => {
      expect(result.trace).toContain("In all: 2534 circuit executions and 2534000 shots.");
    });

    it("HeH⁺ on the same 4 qubits carries 27 Pauli terms", () => {
      const text = lessonText(STEM);
      const cell = findLessonCells(text).find((c) => c.id === CELL)!.source;
      const edited = cell.replace("molecule: h2,", "molecule: heh+,");
      const run = runLessonCell(text.replace(cell, edited), CELL, { seed: 1 });
      if (run.kind !== "experiment") throw new Error(`${CELL} is a circuit cell`);
      expect(run.result.trace![0]).toContain("HeH⁺ at 0.735 Å");
      expect(run.result.trace![0]).toContain("(4 qubits, 27 Pauli terms)");
    });
  });
});
