/**
 * The quantum model of an experiment: the cell's circuit, compiled once with its `input float`
 * parameters kept symbolic, evaluated at many values (expectation values, states, gradients).
 * Every experiment evaluates its circuit only through this, so circuits and shots are counted in
 * one place.
 *
 * Exact (no shots, no noise): expectation values and gradients from the state vector, gradients
 * by adjoint differentiation, parameter shift or finite differences (lib/quantum/diff).
 * Shots: each Pauli term is measured `shots` times in its eigenbasis; the count of +1 outcomes
 * is Binomial(shots, (1 + <P>)/2), drawn exactly from the simulated <P>. Gradients then come
 * from parameter shift on sampled values (or finite differences of sampled values): adjoint
 * differentiation reads the exact state, which no experiment with shots can.
 * Noise: gate channels by quantum trajectories (the engine's noise model), readout error r
 * scales a k-qubit Pauli term by (1 - 2r)^k; gradients of noisy values by finite differences.
 */
import { compile } from "@/lib/quantum/compile";
import {
  compileParametric,
  expectations,
  gradient as exactGradient,
  restrictParametric,
  type ParametricCircuit,
} from "@/lib/quantum/diff";
import type { NoiseModel } from "@/lib/quantum/noise";
import { checkQubits, parsePauliSum, type PauliSum } from "@/lib/quantum/observables";
import { inputsUsed } from "@/lib/quantum/restrict";
import { createRng, type Rng } from "@/lib/quantum/sample";
import { finalState, simulate } from "@/lib/quantum/simulate";
import type { StateVector } from "@/lib/quantum/statevector";

import { ExperimentFieldError } from "./field-error";
import { estimateWithShots } from "./sampling";
import type { Tracker } from "./tracker";

export interface NoiseSpec {
  readonly depolarizing?: number;
  readonly amplitudeDamping?: number;
  readonly phaseDamping?: number;
  readonly readout?: number;
}

export interface MeasureOptions {
  readonly shots: "exact" | number;
  readonly noise?: NoiseSpec;
  readonly seed: number;
}

export type GradientName = "adjoint" | "parameter-shift" | "finite-difference";

/** Trajectories averaged for an "exact" expectation under gate noise. */
const NOISE_TRAJECTORIES = 256;
const FINITE_DIFFERENCE_STEP = 1e-3;

export function toNoiseModel(spec: NoiseSpec | undefined): NoiseModel | undefined {
  if (!spec) return undefined;
  const channels = {
    ...(spec.depolarizing ? { depolarizing: spec.depolarizing } : {}),
    ...(spec.amplitudeDamping ? { amplitude_damping: spec.amplitudeDamping } : {}),
    ...(spec.phaseDamping ? { phase_damping: spec.phaseDamping } : {}),
  };
  if (Object.keys(channels).length === 0) return undefined;
  return { gates: { "*": channels } };
}

export type Values = Readonly<Record<string, number>>;

export class CircuitModel {
  readonly parameters: readonly string[];
  readonly numQubits: number;
  private readonly circuit: ParametricCircuit;
  private readonly rng: Rng;
  private readonly noise: NoiseModel | undefined;
  private readonly readout: number;

  constructor(
    readonly source: string,
    private readonly measure: MeasureOptions,
    private readonly tracker: Tracker,
    /** The source's circuit already compiled, or cut down from it (restrictedTo). */
    circuit: ParametricCircuit = compileParametric(source),
  ) {
    this.circuit = circuit;
    this.parameters = this.circuit.parameters;
    this.numQubits = this.circuit.numQubits;
    this.rng = createRng(measure.seed);
    this.noise = toNoiseModel(measure.noise);
    this.readout = measure.noise?.readout ?? 0;
  }

  /**
   * The model of the circuit's first `k` qubits (operations touching a higher qubit dropped),
   * counted against the same budget. Exact simulation only: gate noise is simulated from the
   * source text, which the cut circuit no longer matches.
   */
  restrictedTo(k: number): CircuitModel {
    if (this.noise || this.readout > 0) {
      throw new Error("a restricted circuit model is simulated exactly, without noise");
    }
    return new CircuitModel(
      this.source,
      this.measure,
      this.tracker,
      restrictParametric(this.circuit, k),
    );
  }

  /** The inputs some gate's angle depends on, in declaration order. */
  inputsUsed(): string[] {
    return inputsUsed(this.circuit.template).map((i) => this.parameters[i]);
  }

  /** Checks that a gradient method fits how the circuit is measured. */
  checkGradient(method: GradientName): void {
    if (method === "adjoint" && this.measure.shots !== "exact") {
      throw new ExperimentFieldError(
        ["gradient"],
        "adjoint differentiation reads the exact state; with shots use parameter-shift or finite-difference",
      );
    }
    if (method !== "finite-difference" && (this.noise || this.readout > 0)) {
      throw new ExperimentFieldError(
        ["gradient"],
        "with noise, gradients are taken by finite-difference on the noisy values",
      );
    }
  }

