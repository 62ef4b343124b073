/**
 * An n-qubit unitary as a product of single-qubit gates controlled by every other qubit (the
 * textbook two-level decomposition, Nielsen & Chuang §4.5.1). Basis states are visited in Gray
 * code order so that each Givens rotation mixes two states that differ in exactly one bit, i.e.
 * it is one fully controlled single-qubit gate; no Gray-code swaps are needed.
 *
 * G_m…G_1·U = D with D diagonal (phases), hence U = G_1†…G_m†·D: the circuit applies D (one fully
 * controlled phase per state that has one), then G_m†, …, G_1†. Exact up to floating-point rounding (≈1e-15 per
 * entry for the sizes a learner writes). Size grows as 4^n; meant for a few qubits.
 */
import type { Matrix } from "../ir";
import type { Complex, Mat2 } from "./su2";

export interface SynthGate {
  /** 2×2 unitary on `target` (row/column 0 = target in |0⟩). */
  readonly matrix: Mat2;
  readonly target: number;
  /** Every other qubit, with the value it must have for the gate to act. */
  readonly controls: readonly { readonly qubit: number; readonly state: 0 | 1 }[];
}

const EPS = 1e-15;

/** Decompose `matrix` (qubit i = bit i of the row/column index) into SynthGates, circuit order. */
export function synthesizeUnitary(matrix: Matrix, numQubits: number): SynthGate[] {
  const d = matrix.dim;
  const re = Float64Array.from(matrix.re);
  const im = Float64Array.from(matrix.im);
  const gray = (k: number) => k ^ (k >> 1);
  const applied: SynthGate[] = [];

  for (let c = 0; c < d - 1; c++) {
    const col = gray(c);
    for (let k = d - 1; k > c; k--) {
      const a = gray(k - 1);
      const b = gray(k);
      const yr = re[b * d + col];
      const yi = im[b * d + col];
      if (Math.hypot(yr, yi) < EPS) continue;
      const xr = re[a * d + col];
      const xi = im[a * d + col];
      const r = Math.hypot(xr, xi, yr, yi);
      // G = [[x*/r, y*/r], [−y/r, x/r]] sends (x, y) to (r, 0).
      const g: Mat2 = [
        [xr / r, -xi / r],
        [yr / r, -yi / r],
        [-yr / r, -yi / r],
        [xr / r, xi / r],
      ];
      rotateRows(re, im, d, a, b, g);
      applied.push(twoLevel(a, b, g, numQubits));
    }
  }

  // What is left is diagonal: a phase on each state (usually only the last in Gray order; any
  // column whose entries below the pivot were already zero keeps its pivot's phase too).
  const gates: SynthGate[] = [];
  for (let s = 0; s < d; s++) {
    const alpha = Math.atan2(im[s * d + s], re[s * d + s]);
    if (Math.abs(alpha) > EPS) gates.push(phaseOnState(s, alpha, numQubits));
  }
  for (let i = applied.length - 1; i >= 0; i--) {
    gates.push({ ...applied[i], matrix: dagger(applied[i].matrix) });
  }
  return gates;
}

function rotateRows(
  re: Float64Array,
  im: Float64Array,
  d: number,
  a: number,
  b: number,
  g: Mat2,
): void {
  for (let j = 0; j < d; j++) {
    const ar = re[a * d + j];
    const ai = im[a * d + j];
    const br = re[b * d + j];
    const bi = im[b * d + j];
    re[a * d + j] = g[0][0] * ar - g[0][1] * ai + g[1][0] * br - g[1][1] * bi;
    im[a * d + j] = g[0][0] * ai + g[0][1] * ar + g[1][0] * bi + g[1][1] * br;
    re[b * d + j] = g[2][0] * ar - g[2][1] * ai + g[3][0] * br - g[3][1] * bi;
    im[b * d + j] = g[2][0] * ai + g[2][1] * ar + g[3][0] * bi + g[3][1] * br;
  }
}

/** The two-level matrix g on basis states a, b (differing in one bit) as a controlled gate. */
function twoLevel(a: number, b: number, g: Mat2, numQubits: number): SynthGate {
  const target = Math.log2(a ^ b);
  // Row 0 of the gate's matrix is the state with the target bit 0.
  const matrix: Mat2 = (a >> target) & 1 ? [g[3], g[2], g[1], g[0]] : g;
  return { matrix, target, controls: controlsExcept(a, target, numQubits) };
}

function phaseOnState(state: number, alpha: number, numQubits: number): SynthGate {
  const phase: Complex = [Math.cos(alpha), Math.sin(alpha)];
  const one: Complex = [1, 0];
  const zero: Complex = [0, 0];
  const matrix: Mat2 = state & 1 ? [one, zero, zero, phase] : [phase, zero, zero, one];
  return { matrix, target: 0, controls: controlsExcept(state, 0, numQubits) };
}

function controlsExcept(state: number, target: number, numQubits: number): SynthGate["controls"] {
  const controls: { qubit: number; state: 0 | 1 }[] = [];
  for (let q = 0; q < numQubits; q++) {
    if (q !== target) controls.push({ qubit: q, state: ((state >> q) & 1) as 0 | 1 });
  }
  return controls;
}

function dagger(m: Mat2): Mat2 {
  return [
    [m[0][0], -m[0][1]],
    [m[2][0], -m[2][1]],
    [m[1][0], -m[1][1]],
    [m[3][0], -m[3][1]],
  ];
}
