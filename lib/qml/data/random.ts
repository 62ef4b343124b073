/**
 * Random draws for the generated data sets, all from the engine's seeded xoshiro128** so a seed
 * gives the same rows on every machine. Gaussians by Box–Muller; shuffles by Fisher–Yates.
 * (The streams differ from NumPy's, so a seed here does not reproduce scikit-learn's rows.)
 */
import { createRng, type Rng } from "@/lib/quantum/sample";

export { createRng, type Rng };

/** A standard normal draw (Box–Muller; 1 − u keeps the logarithm finite). */
export function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

/** A uniformly random permutation of 0 … n − 1 (Fisher–Yates). */
export function permutation(rng: Rng, n: number): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** numpy.linspace(start, stop, count, endpoint). */
export function linspace(start: number, stop: number, count: number, endpoint = true): number[] {
  if (count === 1) return [start];
  const step = (stop - start) / (endpoint ? count - 1 : count);
  return Array.from({ length: count }, (_, i) => start + i * step);
}
