/**
 * Minimising an observable over the circuit's weight inputs (VQE, QAOA): the optimiser proposes
 * weights, the simulator estimates the energy (and its gradient), repeat. With `sweep`, the whole
 * minimisation is repeated over bond lengths, each start warm from the previous optimum, giving a
 * dissociation curve beside the exact energies. With `landscape`, the cost over one or two
 * weights is measured afterwards and the optimiser's path drawn on it (minimise-landscape.ts).
 */
import { createOptimizer } from "../optimizers";
import type { Batch } from "../optimizers/types";
import { resolveTarget, type Target } from "./hamiltonian";
import type { CircuitModel, Values } from "./model";
import type { CurvePoint, ExperimentResult, HistoryEntry } from "./result";
import { gridValues } from "./landscape";
import { landscapeWithPath } from "./minimise-landscape";
import type { MinimiseSpec } from "./spec";
import type { Tracker } from "./tracker";
import { initialWeights, weightInputs } from "./weights";

interface Run {
  readonly weights: number[];
  readonly value: number;
  readonly history: HistoryEntry[];
  readonly trace: string[];
  /** The start, then the weights after every step. */
  readonly iterates: number[][];
}

function minimiseOnce(
  spec: MinimiseSpec,
  model: CircuitModel,
  target: Target,
  start: number[],
  tracker: Tracker,
  firstStep: number,
  total: number,
): Run {
  const names = weightInputs(spec.weights, model.parameters);
  const valuesOf = (x: readonly number[]): Values =>
    Object.fromEntries(names.map((name, i) => [name, x[i]]));
  const problem = {
    value: (x: readonly number[], _batch?: Batch) =>
      model.expectation(valuesOf(x), target.observable),
    valueAndGradient: (x: readonly number[], _batch?: Batch) => {
      const { value, gradient } = model.gradient(
        valuesOf(x),
        target.observable,
        names,
        spec.gradient,
      );
      return { value, gradient };
    },
  };
  const optimizer = createOptimizer(spec.optimizer, { seed: spec.seed });
  let x = start;
  const iterates = [start];
  const history: HistoryEntry[] = [];
  const trace: string[] = [];
  for (let step = 1; step <= spec.steps; step++) {
    const circuitsBefore = tracker.circuits;
    const shotsBefore = tracker.shots;
    const result = optimizer.step(problem, x);
    x = result.x;
    iterates.push(x);
    history.push(
      tracker.step(
        { step: firstStep + step, loss: result.value, gradientNorm: result.gradientNorm },
        target.label,
        total,
      ),
    );
    if (step <= 3 || step === spec.steps) {
      trace.push(
        `Step ${step}: ⟨H⟩ = ${result.value.toFixed(6)} (${tracker.circuits - circuitsBefore} circuits` +
          shotsSpent(tracker.shots - shotsBefore) +
          (result.gradientNorm === undefined ? "" : `, |∇| = ${result.gradientNorm.toFixed(4)}`) +
          `), ${optimizer.kind} update of ${names.length} parameters.`,
      );
    } else if (step === 4) trace.push("…");
    if (result.converged) break;
  }
  return {
    weights: x,
    value: model.expectation(valuesOf(x), target.observable),
    history,
    trace,
    iterates,
  };
}

export function runMinimise(
  spec: MinimiseSpec,
  model: CircuitModel,
  tracker: Tracker,
): Omit<ExperimentResult, "seed" | "elapsedMs"> {
  model.checkGradient(spec.gradient);
  const names = weightInputs(spec.weights, model.parameters);
  const start = initialWeights(spec.init, names.length, spec.seed);

  if (!spec.sweep) {
    const target = resolveTarget(spec, model);
    const run = minimiseOnce(spec, model, target, start, tracker, 0, spec.steps);
    // The hybrid loop's whole bill, before any landscape is measured for the picture.
    const budget = `In all: ${tracker.circuits} circuit executions${shotsSpent(tracker.shots, " and")}.`;
    const map = spec.landscape
      ? landscapeWithPath(spec.landscape, model, target, names, run.iterates, tracker)
      : undefined;
    return {
      kind: "minimise",
      history: run.history,
      metrics: target.metrics(run.value),
      parameters: names.map((name, i) => ({ name, value: run.weights[i] })),
      ...(map ? { landscape: map.landscape } : {}),
      trace: [
        ...target.describe,
        ...run.trace,
        budget,
        target.summary(run.value),
        ...(map?.trace ?? []),
      ],
    };
  }

  const lengths = gridValues(spec.sweep.bondLength);
  const total = lengths.length * spec.steps;
  const curve: CurvePoint[] = [];
  const history: HistoryEntry[] = [];
  const trace: string[] = [];
  let weights = start;
  for (const [k, bondLength] of lengths.entries()) {
    const target = resolveTarget(spec, model, bondLength);
    const run = minimiseOnce(spec, model, target, weights, tracker, k * spec.steps, total);
    weights = run.weights;
    history.push(...run.history);
    curve.push({ bondLength, energy: run.value, exact: target.exact ?? NaN });
    trace.push(`${bondLength.toFixed(3)} Å: ${target.summary(run.value)}`);
  }
  const worst = Math.max(...curve.map((p) => Math.abs(p.energy - p.exact)));
  return {
    kind: "minimise",
    history,
    metrics: { points: curve.length, maxErrorMilliHartree: 1000 * worst },
    curve,
    parameters: names.map((name, i) => ({ name, value: weights[i] })),
    trace: [
      `Minimised the energy at ${curve.length} bond lengths, each starting from the previous optimum.`,
      ...trace,
    ],
  };
}

/** ", 3000 shots" when shots were taken (nothing for exact simulation). */
function shotsSpent(shots: number, joiner = ","): string {
  return shots > 0 ? `${joiner} ${shots} shots` : "";
}
