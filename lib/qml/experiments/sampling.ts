/** Shot noise drawn exactly from simulated probabilities, so shots cost no extra simulation. */
import type { Rng } from "@/lib/quantum/sample";

/** The mean of `shots` ±1 outcomes whose exact mean is `value`. */
export function estimateWithShots(value: number, shots: number, rng: Rng): number {
  const p = Math.min(1, Math.max(0, (1 + value) / 2));
  return (2 * binomial(shots, p, rng)) / shots - 1;
}

/** Binomial(n, p): exact inversion for small n, a normal approximation for large n·p·(1-p). */
export function binomial(n: number, p: number, rng: Rng): number {
  if (n * p * (1 - p) > 100) {
    const u1 = Math.max(rng.next(), 1e-300);
    const u2 = rng.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.min(n, Math.max(0, Math.round(n * p + z * Math.sqrt(n * p * (1 - p)))));
  }
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}
