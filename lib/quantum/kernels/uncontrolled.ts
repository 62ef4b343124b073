/**
 * Single-qubit kernels without controls, the most common case (every h, rx, rz … of a circuit).
 * Layout and conventions as in single.ts; `t` is the target and `dim` = 2^n.
 *
 * Why separate from the controlled kernels: without controls no index arithmetic is needed at
 * all. Each kernel has three loops chosen by the target bit:
 * - t = 0: the pair is two adjacent amplitudes (4 consecutive numbers);
 * - t = 1: two pairs interleave in 8 consecutive numbers, (0, 2) and (1, 3), unrolled;
 * - t ≥ 2: blocks of 2^(t+1) amplitudes whose lower half pairs with the upper half.
 * The t = 1 case was the slowest before (runs of two amplitudes between `spread` calls).
 *
 * `real1` exists because h, ry, x·h … have a real matrix: 8 multiplications per pair instead of
 * 16, which keeps a cheap gate below the cost of one in-place scaling pass.
 */

/** General 2×2 matrix (m00, m01, m10, m11 as re/im pairs) on target t. */
export function general1Free(
  a: Float64Array,
  dim: number,
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
  const end = 2 * dim;
  if (t === 0) {
    for (let p = 0; p < end; p += 4) {
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
  if (t === 1) {
    for (let p = 0; p < end; p += 8) {
      const xr = a[p];
      const xi = a[p + 1];
      const ur = a[p + 2];
      const ui = a[p + 3];
      const yr = a[p + 4];
      const yi = a[p + 5];
      const vr = a[p + 6];
      const vi = a[p + 7];
      a[p] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
      a[p + 1] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
      a[p + 4] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
      a[p + 5] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
      a[p + 2] = m00r * ur - m00i * ui + m01r * vr - m01i * vi;
      a[p + 3] = m00r * ui + m00i * ur + m01r * vi + m01i * vr;
      a[p + 6] = m10r * ur - m10i * ui + m11r * vr - m11i * vi;
      a[p + 7] = m10r * ui + m10i * ur + m11r * vi + m11i * vr;
    }
    return;
  }
  const s = 2 << t;
  for (let base = 0; base < end; base += 2 * s) {
    for (let p = base, stop = base + s; p < stop; p += 2) {
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

/** Real 2×2 matrix [[m00, m01], [m10, m11]] on target t (h, ry, and real fused products). */
export function real1Free(
  a: Float64Array,
  dim: number,
  t: number,
  m00: number,
  m01: number,
  m10: number,
  m11: number,
): void {
  const end = 2 * dim;
  if (t === 0) {
    for (let p = 0; p < end; p += 4) {
      const xr = a[p];
      const xi = a[p + 1];
      const yr = a[p + 2];
      const yi = a[p + 3];
      a[p] = m00 * xr + m01 * yr;
      a[p + 1] = m00 * xi + m01 * yi;
      a[p + 2] = m10 * xr + m11 * yr;
      a[p + 3] = m10 * xi + m11 * yi;
    }
    return;
  }
  if (t === 1) {
    for (let p = 0; p < end; p += 8) {
      const xr = a[p];
      const xi = a[p + 1];
      const ur = a[p + 2];
      const ui = a[p + 3];
      const yr = a[p + 4];
      const yi = a[p + 5];
      const vr = a[p + 6];
      const vi = a[p + 7];
      a[p] = m00 * xr + m01 * yr;
      a[p + 1] = m00 * xi + m01 * yi;
      a[p + 2] = m00 * ur + m01 * vr;
      a[p + 3] = m00 * ui + m01 * vi;
      a[p + 4] = m10 * xr + m11 * yr;
      a[p + 5] = m10 * xi + m11 * yi;
      a[p + 6] = m10 * ur + m11 * vr;
      a[p + 7] = m10 * ui + m11 * vi;
    }
    return;
  }
  const s = 2 << t;
  for (let base = 0; base < end; base += 2 * s) {
    for (let p = base, stop = base + s; p < stop; p += 2) {
      const q = p + s;
      const xr = a[p];
      const xi = a[p + 1];
      const yr = a[q];
      const yi = a[q + 1];
      a[p] = m00 * xr + m01 * yr;
      a[p + 1] = m00 * xi + m01 * yi;
      a[q] = m10 * xr + m11 * yr;
      a[q + 1] = m10 * xi + m11 * yi;
    }
  }
}

/** Diagonal diag(d0, d1) on target t (rz and other diagonals whose |0⟩ entry is not 1). */
export function diag1Free(
  a: Float64Array,
  dim: number,
  t: number,
  d0r: number,
  d0i: number,
  d1r: number,
  d1i: number,
): void {
  const end = 2 * dim;
  if (t === 0) {
    for (let p = 0; p < end; p += 4) {
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
  if (t === 1) {
    for (let p = 0; p < end; p += 8) {
      const xr = a[p];
      const xi = a[p + 1];
      const ur = a[p + 2];
      const ui = a[p + 3];
      const yr = a[p + 4];
      const yi = a[p + 5];
      const vr = a[p + 6];
      const vi = a[p + 7];
      a[p] = d0r * xr - d0i * xi;
      a[p + 1] = d0r * xi + d0i * xr;
      a[p + 2] = d0r * ur - d0i * ui;
      a[p + 3] = d0r * ui + d0i * ur;
      a[p + 4] = d1r * yr - d1i * yi;
      a[p + 5] = d1r * yi + d1i * yr;
      a[p + 6] = d1r * vr - d1i * vi;
      a[p + 7] = d1r * vi + d1i * vr;
    }
    return;
  }
  const s = 2 << t;
  for (let base = 0; base < end; base += 2 * s) {
    for (let p = base, stop = base + s; p < stop; p += 2) {
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = d0r * xr - d0i * xi;
      a[p + 1] = d0r * xi + d0i * xr;
    }
    for (let q = base + s, stop = base + 2 * s; q < stop; q += 2) {
      const yr = a[q];
      const yi = a[q + 1];
      a[q] = d1r * yr - d1i * yi;
      a[q + 1] = d1r * yi + d1i * yr;
    }
  }
}

/** X on target t: swaps each pair, no arithmetic. */
export function swap1Free(a: Float64Array, dim: number, t: number): void {
  const end = 2 * dim;
  if (t === 0) {
    for (let p = 0; p < end; p += 4) {
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = a[p + 2];
      a[p + 1] = a[p + 3];
      a[p + 2] = xr;
      a[p + 3] = xi;
    }
    return;
  }
  if (t === 1) {
    for (let p = 0; p < end; p += 8) {
      const xr = a[p];
      const xi = a[p + 1];
      const ur = a[p + 2];
      const ui = a[p + 3];
      a[p] = a[p + 4];
      a[p + 1] = a[p + 5];
      a[p + 2] = a[p + 6];
      a[p + 3] = a[p + 7];
      a[p + 4] = xr;
      a[p + 5] = xi;
      a[p + 6] = ur;
      a[p + 7] = ui;
    }
    return;
  }
  const s = 2 << t;
  for (let base = 0; base < end; base += 2 * s) {
    for (let p = base, stop = base + s; p < stop; p += 2) {
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
