/**
 * The principal power U^k of a unitary matrix, for `pow(k) @` with a non-integer k on a gate that
 * has no closed form.
 *
 * A unitary is normal, so it is diagonalised by a unitary V: U = V·diag(λ)·V†, and
 * U^k = V·diag(λ^k)·V†, where λ^k takes arg λ in (−π, π] (the principal branch, as OpenQASM 3
 * specifies). V comes from the Hermitian matrix H = (e^{−iα}U + e^{iα}U†)/2, which has the same
 * eigenvectors (its eigenvalues are cos(arg λ − α)), diagonalised by cyclic Jacobi rotations,
 * which are simple and stable at the sizes a gate has (≤ 64×64). Two distinct eigenvalues of U
 * could share an eigenvalue of H for an unlucky α, so the result is checked (V†UV must be
 * diagonal) and another α is tried when it is not.
 */
import { adjoint, multiply, zeros } from "../complex-matrix";
import { QuantumError } from "../errors";
import type { Matrix } from "../ir";

/** Offsets tried in turn; irrational-looking so that gate eigenphases (multiples of π/8) don't collide. */
const ALPHAS = [0.7123456789, 2.2345678901, -1.3579246801];
const TOLERANCE = 1e-9;

export function unitaryPower(u: Matrix, k: number): Matrix {
  for (const alpha of ALPHAS) {
    const v = hermitianEigenvectors(mixedHermitian(u, alpha));
    const d = multiply(adjoint(v), multiply(u, v));
    if (offDiagonal(d) > TOLERANCE) continue;
    const n = u.dim;
    const powered = zeros(n);
    for (let j = 0; j < n; j++) {
      const re = d.re[j * n + j];
      const im = d.im[j * n + j];
      let arg = Math.atan2(im, re);
      // −1 may come out as arg −π + ε; the principal branch takes +π.
      if (arg <= -Math.PI + 1e-12) arg = Math.PI;
      const r = Math.hypot(re, im) ** k;
      powered.re[j * n + j] = r * Math.cos(k * arg);
      powered.im[j * n + j] = r * Math.sin(k * arg);
    }
    return multiply(v, multiply(powered, adjoint(v)));
  }
  throw new QuantumError("unsupported", `could not compute this fractional power of a gate`);
}

/** (e^{−iα}U + e^{iα}U†)/2 */
function mixedHermitian(u: Matrix, alpha: number): Matrix {
  const n = u.dim;
  const c = Math.cos(alpha);
  const s = Math.sin(alpha);
  const h = zeros(n);
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; col++) {
      // e^{−iα}·u[r][c]
      const ar = c * u.re[r * n + col] + s * u.im[r * n + col];
      const ai = c * u.im[r * n + col] - s * u.re[r * n + col];
      // e^{iα}·conj(u[c][r])
      const br = c * u.re[col * n + r] + s * u.im[col * n + r];
      const bi = s * u.re[col * n + r] - c * u.im[col * n + r];
      h.re[r * n + col] = (ar + br) / 2;
      h.im[r * n + col] = (ai + bi) / 2;
    }
  }
  return h;
}

function offDiagonal(m: Matrix): number {
  const n = m.dim;
  let worst = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (r !== c) worst = Math.max(worst, Math.hypot(m.re[r * n + c], m.im[r * n + c]));
    }
  }
  return worst;
}

/**
 * Eigenvectors (as columns of a unitary V) of a Hermitian matrix, by cyclic Jacobi sweeps. Each
 * rotation J acts on rows/columns p, q and zeroes a[p][q]: the entry is first made real by a
 * phase on column q, then a real Jacobi rotation (Numerical Recipes' convention) removes it.
 */
export function hermitianEigenvectors(h: Matrix): Matrix {
  const n = h.dim;
  const a = { dim: n, re: Float64Array.from(h.re), im: Float64Array.from(h.im) };
  const v = zeros(n);
  for (let i = 0; i < n; i++) v.re[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.hypot(a.re[i], a.im[i]));
  const done = 1e-15 * Math.max(scale, 1e-300);
  for (let sweep = 0; sweep < 100; sweep++) {
    if (offDiagonal(a) <= done) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(a, v, p, q);
    }
  }
  return v;
}

function rotate(a: Matrix, v: Matrix, p: number, q: number): void {
  const n = a.dim;
  const apqRe = a.re[p * n + q];
  const apqIm = a.im[p * n + q];
  const r = Math.hypot(apqRe, apqIm);
  if (r < 1e-300) return;
  // J = D·P with D = diag(1 at p, e^{−iφ} at q), φ = arg a[p][q]; P the real rotation.
  const er = apqRe / r;
  const ei = -apqIm / r;
  const theta = (a.re[q * n + q] - a.re[p * n + p]) / (2 * r);
  const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  // Entries of J: Jpp = c, Jpq = s, Jqp = −s·e, Jqq = c·e (e = e^{−iφ}).
  const jqpRe = -s * er;
  const jqpIm = -s * ei;
  const jqqRe = c * er;
  const jqqIm = c * ei;
  // A ← A·J (columns p, q), V ← V·J.
  for (const m of [a, v]) {
    for (let k = 0; k < n; k++) {
      const xr = m.re[k * n + p];
      const xi = m.im[k * n + p];
      const yr = m.re[k * n + q];
      const yi = m.im[k * n + q];
      m.re[k * n + p] = c * xr + (yr * jqpRe - yi * jqpIm);
      m.im[k * n + p] = c * xi + (yr * jqpIm + yi * jqpRe);
      m.re[k * n + q] = s * xr + (yr * jqqRe - yi * jqqIm);
      m.im[k * n + q] = s * xi + (yr * jqqIm + yi * jqqRe);
    }
  }
  // A ← J†·A (rows p, q): row p' = conj(Jpp)·row p + conj(Jqp)·row q, etc.
  for (let k = 0; k < n; k++) {
    const xr = a.re[p * n + k];
    const xi = a.im[p * n + k];
    const yr = a.re[q * n + k];
    const yi = a.im[q * n + k];
    a.re[p * n + k] = c * xr + (jqpRe * yr + jqpIm * yi);
    a.im[p * n + k] = c * xi + (jqpRe * yi - jqpIm * yr);
    a.re[q * n + k] = s * xr + (jqqRe * yr + jqqIm * yi);
    a.im[q * n + k] = s * xi + (jqqRe * yi - jqqIm * yr);
  }
}
