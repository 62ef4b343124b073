/**
 * Portfolio selection as a QUBO and an Ising Hamiltonian (Markowitz mean-variance with binary
 * choices, the form of Qiskit Finance's PortfolioOptimization):
 *
 *   minimise  f(x) = q xᵀΣx − μᵀx + λ (Σ_i x_i − B)²,   x ∈ {0,1}^n  (x_i = 1: hold asset i)
 *
 * with risk factor q, budget B (number of assets held) and a penalty λ large enough that every
 * optimum meets the budget: λ = 1 + Σ|μ_i| + q Σ|Σ_ij| exceeds any difference of the objective,
 * while a broken budget costs at least λ. Then x_i = (1 − Z_i)/2 (bit 1 = held) gives
 * H = offset + Σ h_i Z_i + Σ_{i<j} J_ij Z_i Z_j with ⟨x|H|x⟩ = f(x) for every bit string.
 *
 * The returns are SYNTHETIC, not market data: 252 daily returns from a seeded one-factor model
 * r_ti = α_i + β_i m_t + ε_ti (m_t ~ N(0, 0.01²), ε_ti ~ N(0, s_i²)), reduced to the sample mean μ
 * and the unbiased sample covariance Σ.
 */
import type { PauliSum, PauliTerm } from "@/lib/quantum/observables";
import { pauliSumText } from "./pauli";
import { createRng, gaussian } from "./random";

export interface PortfolioSpec {
  readonly id: string;
  readonly assets: number;
  readonly seed: number;
  readonly budget: number;
}

export const PORTFOLIOS: readonly PortfolioSpec[] = [
  { id: "synthetic-4", assets: 4, seed: 1, budget: 2 },
  { id: "synthetic-6", assets: 6, seed: 2, budget: 3 },
];

export interface Qubo {
  /** Symmetric; f(x) = Σ_ij Q_ij x_i x_j + constant (linear terms on the diagonal). */
  readonly Q: number[][];
  readonly constant: number;
}

export interface Portfolio {
  readonly id: string;
  readonly assetNames: string[];
  readonly mean: number[];
  readonly covariance: number[][];
  readonly risk: number;
  readonly budget: number;
  readonly penalty: number;
  readonly qubo: Qubo;
  readonly hamiltonian: PauliSum;
  readonly licence: string;
  readonly provenance: string;
}

function syntheticReturns(spec: PortfolioSpec): { mean: number[]; covariance: number[][] } {
  const rng = createRng(spec.seed);
  const n = spec.assets;
  const days = 252;
  const alpha = Array.from({ length: n }, () => 0.0002 + 0.0008 * rng.next());
  const beta = Array.from({ length: n }, () => 0.5 + rng.next());
  const idio = Array.from({ length: n }, () => 0.005 + 0.015 * rng.next());
  const returns = Array.from({ length: days }, () => {
    const m = 0.01 * gaussian(rng);
    return alpha.map((a, i) => a + beta[i] * m + idio[i] * gaussian(rng));
  });
  const mean = alpha.map((_, i) => returns.reduce((s, r) => s + r[i], 0) / days);
  const covariance = mean.map((mi, i) =>
    mean.map((mj, j) => returns.reduce((s, r) => s + (r[i] - mi) * (r[j] - mj), 0) / (days - 1)),
  );
  return { mean, covariance };
}

/** f(x) for a bit string (bit i = asset i). */
export function quboValue(qubo: Qubo, bits: number): number {
  let v = qubo.constant;
  const n = qubo.Q.length;
  for (let i = 0; i < n; i++) {
    if (!((bits >> i) & 1)) continue;
    for (let j = 0; j < n; j++) if ((bits >> j) & 1) v += qubo.Q[i][j];
  }
  return v;
}

