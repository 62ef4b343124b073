/**
 * The state-vector loops differentiation needs beyond the simulator's kernels: H·ψ for a Pauli
 * sum H, and the adjoint method's backward step at a gate, which takes matrix elements
 * ⟨λ|P·D|ψ⟩ of small derivative matrices D on the gate's targets (P projects onto the
 * controls' required states: the derivative of a controlled gate vanishes elsewhere). Same
 * layout as statevector.ts (interleaved re/im, qubit 0 the least significant bit); no
 * allocation.
 */
import { spread } from "../kernels/indexing";
import type { PauliSum } from "../observables";

function parity(v: number): number {
  v ^= v >>> 16;
  v ^= v >>> 8;
  v ^= v >>> 4;
  v ^= v >>> 2;
  v ^= v >>> 1;
  return v & 1;
}

/**
 * out = H·psi for a Pauli sum H. Each term is coeff·i^{#Y}·X^x·Z^z (Y = iXZ), which sends |k⟩ to
 * coeff·i^{#Y}·(−1)^{popcount(k & z)}·|k ⊕ x⟩. Identity terms add coeff·psi.
 */
export function applyPauliSum(sum: PauliSum, psi: Float64Array, out: Float64Array): void {
  out.fill(0);
  const dim = psi.length >> 1;
  for (const term of sum.terms) {
    let x = 0;
    let z = 0;
    let ys = 0;
    for (const f of term.factors) {
      if (f.pauli !== "Z") x |= 1 << f.qubit;
      if (f.pauli !== "X") z |= 1 << f.qubit;
      if (f.pauli === "Y") ys++;
    }
    // coeff · i^{ys} as (cr, ci): one of ±coeff, ±i·coeff
    const quarter = ys & 3;
    const cr = quarter === 0 ? term.coeff : quarter === 2 ? -term.coeff : 0;
    const ci = quarter === 1 ? term.coeff : quarter === 3 ? -term.coeff : 0;
    for (let k = 0; k < dim; k++) {
      const sr = parity(k & z) ? -cr : cr;
      const si = parity(k & z) ? -ci : ci;
      const p = 2 * k;
      const q = 2 * (k ^ x);
      const ar = psi[p];
      const ai = psi[p + 1];
      out[q] += sr * ar - si * ai;
      out[q + 1] += sr * ai + si * ar;
    }
  }
}

