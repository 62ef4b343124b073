/**
 * Everything an exported script must reproduce, worked out once for both libraries by the
 * runner's own code: the data after its loader, split and scaling (prepareData), the initial
 * weights (initialWeights), the bundled Hamiltonians and their exact answers (resolveTarget),
 * and the checks the runner makes (inputs, gradient method against shots). Two things the runner
 * draws from its seeded generator inside loops are replayed here draw for draw, because no other
 * library's generator gives the same numbers: the minibatch order (train.ts) and SPSA's
 * perturbation signs (optimizers/spsa.ts). Tests hold both to the runner's results.
 */
import { compileParametric } from "@/lib/quantum/diff";
import type { PauliSum } from "@/lib/quantum/observables";
import { createRng } from "@/lib/quantum/sample";
import { QuantumError } from "@/lib/quantum/errors";
import type { Circuit } from "@/lib/quantum/ir";
import { restrictToQubits } from "@/lib/quantum/restrict";

import type { LabelledTerm } from "../data/pauli";
import { prepareData, type PreparedData } from "../experiments/data";
import { ExperimentFieldError } from "../experiments/field-error";
import { resolveTarget } from "../experiments/hamiltonian";
import { CircuitModel } from "../experiments/model";
import { checkPlateau, plateauObservable } from "../experiments/plateau";
import { gridValues } from "../experiments/landscape";
import type {
  ExperimentSpec,
  KernelSpec,
  MeasuredSpec,
  MinimiseSpec,
  OptimizerSpec,
  PlateauSpec,
  ScanSpec,
  TrainSpec,
} from "../experiments/spec";
import { Tracker } from "../experiments/tracker";
import { buildClassifier } from "../experiments/train";
import { initialWeights, weightInputs } from "../experiments/weights";
import { expectationCircuit } from "./circuit-body";
import { labelledTerms } from "./pauli";

/** The circuit as the script runs it, and its inputs in declaration order. */
export interface CircuitPlan {
  readonly circuit: Circuit;
  readonly inputs: readonly string[];
  readonly numQubits: number;
}

export type TargetKind = "observable" | "molecule" | "maxcut" | "portfolio" | "ising";

/** What is measured (and minimised): its terms, its exact minimum and where it comes from. */
export interface TargetPlan {
  readonly kind: TargetKind;
  readonly terms: readonly LabelledTerm[];
  readonly exact?: number;
  readonly bondLength?: number;
  /** The runner's description: the Hamiltonian, its provenance and exact value. */
  readonly describe: readonly string[];
}

export interface TrainPlan {
  readonly kind: "train";
  readonly spec: TrainSpec;
  readonly circuit: CircuitPlan;
  readonly data: PreparedData;
  readonly weights: readonly string[];
  readonly observable: readonly LabelledTerm[];
  /** The runner's θ₀: weights, then 0 for the bias when there is one. */
  readonly initial: readonly number[];
  /** Training-row indices of each step's minibatch; undefined = every step sees all rows. */
  readonly batches?: readonly (readonly number[])[];
  readonly perturbations?: readonly (readonly number[])[];
}

export interface KernelPlan {
  readonly kind: "kernel";
  readonly spec: KernelSpec;
  readonly circuit: CircuitPlan;
  readonly data: PreparedData;
}

export interface ScanPlan {
  readonly kind: "scan";
  readonly spec: ScanSpec;
  readonly circuit: CircuitPlan;
  readonly target: TargetPlan;
  readonly axes: readonly { readonly name: string; readonly range: readonly number[] }[];
}

export interface MinimisePlan {
  readonly kind: "minimise";
  readonly spec: MinimiseSpec;
  readonly circuit: CircuitPlan;
  readonly weights: readonly string[];
  readonly initial: readonly number[];
  /** One target, or one per bond length of a sweep (each started from the previous optimum). */
  readonly targets: readonly TargetPlan[];
  readonly sweep: boolean;
  readonly perturbations?: readonly (readonly number[])[];
  /** The landscape's axes: each a minimised weight (its index in `weights`) and its grid. */
  readonly landscape?: readonly {
    readonly name: string;
    readonly index: number;
    readonly range: readonly [number, number, number];
  }[];
}

/** One width of a plateau study: the circuit cut to its first `qubits` qubits. */
export interface PlateauWidth {
  readonly qubits: number;
  readonly circuit: Circuit;
  /** The inputs the cut circuit uses, in declaration order (the script's `theta`). */
  readonly inputs: readonly string[];
  readonly observable: readonly LabelledTerm[];
}

export interface PlateauPlan {
  readonly kind: "plateau";
  readonly spec: PlateauSpec;
  readonly widths: readonly PlateauWidth[];
}

