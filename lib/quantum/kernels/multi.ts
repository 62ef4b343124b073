/**
 * Kernels for two or more target qubits (with any controls): a dense 4×4 kernel for 2-qubit
 * gates and fused blocks, and generic k-qubit kernels (dense, diagonal, permutation) for rccx,
 * cswap, `unitary` operations and larger fused blocks.
 *
 * Arguments as in single.ts; `offsets[j]` is the amplitude offset of target basis state j from
 * the base index (see targetOffsets). Matrices are interleaved: entry (r, c) is at
 * m[2(r·2^k + c)] (re) and m[2(r·2^k + c) + 1] (im).
 */
import { spread } from "./indexing";

/** Dense 4×4 on targets q0 (low bit of the matrix index) and q1. */
export function general2(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  q0: number,
  q1: number,
  m: Float64Array,
): void {
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  const s1 = 2 << q0;
  const s2 = 2 << q1;
  const s3 = s1 + s2;
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let i0 = 2 * base, end = 2 * (base + run); i0 < end; i0 += 2) {
      const i1 = i0 + s1;
      const i2 = i0 + s2;
      const i3 = i0 + s3;
      const ar = a[i0];
      const ai = a[i0 + 1];
      const br = a[i1];
      const bi = a[i1 + 1];
      const cr = a[i2];
      const ci = a[i2 + 1];
      const dr = a[i3];
      const di = a[i3 + 1];
      a[i0] =
        m[0] * ar -
        m[1] * ai +
        m[2] * br -
        m[3] * bi +
        m[4] * cr -
        m[5] * ci +
        m[6] * dr -
        m[7] * di;
      a[i0 + 1] =
        m[0] * ai +
        m[1] * ar +
        m[2] * bi +
        m[3] * br +
        m[4] * ci +
        m[5] * cr +
        m[6] * di +
        m[7] * dr;
      a[i1] =
        m[8] * ar -
        m[9] * ai +
        m[10] * br -
        m[11] * bi +
        m[12] * cr -
        m[13] * ci +
        m[14] * dr -
        m[15] * di;
      a[i1 + 1] =
        m[8] * ai +
        m[9] * ar +
        m[10] * bi +
        m[11] * br +
        m[12] * ci +
        m[13] * cr +
        m[14] * di +
        m[15] * dr;
      a[i2] =
        m[16] * ar -
        m[17] * ai +
        m[18] * br -
        m[19] * bi +
        m[20] * cr -
        m[21] * ci +
        m[22] * dr -
        m[23] * di;
      a[i2 + 1] =
        m[16] * ai +
        m[17] * ar +
        m[18] * bi +
        m[19] * br +
        m[20] * ci +
        m[21] * cr +
        m[22] * di +
        m[23] * dr;
      a[i3] =
        m[24] * ar -
        m[25] * ai +
        m[26] * br -
        m[27] * bi +
        m[28] * cr -
        m[29] * ci +
        m[30] * dr -
        m[31] * di;
      a[i3 + 1] =
        m[24] * ai +
        m[25] * ar +
        m[26] * bi +
        m[27] * br +
        m[28] * ci +
        m[29] * cr +
        m[30] * di +
        m[31] * dr;
    }
  }
}

/**
 * Dense 2^k × 2^k on any number of targets: gather the 2^k amplitudes into `scratch`
 * (length ≥ 2·2^k, reused across calls), multiply, scatter back.
 */
export function generalK(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  offsets: Int32Array,
  m: Float64Array,
  scratch: Float64Array,
): void {
  const size = offsets.length;
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let i = base, end = base + run; i < end; i++) {
      for (let j = 0; j < size; j++) {
        const p = 2 * (i + offsets[j]);
        scratch[2 * j] = a[p];
        scratch[2 * j + 1] = a[p + 1];
      }
      for (let r = 0; r < size; r++) {
        let sr = 0;
        let si = 0;
        const row = 2 * r * size;
        for (let c = 0; c < size; c++) {
          const mr = m[row + 2 * c];
          const mi = m[row + 2 * c + 1];
          const xr = scratch[2 * c];
          const xi = scratch[2 * c + 1];
          sr += mr * xr - mi * xi;
          si += mr * xi + mi * xr;
        }
        const p = 2 * (i + offsets[r]);
        a[p] = sr;
        a[p + 1] = si;
      }
    }
  }
}

/** Diagonal on k targets: amplitude of target state j is multiplied by (d[2j], d[2j+1]). */
export function diagonalK(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  offsets: Int32Array,
  d: Float64Array,
): void {
  const size = offsets.length;
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let i = base, end = base + run; i < end; i++) {
      for (let j = 0; j < size; j++) {
        const p = 2 * (i + offsets[j]);
        const dr = d[2 * j];
        const di = d[2 * j + 1];
        const xr = a[p];
        const xi = a[p + 1];
        a[p] = dr * xr - di * xi;
        a[p + 1] = dr * xi + di * xr;
      }
    }
  }
}

/**
 * Permutation with phases on k targets: target state j moves to `perm[j]`, multiplied by
 * (ph[2j], ph[2j+1]).
 */
export function permutationK(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  offsets: Int32Array,
  perm: Int32Array,
  ph: Float64Array,
  scratch: Float64Array,
): void {
  const size = offsets.length;
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let i = base, end = base + run; i < end; i++) {
      for (let j = 0; j < size; j++) {
        const p = 2 * (i + offsets[j]);
        scratch[2 * j] = a[p];
        scratch[2 * j + 1] = a[p + 1];
      }
      for (let j = 0; j < size; j++) {
        const p = 2 * (i + offsets[perm[j]]);
        const xr = scratch[2 * j];
        const xi = scratch[2 * j + 1];
        const cr = ph[2 * j];
        const ci = ph[2 * j + 1];
        a[p] = cr * xr - ci * xi;
        a[p + 1] = cr * xi + ci * xr;
      }
    }
  }
}
