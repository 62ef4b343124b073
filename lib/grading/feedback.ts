/**
 * What a graded attempt returns. Plain JSON data: the caller stores it with the attempt and the
 * page renders it. Every failure says why — a located compile error, the number that missed its
 * threshold, the constraint that was broken — because a refusal without a reason is the thing
 * learners trust least.
 */
import type { DatasetSummary, HistoryEntry } from "@/lib/qml/experiments/result";

import type { CheckKind } from "./schemas";

/** How the learner's circuit was compared with the target. */
export type Equivalence =
  | "global phase ignored"
  | "process fidelity up to global phase"
  | "total variation distance of exact probabilities"
  | "expectation value within tolerance"
  | "held-out test accuracy on the check's data"
  | "energy error against the exact ground energy"
  | "approximation ratio against the maximum cut"
  | "exact derivative (adjoint differentiation) within tolerance";

/** `[re, im]`, as in SimulationResult.statevector. */
export type Amplitude = [number, number];

/**
 * Learner and target side by side, one row per basis state or outcome. Bitstrings are in
 * Qiskit's order (highest index first). Amplitudes are shown for states of at most
 * MAX_AMPLITUDE_QUBITS qubits, the learner's rotated by the global phase that best matches the
 * target so equal states show equal numbers.
 */
export type Comparison =
  | {
      readonly values: "amplitudes";
      /** What the basis labels index: always qubits for amplitudes. */
      readonly over: "qubits";
      readonly rows: readonly { basis: string; learner: Amplitude; target: Amplitude }[];
      readonly truncated: boolean;
    }
  | {
      readonly values: "probabilities";
      readonly over: "qubits" | "classical bits";
      /** `target` is null when the check has no target distribution (expectation checks). */
      readonly rows: readonly { basis: string; learner: number; target: number | null }[];
      readonly truncated: boolean;
    };

/** Unitary checks: a tried input whose outputs differ, with both output states. */
export interface Counterexample {
  /** The input state, e.g. "|01⟩" or "|++⟩". */
  readonly input: string;
  /** |⟨target output|learner output⟩|². */
  readonly fidelity: number;
  readonly outputs: Comparison;
}

export interface CompileErrorInfo {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** One run of an experiment, as much as the feedback shows of it. */
export interface ExperimentRun {
  readonly history: readonly HistoryEntry[];
  readonly metrics: Readonly<Record<string, number>>;
  readonly dataset?: DatasetSummary;
  readonly elapsedMs: number;
}

/** A field of the learner's spec that the check replaced, as it was graded. */
export interface FixedField {
  readonly field: string;
  /** The value as written in YAML, e.g. `{ set: iris, test: 0.3, seed: 7 }`. */
  readonly value: string;
}

/**
 * Experiment checks: the number that was judged, the goal and how far it was missed, what the
 * check fixed, and the learner's run beside the reference solution's (same fixed fields, same
 * seed), so the curves show where the learner's training fell behind.
 */
export interface ExperimentFeedback {
  readonly metric: "testAccuracy" | "energyError" | "ratio";
  /** What is judged, in words: "test accuracy", "energy error", "approximation ratio". */
  readonly label: string;
  /** The learner's value: a fraction (accuracy, ratio) or an energy error in mHa. */
  readonly value: number;
  /** The goal in the same unit: at least (accuracy, ratio), or at most |error| (energy). */
  readonly goal: number;
  /** How far the value is from the goal; 0 when it passed. Percentage points for accuracy. */
  readonly shortfall: number;
  /** The sentence about the goal, e.g. "the goal is at least 90 % — 3.3 points short". */
  readonly verdict: string;
  /** "Graded on iris ..., seed 11 — your data settings are replaced by these." */
  readonly fixedSummary: string;
  readonly fixed: readonly FixedField[];
  readonly seed: number;
  readonly learner: ExperimentRun;
  readonly reference: ExperimentRun;
}

export interface ExerciseFeedback {
  readonly passed: boolean;
  readonly kind: CheckKind;
  readonly equivalence: Equivalence;
  /**
   * minFidelity (state, unitary), maxDistance (distribution), tolerance (expectation, gradient;
   * energy in hartree), minTestAccuracy (accuracy) or minRatio (ratio).
   */
  readonly threshold: number;
  readonly fidelity?: number;
  readonly distance?: number;
  /** The learner's expectation value (expectation), or derivative (gradient). */
  readonly value?: number;
  /** The expectation check's target value, or the gradient check's expected derivative. */
  readonly target?: number;
  /** Experiment checks (accuracy, energy, ratio). */
  readonly experiment?: ExperimentFeedback;
  readonly comparison?: Comparison;
  /** Unitary checks: the input states the outputs were compared on. */
  readonly inputsTried?: readonly string[];
  readonly counterexample?: Counterexample;
  /** One sentence per broken constraint, naming it. */
  readonly failedConstraints: readonly string[];
  /** One clear sentence: what was compared, the result, and what to look at. */
  readonly message: string;
  readonly compileError?: CompileErrorInfo;
}

export const EQUIVALENCE: Record<CheckKind, Equivalence> = {
  state: "global phase ignored",
  unitary: "process fidelity up to global phase",
  distribution: "total variation distance of exact probabilities",
  expectation: "expectation value within tolerance",
  accuracy: "held-out test accuracy on the check's data",
  energy: "energy error against the exact ground energy",
  ratio: "approximation ratio against the maximum cut",
  gradient: "exact derivative (adjoint differentiation) within tolerance",
};

/**
 * Floating-point slack in every threshold comparison: a value this close to its threshold counts
 * as on it, so edges stay inclusive despite rounding (e.g. 0.1 + 0.2 vs 0.3).
 */
export const COMPARISON_SLACK = 1e-9;

/**
 * A number for a sentence that compares it with a threshold: three decimals, more when three
 * would make a failing 0.98996 read as "0.990 < 0.99".
 */
export function formatAgainst(value: number, threshold: number): string {
  // Within rounding noise of the threshold the checks count it as on the threshold; say so.
  if (Math.abs(value - threshold) <= COMPARISON_SLACK) return String(threshold);
  for (let digits = 3; digits < 10; digits++) {
    const shown = Number(value.toFixed(digits));
    if (shown >= threshold === value >= threshold && shown <= threshold === value <= threshold)
      return value.toFixed(digits);
  }
  return String(value);
}

/** An engine message as the end of a sentence: ends with one full stop unless it has a "?" or "!". */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What one kind of check contributes to the feedback (grade-exercise.ts adds the rest). */
export interface CheckOutcome {
  readonly passed: boolean;
  /** The sentence about the check itself, without constraints. */
  readonly message: string;
  readonly details: Pick<
    ExerciseFeedback,
    | "fidelity"
    | "distance"
    | "value"
    | "target"
    | "comparison"
    | "inputsTried"
    | "counterexample"
    | "experiment"
  >;
  /** A learner's cell that could not be run, located in the cell (experiment checks). */
  readonly compileError?: CompileErrorInfo;
}
