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
  // Matrix entries in locals: `a` and `m` are both Float64Arrays, so the compiler must assume a
  // store to `a` may change `m` and would reload all 32 entries for every group otherwise.
  const m0 = m[0];
  const m1 = m[1];
  const m2 = m[2];
  const m3 = m[3];
  const m4 = m[4];
  const m5 = m[5];
  const m6 = m[6];
  const m7 = m[7];
  const m8 = m[8];
  const m9 = m[9];
  const m10 = m[10];
  const m11 = m[11];
  const m12 = m[12];
  const m13 = m[13];
  const m14 = m[14];
  const m15 = m[15];
  const m16 = m[16];
  const m17 = m[17];
  const m18 = m[18];
  const m19 = m[19];
  const m20 = m[20];
  const m21 = m[21];
  const m22 = m[22];
  const m23 = m[23];
  const m24 = m[24];
  const m25 = m[25];
  const m26 = m[26];
  const m27 = m[27];
  const m28 = m[28];
  const m29 = m[29];
  const m30 = m[30];
  const m31 = m[31];
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
      a[i0] = m0 * ar - m1 * ai + m2 * br - m3 * bi + m4 * cr - m5 * ci + m6 * dr - m7 * di;
      a[i0 + 1] = m0 * ai + m1 * ar + m2 * bi + m3 * br + m4 * ci + m5 * cr + m6 * di + m7 * dr;
      a[i1] = m8 * ar - m9 * ai + m10 * br - m11 * bi + m12 * cr - m13 * ci + m14 * dr - m15 * di;
      a[i1 + 1] =
        m8 * ai + m9 * ar + m10 * bi + m11 * br + m12 * ci + m13 * cr + m14 * di + m15 * dr;
      a[i2] = m16 * ar - m17 * ai + m18 * br - m19 * bi + m20 * cr - m21 * ci + m22 * dr - m23 * di;
      a[i2 + 1] =
        m16 * ai + m17 * ar + m18 * bi + m19 * br + m20 * ci + m21 * cr + m22 * di + m23 * dr;
      a[i3] = m24 * ar - m25 * ai + m26 * br - m27 * bi + m28 * cr - m29 * ci + m30 * dr - m31 * di;
      a[i3 + 1] =
        m24 * ai + m25 * ar + m26 * bi + m27 * br + m28 * ci + m29 * cr + m30 * di + m31 * dr;
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
