/**
 * SPSA (Spall 1992; gain choices from Spall 1998, "Implementation of the simultaneous
 * perturbation algorithm for stochastic optimization"). Two objective values per step whatever
 * the number of parameters, which is why it is the usual choice on shot-noisy hardware:
 *
 *   a_k = a / (k + 1 + A)^α,   c_k = c / (k + 1)^γ,        k = 0, 1, ...
 *   Δ ~ uniform on {−1, +1}^n (Rademacher, from the seeded RNG)
 *   ĝ_i = (f(x + c_k Δ) − f(x − c_k Δ)) / (2 c_k Δ_i)
 *   x ← x − a_k ĝ
 *
 * α = 0.602 and γ = 0.101 are Spall's practical defaults (the asymptotically optimal 1 and 1/6
 * decay too fast for a few hundred steps). A is the stability constant; Spall suggests about 10 %
 * of the planned iterations, but the optimiser does not know that number, so it defaults to 0.
 */
import { createRng } from "@/lib/quantum/sample";
import { evaluateValue, norm, requireInRange, requirePositive } from "./checks";
import type { Batch, Optimizer, Problem, StepResult } from "./types";

export interface SpsaGains {
  readonly a: number;
  readonly c: number;
  readonly alpha?: number;
  readonly gamma?: number;
  readonly A?: number;
}

export function spsa(gains: SpsaGains, seed = 0): Optimizer {
  const a = requirePositive("a", gains.a);
  const c = requirePositive("c", gains.c);
  const alpha = requirePositive("alpha", gains.alpha ?? 0.602);
  const gamma = requirePositive("gamma", gains.gamma ?? 0.101);
  const A = requireInRange("A", gains.A ?? 0, 0, Infinity, { maxOpen: true });
  const rng = createRng(seed);
  let k = 0;
  return {
    kind: "spsa",
    requiresFullBatch: false,
    step(problem: Problem, x: readonly number[], batch?: Batch): StepResult {
      const ak = a / (k + 1 + A) ** alpha;
      const ck = c / (k + 1) ** gamma;
      k += 1;
      const delta = x.map(() => (rng.next() < 0.5 ? -1 : 1));
      // Both evaluations see the same batch so that their difference measures the perturbation,
      // not a change of samples.
      const plus = evaluateValue(
        problem,
        x.map((xi, i) => xi + ck * delta[i]),
        batch,
      );
      const minus = evaluateValue(
        problem,
        x.map((xi, i) => xi - ck * delta[i]),
        batch,
      );
      // 1/Δ_i = Δ_i because Δ_i = ±1.
      const estimate = delta.map((d) => ((plus - minus) / (2 * ck)) * d);
      return {
        x: x.map((xi, i) => xi - ak * estimate[i]),
        value: (plus + minus) / 2,
        valueAt: "estimate",
        gradientNorm: norm(estimate),
        evaluations: { values: 2, gradients: 0 },
      };
    },
  };
}
