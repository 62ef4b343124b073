/**
 * Small dense complex matrices (the IR's `Matrix`: row-major, split re/im). Used to build gate
 * matrices once and to fuse gates; never in a per-amplitude loop, so clarity beats speed here.
 *
 * Index convention everywhere: in a matrix acting on operands [o0, o1, …], bit j of a row or
 * column index is the state of operand j (operand 0 is the least significant bit), as in Qiskit.
 */
import type { Matrix } from "./ir";

/** A complex entry as a `[re, im]` pair, for writing matrices literally. */
export type Entry = number | readonly [number, number];

export function zeros(dim: number): Matrix {
  return { dim, re: new Float64Array(dim * dim), im: new Float64Array(dim * dim) };
}

export function identity(dim: number): Matrix {
  const m = zeros(dim);
  for (let i = 0; i < dim; i++) m.re[i * dim + i] = 1;
  return m;
}

/** Builds a matrix from rows of real numbers or `[re, im]` pairs. */
export function fromRows(rows: readonly (readonly Entry[])[]): Matrix {
  const dim = rows.length;
  const m = zeros(dim);
  rows.forEach((row, r) => {
    if (row.length !== dim)
      throw new Error(`matrix row ${r} has ${row.length} entries, not ${dim}`);
    row.forEach((e, c) => {
      m.re[r * dim + c] = typeof e === "number" ? e : e[0];
      m.im[r * dim + c] = typeof e === "number" ? 0 : e[1];
    });
  });
  return m;
}

/** e^{iθ} as `[re, im]`. */
export function expi(theta: number): [number, number] {
  return [Math.cos(theta), Math.sin(theta)];
}

/** a · b (apply b first, then a). */
export function multiply(a: Matrix, b: Matrix): Matrix {
  const d = a.dim;
  if (b.dim !== d) throw new Error(`cannot multiply ${d}×${d} by ${b.dim}×${b.dim}`);
  const out = zeros(d);
  for (let r = 0; r < d; r++) {
    for (let k = 0; k < d; k++) {
      const ar = a.re[r * d + k];
      const ai = a.im[r * d + k];
      if (ar === 0 && ai === 0) continue;
      for (let c = 0; c < d; c++) {
        const br = b.re[k * d + c];
        const bi = b.im[k * d + c];
        out.re[r * d + c] += ar * br - ai * bi;
        out.im[r * d + c] += ar * bi + ai * br;
      }
    }
  }
  return out;
}

export function scale(m: Matrix, re: number, im: number): Matrix {
  const out = zeros(m.dim);
  for (let i = 0; i < m.re.length; i++) {
    out.re[i] = m.re[i] * re - m.im[i] * im;
    out.im[i] = m.re[i] * im + m.im[i] * re;
  }
  return out;
}

/** Conjugate transpose. */
export function adjoint(m: Matrix): Matrix {
  const d = m.dim;
  const out = zeros(d);
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      out.re[c * d + r] = m.re[r * d + c];
      out.im[c * d + r] = -m.im[r * d + c];
    }
  }
  return out;
}

/** Largest entry-wise distance |a − b|. */
export function maxDistance(a: Matrix, b: Matrix): number {
  if (a.dim !== b.dim) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.re.length; i++) {
    worst = Math.max(worst, Math.hypot(a.re[i] - b.re[i], a.im[i] - b.im[i]));
  }
  return worst;
}

export function isUnitary(m: Matrix, tolerance = 1e-12): boolean {
  return maxDistance(multiply(adjoint(m), m), identity(m.dim)) <= tolerance;
}

export function isDiagonal(m: Matrix): boolean {
  const d = m.dim;
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      if (r !== c && (m.re[r * d + c] !== 0 || m.im[r * d + c] !== 0)) return false;
    }
  }
  return true;
}

/** True when every column has exactly one nonzero entry (a permutation with phases). */
export function isMonomial(m: Matrix): boolean {
  const d = m.dim;
  const rowUsed = new Uint8Array(d);
  for (let c = 0; c < d; c++) {
    let found = -1;
    for (let r = 0; r < d; r++) {
      if (m.re[r * d + c] !== 0 || m.im[r * d + c] !== 0) {
        if (found >= 0) return false;
        found = r;
      }
    }
    if (found < 0 || rowUsed[found]) return false;
    rowUsed[found] = 1;
  }
  return true;
}

/**
 * Flushes entries within `eps` of 0, ±1 or ±i to those exact values, so matrices composed from
 * decompositions (rccx from u1/u2/cx) keep their exact zero pattern and can take the cheap kernels.
 */
export function clean(m: Matrix, eps = 1e-14): Matrix {
  const snap = (x: number): number => {
    for (const v of [0, 1, -1]) if (Math.abs(x - v) < eps) return v;
    return x;
  };
  const out = zeros(m.dim);
  for (let i = 0; i < m.re.length; i++) {
    out.re[i] = snap(m.re[i]);
    out.im[i] = snap(m.im[i]);
  }
  return out;
}

/**
 * Embeds `m`, acting on `operands` (positions among `width` qubits, operand 0 = low bit of m's
 * index), into a 2^width matrix that is the identity on the other positions.
 */
export function embed(m: Matrix, operands: readonly number[], width: number): Matrix {
  const k = operands.length;
  if (m.dim !== 1 << k) throw new Error(`a ${m.dim}×${m.dim} matrix cannot act on ${k} qubits`);
  const dim = 1 << width;
  const out = zeros(dim);
  let opMask = 0;
  for (const q of operands) opMask |= 1 << q;
  const sub = (i: number): number => {
    let s = 0;
    for (let j = 0; j < k; j++) s |= ((i >> operands[j]) & 1) << j;
    return s;
  };
  const spread = (s: number): number => {
    let i = 0;
    for (let j = 0; j < k; j++) i |= ((s >> j) & 1) << operands[j];
    return i;
  };
  for (let col = 0; col < dim; col++) {
    const rest = col & ~opMask;
    const sc = sub(col);
    for (let sr = 0; sr < m.dim; sr++) {
      const row = rest | spread(sr);
      out.re[row * dim + col] = m.re[sr * m.dim + sc];
      out.im[row * dim + col] = m.im[sr * m.dim + sc];
    }
  }
  return out;
}

/**
 * The matrix of `target` with `controls` extra operands placed *below* it: operand j < controls
 * is a control that must read `states[j]` (default 1); the target acts on the higher operands.
 */
export function controlled(target: Matrix, controls: number, states?: readonly (0 | 1)[]): Matrix {
  const cdim = 1 << controls;
  const dim = target.dim * cdim;
  let want = 0;
  for (let j = 0; j < controls; j++) if ((states?.[j] ?? 1) === 1) want |= 1 << j;
  const out = zeros(dim);
  for (let i = 0; i < dim; i++) {
    if ((i & (cdim - 1)) !== want) out.re[i * dim + i] = 1;
  }
  for (let r = 0; r < target.dim; r++) {
    for (let c = 0; c < target.dim; c++) {
      const row = r * cdim + want;
      const col = c * cdim + want;
      out.re[row * dim + col] = target.re[r * target.dim + c];
      out.im[row * dim + col] = target.im[r * target.dim + c];
    }
  }
  return out;
}
