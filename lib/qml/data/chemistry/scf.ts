/**
 * Closed-shell restricted Hartree–Fock, the SCF procedure of Szabo & Ostlund §3.4.6: canonical
 * orthogonalisation X = U s^{−1/2}, core-Hamiltonian guess (P = 0), then F = H + G(P),
 * F′ = XᵀFX, F′C′ = C′ε, C = XC′, P_μν = 2 Σ_a^{occ} C_μa C_νa until P stops changing.
 * For H₂ symmetry fixes the orbitals, (φ₁ ± φ₂)/√(2(1 ± S₁₂)); the iteration finds them anyway,
 * and HeH⁺ needs it.
 */
import { symmetricEigen } from "../../linalg";
import type { AtomicIntegrals } from "./integrals";

export interface ScfResult {
  /** Molecular orbital coefficients: column a of C is orbital a (orbitals by ascending energy). */
  readonly coefficients: number[][];
  readonly orbitalEnergies: number[];
  /** Electronic energy E₀ = ½ Σ P_νμ (H_μν + F_μν). */
  readonly electronicEnergy: number;
  /** E₀ + nuclear repulsion. */
  readonly totalEnergy: number;
  readonly iterations: number;
}

const MAX_ITERATIONS = 200;

/** F_μν = H_μν + Σ_λσ P_λσ [(μν|σλ) − ½ (μλ|σν)] (Szabo & Ostlund §3.4). */
function fock(ints: AtomicIntegrals, P: number[][]): number[][] {
  const n = P.length;
  return ints.core.map((row, mu) =>
    row.map((h, nu) => {
      let g = 0;
      for (let la = 0; la < n; la++) {
        for (let si = 0; si < n; si++) {
          g += P[la][si] * (ints.eri[mu][nu][si][la] - 0.5 * ints.eri[mu][la][si][nu]);
        }
      }
      return h + g;
    }),
  );
}

export function restrictedHartreeFock(ints: AtomicIntegrals, electrons: number): ScfResult {
  const n = ints.overlap.length;
  if (electrons % 2 !== 0 || electrons / 2 > n) {
    throw new RangeError(`closed-shell SCF needs an even number of electrons ≤ ${2 * n}`);
  }
  const occupied = electrons / 2;
  const s = symmetricEigen(ints.overlap);
  // X_μi = U_μi / √s_i (canonical orthogonalisation).
  const X = Array.from({ length: n }, (_, mu) =>
    s.values.map((value, i) => s.vectors[i][mu] / Math.sqrt(value)),
  );
  let P = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let C: number[][] = [];
  let eps: number[] = [];
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const F = fock(ints, P);
    const Fp = X.map((_, i) =>
      X.map((_, j) => {
        let v = 0;
        for (let mu = 0; mu < n; mu++)
          for (let nu = 0; nu < n; nu++) v += X[mu][i] * F[mu][nu] * X[nu][j];
        return v;
      }),
    );
    const e = symmetricEigen(Fp);
    eps = e.values;
    C = Array.from({ length: n }, (_, mu) =>
      e.vectors.map((v) => X[mu].reduce((acc, x, i) => acc + x * v[i], 0)),
    );
    const next = Array.from({ length: n }, (_, mu) =>
      Array.from({ length: n }, (_, nu) => {
        let v = 0;
        for (let a = 0; a < occupied; a++) v += 2 * C[mu][a] * C[nu][a];
        return v;
      }),
    );
    let change = 0;
    for (let mu = 0; mu < n; mu++)
      for (let nu = 0; nu < n; nu++) change += (next[mu][nu] - P[mu][nu]) ** 2;
    P = next;
    if (Math.sqrt(change / (n * n)) < 1e-12) {
      // Energy from the converged P with the F built from it.
      const Fc = fock(ints, P);
      let e0 = 0;
      for (let mu = 0; mu < n; mu++) {
        for (let nu = 0; nu < n; nu++) e0 += 0.5 * P[nu][mu] * (ints.core[mu][nu] + Fc[mu][nu]);
      }
      // Fix each orbital's sign (largest coefficient positive) so tables are reproducible.
      for (let a = 0; a < n; a++) {
        let top = 0;
        for (let mu = 1; mu < n; mu++)
          if (Math.abs(C[mu][a]) > Math.abs(C[top][a]) + 1e-12) top = mu;
        if (C[top][a] < 0) for (let mu = 0; mu < n; mu++) C[mu][a] = -C[mu][a];
      }
      return {
        coefficients: C,
        orbitalEnergies: eps,
        electronicEnergy: e0,
        totalEnergy: e0 + ints.nuclearRepulsion,
        iterations: iteration,
      };
    }
  }
  throw new RangeError(`SCF did not converge in ${MAX_ITERATIONS} iterations`);
}