export type ExportPlan = TrainPlan | KernelPlan | ScanPlan | MinimisePlan | PlateauPlan;

export function planExport(spec: ExperimentSpec, source: string): ExportPlan {
  return spec.experiment === "plateau" ? planPlateau(spec, source) : planMeasured(spec, source);
}

function planMeasured(spec: MeasuredSpec, source: string): ExportPlan {
  refuseNoise(spec);
  // Exactly the model the runner builds: its checks (inputs, observables, gradient methods)
  // are the export's checks. Building it compiles the circuit; nothing is simulated.
  const model = new CircuitModel(
    source,
    { shots: spec.shots, noise: spec.noise, seed: spec.seed },
    new Tracker({ maxEvaluations: Infinity }),
  );
  const circuit: CircuitPlan = {
    // The model compiled the same source; its template is private, and compiling is cheap.
    circuit: expectationCircuit(compileParametric(source).template),
    inputs: model.parameters,
    numQubits: model.numQubits,
  };
  switch (spec.experiment) {
    case "train":
      return planTrain(spec, model, circuit);
    case "kernel":
      return planKernel(spec, model, circuit);
    case "scan":
      return planScan(spec, model, circuit);
    case "minimise":
      return planMinimise(spec, model, circuit);
  }
}

/**
 * Noise runs on Ketbook as quantum trajectories after every gate; neither script reproduces
 * that model, and a noiseless script under a noisy spec would be a wrong script.
 */
function refuseNoise(spec: MeasuredSpec): void {
  const noise = spec.noise;
  if (!noise) return;
  const active = Object.entries(noise).filter(([, p]) => p !== undefined && p !== 0);
  if (active.length > 0) {
    throw new ExperimentFieldError(
      ["noise"],
      `exported scripts simulate without noise, and Ketbook's noise model (${active.map(([k]) => k).join(", ")} after every gate, by trajectories) is not exported; remove \`noise\` to export this experiment`,
    );
  }
}

/** Inputs the experiment gives no value: the runner fails on them at the first evaluation. */
function requireBound(inputs: readonly string[], bound: ReadonlySet<string>, role: string): void {
  const unbound = inputs.find((name) => !bound.has(name));
  if (unbound !== undefined) {
    throw new QuantumError(
      "unbound-input",
      `input \`${unbound}\` has no value: in a ${role} every input is ${describeRoles(role)}`,
    );
  }
}

function describeRoles(role: string): string {
  switch (role) {
    case "train experiment":
      return "a feature or a weight";
    case "kernel experiment":
      return "a feature";
    case "minimise experiment":
      return "a weight";
    default:
      return "on the grid or in `values`";
  }
}

function planTrain(spec: TrainSpec, model: CircuitModel, circuit: CircuitPlan): TrainPlan {
  model.checkGradient(spec.gradient);
  const data = prepareData(spec.data, spec.features.length);
  const observable = model.observable(spec.observable);
  const classifier = buildClassifier(spec, model, observable);
  requireBound(
    model.parameters,
    new Set([...spec.features, ...classifier.weightNames]),
    "train experiment",
  );
  let initial = initialWeights(spec.init, classifier.weightNames.length, spec.seed);
  if (spec.bias) initial = [...initial, 0];
  const rows = data.train.features.length;
  const fullBatch = spec.optimizer.kind === "nelder-mead";
  const batchSize = fullBatch ? rows : (spec.batch ?? rows);
  return {
    kind: "train",
    spec,
    circuit,
    data,
    weights: classifier.weightNames,
    observable: terms(observable, model.numQubits),
    initial,
    batches: batchSize < rows ? batchSchedule(rows, batchSize, spec.steps, spec.seed) : undefined,
    perturbations: perturbationsOf(spec.optimizer, spec.steps, initial.length, spec.seed),
  };
}

function planKernel(spec: KernelSpec, model: CircuitModel, circuit: CircuitPlan): KernelPlan {
  for (const [i, name] of spec.features.entries()) {
    if (!model.parameters.includes(name)) {
      throw new ExperimentFieldError(
        ["features", i],
        `the circuit declares no \`input float ${name};\``,
      );
    }
  }
  const data = prepareData(spec.data, spec.features.length);
  requireBound(model.parameters, new Set(spec.features), "kernel experiment");
  return { kind: "kernel", spec, circuit, data };
}

function planScan(spec: ScanSpec, model: CircuitModel, circuit: CircuitPlan): ScanPlan {
  const target = targetPlan(spec, model);
  requireBound(
    model.parameters,
    new Set([...Object.keys(spec.values), ...Object.keys(spec.grid)]),
    "scan",
  );
  return {
    kind: "scan",
    spec,
    circuit,
    target,
    axes: Object.entries(spec.grid).map(([name, range]) => ({ name, range: gridValues(range) })),
  };
}