/** Re ⟨a|b⟩. */
export function realInner(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * One backward step of adjoint differentiation at a gate U, in a single pass over the states:
 * for each group of amplitudes the gate touches, |ψ⟩ ← U†|ψ⟩ (when `updatePsi`; with several
 * observables only the first step moves ψ), out[s] += Re⟨λ|P·D_s|ψ⟩ for each derivative matrix
 * D_s (K×K each, packed one after another in `d`), then |λ⟩ ← U†|λ⟩. `inverse` is U† on the
 * targets (K×K interleaved); `scratch` holds at least 4K numbers.
 */
export function adjointStep(
  psi: Float64Array,
  lam: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  offsets: Int32Array,
  inverse: Float64Array,
  d: Float64Array,
  count: number,
  out: Float64Array,
  updatePsi: boolean,
  scratch: Float64Array,
): void {
  const k = offsets.length;
  if (k === 2) {
    adjointStep2(psi, lam, dim, pos, value, 2 * offsets[1], inverse, d, count, out, updatePsi);
    return;
  }
  const outer = dim >> pos.length;
  const kk = 2 * k * k;
  for (let o = 0; o < outer; o++) {
    const base = spread(o, pos) | value;
    // scratch[0..2k): ψ (before the gate), scratch[2k..4k): λ
    for (let r = 0; r < k; r++) {
      const p = 2 * (base + offsets[r]);
      let xr = 0;
      let xi = 0;
      if (updatePsi) {
        for (let c = 0; c < k; c++) {
          const q = 2 * (base + offsets[c]);
          const e = 2 * (r * k + c);
          xr += inverse[e] * psi[q] - inverse[e + 1] * psi[q + 1];
          xi += inverse[e] * psi[q + 1] + inverse[e + 1] * psi[q];
        }
      } else {
        xr = psi[p];
        xi = psi[p + 1];
      }
      scratch[2 * r] = xr;
      scratch[2 * r + 1] = xi;
      scratch[2 * k + 2 * r] = lam[p];
      scratch[2 * k + 2 * r + 1] = lam[p + 1];
    }
    for (let s = 0; s < count; s++) {
      let sum = 0;
      for (let r = 0; r < k; r++) {
        let ar = 0;
        let ai = 0;
        for (let c = 0; c < k; c++) {
          const e = s * kk + 2 * (r * k + c);
          ar += d[e] * scratch[2 * c] - d[e + 1] * scratch[2 * c + 1];
          ai += d[e] * scratch[2 * c + 1] + d[e + 1] * scratch[2 * c];
        }
        sum += scratch[2 * k + 2 * r] * ar + scratch[2 * k + 2 * r + 1] * ai;
      }
      out[s] += sum;
    }
    for (let r = 0; r < k; r++) {
      const p = 2 * (base + offsets[r]);
      if (updatePsi) {
        psi[p] = scratch[2 * r];
        psi[p + 1] = scratch[2 * r + 1];
      }
      let yr = 0;
      let yi = 0;
      for (let c = 0; c < k; c++) {
        const e = 2 * (r * k + c);
        const lr = scratch[2 * k + 2 * c];
        const li = scratch[2 * k + 2 * c + 1];
        yr += inverse[e] * lr - inverse[e + 1] * li;
        yi += inverse[e] * li + inverse[e + 1] * lr;
      }
      lam[p] = yr;
      lam[p + 1] = yi;
    }
  }
}

/** `adjointStep` for one target (the pair at offsets 0 and `o1`, in Float64Array units). */
function adjointStep2(
  psi: Float64Array,
  lam: Float64Array,
  dim: number,
  pos: Int32Array,
  value: number,
  o1: number,
  u: Float64Array,
  d: Float64Array,
  count: number,
  out: Float64Array,
  updatePsi: boolean,
): void {
  const [u00r, u00i, u01r, u01i, u10r, u10i, u11r, u11i] = u;
  const outer = dim >> pos.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let o = 0; o < outer; o++) {
    const p = 2 * (spread(o, pos) | value);
    const q = p + o1;
    let xr = psi[p];
    let xi = psi[p + 1];
    let yr = psi[q];
    let yi = psi[q + 1];
    if (updatePsi) {
      const ar = u00r * xr - u00i * xi + u01r * yr - u01i * yi;
      const ai = u00r * xi + u00i * xr + u01r * yi + u01i * yr;
      const br = u10r * xr - u10i * xi + u11r * yr - u11i * yi;
      const bi = u10r * xi + u10i * xr + u11r * yi + u11i * yr;
      psi[p] = xr = ar;
      psi[p + 1] = xi = ai;
      psi[q] = yr = br;
      psi[q + 1] = yi = bi;
    }
    const lr = lam[p];
    const li = lam[p + 1];
    const mr = lam[q];
    const mi = lam[q + 1];
    for (let s = 0; s < count; s++) {
      const e = 8 * s;
      const ar = d[e] * xr - d[e + 1] * xi + d[e + 2] * yr - d[e + 3] * yi;
      const ai = d[e] * xi + d[e + 1] * xr + d[e + 2] * yi + d[e + 3] * yr;
      const br = d[e + 4] * xr - d[e + 5] * xi + d[e + 6] * yr - d[e + 7] * yi;
      const bi = d[e + 4] * xi + d[e + 5] * xr + d[e + 6] * yi + d[e + 7] * yr;
      const v = lr * ar + li * ai + mr * br + mi * bi;
      if (s === 0) s0 += v;
      else if (s === 1) s1 += v;
      else if (s === 2) s2 += v;
      else s3 += v;
    }
    lam[p] = u00r * lr - u00i * li + u01r * mr - u01i * mi;
    lam[p + 1] = u00r * li + u00i * lr + u01r * mi + u01i * mr;
    lam[q] = u10r * lr - u10i * li + u11r * mr - u11i * mi;
    lam[q + 1] = u10r * li + u10i * lr + u11r * mi + u11i * mr;
  }
  out[0] += s0;
  if (count > 1) out[1] += s1;
  if (count > 2) out[2] += s2;
  if (count > 3) out[3] += s3;
}
