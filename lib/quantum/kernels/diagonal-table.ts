/**
 * A diagonal on up to ~12 qubits applied in one sweep: amplitude i is multiplied by d[key(i)],
 * where key(i) gathers the bits of i at the diagonal's qubits (bit l of the key = qubit
 * qubits[l]). Fusion uses it for runs of diagonal gates (a QFT's controlled phases, rz/cz
 * layers): their product is one table of 2^k phases, so k gates cost one pass instead of k.
 *
 * Gathering bits per amplitude would be index arithmetic; instead the index is split into its
 * low `lowBits` bits and the rest, and two lookup tables give each half's share of the key
 * (already doubled, as an offset into the interleaved table). The inner loop walks 2^lowBits
 * consecutive amplitudes with one high share, so it is a sequential sweep with one small-table
 * lookup per amplitude. Rows (high halves) whose phases are all exactly 1 are skipped: for a
 * QFT step, the controlled phases only act where the target bit is 1, so half the rows go.
 */
import { QuantumError } from "../errors";

export interface DiagonalTable {
  readonly lowBits: number;
  /** lo[l] = 2·(key share of the low bits l). */
  readonly lo: Int32Array;
  /** hi[h] = 2·(key share of the high bits h). */
  readonly hi: Int32Array;
  /** skip[h] = 1 when every phase reachable from row h is exactly 1. */
  readonly skip: Uint8Array;
  /** Interleaved phases, entry key at [2·key], [2·key + 1]. */
  readonly d: Float64Array;
}

function shareTable(bits: number, shift: number, qubits: readonly number[]): Int32Array {
  const t = new Int32Array(2 ** bits);
  for (let v = 0; v < t.length; v++) {
    let key = 0;
    qubits.forEach((q, l) => {
      const b = q - shift;
      if (b >= 0 && b < bits && (v >> b) & 1) key |= 1 << l;
    });
    t[v] = 2 * key;
  }
  return t;
}

/** Lookup tables for the diagonal `d` (interleaved, 2^k entries) on distinct `qubits` < n. */
export function diagonalTable(
  numQubits: number,
  qubits: readonly number[],
  d: Float64Array,
): DiagonalTable {
  if (d.length !== 2 * 2 ** qubits.length) {
    throw new QuantumError(
      "unsupported",
      `a diagonal on ${qubits.length} qubits needs ${2 * 2 ** qubits.length} numbers`,
    );
  }
  // With every qubit of the diagonal at or above bit 6, split the index there: each row of
  // ≥ 64 amplitudes then has one phase (lo is all zeros), the cheapest possible sweep.
  const lowest = Math.min(...qubits);
  const lowBits = lowest >= 6 && lowest < numQubits ? lowest : Math.ceil(numQubits / 2);
  const lo = shareTable(lowBits, 0, qubits);
  const hi = shareTable(numQubits - lowBits, lowBits, qubits);
  // Row h reaches the keys hi[h] | lo[l]; the distinct low shares are few (≤ 2^k).
  const lowShares = [...new Set(lo)];
  const skip = new Uint8Array(hi.length);
  for (let h = 0; h < hi.length; h++) {
    skip[h] = lowShares.every((s) => d[hi[h] | s] === 1 && d[(hi[h] | s) + 1] === 0) ? 1 : 0;
  }
  return { lowBits, lo, hi, skip, d };
}

export function applyDiagonalTable(a: Float64Array, dim: number, table: DiagonalTable): void {
  const { lowBits, lo, hi, skip, d } = table;
  const row = 2 << lowBits;
  const rows = dim >> lowBits;
  if (lo[lo.length - 1] === 0) {
    // No qubit of the diagonal among the low bits: one phase per row.
    for (let h = 0; h < rows; h++) {
      if (skip[h] === 1) continue;
      const dr = d[hi[h]];
      const di = d[hi[h] + 1];
      for (let p = h * row, end = p + row; p < end; p += 2) {
        const xr = a[p];
        const xi = a[p + 1];
        a[p] = dr * xr - di * xi;
        a[p + 1] = dr * xi + di * xr;
      }
    }
    return;
  }
  for (let h = 0; h < rows; h++) {
    if (skip[h] === 1) continue;
    const hk = hi[h];
    for (let l = 0, p = h * row; l < lo.length; l++, p += 2) {
      const k = hk | lo[l];
      const dr = d[k];
      const di = d[k + 1];
      const xr = a[p];
      const xi = a[p + 1];
      a[p] = dr * xr - di * xi;
      a[p + 1] = dr * xi + di * xr;
    }
  }
}
