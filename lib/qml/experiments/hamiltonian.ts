/**
 * What a scan or a minimisation measures: a Pauli sum written in the spec, or a bundled
 * Hamiltonian — a molecule at a bond length, a MaxCut graph, a portfolio, an Ising chain — with
 * its exact answer, so results are compared with the truth (an energy error in mHa, an
 * approximation ratio).
 */
import { checkQubits, type PauliSum } from "@/lib/quantum/observables";

import { moleculeHamiltonian } from "../data/chemistry/molecules";
import { isingHamiltonian } from "../data/ising";
import { approximationRatio, getGraph, maxCut, maxcutHamiltonian } from "../data/maxcut";
import { bruteForcePortfolio, loadPortfolio } from "../data/portfolio";
import { exactGroundEnergy } from "../linalg";
import { ExperimentFieldError } from "./field-error";
import type { CircuitModel } from "./model";
import type { HamiltonianSpec, MinimiseSpec, ScanSpec } from "./spec";

/** Chemical accuracy: 1.6 mHa (1 kcal/mol). */
export const CHEMICAL_ACCURACY = 0.0016;

export interface Target {
  readonly observable: PauliSum;
  /** The exact minimum (ground energy), when known. */
  readonly exact?: number;
  /** What is being done, for progress ("minimising energy"). */
  readonly label: string;
  /** Lines for the trace: what the Hamiltonian is and where it comes from. */
  readonly describe: readonly string[];
  metrics(value: number): Record<string, number>;
  summary(value: number): string;
}

function checked(model: CircuitModel, observable: PauliSum, path: string): PauliSum {
  try {
    checkQubits(observable, model.numQubits);
    return observable;
  } catch (error) {
    throw new ExperimentFieldError([path], (error as Error).message);
  }
}

function fromText(text: string, model: CircuitModel, path: string): Target {
  let observable: PauliSum;
  try {
    observable = model.observable(text);
  } catch (error) {
    throw new ExperimentFieldError([path], (error as Error).message);
  }
  const exact = model.numQubits <= 8 ? exactGroundEnergy(observable, model.numQubits) : undefined;
  return {
    observable,
    exact,
    label: "minimising",
    describe: [`Observable ${observable.text} on ${model.numQubits} qubits.`],
    metrics: (value) => ({ value, ...(exact === undefined ? {} : { exactMinimum: exact }) }),
    summary: (value) =>
      `final ⟨H⟩ = ${value.toFixed(6)}` +
      (exact === undefined ? "." : ` (exact minimum ${exact.toFixed(6)}).`),
  };
}

/**
 * The final energy against the exact one. An estimate from shots can land below the exact
 * energy, which no expectation value can: say so rather than report a negative distance "above"
 * it, and judge chemical accuracy by the size of the error on either side.
 */
export function energySummary(value: number, exact: number): string {
  const error = value - exact;
  const distance = `${(1000 * Math.abs(error)).toFixed(3)} mHa ${error < 0 ? "below" : "above"}`;
  const verdict =
    Math.abs(error) <= CHEMICAL_ACCURACY
      ? " (within chemical accuracy)."
      : error < 0
        ? ": an estimate from shots, since no expectation value lies below the exact energy."
        : ".";
  return `E = ${value.toFixed(6)} Ha, ${distance} the exact ${exact.toFixed(6)} Ha${verdict}`;
}

