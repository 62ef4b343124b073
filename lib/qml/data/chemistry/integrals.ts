/**
 * One- and two-electron integrals over STO-3G 1s functions on a diatomic, following Szabo &
 * Ostlund, “Modern Quantum Chemistry” (Dover 1996), §3.5 and Appendix A: every basis function is
 * a contraction of three normalised s Gaussians, and every integral between s Gaussians has a
 * closed form (the nuclear-attraction and repulsion integrals through the Boys function F₀).
 * Atomic units throughout (bohr, hartree); both nuclei on one axis, so positions are numbers.
 */

/** STO-3G fit of a ζ = 1 Slater 1s (Hehre, Stewart & Pople 1969; the values of Szabo & Ostlund, Appendix B). */
const STO3G_EXPONENTS = [0.109818, 0.405771, 2.22766];
const STO3G_COEFFICIENTS = [0.444635, 0.535328, 0.154329];

export interface Contracted {
  /** Centre on the molecular axis (bohr). */
  readonly centre: number;
  readonly exponents: readonly number[];
  /** Contraction coefficients including each primitive's normalisation (2α/π)^{3/4}. */
  readonly weights: readonly number[];
}

/** An STO-3G 1s function with Slater exponent ζ: primitive exponents scale as ζ². */
export function sto3g(zeta: number, centre: number): Contracted {
  const exponents = STO3G_EXPONENTS.map((a) => a * zeta * zeta);
  return {
    centre,
    exponents,
    weights: exponents.map((a, i) => STO3G_COEFFICIENTS[i] * ((2 * a) / Math.PI) ** 0.75),
  };
}

/**
 * F₀(t) = ∫₀¹ e^{−t u²} du = ½ √(π/t) erf(√t). The series e^{−t} Σ_k (2t)^k / (2k+1)!! has only
 * positive terms (no cancellation) and converges for every t; past t = 40, erf(√t) = 1 to double
 * precision.
 */
export function boysF0(t: number): number {
  if (t < 0) throw new RangeError(`the Boys function needs t ≥ 0, got ${t}`);
  if (t > 40) return 0.5 * Math.sqrt(Math.PI / t);
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200; k++) {
    term *= (2 * t) / (2 * k + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return Math.exp(-t) * sum;
}

export type BoysFunction = (t: number) => number;

// Primitive integrals (Szabo & Ostlund, eqs. A.9, A.11, A.33, A.41), unnormalised Gaussians.
function overlapPrim(a: number, A: number, b: number, B: number): number {
  const p = a + b;
  return (Math.PI / p) ** 1.5 * Math.exp((-a * b * (A - B) ** 2) / p);
}

function kineticPrim(a: number, A: number, b: number, B: number): number {
  const p = a + b;
  const r2 = (A - B) ** 2;
  return ((a * b) / p) * (3 - (2 * a * b * r2) / p) * overlapPrim(a, A, b, B);
}

function nuclearPrim(
  a: number,
  A: number,
  b: number,
  B: number,
  C: number,
  Z: number,
  f0: BoysFunction,
): number {
  const p = a + b;
  const P = (a * A + b * B) / p;
  return ((-2 * Math.PI) / p) * Z * Math.exp((-a * b * (A - B) ** 2) / p) * f0(p * (P - C) ** 2);
}

function repulsionPrim(
  a: number,
  A: number,
  b: number,
  B: number,
  c: number,
  C: number,
  d: number,
  D: number,
  f0: BoysFunction,
): number {
  const p = a + b;
  const q = c + d;
  const P = (a * A + b * B) / p;
  const Q = (c * C + d * D) / q;
  return (
    ((2 * Math.PI ** 2.5) / (p * q * Math.sqrt(p + q))) *
    Math.exp((-a * b * (A - B) ** 2) / p - (c * d * (C - D) ** 2) / q) *
    f0(((p * q) / (p + q)) * (P - Q) ** 2)
  );
}

function contract2(
  f: Contracted,
  g: Contracted,
  prim: (a: number, A: number, b: number, B: number) => number,
): number {
  let s = 0;
  f.exponents.forEach((a, i) =>
    g.exponents.forEach((b, j) => {
      s += f.weights[i] * g.weights[j] * prim(a, f.centre, b, g.centre);
    }),
  );
  return s;
}

export interface Nucleus {
  readonly position: number;
  readonly charge: number;
}

export interface AtomicIntegrals {
  /** Overlap S_μν. */
  readonly overlap: number[][];
  /** Core Hamiltonian H_μν = T_μν + Σ_C V^C_μν. */
  readonly core: number[][];
  /** (μν|λσ) in chemists' notation, as eri[μ][ν][λ][σ]. */
  readonly eri: number[][][][];
  /** Σ_{A<B} Z_A Z_B / R_AB. */
  readonly nuclearRepulsion: number;
}

/**
 * S, H_core, (μν|λσ) and the nuclear repulsion. `f0` replaces the Boys function only to reproduce
 * published numbers made with an approximate one (Szabo & Ostlund's program uses a 1.5e-7 erf).
 */
export function atomicIntegrals(
  basis: readonly Contracted[],
  nuclei: readonly Nucleus[],
  f0: BoysFunction = boysF0,
): AtomicIntegrals {
  const n = basis.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const overlap = idx.map((i) => idx.map((j) => contract2(basis[i], basis[j], overlapPrim)));
  const core = idx.map((i) =>
    idx.map(
      (j) =>
        contract2(basis[i], basis[j], kineticPrim) +
        nuclei.reduce(
          (acc, nuc) =>
            acc +
            contract2(basis[i], basis[j], (a, A, b, B) =>
              nuclearPrim(a, A, b, B, nuc.position, nuc.charge, f0),
            ),
          0,
        ),
    ),
  );
  const eri = idx.map((i) =>
    idx.map((j) =>
      idx.map((k) =>
        idx.map((l) => {
          const [f, g, h, m] = [basis[i], basis[j], basis[k], basis[l]];
          let s = 0;
          f.exponents.forEach((a, pa) =>
            g.exponents.forEach((b, pb) =>
              h.exponents.forEach((c, pc) =>
                m.exponents.forEach((d, pd) => {
                  s +=
                    f.weights[pa] *
                    g.weights[pb] *
                    h.weights[pc] *
                    m.weights[pd] *
                    repulsionPrim(a, f.centre, b, g.centre, c, h.centre, d, m.centre, f0);
                }),
              ),
            ),
          );
          return s;
        }),
      ),
    ),
  );
  let nuclearRepulsion = 0;
  for (let a = 0; a < nuclei.length; a++) {
    for (let b = a + 1; b < nuclei.length; b++) {
      nuclearRepulsion +=
        (nuclei[a].charge * nuclei[b].charge) / Math.abs(nuclei[a].position - nuclei[b].position);
    }
  }
  return { overlap, core, eri, nuclearRepulsion };
}
