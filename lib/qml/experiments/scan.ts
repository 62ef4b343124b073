/**
 * A scan: the expectation value of an observable over a 1-D or 2-D grid of input values (energy
 * curves, QAOA γ-β landscapes, a cost against one angle).
 */
import type { PauliSum } from "@/lib/quantum/observables";

import type { CircuitModel } from "./model";
import type { ExperimentResult, HistoryEntry, Landscape } from "./result";
import type { ScanSpec } from "./spec";
import type { Tracker } from "./tracker";

export function gridValues([from, to, points]: readonly [number, number, number]): number[] {
  if (points === 1) return [from];
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}

export function runScan(
  spec: ScanSpec,
  model: CircuitModel,
  observable: PauliSum,
  tracker: Tracker,
): Omit<ExperimentResult, "seed" | "elapsedMs"> {
  const axes = Object.entries(spec.grid).map(([name, range]) => ({
    name,
    values: gridValues(range),
  }));
  const [first, second] = axes;
  const rows = second ? second.values : [undefined];
  const total = first.values.length * rows.length;
  const history: HistoryEntry[] = [];
  const table: number[][] = [];
  let best = { at: [] as number[], value: Infinity };
  let step = 0;
  for (const y of rows) {
    const row: number[] = [];
    for (const x of first.values) {
      const values = { ...spec.values, [first.name]: x, ...(second ? { [second.name]: y! } : {}) };
      const value = model.expectation(values, observable);
      row.push(value);
      if (value < best.value) best = { at: second ? [x, y!] : [x], value };
      history.push(tracker.step({ step: ++step, value }, "scanning", total));
    }
    table.push(row);
  }
  const landscape: Landscape = {
    axes,
    values: second ? table : table[0],
    minimum: best,
  };
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
