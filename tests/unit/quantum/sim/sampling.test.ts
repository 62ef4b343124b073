import { describe, expect, it } from "vitest";

import { createRng, searchCumulative, walkSorted } from "@/lib/quantum/sample";
import { StateVector } from "@/lib/quantum/statevector";

/** A normalised random state of n qubits in which about a third of the amplitudes are zero. */
function randomState(n: number, seed: number): StateVector {
  const rng = createRng(seed);
  const state = new StateVector(n);
  let norm = 0;
  for (let k = 0; k < state.dim; k++) {
    const zero = rng.next() < 0.33;
    state.amps[2 * k] = zero ? 0 : rng.next() - 0.5;
    state.amps[2 * k + 1] = zero ? 0 : rng.next() - 0.5;
    norm += state.amps[2 * k] ** 2 + state.amps[2 * k + 1] ** 2;
  }
  if (norm === 0) state.amps[0] = norm = 1;
  for (let i = 0; i < state.amps.length; i++) state.amps[i] /= Math.sqrt(norm);
  return state;
}

describe("the two ways of sampling shots give the same counts from the same draws", () => {
  it("on random states with zero amplitudes, draws near 1 included", () => {
    for (let n = 1; n <= 7; n++) {
      for (const shots of [1, 3, 64, 1000]) {
        const state = randomState(n, 31 * n + shots);
        const rng = createRng(shots + n);
        const u = Float64Array.from({ length: shots }, () => rng.next());
        // A draw past the rounded total goes to the last state with probability.
        u[0] = 1 - 2 ** -53;
        const sorted = walkSorted(state, u.slice());
        const searched = searchCumulative(state, u.slice());
        expect([...searched]).toEqual([...sorted]);
        expect([...sorted.values()].reduce((a, b) => a + b, 0)).toBe(shots);
        for (const index of sorted.keys()) {
          const p = state.amps[2 * index] ** 2 + state.amps[2 * index + 1] ** 2;
          expect(p).toBeGreaterThan(0);
        }
      }
    }
  });
});