function planMinimise(spec: MinimiseSpec, model: CircuitModel, circuit: CircuitPlan): MinimisePlan {
  model.checkGradient(spec.gradient);
  const weights = weightInputs(spec.weights, model.parameters);
  requireBound(model.parameters, new Set(weights), "minimise experiment");
  const initial = initialWeights(spec.init, weights.length, spec.seed);
  const landscape = spec.landscape
    ? Object.entries(spec.landscape).map(([name, range]) => {
        if (!weights.includes(name)) {
          throw new ExperimentFieldError(
            ["landscape", name],
            `the circuit declares no weight \`${name}\` (its weights: ${weights.join(", ")})`,
          );
        }
        return { name, index: weights.indexOf(name), range };
      })
    : undefined;
  const targets = spec.sweep
    ? gridValues(spec.sweep.bondLength).map((length) => targetPlan(spec, model, length))
    : [targetPlan(spec, model)];
  return {
    kind: "minimise",
    spec,
    circuit,
    weights,
    initial,
    targets,
    sweep: spec.sweep !== undefined,
    perturbations: perturbationsOf(spec.optimizer, spec.steps, weights.length, spec.seed),
    ...(landscape ? { landscape } : {}),
  };
}

/**
 * A plateau study's widths, each cut as the runner cuts it and checked by running the runner's
 * own checks on a model that is built but never simulated.
 */
function planPlateau(spec: PlateauSpec, source: string): PlateauPlan {
  const model = new CircuitModel(
    source,
    { shots: "exact", seed: spec.seed },
    new Tracker({ maxEvaluations: Infinity }),
  );
  const full = expectationCircuit(compileParametric(source).template);
  checkPlateau(spec, model);
  const widths = spec.qubits.map((k) => {
    const sub = model.restrictedTo(k);
    const inputs = sub.inputsUsed();
    if (!inputs.includes(spec.parameter)) {
      throw new ExperimentFieldError(
        ["parameter"],
        `on the first ${k} qubits no gate uses \`${spec.parameter}\``,
      );
    }
    const observable = plateauObservable(spec.observable, k, spec.qubits[0]);
    return {
      qubits: k,
      circuit: restrictToQubits(full, k),
      inputs,
      observable: terms(observable, k),
    };
  });
  return { kind: "plateau", spec, widths };
}

function targetPlan(
  spec: ScanSpec | MinimiseSpec,
  model: CircuitModel,
  bondLength?: number,
): TargetPlan {
  const target = resolveTarget(spec, model, bondLength);
  const h = spec.hamiltonian;
  const kind: TargetKind =
    spec.observable !== undefined || h === undefined || typeof h === "string"
      ? "observable"
      : "molecule" in h
        ? "molecule"
        : "maxcut" in h
          ? "maxcut"
          : "portfolio" in h
            ? "portfolio"
            : "ising";
  const length = kind === "molecule" && h && typeof h !== "string" && "molecule" in h;
  return {
    kind,
    terms: terms(target.observable, model.numQubits),
    exact: target.exact,
    bondLength: length ? (bondLength ?? h.bondLength) : undefined,
    describe: target.describe,
  };
}

function terms(sum: PauliSum, numQubits: number): LabelledTerm[] {
  return labelledTerms(sum, numQubits);
}

/**
 * The minibatches of train.ts: a seeded shuffle of all rows, consumed `size` at a time, with a
 * fresh shuffle appended whenever fewer than `size` remain.
 */
export function batchSchedule(rows: number, size: number, steps: number, seed: number): number[][] {
  const rng = createRng(seed ^ 0x5bd1e995);
  const all = Array.from({ length: rows }, (_, i) => i);
  let order: number[] = [];
  const out: number[][] = [];
  for (let step = 0; step < steps; step++) {
    if (order.length < size) order = [...order, ...shuffle(all, rng)];
    out.push(order.splice(0, size));
  }
  return out;
}

function shuffle<T>(items: readonly T[], rng: { next(): number }): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** SPSA's Rademacher directions, step by step, from its generator seeded as the runner seeds it. */
export function spsaPerturbations(steps: number, size: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: steps }, () =>
    Array.from({ length: size }, () => (rng.next() < 0.5 ? -1 : 1)),
  );
}

function perturbationsOf(
  optimizer: OptimizerSpec,
  steps: number,
  size: number,
  seed: number,
): number[][] | undefined {
  return optimizer.kind === "spsa" ? spsaPerturbations(steps, size, seed) : undefined;
}