function bundled(
  h: Exclude<HamiltonianSpec, string>,
  model: CircuitModel,
  bondLength?: number,
): Target {
  if ("molecule" in h) {
    const length = bondLength ?? h.bondLength;
    const mapping = model.numQubits === 2 ? "parity" : "jordan-wigner";
    const m = moleculeHamiltonian(h.molecule === "h2" ? "h2" : "heh+", length, mapping);
    const observable = checked(model, m.hamiltonian, "hamiltonian");
    const exact = m.fciEnergy;
    return {
      observable,
      exact,
      label: "minimising energy",
      describe: [
        `${m.title} at ${length.toFixed(3)} Å, STO-3G, ${mapping === "parity" ? "parity mapping with two-qubit reduction" : "Jordan–Wigner mapping"} (${m.numQubits} qubits, ${m.terms.length} Pauli terms). Exact (full CI) energy ${exact.toFixed(6)} Ha; Hartree–Fock ${m.hartreeFockEnergy.toFixed(6)} Ha. ${m.provenance}`,
      ],
      metrics: (value) => ({
        energy: value,
        exactEnergy: exact,
        errorMilliHartree: 1000 * (value - exact),
      }),
      summary: (value) => energySummary(value, exact),
    };
  }
  if ("maxcut" in h) {
    let graph;
    try {
      graph = getGraph(h.maxcut);
    } catch (error) {
      throw new ExperimentFieldError(["hamiltonian", "maxcut"], (error as Error).message);
    }
    const observable = checked(model, maxcutHamiltonian(graph), "hamiltonian");
    const best = maxCut(graph).value;
    return {
      observable,
      exact: -best,
      label: "minimising cost",
      describe: [
        `MaxCut on ${graph.title}: H = Σ w/2 (Z_i Z_j − 1) = −cut, so ⟨H⟩ = −(expected cut). Maximum cut ${best}. ${graph.provenance}`,
      ],
      metrics: (value) => ({
        value,
        expectedCut: -value,
        maxCut: best,
        ratio: approximationRatio(graph, -value),
      }),
      summary: (value) =>
        `expected cut ${(-value).toFixed(4)} of ${best}: approximation ratio ${approximationRatio(graph, -value).toFixed(4)}.`,
    };
  }
  if ("portfolio" in h) {
    let portfolio;
    try {
      portfolio = loadPortfolio(h.portfolio, { risk: h.risk });
    } catch (error) {
      throw new ExperimentFieldError(["hamiltonian", "portfolio"], (error as Error).message);
    }
    const observable = checked(model, portfolio.hamiltonian, "hamiltonian");
    const best = bruteForcePortfolio(portfolio);
    return {
      observable,
      exact: best.value,
      label: "minimising cost",
      describe: [
        `Portfolio "${portfolio.id}" (${portfolio.assetNames.length} assets, budget ${portfolio.budget}, risk ${portfolio.risk}) as a QUBO and Ising Hamiltonian; best selection cost ${best.value.toFixed(6)}. ${portfolio.provenance}`,
      ],
      metrics: (value) => ({ value, exactMinimum: best.value }),
      summary: (value) =>
        `⟨H⟩ = ${value.toFixed(6)}; the best selection costs ${best.value.toFixed(6)}.`,
    };
  }
  const observable = checked(
    model,
    isingHamiltonian({ n: h.ising, field: h.field }),
    "hamiltonian",
  );
  const exact = exactGroundEnergy(observable, model.numQubits);
  return {
    observable,
    exact,
    label: "minimising energy",
    describe: [
      `Transverse-field Ising chain of ${h.ising} spins, field h = ${h.field}; exact ground energy ${exact.toFixed(6)}.`,
    ],
    metrics: (value) => ({ energy: value, exactEnergy: exact }),
    summary: (value) => `E = ${value.toFixed(6)} (exact ${exact.toFixed(6)}).`,
  };
}

export function resolveTarget(
  spec: Pick<MinimiseSpec | ScanSpec, "observable" | "hamiltonian">,
  model: CircuitModel,
  bondLength?: number,
): Target {
  if (spec.observable !== undefined) return fromText(spec.observable, model, "observable");
  const h = spec.hamiltonian!;
  return typeof h === "string" ? fromText(h, model, "hamiltonian") : bundled(h, model, bondLength);
}

/** A scan's observable. */
export function resolveObservable(spec: ScanSpec, model: CircuitModel): Target {
  return resolveTarget(spec, model);
}