  observable(text: string): PauliSum {
    const sum = parsePauliSum(text);
    checkQubits(sum, this.numQubits);
    return sum;
  }

  /** The noiseless state at these values (kernels compare states). */
  state(values: Values): StateVector {
    this.tracker.spend(1);
    return finalState(this.circuit.bind(values));
  }

  /** <observable> at these values, as measured (exact, or estimated with shots; noisy or not). */
  expectation(values: Values, observable: PauliSum): number {
    const terms = termsOf(observable);
    const shots = this.measure.shots;
    if (shots === "exact" && !this.noise && this.readout === 0) {
      this.tracker.spend(1);
      return expectations(this.circuit, values, [observable])[0];
    }
    const paulis = terms.map((term) => term.pauli);
    const exact = this.noise
      ? this.noisyTermValues(values, paulis)
      : expectations(this.circuit, values, paulis);
    this.tracker.spend(shots === "exact" ? 1 : terms.length, shots === "exact" ? 0 : shots);
    let total = constantOf(observable);
    terms.forEach((term, i) => {
      let value = exact[i] * (1 - 2 * this.readout) ** term.weight;
      if (shots !== "exact") value = estimateWithShots(value, shots, this.rng);
      total += term.coeff * value;
    });
    return total;
  }

  /** <observable> and its gradient by the inputs `names`, by `method`. */
  gradient(
    values: Values,
    observable: PauliSum,
    names: readonly string[],
    method: GradientName,
  ): { value: number; gradient: number[] } {
    const shots = this.measure.shots;
    if (method === "finite-difference" && (shots !== "exact" || this.noise || this.readout > 0)) {
      // Differences of measured values: two evaluations per parameter.
      const value = this.expectation(values, observable);
      const gradient = names.map((name) => {
        const plus = this.expectation(
          { ...values, [name]: values[name] + FINITE_DIFFERENCE_STEP },
          observable,
        );
        const minus = this.expectation(
          { ...values, [name]: values[name] - FINITE_DIFFERENCE_STEP },
          observable,
        );
        return (plus - minus) / (2 * FINITE_DIFFERENCE_STEP);
      });
      return { value, gradient };
    }
    const engineMethod =
      method === "parameter-shift"
        ? "shift"
        : method === "adjoint"
          ? "adjoint"
          : "finite-difference";
    const result = exactGradient(this.circuit, values, [observable], {
      method: engineMethod,
      ...(shots !== "exact" ? { shots, seed: Math.floor(this.rng.next() * 2 ** 31) } : {}),
    });
    this.tracker.spend(...this.gradientCost(method, names.length, observable));
    const index = names.map((name) => this.parameters.indexOf(name));
    return { value: result.values[0], gradient: index.map((i) => result.gradients[0][i]) };
  }

  /**
   * Circuits a gradient costs, as a learner would count them on hardware: adjoint one forward
   * and one backward sweep; parameter shift two circuits per parameter (per measured term with
   * shots); central differences the same.
   */
  private gradientCost(
    method: GradientName,
    parameters: number,
    observable: PauliSum,
  ): [number, number] {
    const shots = this.measure.shots;
    if (method === "adjoint") return [2, 0];
    const perPoint = 1 + 2 * parameters;
    return shots === "exact" ? [perPoint, 0] : [perPoint * termsOf(observable).length, shots];
  }

  /** <P> of each term under gate noise: an average over trajectories. */
  private noisyTermValues(values: Values, terms: readonly PauliSum[]): number[] {
    const shots = this.measure.shots;
    const result = simulate(compile(this.source, { params: { ...values } }), {
      shots: shots === "exact" ? NOISE_TRAJECTORIES : shots,
      seed: Math.floor(this.rng.next() * 2 ** 31),
      noise: this.noise,
      observables: terms.map((term) => term.text),
    });
    return result.expectations.slice(result.expectations.length - terms.length).map((e) => e.value);
  }
}

interface MeasuredTerm {
  readonly coeff: number;
  readonly weight: number;
  /** The Pauli string alone (coefficient 1), as the engine evaluates it. */
  readonly pauli: PauliSum;
}

/** Each non-constant term, measured separately. */
function termsOf(observable: PauliSum): MeasuredTerm[] {
  return observable.terms
    .filter((term) => term.factors.length > 0)
    .map((term) => ({
      coeff: term.coeff,
      weight: term.factors.length,
      pauli: {
        text: term.factors.map((f) => `${f.pauli}${f.qubit}`).join("*"),
        terms: [{ coeff: 1, factors: term.factors }],
      },
    }));
}

function constantOf(observable: PauliSum): number {
  return observable.terms.filter((t) => t.factors.length === 0).reduce((a, t) => a + t.coeff, 0);
}
