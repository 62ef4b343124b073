/**
 * Kernels for one target qubit, with any number of controls (including negated ones).
 *
 * Shared arguments: `a` is the interleaved state (see statevector.ts), `dim` = 2^n, `pos` the
 * ascending positions of every fixed bit (controls and the target), `value` the bits the
 * controls must read (target bit clear), `t` the target. Loops visit only the controlled half
 * (quarter, …) of the state: runs of 2^pos[0] consecutive amplitudes between fixed bits.
 *
 * Each kernel is a separate monomorphic function so the JIT keeps every matrix entry in a
 * register; there are no complex-number objects and no allocation.
 */
import { spread } from "./indexing";

/** |0⟩ ↦ d0|0⟩, |1⟩ ↦ d1|1⟩ (rz, or any diagonal whose |0⟩ entry is not 1). */
export function diag1(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  t: number,
  d0r: number,
  d0i: number,
  d1r: number,
  d1i: number,
): void {
  if (t === 0 && pos.length === 1) {
    for (let p = 0, end = 2 * dim; p < end; p += 4) {
      const xr = a[p];
      const xi = a[p + 1];
      const yr = a[p + 2];
      const yi = a[p + 3];
      a[p] = d0r * xr - d0i * xi;
      a[p + 1] = d0r * xi + d0i * xr;
      a[p + 2] = d1r * yr - d1i * yi;
      a[p + 3] = d1r * yi + d1i * yr;
    }
    return;
  }
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  const s = 2 << t;
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let p = 2 * base, end = 2 * (base + run); p < end; p += 2) {
      const q = p + s;
      const xr = a[p];
      const xi = a[p + 1];
      const yr = a[q];
      const yi = a[q + 1];
      a[p] = d0r * xr - d0i * xi;
      a[p + 1] = d0r * xi + d0i * xr;
      a[q] = d1r * yr - d1i * yi;
      a[q + 1] = d1r * yi + d1i * yr;
    }
  }
}

/**
 * Multiplies every amplitude whose fixed bits read `value` by c (phase gates p/z/s/t/cp/cz with
 * the target folded into the fixed bits as a "must be 1" bit, and controlled global phases).
 */
export function phaseSubspace(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  cr: number,
  ci: number,
): void {
  if (pos.length === 0) {
    for (let p = 0, end = 2 * dim; p < end; p += 2) {
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = cr * xr - ci * xi;
      a[p + 1] = cr * xi + ci * xr;
    }
    return;
  }
  if (pos.length === 1 && pos[0] === 0) {
    // Only odd (value 1) or even (value 0) amplitudes: a stride-2 walk, no index arithmetic.
    for (let p = 2 * (value & 1), end = 2 * dim; p < end; p += 4) {
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = cr * xr - ci * xi;
      a[p + 1] = cr * xi + ci * xr;
    }
    return;
  }
  if (pos.length <= 2) {
    // One or two fixed bits (p, cp, cz, cs …): nested block loops instead of a `spread` call
    // per run, which dominated when the low fixed bit is 0 or 1 (runs of one or two amplitudes).
    const lo = pos[0];
    const hi = pos.length === 2 ? pos[1] : lo;
    const run = 2 << lo;
    const midEnd = pos.length === 2 ? 2 << hi : run;
    for (let top = 0, end = 2 * dim; top < end; top += 2 * midEnd) {
      for (let mid = top; mid < top + midEnd; mid += 2 * run) {
        for (let p = mid + 2 * value, stop = p + run; p < stop; p += 2) {
          const xr = a[p];
          const xi = a[p + 1];
          a[p] = cr * xr - ci * xi;
          a[p + 1] = cr * xi + ci * xr;
        }
      }
    }
    return;
  }
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let p = 2 * base, end = 2 * (base + run); p < end; p += 2) {
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = cr * xr - ci * xi;
      a[p + 1] = cr * xi + ci * xr;
    }
  }
}

