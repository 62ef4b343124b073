/**
 * What an experiment reports: a history (one entry per optimisation step or grid point), final
 * metrics, and the data behind each output view. Plain JSON, so it travels from the worker to the
 * browser and into storage unchanged.
 */

export type ExperimentKind = "train" | "kernel" | "scan" | "minimise" | "plateau";

export interface HistoryEntry {
  readonly step: number;
  /** Training loss or objective (train, minimise). */
  readonly loss?: number;
  /** The scanned or minimised value (scan: the observable at a grid point). */
  readonly value?: number;
  readonly trainAccuracy?: number;
  readonly testAccuracy?: number;
  readonly gradientNorm?: number;
  /** Plateau: the circuit width of this entry, and the mean of the sampled derivatives. */
  readonly qubits?: number;
  readonly mean?: number;
  /** Circuits evaluated and shots taken so far (0 shots for exact simulation). */
  readonly circuits: number;
  readonly shots: number;
  readonly elapsedMs: number;
}

/** Sent while an experiment runs (at least every 250 ms). */
export interface ExperimentProgress extends HistoryEntry {
  readonly phase: string;
  /** Steps or grid points in all. */
  readonly total: number;
}

export interface DatasetSummary {
  readonly id: string;
  readonly title: string;
  readonly licence: string;
  readonly provenance: string;
  readonly train: number;
  readonly test: number;
  readonly features: readonly string[];
}

export interface LabelledPoint {
  readonly x: readonly number[];
  readonly label: number;
  readonly split: "train" | "test";
}

/** A model's decision function over a 2-D grid of the (scaled) features, with the data on top. */
export interface DecisionMap {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** values[j][i] at (xs[i], ys[j]); the sign is the predicted class. */
  readonly values: readonly (readonly number[])[];
  readonly points: readonly LabelledPoint[];
}

export interface BaselineResult {
  readonly name: string;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
}

export interface KernelView {
  /** Training Gram matrix, rows ordered by label so blocks show. */
  readonly matrix: readonly (readonly number[])[];
  readonly labels: readonly number[];
  /** Eigenvalues, largest first. */
  readonly spectrum: readonly number[];
  readonly offDiagonalMean: number;
  readonly offDiagonalVariance: number;
  readonly supportVectors: number;
}

export interface Landscape {
  readonly axes: readonly { readonly name: string; readonly values: readonly number[] }[];
  /** One axis: values[i]; two axes: values[j][i] at (axes[0][i], axes[1][j]). */
  readonly values: readonly number[] | readonly (readonly number[])[];
  readonly minimum: { readonly at: readonly number[]; readonly value: number };
  /** Inputs the landscape holds fixed (a minimisation's other weights, at their start values). */
  readonly held?: readonly { readonly name: string; readonly value: number }[];
  /** A minimisation's path: its start (step 0) and its weights after every step. */
  readonly path?: readonly PathPoint[];
}

export interface PathPoint {
  readonly step: number;
  /** The weights on the landscape's axes, in the axes' order. */
  readonly at: readonly number[];
  /** The cost at the optimiser's full weights (not only the axes' ones). */
  readonly value: number;
}

/** Barren plateaus: derivative statistics at each circuit width, and their exponential fit. */
export interface PlateauView {
  readonly parameter: string;
  readonly samples: number;
  readonly points: readonly PlateauPoint[];
  /** ln Var ≈ intercept + rate · qubits (least squares over widths with a non-zero variance). */
  readonly fit?: { readonly rate: number; readonly intercept: number };
}

export interface PlateauPoint {
  readonly qubits: number;
  /** The observable measured at this width, e.g. Z0*Z1*Z2. */
  readonly observable: string;
  /** Inputs drawn at random (those the restricted circuit still uses, less fixed ones). */
  readonly randomInputs: number;
  readonly mean: number;
  /** Sample variance (n − 1 in the denominator) of ∂⟨observable⟩/∂parameter. */
  readonly variance: number;
}

export interface CurvePoint {
  readonly bondLength: number;
  readonly energy: number;
  readonly exact: number;
}

export interface ExperimentResult {
  readonly kind: ExperimentKind;
  readonly seed: number;
  readonly history: readonly HistoryEntry[];
  /** Final numbers: trainAccuracy, testAccuracy, energy, exactEnergy, error, ratio... */
  readonly metrics: Readonly<Record<string, number>>;
  readonly parameters?: readonly { readonly name: string; readonly value: number }[];
  readonly dataset?: DatasetSummary;
  readonly decision?: DecisionMap;
  readonly kernel?: KernelView;
  readonly landscape?: Landscape;
  readonly plateau?: PlateauView;
  readonly curve?: readonly CurvePoint[];
  readonly baselines?: readonly BaselineResult[];
  /** "What the hybrid loop did": one line per step (the first few and the last). */
  readonly trace: readonly string[];
  readonly elapsedMs: number;
}
