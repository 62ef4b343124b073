/**
 * A landscape: an expectation value over a 1-D or 2-D grid of input values, the first axis
 * varying fastest. Scans are made of one; a minimisation draws its optimiser's path on one.
 */
import type { PauliSum } from "@/lib/quantum/observables";

import type { CircuitModel, Values } from "./model";
import type { Landscape } from "./result";

export interface Axis {
  readonly name: string;
  readonly values: readonly number[];
}

export function gridValues([from, to, points]: readonly [number, number, number]): number[] {
  if (points === 1) return [from];
  return Array.from({ length: points }, (_, i) => from + ((to - from) * i) / (points - 1));
}

export function gridAxes(
  grid: Readonly<Record<string, readonly [number, number, number]>>,
): Axis[] {
  return Object.entries(grid).map(([name, range]) => ({ name, values: gridValues(range) }));
}

export function gridSize(axes: readonly Axis[]): number {
  return axes.reduce((n, axis) => n * axis.values.length, 1);
}

/**
 * ⟨observable⟩ at every grid point, the other inputs at `fixed`; `onPoint` hears each value as
 * it is measured (1-based index), for progress. The minimum is the first lowest point.
 */
export function evaluateLandscape(
  model: CircuitModel,
  observable: PauliSum,
  axes: readonly Axis[],
  fixed: Values,
  onPoint: (index: number, value: number) => void,
): Landscape {
  const [first, second] = axes;
  const rows = second ? second.values : [undefined];
  const table: number[][] = [];
  let best = { at: [] as number[], value: Infinity };
  let index = 0;
  for (const y of rows) {
    const row: number[] = [];
    for (const x of first.values) {
      const values = { ...fixed, [first.name]: x, ...(second ? { [second.name]: y! } : {}) };
      const value = model.expectation(values, observable);
      row.push(value);
      if (value < best.value) best = { at: second ? [x, y!] : [x], value };
      onPoint(++index, value);
    }
    table.push(row);
  }
  return { axes, values: second ? table : table[0], minimum: best };
}