/** Anti-diagonal [[0, m01], [m10, 0]]: X is a plain swap, Y a swap with phases. */
export function anti1(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  t: number,
  m01r: number,
  m01i: number,
  m10r: number,
  m10i: number,
): void {
  if (t === 0 && pos.length === 1) {
    for (let p = 0, end = 2 * dim; p < end; p += 4) {
      const xr = a[p];
      const xi = a[p + 1];
      const yr = a[p + 2];
      const yi = a[p + 3];
      a[p] = m01r * yr - m01i * yi;
      a[p + 1] = m01r * yi + m01i * yr;
      a[p + 2] = m10r * xr - m10i * xi;
      a[p + 3] = m10r * xi + m10i * xr;
    }
    return;
  }
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  const s = 2 << t;
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let p = 2 * base, end = 2 * (base + run); p < end; p += 2) {
      const q = p + s;
      const xr = a[p];
      const xi = a[p + 1];
      const yr = a[q];
      const yi = a[q + 1];
      a[p] = m01r * yr - m01i * yi;
      a[p + 1] = m01r * yi + m01i * yr;
      a[q] = m10r * xr - m10i * xi;
      a[q + 1] = m10r * xi + m10i * xr;
    }
  }
}

/** Plain X (cx, ccx, c4x …): swaps the pair, no arithmetic at all. */
export function swapPairs(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  t: number,
): void {
  if (t === 0 && pos.length === 1) {
    for (let p = 0, end = 2 * dim; p < end; p += 4) {
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = a[p + 2];
      a[p + 1] = a[p + 3];
      a[p + 2] = xr;
      a[p + 3] = xi;
    }
    return;
  }
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  const s = 2 << t;
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let p = 2 * base, end = 2 * (base + run); p < end; p += 2) {
      const q = p + s;
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = a[q];
      a[p + 1] = a[q + 1];
      a[q] = xr;
      a[q + 1] = xi;
    }
  }
}

/** General 2×2 matrix on the target. */
export function general1(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  t: number,
  m00r: number,
  m00i: number,
  m01r: number,
  m01i: number,
  m10r: number,
  m10i: number,
  m11r: number,
  m11i: number,
): void {
  if (t === 0 && pos.length === 1) {
    // Target 0 without controls: pairs are adjacent, so skip the run bookkeeping entirely.
    for (let p = 0, end = 2 * dim; p < end; p += 4) {
      const xr = a[p];
      const xi = a[p + 1];
      const yr = a[p + 2];
      const yi = a[p + 3];
      a[p] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
      a[p + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
      a[p + 2] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
      a[p + 3] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
    }
    return;
  }
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  const s = 2 << t;
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let p = 2 * base, end = 2 * (base + run); p < end; p += 2) {
      const q = p + s;
      const xr = a[p];
      const xi = a[p + 1];
      const yr = a[q];
      const yi = a[q + 1];
      a[p] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
      a[p + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
      a[q] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
      a[q + 1] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
    }
  }
}

/**
 * A 2×2 matrix on a target whose |1⟩ half is known to be zero (a qubit the lazy layout has just
 * activated): new|0⟩ = m00·x, new|1⟩ = m10·x, reading only the |0⟩ half. Pairs whose |0⟩
 * amplitude is zero are skipped entirely, so the zero pages of the fresh half are never written
 * (GHZ's cx chain writes two amplitudes per step instead of half the state).
 */
export function fresh1(
  a: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  t: number,
  m00r: number,
  m00i: number,
  m10r: number,
  m10i: number,
): void {
  const p0 = pos[0];
  const run = 1 << p0;
  const outer = dim >> (pos.length + p0);
  const s = 2 << t;
  for (let o = 0; o < outer; o++) {
    const base = spread(o << p0, pos) | value;
    for (let p = 2 * base, end = 2 * (base + run); p < end; p += 2) {
      const xr = a[p];
      const xi = a[p + 1];
      if (xr === 0 && xi === 0) continue;
      const q = p + s;
      a[p] = m00r * xr - m00i * xi;
      a[p + 1] = m00r * xi + m00i * xr;
      a[q] = m10r * xr - m10i * xi;
      a[q + 1] = m10r * xi + m10i * xr;
    }
  }
}
