/**
 * Trainable weights are the circuit's inputs named by one prefix: `weights: w` trains w0, w1, …
 * (in numeric order), so a learner adds a weight by declaring `input float w24;`.
 */
import { createRng } from "@/lib/quantum/sample";

import { ExperimentFieldError } from "./field-error";

export function weightInputs(prefix: string, inputs: readonly string[]): string[] {
  // `w0, w1, …` or the elements of `input array[float, n] w;`: `w[0], w[1], …`.
  const pattern = new RegExp(`^${prefix}(?:(\\d+)|\\[(\\d+)\\])$`);
  const names = inputs
    .map((name) => {
      const match = pattern.exec(name);
      return { name, index: match?.[1] ?? match?.[2] };
    })
    .filter((entry): entry is { name: string; index: string } => entry.index !== undefined)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((entry) => entry.name);
  if (names.length === 0) {
    throw new ExperimentFieldError(
      ["weights"],
      `the circuit declares no weights named ${prefix}0, ${prefix}1, … (declare them as \`input float ${prefix}0;\`)`,
    );
  }
  return names;
}

/** Seeded initial weights: all `value`, or uniform in [-scale, scale]. */
export function initialWeights(
  init: { seed: number; scale: number; value?: number },
  count: number,
  experimentSeed: number,
): number[] {
  if (init.value !== undefined) return new Array<number>(count).fill(init.value);
  const rng = createRng((init.seed * 2654435761 + experimentSeed) >>> 0);
  return Array.from({ length: count }, () => (2 * rng.next() - 1) * init.scale);
}
