/**
 * A scan: the expectation value of an observable over a 1-D or 2-D grid of input values (energy
 * curves, QAOA γ-β landscapes, a cost against one angle).
 */
import type { PauliSum } from "@/lib/quantum/observables";

import { evaluateLandscape, gridAxes, gridSize } from "./landscape";
import type { CircuitModel } from "./model";
import type { ExperimentResult, HistoryEntry } from "./result";
import type { ScanSpec } from "./spec";
import type { Tracker } from "./tracker";

export function runScan(
  spec: ScanSpec,
  model: CircuitModel,
  observable: PauliSum,
  tracker: Tracker,
): Omit<ExperimentResult, "seed" | "elapsedMs"> {
  const axes = gridAxes(spec.grid);
  const total = gridSize(axes);
  const history: HistoryEntry[] = [];
  const landscape = evaluateLandscape(model, observable, axes, spec.values, (step, value) =>
    history.push(tracker.step({ step, value }, "scanning", total)),
  );
  const best = landscape.minimum;
  const where = axes.map((axis, i) => `${axis.name} = ${best.at[i].toFixed(4)}`).join(", ");
  return {
    kind: "scan",
    history,
    metrics: { minimum: best.value, points: total },
    landscape,
    trace: [
      `Evaluated <${observable.text}> at ${total} grid points (${model.numQubits} qubits).`,
      `Lowest value ${best.value.toFixed(6)} at ${where}.`,
    ],
  };
}
