/**
 * The landscape a minimisation walks across, with its path: the cost over one or two of the
 * minimised weights (the others held at their start values), and the optimiser's weights at the
 * start and after every step with the cost there. Both are measured after the minimisation has
 * finished, so asking for a landscape never changes the optimiser's run (not even its shot noise).
 *
 * When other weights move during the run, the path's values are the cost at the optimiser's
 * full weights, which the map beneath (drawn with those weights at their start) does not show:
 * the trace says so.
 */
import { evaluateLandscape, gridAxes, gridSize } from "./landscape";
import { ExperimentFieldError } from "./field-error";
import type { CircuitModel, Values } from "./model";
import type { Landscape, PathPoint } from "./result";
import type { MinimiseSpec } from "./spec";
import type { Tracker } from "./tracker";
import type { Target } from "./hamiltonian";

export interface LandscapeRun {
  readonly landscape: Landscape;
  readonly trace: readonly string[];
}

export function landscapeWithPath(
  grid: NonNullable<MinimiseSpec["landscape"]>,
  model: CircuitModel,
  target: Target,
  names: readonly string[],
  iterates: readonly (readonly number[])[],
  tracker: Tracker,
): LandscapeRun {
  const axes = gridAxes(grid);
  for (const axis of axes) {
    if (!names.includes(axis.name)) {
      throw new ExperimentFieldError(
        ["landscape", axis.name],
        `the circuit declares no weight \`${axis.name}\` (its weights: ${names.join(", ")})`,
      );
    }
  }
  const valuesOf = (x: readonly number[]): Values =>
    Object.fromEntries(names.map((name, i) => [name, x[i]]));
  const start = iterates[0];
  const onAxes = new Set(axes.map((axis) => axis.name));
  const held = names
    .map((name, i) => ({ name, value: start[i] }))
    .filter((w) => !onAxes.has(w.name));
  const total = gridSize(axes);
  const landscape = evaluateLandscape(model, target.observable, axes, valuesOf(start), (i) =>
    tracker.phase(`landscape point ${i} of ${total}`),
  );
  const axisIndex = axes.map((axis) => names.indexOf(axis.name));
  const path: PathPoint[] = iterates.map((x, step) => {
    tracker.phase(`path point ${step} of ${iterates.length - 1}`);
    return {
      step,
      at: axisIndex.map((i) => x[i]),
      value: model.expectation(valuesOf(x), target.observable),
    };
  });
  const shape = axes.map((axis) => axis.values.length).join(" × ");
  const heldText = held.length
    ? `the other weights held at their start values (${held.map((w) => `${w.name} = ${w.value.toFixed(4)}`).join(", ")}); the path's values are the cost at the optimiser's full weights, which move off that slice`
    : "covering every weight";
  return {
    landscape: { ...landscape, held, path },
    trace: [
      `Landscape of ⟨H⟩ over ${axes.map((a) => a.name).join(" × ")} (${shape} = ${total} points), ${heldText}.`,
      `Path: the start and the weights after each of ${iterates.length - 1} steps, from ⟨H⟩ = ${path[0].value.toFixed(6)} to ${path.at(-1)!.value.toFixed(6)}; lowest point of the landscape ${landscape.minimum.value.toFixed(6)}.`,
    ],
  };
}