/** The Ising form of a QUBO through x_i = (1 − Z_i)/2. */
export function quboToIsing(qubo: Qubo): PauliSum {
  const n = qubo.Q.length;
  let offset = qubo.constant;
  const h = new Array<number>(n).fill(0);
  const terms: PauliTerm[] = [];
  for (let i = 0; i < n; i++) {
    // Q_ii x_i = Q_ii (1 − Z_i)/2
    offset += qubo.Q[i][i] / 2;
    h[i] -= qubo.Q[i][i] / 2;
    for (let j = i + 1; j < n; j++) {
      // (Q_ij + Q_ji) x_i x_j = (Q_ij + Q_ji)(1 − Z_i − Z_j + Z_i Z_j)/4
      const c = (qubo.Q[i][j] + qubo.Q[j][i]) / 4;
      offset += c;
      h[i] -= c;
      h[j] -= c;
      if (c !== 0) {
        terms.push({
          coeff: c,
          factors: [
            { pauli: "Z", qubit: i },
            { pauli: "Z", qubit: j },
          ],
        });
      }
    }
  }
  const all: PauliTerm[] = [
    { coeff: offset, factors: [] },
    ...h.flatMap((c, i) =>
      c !== 0 ? [{ coeff: c, factors: [{ pauli: "Z" as const, qubit: i }] }] : [],
    ),
    ...terms,
  ];
  return { text: pauliSumText(all), terms: all };
}

export function loadPortfolio(
  id: string,
  options: { risk?: number; budget?: number } = {},
): Portfolio {
  const spec = PORTFOLIOS.find((p) => p.id === id);
  if (!spec) {
    throw new RangeError(
      `no portfolio "${id}" (available: ${PORTFOLIOS.map((p) => p.id).join(", ")})`,
    );
  }
  const risk = options.risk ?? 0.5;
  const budget = options.budget ?? spec.budget;
  if (!(risk >= 0) || !Number.isFinite(risk)) throw new RangeError(`risk is ≥ 0, got ${risk}`);
  if (!Number.isInteger(budget) || budget < 1 || budget > spec.assets) {
    throw new RangeError(`budget is a whole number from 1 to ${spec.assets}, got ${budget}`);
  }
  const { mean, covariance } = syntheticReturns(spec);
  const n = spec.assets;
  const penalty =
    1 +
    mean.reduce((a, m) => a + Math.abs(m), 0) +
    risk * covariance.flat().reduce((a, c) => a + Math.abs(c), 0);
  // λ(Σx − B)² = λ Σ_ij x_i x_j − 2λB Σ x_i + λB²  (x_i² = x_i puts linear terms on the diagonal)
  const Q = covariance.map((row, i) =>
    row.map((c, j) => risk * c + penalty - (i === j ? mean[i] + 2 * penalty * budget : 0)),
  );
  const qubo = { Q, constant: penalty * budget * budget };
  return {
    id,
    assetNames: Array.from({ length: n }, (_, i) => `asset ${i}`),
    mean,
    covariance,
    risk,
    budget,
    penalty,
    qubo,
    hamiltonian: quboToIsing(qubo),
    licence: "Synthetic data generated here (CC0).",
    provenance:
      `Synthetic daily returns (seed ${spec.seed}, one-factor model, 252 days); formulation of ` +
      "H. Markowitz, J. Finance 7, 77 (1952), as a QUBO as in Qiskit Finance's PortfolioOptimization.",
  };
}

/** The best portfolio by trying all 2^n choices: the QUBO optimum and the budget-constrained one. */
export function bruteForcePortfolio(p: Portfolio): {
  bits: number;
  value: number;
  objective: number;
} {
  const n = p.mean.length;
  let best = { bits: 0, value: Infinity, objective: Infinity };
  for (let bits = 0; bits < 1 << n; bits++) {
    const value = quboValue(p.qubo, bits);
    if (value < best.value) best = { bits, value, objective: portfolioObjective(p, bits) };
  }
  return best;
}

/** q xᵀΣx − μᵀx without the penalty. */
export function portfolioObjective(p: Portfolio, bits: number): number {
  const n = p.mean.length;
  let v = 0;
  for (let i = 0; i < n; i++) {
    if (!((bits >> i) & 1)) continue;
    v -= p.mean[i];
    for (let j = 0; j < n; j++) if ((bits >> j) & 1) v += p.risk * p.covariance[i][j];
  }
  return v;
}
